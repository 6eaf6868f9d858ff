import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ENGINE_PACKAGE = 'generator-infra-stack';

let cached: { version: string; root: string } | undefined;

/** This package's version and folder, from its package.json (found from the sources or from `dist/`). */
export function enginePackage(): { version: string; root: string } {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === ENGINE_PACKAGE && manifest.version) return (cached = { version: manifest.version, root: dir });
    } catch {
      // no package.json here: look further up
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the package.json of ${ENGINE_PACKAGE}`);
    dir = parent;
  }
}
