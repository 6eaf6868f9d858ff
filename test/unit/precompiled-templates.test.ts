import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledSource, templateHash, type PrecompiledTemplate } from '../../core/engine/precompiled-templates.js';

const BUILT = path.resolve('dist/templates/precompiled.js');

async function shippedTemplates(): Promise<string[]> {
  const found: string[] = [];
  for (const root of ['stacks', 'plugins']) {
    for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
      if (entry.isFile() && entry.name.endsWith('.njk')) found.push(path.relative('.', path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    }
  }
  return found.sort();
}

describe('templates compiled by the build', () => {
  it('cover every template the package ships, each compiled from its current source', async () => {
    const { templates } = (await import(pathToFileURL(BUILT).href)) as { templates: Record<string, PrecompiledTemplate> };
    const shipped = await shippedTemplates();
    expect(Object.keys(templates).sort()).toEqual(shipped);
    for (const file of shipped) {
      expect(templates[file]!.hash, file).toBe(templateHash(await readFile(file, 'utf8')));
      expect(typeof (templates[file]!.compiled() as { root?: unknown }).root, file).toBe('function');
    }
  });

  it('are used only for the source they were compiled from: an edited template compiles again', () => {
    const props = { root: () => undefined };
    const compiled = () => props;
    const file = path.resolve('stacks/x/templates/a.njk');
    const table = new Map<string, PrecompiledTemplate>();
    expect(compiledSource(file, 'hello {{ name }}', table)).toBeUndefined();
    table.set('stacks/x/templates/a.njk', { hash: templateHash('hello {{ name }}'), compiled });
    expect(compiledSource(file, 'hello {{ name }}', table)).toEqual({ type: 'code', obj: props });
    expect(compiledSource(file, 'hello {{ name }}!', table)).toBeUndefined();
  });
});
