import { InfraStackError, type InfraStackPlugin } from '../../core/index.js';
import { templatesDir } from './paths.js';
import { DOCS_PLUGIN, planDocs } from './plan.js';
import type { DocumentedStack } from './stack.js';

export type { CodeComponent, ComponentRole, DocumentedStack, EndpointCode } from './stack.js';

/** Plans its files after every other contributor (default stage 0), so the project structure lists theirs. */
const LATE = 1000;

/**
 * Writes `output/`: the data model with its ER diagram, the API-to-code mapping, the
 * infrastructure-layer plan and the project structure. On unless `config.docs` is false
 * (`--no-docs`). `stacks` tell it the names each stack gives its code.
 */
export function docsPlugin(options: { stacks?: readonly DocumentedStack[] } = {}): InfraStackPlugin {
  return {
    name: DOCS_PLUGIN,
    apply({ hooks, templates }) {
      templates.addSearchPath(templatesDir());
      hooks.configure.tap(DOCS_PLUGIN, (config) => {
        if (config.docs !== undefined && typeof config.docs !== 'boolean') throw new InfraStackError(`the docs setting must be true or false, got ${JSON.stringify(config.docs)}`);
        return { ...config, docs: config.docs ?? true };
      });
      hooks.planFiles.tap({ name: DOCS_PLUGIN, stage: LATE }, (plan, context) => {
        if (context.config.docs === false) return plan;
        const stack = options.stacks?.find((s) => s.name === context.config.stack);
        return { files: [...plan.files, ...planDocs(plan.files, context, stack)] };
      });
    },
  };
}
