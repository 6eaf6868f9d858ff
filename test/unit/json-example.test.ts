import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../../lib/index.js';
import { fieldTableFromJsonExample } from '../../core/parsers/markdown/json-example.js';
import { readBodyLabel, readResponseLine } from '../../core/parsers/markdown/endpoint-lines.js';

describe('example JSON bodies in markdown API lists', () => {
  const rows = (text: string) => fieldTableFromJsonExample(text, 10)?.rows.map((row) => [row.name, row.type, row.required, row.line]);

  it('types each field by its value, and makes required what is not null', () => {
    const text = '{\n  "name": "a",\n  "count": 3,\n  "ratio": 0.5,\n  "done": true,\n  "at": "2024-01-01T10:00:00+02:00",\n  "tags": ["x"],\n  "meta": {"k": 1},\n  "note": null\n}';
    expect(rows(text)).toEqual([
      ['name', { kind: 'scalar', schema: { type: 'string' } }, true, 11],
      ['count', { kind: 'scalar', schema: { type: 'integer' } }, true, 12],
      ['ratio', { kind: 'scalar', schema: { type: 'number' } }, true, 13],
      ['done', { kind: 'scalar', schema: { type: 'boolean' } }, true, 14],
      ['at', { kind: 'scalar', schema: { type: 'string', format: 'date-time' } }, true, 15],
      ['tags', { kind: 'array', items: { kind: 'scalar', schema: { type: 'string' } } }, true, 16],
      ['meta', { kind: 'scalar', schema: { type: 'object', additionalProperties: true } }, true, 17],
      ['note', { kind: 'scalar', schema: { type: 'string' }, nullable: true }, false, 18],
    ]);
  });

  it('reads the first object of a list, and nothing of what is no JSON object', () => {
    expect(rows('[{"id": 1}]')).toEqual([['id', { kind: 'scalar', schema: { type: 'integer' } }, true, 10]]);
    expect(rows('curl -X POST /users')).toBeUndefined();
    expect(rows('[1, 2]')).toBeUndefined();
    expect(rows('{"a b": 1}')).toBeUndefined();
  });

  it('knows the labels people put above examples', () => {
    expect(readBodyLabel('Exemplo de requisição:')).toEqual({});
    expect(readBodyLabel('Example of a failure:')).toBeUndefined();
    expect(readBodyLabel('Request example:')).toEqual({});
    expect(readBodyLabel('请求示例：')).toEqual({});
    expect(readBodyLabel('Corpo da requisição:')).toEqual({});
    expect(readResponseLine('Response example:', 'api.md', 1)).toMatchObject({ status: '200' });
    expect(readResponseLine('响应示例：', 'api.md', 1)).toMatchObject({ status: '200' });
    expect(readResponseLine('Resposta 201:', 'api.md', 1)).toMatchObject({ status: '201' });
    expect(readResponseLine('Ejemplo de respuesta:', 'api.md', 1)).toMatchObject({ status: '200' });
  });

  it('lets a table\'s types overrule what an example\'s values suggest, without a conflict', async () => {
    const model = await deriveModel({ apiFiles: [path.resolve('test/fixtures/markdown/example-bodies/table-and-examples.es.md')] });
    const receta = model.entities.find((e) => e.name === 'Receta')!;
    expect(receta.fields.filter((f) => !f.system).map((f) => [f.name, f.type.kind])).toEqual([['id', 'integer'], ['titulo', 'string'], ['dificultad', 'enum']]);
    expect(receta.fields.find((f) => f.name === 'titulo')!.constraints.maxLength).toBe(120);
    expect(model.operations.map((op) => op.kind)).toEqual(['create', 'get', 'update']);
  });
});
