import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// This module runs from `dist/core/engine` once built, from `core/engine` under the tests.
const CODE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGE_ROOT = path.basename(CODE_ROOT) === 'dist' ? path.dirname(CODE_ROOT) : CODE_ROOT;
/** The folders of the package whose files generate output (sources, or their build, and templates). */
const CODE_FOLDERS = ['bin', 'core', 'generators', 'lib', 'plugins', 'stacks', 'templates'];

/** The files and folders holding this generator's code: its build (or its sources), its templates and its package.json. */
export function generatorCodePaths(): string[] {
  const paths = [...CODE_FOLDERS.map((folder) => path.join(CODE_ROOT, folder)), path.join(PACKAGE_ROOT, 'stacks'), path.join(PACKAGE_ROOT, 'plugins'), path.join(PACKAGE_ROOT, 'package.json')];
  return [...new Set(paths)];
}

/**
 * What the code under `paths` is, cheaply: a hash of the path, size and mtime of every file
 * (`node_modules` skipped), so that a rebuild or an edited plugin gives another identity
 * without reading a byte of the code. A missing path counts as empty. Synchronous, as the
 * stats of a file check are (see `file-state.ts`).
 */
export function codeIdentity(paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const entry of paths) {
    hash.update(`${path.resolve(entry)}\n`);
    for (const file of filesUnder(path.resolve(entry))) hash.update(`${file.path}\0${file.size}\0${file.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

interface StatEntry {
  path: string;
  size: number;
  mtimeMs: number;
}

function filesUnder(entry: string): StatEntry[] {
  const info = statSync(entry, { throwIfNoEntry: false });
  if (!info) return [];
  if (!info.isDirectory()) return [{ path: entry, size: info.size, mtimeMs: info.mtimeMs }];
  const names = readdirSync(entry).filter((name) => name !== 'node_modules').sort();
  return names.flatMap((name) => filesUnder(path.join(entry, name)));
}
