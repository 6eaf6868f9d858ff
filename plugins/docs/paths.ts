import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The templates folder, found from the source tree or from the compiled `dist/` copy of this module. */
export function templatesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i += 1) {
    const candidate = path.join(dir, 'plugins', 'docs', 'templates');
    if (existsSync(path.join(dir, 'templates', 'docs'))) return path.join(dir, 'templates');
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('cannot find the docs plugin templates folder');
}
