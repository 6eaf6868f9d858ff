import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deriveModel, modelToJson, relativePath, type DomainModel } from '../../lib/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => sourceFiles(item, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'source' && typeof (item as { file?: unknown }).file === 'string') found.add((item as { file: string }).file);
      else sourceFiles(item, found);
    }
  }
  return found;
}

describe('the model as JSON', () => {
  it('names source files relative to the root, and keeps markdown lines', async () => {
    const model = await deriveModel({ apiFiles: ['examples/shop/api-list.md', 'examples/shop/requirements.md'], cwd: root });
    expect([...sourceFiles(model)].every((file) => path.isAbsolute(file))).toBe(true);
    const json = JSON.parse(modelToJson(model, { root })) as DomainModel;
    // The requirements are a source too: their rules in plain words explain soft deletes.
    expect(sourceFiles(json)).toEqual(new Set(['examples/shop/api-list.md', 'examples/shop/requirements.md']));
    expect(json.entities[0]?.source).toEqual({ file: 'examples/shop/api-list.md', pointer: '/components/schemas/User', line: 5 });
  });

  it('writes keys in a fixed order (name first, then alphabetical), two-space indented, with a final newline', () => {
    const model = { version: '1', title: 'T', entities: [{ table: 'things', name: 'Thing', fields: [] }] } as unknown as DomainModel;
    expect(modelToJson(model, { root })).toBe(
      ['{', '  "entities": [', '    {', '      "name": "Thing",', '      "fields": [],', '      "table": "things"', '    }', '  ],', '  "title": "T",', '  "version": "1"', '}', ''].join('\n'),
    );
  });

  it('rewrites only source locations, not the documents\' own values', () => {
    const field = { name: 'f', default: { file: '/abs/x.yaml', pointer: '/p' }, source: { file: path.join(root, 'a', 'b.yaml'), pointer: '/x' } };
    const model = { entities: [{ name: 'E', fields: [field] }] } as unknown as DomainModel;
    const json = JSON.parse(modelToJson(model, { root })) as { entities: [{ fields: [typeof field] }] };
    expect(json.entities[0].fields[0].source.file).toBe('a/b.yaml');
    expect(json.entities[0].fields[0].default.file).toBe('/abs/x.yaml');
  });

  it('makes paths relative with / separators, climbing out of the root when needed', () => {
    expect(relativePath('/work/project', '/work/project/docs/api.yaml')).toBe('docs/api.yaml');
    expect(relativePath('/work/project', '/work/specs/api.yaml')).toBe('../specs/api.yaml');
    expect(relativePath('/work/project', 'already/relative.yaml')).toBe('already/relative.yaml');
  });
});
