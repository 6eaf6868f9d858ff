/**
 * The engine and the shared plugins know no stack: nothing under core/ or plugins/ imports
 * stacks/, so a third-party stack gets from them what the FastAPI stack gets, through its
 * descriptor. A test stack written as a package would write it imports nothing of stacks/ either.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function typescriptFiles(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
function importedModules(text: string): string[] {
  const specifiers = [...text.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((match) => match[1]!);
  return specifiers.filter((specifier) => specifier.startsWith('.'));
}

describe('the boundaries of a stack', () => {
  it.each(['core', 'plugins', 'test/fixtures/descriptor-stack'])('nothing under %s/ imports stacks/', async (folder) => {
    const files = await typescriptFiles(folder);
    expect(files.length).toBeGreaterThan(0);
    const crossings: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(root, file), 'utf8');
      for (const specifier of importedModules(text)) {
        const target = path.relative(root, path.resolve(root, path.dirname(file), specifier));
        if (target === 'stacks' || target.startsWith(`stacks${path.sep}`)) crossings.push(`${file} → ${specifier}`);
      }
    }
    expect(crossings).toEqual([]);
  });
});
