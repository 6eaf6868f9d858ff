import { InfraStackError, type InfraStackPlugin } from '../../core/index.js';
import { templatesDir } from './paths.js';
import { DOCS_PLUGIN, planDocs } from './plan.js';

/** Plans its files after every other contributor (default stage 0), so the project structure lists theirs. */
const LATE = 1000;

/**
 * Writes `output/`: the data model with its ER diagram, the API-to-code mapping, the
 * infrastructure-layer plan and the project structure. On unless `config.docs` is false
 * (`--no-docs`). The run's stack tells it, in its descriptor's `docs`, the names it gives its code.
 */
export const docsPlugin: InfraStackPlugin = {
  name: DOCS_PLUGIN,
  apply({ hooks, templates }) {
    templates.addSearchPath(templatesDir());
    hooks.configure.tap(DOCS_PLUGIN, (config) => {
      if (config.docs !== undefined && typeof config.docs !== 'boolean') throw new InfraStackError(`the docs setting must be true or false, got ${JSON.stringify(config.docs)}`);
      return { ...config, docs: config.docs ?? true };
    });
    hooks.planFiles.tap({ name: DOCS_PLUGIN, stage: LATE }, (plan, context) => {
      if (context.config.docs === false) return plan;
      return { files: [...plan.files, ...planDocs(plan.files, context)] };
    });
  },
};
