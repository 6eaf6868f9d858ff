import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InfraStackPlugin } from '../engine/plugin.js';
import { InfraStackError, PluginError } from '../errors.js';
import { readPackageJson, type PluginManifest } from './discover.js';

/** The folder of a project that holds plugins used without publishing them. */
export const LOCAL_PLUGINS_DIR = path.join('.infra-stack', 'plugins');

/** The module a package's `import` resolves to: `exports["."]` (import, default or node condition), else `main`, else index.js. */
export function entryOf(dir: string, manifest: Pick<PluginManifest, 'exports' | 'main'>): string {
  return path.join(dir, exportTarget(manifest.exports) ?? manifest.main ?? 'index.js');
}

function exportTarget(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  if (exports === null || typeof exports !== 'object' || Array.isArray(exports)) return undefined;
  const record = exports as Record<string, unknown>;
  if ('.' in record) return exportTarget(record['.']);
  for (const condition of ['import', 'node', 'default']) {
    const target = exportTarget(record[condition]);
    if (target !== undefined) return target;
  }
  return undefined;
}

/**
 * Imports a plugin module. Its default export (or a `plugin` export) is the plugin
 * `{ name, apply(api) }`, or a function without arguments that returns one.
 */
export async function importPlugin(entry: string, label: string): Promise<InfraStackPlugin> {
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  } catch (error) {
    throw new PluginError(label, `plugin ${label} could not be loaded: ${(error as Error).message}`, { file: entry, cause: error });
  }
  let exported = module.default ?? module.plugin;
  if (typeof exported === 'function') {
    try {
      exported = (exported as () => unknown)();
    } catch (error) {
      throw new PluginError(label, `plugin ${label} failed while being created: ${(error as Error).message}`, { file: entry, cause: error });
    }
  }
  if (!isPlugin(exported)) throw new InfraStackError(`plugin ${label} exports no plugin: expected a default export { name, apply(api) } or a function returning one`, { file: entry });
  return exported;
}

function isPlugin(value: unknown): value is InfraStackPlugin {
  const candidate = value as Partial<InfraStackPlugin> | null | undefined;
  return typeof candidate?.name === 'string' && candidate.name !== '' && typeof candidate.apply === 'function';
}

/** `<project>/.infra-stack/plugins/`: each `.js`/`.mjs` file, or folder with a package.json or index.js, in name order. */
export async function importLocalPlugins(projectDir: string): Promise<LocalPlugin[]> {
  const folder = path.join(projectDir, LOCAL_PLUGINS_DIR);
  let names: string[];
  try {
    names = (await readdir(folder)).sort();
  } catch {
    return [];
  }
  const plugins: LocalPlugin[] = [];
  for (const name of names) {
    const entry = await localEntry(path.join(folder, name));
    const file = path.posix.join(LOCAL_PLUGINS_DIR.split(path.sep).join('/'), name);
    if (entry) plugins.push({ plugin: await importPlugin(entry, path.join(LOCAL_PLUGINS_DIR, name)), file });
  }
  return plugins;
}

/** A plugin of the project's own folder, and where it sits in it (`.infra-stack/plugins/audit.mjs`). */
export interface LocalPlugin {
  plugin: InfraStackPlugin;
  file: string;
}

async function localEntry(item: string): Promise<string | undefined> {
  const info = await stat(item);
  if (info.isFile()) return /\.m?js$/.test(item) ? item : undefined;
  if (!info.isDirectory()) return undefined;
  return entryOf(item, (await readPackageJson(item)) ?? {});
}
