import type { InfraStackPlugin } from '../../core/index.js';
import { templatesDir } from './paths.js';
import { formatLongLines, prepareFormatter } from './python/formatter.js';
import { completeImportsOfModule, prepareImportThread } from './python/import-thread.js';
import { backendFiles, BACKEND_DIR } from './code-names.js';
import { planBackend, STACK_NAME } from './plan.js';
import { fastapiSqlalchemyDescriptor } from './descriptor.js';

/** Starting ruff's thread costs the main thread ~80 ms; a model this large very likely needs it (and pays for the import thread). */
const LARGE_MODEL = 200;

/** The FastAPI + SQLAlchemy 2.0 stack, registered like any third-party plugin. */
export const fastapiSqlalchemyStack: InfraStackPlugin = {
  name: STACK_NAME,
  apply({ hooks, templates, stacks }) {
    stacks.add(fastapiSqlalchemyDescriptor);
    templates.addSearchPath(templatesDir());
    hooks.planFiles.tapPromise(STACK_NAME, async (plan, { model, config, report, previous, output, schema }) => {
      if (config.stack !== STACK_NAME) return plan;
      // Documents large enough to hold names that push a statement past 100 columns start ruff early,
      // and have their imports completed on a thread while the templates render.
      if (model.entities.length + model.objectTypes.length + model.operations.length > LARGE_MODEL) {
        prepareFormatter();
        prepareImportThread();
      }
      // Every revision in the folder, whoever wrote it: a new one chains after the single head.
      const revisionsOnDisk = await output.readFolder(`${BACKEND_DIR}/${backendFiles.migrationVersions}`);
      return { files: [...plan.files, ...planBackend(model, config, report, previous, revisionsOnDisk, output.readText, schema)] };
    });
    // Imports first (a completed block may need laying out), then the statements too long for their line.
    hooks.renderFile.tapPromise(STACK_NAME, async (content, file) => {
      if (!file.path.endsWith('.py') || !file.path.startsWith(`${BACKEND_DIR}/`)) return content;
      if (file.owner === STACK_NAME) return formatLongLines(file.path, await completeImportsOfModule(file.path, content));
      // Another plugin's Python in the backend passes the same `ruff format --check`: its long
      // statements are laid out too (its imports stay its own). Python ruff cannot read is left
      // as written, for the backend's own ruff to name.
      return formatLongLines(file.path, content).catch(() => content);
    });
  },
};
