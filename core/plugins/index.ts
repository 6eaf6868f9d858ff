import type { InfraStackPlugin } from '../engine/plugin.js';
import { InfraStackError } from '../errors.js';
import { checkCompatibility, skippedCheckWarning } from './compatibility.js';
import { findPluginPackages, nodeModulesChain, nodeModulesHolding, type FoundPlugin } from './discover.js';
import { enginePackage } from './engine-version.js';
import { entryOf, importLocalPlugins, importPlugin } from './load.js';
import { pluginPackageName } from './names.js';

export { isPluginPackageName, pluginPackageName, PLUGIN_PREFIX } from './names.js';
export { checkCompatibility, supportedRange } from './compatibility.js';
export { LOCAL_PLUGINS_DIR } from './load.js';
export { enginePackage, ENGINE_PACKAGE } from './engine-version.js';

export interface InstalledPluginsRequest {
  /** The project: its `node_modules` and its ancestors' are searched, its `.infra-stack/plugins/` loaded. */
  projectDir: string;
  /** More folders whose `node_modules` chains are searched (the current folder). */
  alsoSearch?: readonly string[];
  /** The plugins to use, in this order (`--plugins`, `.yo-rc.json`); when absent, every plugin found, by name. */
  selection?: readonly string[];
  /** Use plugins whose declared range excludes this version. */
  skipChecks?: boolean;
}

export interface InstalledPlugins {
  plugins: InfraStackPlugin[];
  /** The package names of the plugins used, in order: what `.yo-rc.json` records. */
  used: string[];
  /** One per plugin used although its declared range excludes this version (`skipChecks`). */
  warnings: string[];
}

/** Finds, selects, checks and imports the third-party plugins of a run, then the project's local ones. */
export async function loadInstalledPlugins(request: InstalledPluginsRequest): Promise<InstalledPlugins> {
  const engine = enginePackage();
  const searched = unique([...[request.projectDir, ...(request.alsoSearch ?? [])].flatMap(nodeModulesChain), ...[nodeModulesHolding(engine.root)].filter((dir) => dir !== undefined)]);
  const found = await findPluginPackages(searched);
  const chosen = request.selection === undefined ? [...found].sort((a, b) => a.name.localeCompare(b.name)) : select(found, request.selection, searched);
  const plugins: InfraStackPlugin[] = [];
  const warnings: string[] = [];
  for (const candidate of chosen) {
    if (!request.skipChecks) checkCompatibility(candidate.manifest, engine.version);
    else warnings.push(...[skippedCheckWarning(candidate.manifest, engine.version)].filter((warning) => warning !== undefined));
    plugins.push(await importPlugin(entryOf(candidate.dir, candidate.manifest), candidate.name));
  }
  plugins.push(...(await importLocalPlugins(request.projectDir)));
  return { plugins, used: chosen.map((candidate) => candidate.name), warnings };
}

function select(found: readonly FoundPlugin[], selection: readonly string[], searched: readonly string[]): FoundPlugin[] {
  return unique(selection.map(pluginPackageName)).map((name) => {
    const match = found.find((candidate) => candidate.name === name);
    if (!match) throw new InfraStackError(`plugin ${name} is selected (--plugins or .yo-rc.json) but not installed; looked in ${searched.join(', ')}`);
    return match;
  });
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
