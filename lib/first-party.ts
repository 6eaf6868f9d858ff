import type { InfraStackPlugin } from '../core/index.js';
import { docsPlugin } from '../plugins/docs/index.js';
import { ddlPlugin } from '../plugins/ddl/index.js';
import { fastapiSqlalchemyStack } from '../stacks/fastapi-sqlalchemy/index.js';

/** The plugins that ship with the package, in the order they are applied. */
export function firstPartyPlugins(): InfraStackPlugin[] {
  return [fastapiSqlalchemyStack, ddlPlugin, docsPlugin];
}
