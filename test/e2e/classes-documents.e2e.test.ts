/**
 * End to end for the input forms of source documents 000 and 001: document 001's own example
 * (a model given as `table_name` + SQLAlchemy `columns`) and a class definitions file written the
 * way another author would (Column(...), commas, lengths, defaults, a ForeignKey to a renamed
 * table, attributes in three Optional spellings, a use case and a key the tool does not read).
 * Each generates a backend that is installed and must pass ruff, mypy --strict, its tests under
 * both markers on SQLite and PostgreSQL, and alembic up/down; the migrated SQLite database must
 * carry every declared column with its nullability and keys. The JSON gets its paths written
 * back relative to the folder holding backend/.
 *
 * Run through `npm test` (builds dist/, provides INFRA_STACK_UV and INFRA_STACK_PG_URL).
 */
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../dist/lib/index.js';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { createPostgresDatabase, postgresAdminUrl, type PostgresDatabase } from '../support/postgres.js';
import { formatResult, installBackend, REPO_ROOT, type BackendEnv, type RunResult } from '../support/python-backend.js';

/** Prints the tables of a migrated database as SQLAlchemy's inspector sees them. */
const INSPECT = `
import json, sys
from sqlalchemy import create_engine, inspect
i = inspect(create_engine(sys.argv[1]))
out = {}
for t in i.get_table_names():
    out[t] = {
        "columns": {c["name"]: c["nullable"] for c in i.get_columns(t)},
        "pk": i.get_pk_constraint(t)["constrained_columns"],
        "fks": [[f["constrained_columns"], f["referred_table"], f["referred_columns"], (f.get("options") or {}).get("ondelete")] for f in i.get_foreign_keys(t)],
        "uniques": [u["column_names"] for u in i.get_unique_constraints(t)] + [x["column_names"] for x in i.get_indexes(t) if x["unique"]],
        "indexes": [x["column_names"] for x in i.get_indexes(t)],
    }
print(json.dumps(out))
`;

interface TableShape {
  columns: Record<string, boolean>;
  pk: string[];
  fks: [string[], string, string[], string | null][];
  uniques: string[][];
  indexes: string[][];
}

function expectSuccess(result: RunResult, what: string): void {
  expect(result.code, `${what} failed\n${formatResult(result)}`).toBe(0);
}

const CASES = [
  { label: 'document 001', fixture: 'test/fixtures/classes/document-001.json' },
  { label: 'another author', fixture: 'test/fixtures/classes/hostile-columns.json' },
  { label: 'declared repositories', fixture: 'test/fixtures/classes/declared-repositories.json' },
] as const;

interface RepositoryItem {
  class_name: string;
  layer: string;
  attributes?: string[];
  methods?: { method_name: string; parameters?: string[] }[];
  code_path?: string;
  test_path?: string;
}

const snakeCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toLowerCase();

/** The parameters of a class's `__init__` and of the named methods, and whether each method is a coroutine function. */
const SIGNATURES = `
import importlib, inspect, json, sys
cls = getattr(importlib.import_module(sys.argv[1]), sys.argv[2])
out = {"__init__": [list(inspect.signature(cls.__init__).parameters), False]}
for name in sys.argv[3:]:
    method = getattr(cls, name)
    out[name] = [list(inspect.signature(method).parameters), inspect.iscoroutinefunction(method)]
print(json.dumps(out))
`;

describe.each(CASES)('generated backend: class definitions of $label', ({ label, fixture }) => {
  let work: string | undefined;
  let json: string;
  let backend: BackendEnv;
  let tables: Record<string, TableShape>;
  const databases: PostgresDatabase[] = [];
  const slug = label.replace(/\W+/g, '_');

  beforeAll(async () => {
    postgresAdminUrl();
    work = await makeTempDir('classes-documents');
    json = join(work, 'classes.json');
    await copyFile(join(REPO_ROOT, fixture), json);
    await generate({ apiFiles: [json], outDir: work });
    backend = await installBackend(join(work, 'backend'));
    const url = `sqlite:///${join(work, 'inspect.sqlite3')}`;
    expectSuccess(await backend.run(['alembic', 'upgrade', 'head'], { env: { DATABASE_URL: url.replace('sqlite:', 'sqlite+aiosqlite:') } }), 'alembic upgrade head (SQLite)');
    const inspected = await backend.run(['python', '-c', INSPECT, url]);
    expectSuccess(inspected, 'inspecting the migrated database');
    tables = JSON.parse(inspected.stdout) as Record<string, TableShape>;
  });

  afterAll(async () => {
    for (const db of databases) await db.drop();
    await removeTempDir(work);
  });

  it('migrates every declared column with its nullability and keys', () => {
    if (label === 'declared repositories') {
      expect(tables.authors?.columns).toMatchObject({ id: false, pen_name: false, email: false, born_on: true });
      expect(tables.library_books?.columns).toMatchObject({ id: false, author_id: false, title: false, isbn: false, pages: true });
      expect(tables.library_books?.fks.map(([columns, table]) => [columns, table])).toContainEqual([['author_id'], 'authors']);
      return;
    }
    if (label === 'document 001') {
      expect(tables.products?.columns).toMatchObject({ id: false, name: false, category: false, price_range: false });
      expect(tables.products?.pk).toEqual(['id']);
      return;
    }
    const depots = tables.depots!;
    expect(depots.columns).toMatchObject({ id: false, code: false, label: true, opened_on: true });
    expect(depots.pk).toEqual(['id']);
    expect(depots.uniques).toContainEqual(['code']);
    const stock = tables.stock_items!;
    expect(stock.columns).toMatchObject({ id: false, depot_ref: false, sku: false, quantity: false, unit_price: true, active: false, extra: true, note: true });
    expect(stock.fks).toContainEqual([['depot_ref'], 'depots', ['id'], 'CASCADE']);
    expect(stock.uniques).toContainEqual(['depot_ref', 'sku']);
  });

  it('writes code_path and test_path back relative to the folder holding backend/, other keys untouched', async () => {
    const original = JSON.parse(await readFile(join(REPO_ROOT, fixture), 'utf8')) as Record<string, unknown>[];
    const written = JSON.parse(await readFile(json, 'utf8')) as Record<string, unknown>[];
    expect(written.map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => !key.endsWith('_path'))))).toEqual(original);
    for (const item of written) {
      for (const key of ['code_path', 'test_path']) {
        const value = item[key];
        if (typeof value !== 'string') continue;
        expect(value).toMatch(/^backend\//);
        await expect(readFile(join(work!, value), 'utf8')).resolves.not.toBe('');
      }
    }
    const model = written.find((item) => item.layer === 'infrastructure/model');
    expect(model?.code_path).toMatch(/^backend\/app\/infrastructure\/models\/\w+\.py$/);
  });

  it('keeps each repository as declared: its class in snake_case(class_name).py, __init__ with its attributes, every method async with its parameters; tests at document 000\'s path', async () => {
    const items = (JSON.parse(await readFile(json, 'utf8')) as RepositoryItem[]).filter((item) => item.layer === 'infrastructure/repository');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const file = snakeCase(item.class_name);
      expect(item.code_path).toBe(`backend/app/infrastructure/repositories/${file}.py`);
      expect(item.test_path).toBe(`backend/tests/unit/infrastructure/repositories/test_${file}.py`);
      const methods = (item.methods ?? []).map((m) => m.method_name);
      const result = await backend.run(['python', '-c', SIGNATURES, `app.infrastructure.repositories.${file}`, item.class_name, ...methods]);
      expectSuccess(result, `reading the signatures of ${item.class_name}`);
      const signatures = JSON.parse(result.stdout) as Record<string, [string[], boolean]>;
      const attributes = (item.attributes ?? []).map((text) => text.split(':')[0]!.trim());
      expect(signatures.__init__![0]).toEqual(['self', ...(attributes.length > 0 ? attributes : ['db_session'])]);
      for (const method of item.methods ?? []) {
        const parameters = (method.parameters ?? []).map((text) => text.split(':')[0]!.trim());
        expect(signatures[method.method_name], `${item.class_name}.${method.method_name}`).toEqual([['self', ...parameters], true]);
      }
    }
  });

  it("gives each adapter and pipeline step a dependency factory and its tests at document 001's places", async () => {
    const items = (JSON.parse(await readFile(json, 'utf8')) as RepositoryItem[]).filter((item) => ['infrastructure/adapter', 'infrastructure/pipeline_step'].includes(item.layer));
    for (const item of items) {
      const snake = snakeCase(item.class_name);
      if (item.layer === 'infrastructure/adapter') expect(item.test_path).toBe(`backend/tests/integration/infrastructure/test_adapters_${snake}.py`);
      else expect(item.test_path).toBe(`backend/tests/unit/infrastructure/test_pipeline_step_${snake.replace(/(?<=.)_step$/, '')}.py`);
      const factory = `from app.presentation.api.v1.dependencies import ${item.class_name}Dep; from app.presentation.api.v1.dependencies.components import get_${snake}`;
      expectSuccess(await backend.run(['python', '-c', factory]), `importing the factory of ${item.class_name}`);
    }
  });

  it('passes ruff check, ruff format --check and mypy --strict', async () => {
    expectSuccess(await backend.run(['ruff', 'check', '.']), 'ruff check .');
    expectSuccess(await backend.run(['ruff', 'format', '--check', '.']), 'ruff format --check .');
    expectSuccess(await backend.run(['mypy']), 'mypy (strict = true in pyproject.toml)');
  });

  it('passes its tests under -m "not integration" and -m integration on SQLite', async () => {
    expectSuccess(await backend.run(['pytest', '-m', 'not integration']), 'pytest -m "not integration" (SQLite)');
    expectSuccess(await backend.run(['pytest', '-m', 'integration']), 'pytest -m integration (SQLite)');
  });

  it('passes its tests and migrates up and down on PostgreSQL', async () => {
    const tests = await createPostgresDatabase(`classes_doc_${slug}`);
    databases.push(tests);
    expectSuccess(await backend.run(['pytest', '-m', 'integration'], { env: { TEST_DATABASE_URL: tests.asyncUrl } }), 'pytest -m integration (PostgreSQL)');
    const migrated = await createPostgresDatabase(`classes_mig_${slug}`);
    databases.push(migrated);
    const env = { DATABASE_URL: migrated.asyncUrl };
    expectSuccess(await backend.run(['alembic', 'upgrade', 'head'], { env }), 'alembic upgrade head (PostgreSQL)');
    expectSuccess(await backend.run(['alembic', 'downgrade', 'base'], { env }), 'alembic downgrade base (PostgreSQL)');
  });

  it('migrates SQLite down to base', async () => {
    const env = { DATABASE_URL: `sqlite+aiosqlite:///${join(work!, 'inspect.sqlite3')}` };
    expectSuccess(await backend.run(['alembic', 'downgrade', 'base'], { env }), 'alembic downgrade base (SQLite)');
  });
});
