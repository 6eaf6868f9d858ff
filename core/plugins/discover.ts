import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isPluginPackageName } from './names.js';

/** The parts of a plugin's package.json the loader reads. */
export interface PluginManifest {
  name: string;
  version?: string;
  main?: string;
  exports?: unknown;
  peerDependencies?: Record<string, string>;
  engines?: Record<string, string>;
}

export interface FoundPlugin {
  name: string;
  /** The package's folder. */
  dir: string;
  manifest: PluginManifest;
}

/** `dir/node_modules` for `dir` and each of its ancestors, nearest first. */
export function nodeModulesChain(dir: string): string[] {
  const chain: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (path.basename(current) !== 'node_modules') chain.push(path.join(current, 'node_modules'));
    if (path.dirname(current) === current) return chain;
  }
}

/** The folder that holds an installed package, when it is a `node_modules` folder (a global install's, for the generator). */
export function nodeModulesHolding(packageRoot: string): string | undefined {
  const parent = path.dirname(packageRoot);
  const holder = path.basename(parent).startsWith('@') ? path.dirname(parent) : parent;
  return path.basename(holder) === 'node_modules' ? holder : undefined;
}

/** Plugin packages installed in the given `node_modules` folders; for a name found twice, the first folder wins. */
export async function findPluginPackages(nodeModulesDirs: readonly string[]): Promise<FoundPlugin[]> {
  const found = new Map<string, FoundPlugin>();
  for (const modules of nodeModulesDirs) {
    for (const dir of await packageDirs(modules)) {
      const manifest = await readManifest(dir);
      if (manifest && isPluginPackageName(manifest.name) && !found.has(manifest.name)) found.set(manifest.name, { name: manifest.name, dir, manifest });
    }
  }
  return [...found.values()];
}

async function packageDirs(modules: string): Promise<string[]> {
  const dirs: string[] = [];
  for (const entry of await entries(modules)) {
    if (entry.startsWith('@')) {
      for (const scoped of await entries(path.join(modules, entry))) if (isPluginPackageName(`${entry}/${scoped}`)) dirs.push(path.join(modules, entry, scoped));
    } else if (isPluginPackageName(entry)) {
      dirs.push(path.join(modules, entry));
    }
  }
  return dirs;
}

async function entries(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

export async function readManifest(dir: string): Promise<PluginManifest | undefined> {
  const manifest = await readPackageJson(dir);
  return typeof manifest?.name === 'string' ? (manifest as PluginManifest) : undefined;
}

/** A folder's package.json, whatever it holds; undefined when there is none or it is no JSON object. */
export async function readPackageJson(dir: string): Promise<Partial<PluginManifest> | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as unknown;
    return manifest !== null && typeof manifest === 'object' ? (manifest as Partial<PluginManifest>) : undefined;
  } catch {
    return undefined;
  }
}
