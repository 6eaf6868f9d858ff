import type { InfraStackPlugin } from '../engine/plugin.js';
import { checkCompatibility } from './compatibility.js';
import { enginePackage } from './engine-version.js';
import { entryOf, importLocalPlugins, importPlugin } from './load.js';
import { choosePlugins, type InstalledPluginsRequest } from './selection.js';

export { isPluginPackageName, pluginPackageName, PLUGIN_PREFIX } from './names.js';
export { checkCompatibility, supportedRange } from './compatibility.js';
export { LOCAL_PLUGINS_DIR } from './load.js';
export { enginePackage, ENGINE_PACKAGE } from './engine-version.js';
export { choosePlugins, type InstalledPluginsRequest, type ChosenPlugins } from './selection.js';

export interface InstalledPlugins {
  plugins: InfraStackPlugin[];
  /** The package names of the plugins used, in order: what `.yo-rc.json` records. */
  used: string[];
}

/** Finds, selects, checks and imports the third-party plugins of a run, then the project's local ones. */
export async function loadInstalledPlugins(request: InstalledPluginsRequest): Promise<InstalledPlugins> {
  const engine = enginePackage();
  const { chosen } = await choosePlugins(request);
  const plugins: InfraStackPlugin[] = [];
  for (const candidate of chosen) {
    if (!request.skipChecks) checkCompatibility(candidate.manifest, engine.version);
    plugins.push(await importPlugin(entryOf(candidate.dir, candidate.manifest), candidate.name));
  }
  plugins.push(...(await importLocalPlugins(request.projectDir)));
  return { plugins, used: chosen.map((candidate) => candidate.name) };
}
