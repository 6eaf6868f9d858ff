import type { DeriveOptions, InfraStackPlugin } from '../core/index.js';
import { loadInstalledPlugins, type InstalledPlugins } from '../core/plugins/index.js';
import { pluginRequestFor } from './plugin-request.js';

/** The installed plugins a run uses: found from the output folder (the project) and the current folder, unless discovery is off. */
export function installedPluginsFor(options: DeriveOptions & { outDir?: string }): Promise<InstalledPlugins> {
  if (options.discoverPlugins === false) return Promise.resolve({ plugins: [] as InfraStackPlugin[], used: [], warnings: [], local: [] });
  return loadInstalledPlugins(pluginRequestFor(options));
}
