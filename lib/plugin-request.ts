import path from 'node:path';
import type { DeriveOptions } from '../core/options.js';
import { choosePlugins, type ChosenPlugins, type InstalledPluginsRequest } from '../core/plugins/selection.js';

/** Where a run looks for installed plugins: the output folder (the project) and the current folder. */
export function pluginRequestFor(options: DeriveOptions & { outDir?: string }): InstalledPluginsRequest {
  const cwd = options.cwd ?? process.cwd();
  return {
    projectDir: path.resolve(cwd, options.outDir ?? '.'),
    alsoSearch: [cwd],
    ...(options.pluginNames !== undefined ? { selection: options.pluginNames } : {}),
    ...(options.skipChecks !== undefined ? { skipChecks: options.skipChecks } : {}),
  };
}

/** The installed plugins a run would use, without loading them; none when discovery is off. */
export async function chosenPluginsFor(options: DeriveOptions & { outDir?: string }): Promise<ChosenPlugins | undefined> {
  if (options.discoverPlugins === false) return undefined;
  return choosePlugins(pluginRequestFor(options));
}
