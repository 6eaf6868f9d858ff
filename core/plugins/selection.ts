import path from 'node:path';
import { InfraStackError } from '../errors.js';
import { findPluginPackages, nodeModulesChain, nodeModulesHolding, type FoundPlugin } from './discover.js';
import { enginePackage } from './engine-version.js';
import { LOCAL_PLUGINS_DIR } from './load.js';
import { pluginPackageName } from './names.js';

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

export interface ChosenPlugins {
  /** The plugin packages a run uses, in order. */
  chosen: FoundPlugin[];
  /** The project's folder of plugins used without publishing them (it may not exist). */
  localDir: string;
}

/** The installed plugins a run uses, found and selected without loading any of them. */
export async function choosePlugins(request: InstalledPluginsRequest): Promise<ChosenPlugins> {
  const searched = unique([
    ...[request.projectDir, ...(request.alsoSearch ?? [])].flatMap(nodeModulesChain),
    ...[nodeModulesHolding(enginePackage().root)].filter((dir) => dir !== undefined),
  ]);
  const found = await findPluginPackages(searched);
  const chosen = request.selection === undefined ? [...found].sort((a, b) => a.name.localeCompare(b.name)) : select(found, request.selection, searched);
  return { chosen, localDir: path.join(request.projectDir, LOCAL_PLUGINS_DIR) };
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
