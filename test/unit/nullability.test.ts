/**
 * Whether a field may lack a value, and so whether its column takes NULL, is decided in one place
 * (core/model/nullability.ts): no other module spells the rule out, and the columns of the models,
 * the SQL DDL and the infrastructure plan say the same of every field.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../../lib/index.js';
import { isNullableColumn } from '../../core/index.js';
import { relationalSchema } from '../../core/index.js';
import { fastapiSqlalchemyDescriptor } from '../../stacks/fastapi-sqlalchemy/descriptor.js';
import { fieldViews } from '../../stacks/fastapi-sqlalchemy/view/entities.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const HOME = 'core/model/nullability.ts';

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(relative);
    return Promise.resolve(entry.name.endsWith('.ts') ? [relative] : []);
  }));
  return nested.flat();
}

describe('nullability, decided once', () => {
  it('no module but core/model/nullability.ts spells out "required and not nullable"', async () => {
    const files = (await Promise.all(['core', 'plugins', 'stacks', 'lib', 'generators', 'bin'].map(sources))).flat();
    const rule = /\brequired\s*&&\s*!\s*[\w.?]*nullable\b|!\s*[\w.?]*required\s*\|\|\s*[\w.?]*nullable\b/;
    const offenders: string[] = [];
    for (const file of files) {
      if (file === HOME) continue;
      const text = await readFile(path.join(root, file), 'utf8');
      text.split('\n').forEach((line, index) => {
        if (rule.test(line)) offenders.push(`${file}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
    expect(await readFile(path.join(root, HOME), 'utf8')).toMatch(rule);
  });

  for (const document of ['examples/shop/openapi.yaml', 'test/fixtures/key-cycles/openapi.yaml', 'test/fixtures/hostile/openapi.yaml']) {
    it(`the models' columns and the DDL's agree with the rule on every field (${document})`, async () => {
      const model = await deriveModel({ apiFiles: [path.join(root, document)] });
      const tables = new Map(relationalSchema(model, fastapiSqlalchemyDescriptor.naming!).map((table) => [table.name, table]));
      for (const entity of model.entities) {
        const columns = new Map(tables.get(entity.table)!.columns.map((column) => [column.name, column.nullable]));
        for (const view of fieldViews(entity).filter((v) => !v.relation)) {
          const expected = isNullableColumn(entity, view.field);
          expect(view.nullable, `${entity.name}.${view.field.name} (model)`).toBe(expected);
          expect(columns.get(view.column), `${entity.name}.${view.field.name} (DDL)`).toBe(expected);
        }
      }
    });
  }
});
