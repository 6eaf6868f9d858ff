import { DATABASE_KINDS, type StackDescriptor } from '../../core/index.js';
import { backendFiles, BACKEND_DIR } from './code-names.js';
import { MYSQL_TABLE } from './column-storage.js';
import { STACK_NAMING } from './constraint-names.js';
import { fastapiSqlalchemyDocs } from './docs.js';
import { SQLALCHEMY_PHYSICAL_TYPES } from './physical-types.js';
import { STACK_NAME } from './plan.js';
import { Samples } from './view/samples.js';
import { WORKFLOW_LOG_PATH } from './verify/workflow-log.js';

/** What the engine and the other plugins know of the FastAPI + SQLAlchemy stack. */
export const fastapiSqlalchemyDescriptor: StackDescriptor = {
  name: STACK_NAME,
  outputDir: BACKEND_DIR,
  databases: DATABASE_KINDS,
  migrations: { tool: 'Alembic', folder: `${BACKEND_DIR}/${backendFiles.migrationVersions}` },
  naming: STACK_NAMING,
  physicalTypes: SQLALCHEMY_PHYSICAL_TYPES,
  mysqlTable: MYSQL_TABLE,
  samples: (model) => new Samples(model),
  docs: fastapiSqlalchemyDocs,
  // The gate's modules load when a run asks for it.
  verify: { logPath: WORKFLOW_LOG_PATH, run: async (options) => (await import('./verify/index.js')).verifyBackend(options) },
};
