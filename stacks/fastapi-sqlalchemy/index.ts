import type { InfraStackPlugin } from '../../core/index.js';
import { templatesDir } from './paths.js';
import { formatLongLines, prepareFormatter } from './python/formatter.js';
import { planBackend, STACK_NAME } from './plan.js';

/** The FastAPI + SQLAlchemy 2.0 stack, registered like any third-party plugin. */
export const fastapiSqlalchemyStack: InfraStackPlugin = {
  name: STACK_NAME,
  apply({ hooks, templates, stacks }) {
    stacks.add(STACK_NAME);
    templates.addSearchPath(templatesDir());
    hooks.planFiles.tap(STACK_NAME, (plan, { model, config, report, previous }) => {
      if (config.stack !== STACK_NAME) return plan;
      prepareFormatter();
      return { files: [...plan.files, ...planBackend(model, config, report, previous)] };
    });
    hooks.renderFile.tapPromise(STACK_NAME, async (content, file) => (file.owner === STACK_NAME ? formatLongLines(file.path, content) : content));
  },
};
