import type { InfraStackPlugin } from '../../core/index.js';
import { parseDdlChoices } from './choices.js';

const NAME = 'ddl';

/**
 * SQL DDL: `<stack folder>/db/schema.<dialect>.sql` and a seed script per dialect of `--ddl`
 * (default: the backend's database), from the relational schema of the run's stack. Only taps the
 * engine's hooks; the SQL is built when a run plans files.
 */
export const ddlPlugin: InfraStackPlugin = {
  name: NAME,
  apply({ hooks }) {
    hooks.configure.tap(NAME, (config) => (config.ddl === undefined ? config : { ...config, ddl: parseDdlChoices(config.ddl, '--ddl') }));
    hooks.planFiles.tapPromise(NAME, async (plan, context) => {
      const { planDdlFiles } = await import('./plan.js');
      return { files: [...plan.files, ...planDdlFiles(context, NAME)] };
    });
  },
};
