import type { InfraStackPlugin } from '../engine/plugin.js';
import { checkCompatibility, skippedCheckWarning } from './compatibility.js';
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
  /** One per plugin used although its declared range excludes this version (`skipChecks`). */
  warnings: string[];
  /** The project's own plugins used (`.infra-stack/plugins/`), each `<name> (<file>)`: never recorded, always loaded. */
  local: string[];
}

/** Finds, selects, checks and imports the third-party plugins of a run, then the project's local ones. */
export async function loadInstalledPlugins(request: InstalledPluginsRequest): Promise<InstalledPlugins> {
  const engine = enginePackage();
  const { chosen } = await choosePlugins(request);
  const plugins: InfraStackPlugin[] = [];
  const warnings: string[] = [];
  for (const candidate of chosen) {
    if (!request.skipChecks) checkCompatibility(candidate.manifest, engine.version);
    else warnings.push(...[skippedCheckWarning(candidate.manifest, engine.version)].filter((warning) => warning !== undefined));
    plugins.push(await importPlugin(entryOf(candidate.dir, candidate.manifest), candidate.name));
  }
  const local = await importLocalPlugins(request.projectDir);
  plugins.push(...local.map((entry) => entry.plugin));
  return { plugins, used: chosen.map((candidate) => candidate.name), warnings, local: local.map((entry) => `${entry.plugin.name} (${entry.file})`) };
}
