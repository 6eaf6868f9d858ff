import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../../core/derive/derive.js';
import { parseOpenApiFile } from '../../core/parsers/openapi/index.js';
import { deriveModel as deriveFromFiles } from '../../lib/index.js';
import { objectTypesOnTheWire } from '../../stacks/fastapi-sqlalchemy/view/wire-types-used.js';

describe('the object types components.py declares', () => {
  it('leaves out an entity whose routes all speak through its own schemas', async () => {
    const model = await deriveFromFiles({ apiFiles: [path.resolve('test/fixtures/markdown/written-by-others/receitas-json-examples.pt.md')], discoverPlugins: false });
    expect(model.objectTypes.map((t) => t.name).sort()).toEqual(['Avaliacao', 'Receita']);
    expect([...objectTypesOnTheWire(model)]).toEqual([]);
  });

  it('keeps what custom routes send and answer, page wrappers and nested objects, and what those hold', async () => {
    const model = deriveModel(await parseOpenApiFile(path.resolve('test/fixtures/hostile/openapi.yaml')));
    const used = objectTypesOnTheWire(model);
    const custom = model.operations.filter((op) => op.kind === 'custom').flatMap((op) => [op.body?.type, op.response.type]);
    for (const type of custom) if (type?.kind === 'object') expect(used).toContain(type.name);
    // AlbumEntry travels inside Album's rows; nothing imports Album itself.
    expect(used).toContain('AlbumEntry');
    expect(used.has('Album')).toBe(false);
    expect(used.size).toBeLessThan(model.objectTypes.length);
  });
});
