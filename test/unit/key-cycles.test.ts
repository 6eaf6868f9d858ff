/**
 * Tables that refer to each other in cycles (test/fixtures/key-cycles): the order they are created
 * in, and the keys closing a cycle added once every table exists, in the SQL DDL of each dialect,
 * the Alembic migration and the models. Running them on real servers is in the e2e suite
 * (ddl, generated-backend and mysql-backend each take the fixture).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../lib/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = path.join(root, 'test/fixtures/key-cycles/openapi.yaml');

/** The keys that close a cycle: every other key refers to a table created before its own (or to its own). */
const CYCLIC = [
  'fk_departments_head_employee_id_employees',
  'fk_employees_department_id_departments',
  'fk_employees_desk_id_desks',
  'fk_desks_department_id_departments',
  'fk_authors_favorite_book_id_books',
  'fk_books_author_id_authors',
];

let out: string;
const read = (file: string) => readFile(path.join(out, file), 'utf8');

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-key-cycles-'));
  await generate({ apiFiles: [fixture], outDir: out, ddl: ['postgresql', 'mysql', 'sqlite'] });
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

/** `create table` statements in order, each with the tables its inline keys refer to. */
function createdTables(schema: string, quote: string): { table: string; refers: string[] }[] {
  const q = quote;
  return [...schema.matchAll(new RegExp(`^create table ${q}(\\w+)${q} \\(([\\s\\S]*?)\\n\\)`, 'gm'))].map((match) => ({
    table: match[1]!,
    refers: [...match[2]!.matchAll(new RegExp(`references ${q}(\\w+)${q}`, 'g'))].map((ref) => ref[1]!),
  }));
}

/** `alter table ... add constraint` statements: the constraint names, in order. */
function addedConstraints(schema: string): string[] {
  return [...schema.matchAll(/^alter table [`"]\w+[`"] add constraint [`"](\w+)[`"] foreign key/gm)].map((match) => match[1]!);
}

describe('tables that refer to each other in cycles', () => {
  for (const [dialect, quote] of [['postgresql', '"'], ['mysql', '`']] as const) {
    it(`${dialect}: creates each table after the tables its keys refer to, then adds the keys closing the cycles`, async () => {
      const schema = await read(`backend/db/schema.${dialect}.sql`);
      const tables = createdTables(schema, quote);
      expect(tables.map((t) => t.table)).toEqual(['departments', 'employees', 'desks', 'authors', 'books']);
      const created = new Set<string>();
      for (const { table, refers } of tables) {
        created.add(table);
        for (const target of refers) expect(created.has(target), `${table} refers to ${target} before it is created`).toBe(true);
      }
      // The self-reference stays in its table.
      expect(tables.find((t) => t.table === 'employees')!.refers).toEqual(['employees']);
      expect(addedConstraints(schema)).toEqual(CYCLIC);
      expect(schema.lastIndexOf('create table')).toBeLessThan(schema.indexOf('alter table'));
    });
  }

  it('sqlite: declares every key in its table (SQLite adds no constraint later, and takes keys to tables created after)', async () => {
    const schema = await read('backend/db/schema.sqlite.sql');
    expect(schema).not.toContain('alter table');
    const keys = [...schema.matchAll(/constraint "(fk_\w+)" foreign key/g)].map((match) => match[1]!);
    expect(keys).toEqual(expect.arrayContaining([...CYCLIC, 'fk_employees_parent_id_employees']));
    expect(keys).toHaveLength(CYCLIC.length + 1);
  });

  it('the migration creates the tables with the cyclic keys marked use_alter, adds them where the database alters tables, and drops them first', async () => {
    const versions = path.join(out, 'backend/migrations/versions');
    const [file] = (await readdir(versions)).filter((name) => name.endsWith('_initial.py'));
    const migration = await readFile(path.join(versions, file!), 'utf8');
    const [upgrade, downgrade] = migration.split('def downgrade() -> None:');
    const useAlter = [...upgrade!.matchAll(/name=op\.f\("(fk_\w+)"\),\n\s+ondelete="[A-Z ]+",\n\s+use_alter=True,/g)].map((match) => match[1]!);
    expect(useAlter).toEqual(CYCLIC);
    const guard = '    if op.get_context().dialect.supports_alter:\n';
    const added = upgrade!.slice(upgrade!.indexOf(guard));
    expect(added).not.toContain('op.create_table');
    expect([...added.matchAll(/op\.create_foreign_key\(\n\s+op\.f\("(\w+)"\)/g)].map((match) => match[1]!)).toEqual(CYCLIC);
    expect(downgrade!.indexOf(guard)).toBeLessThan(downgrade!.indexOf('op.drop_table'));
    expect([...downgrade!.matchAll(/op\.drop_constraint\(\s*op\.f\("(\w+)"\)/g)].map((match) => match[1]!)).toEqual([...CYCLIC].reverse());
  });

  it('the models mark the same keys use_alter, so create_all and drop_all break the cycles too', async () => {
    const employee = await read('backend/app/infrastructure/models/employee.py');
    expect(employee).toContain('ForeignKey("departments.id", ondelete="RESTRICT", use_alter=True)');
    expect(employee).toContain('ForeignKey("desks.id", ondelete="SET NULL", use_alter=True)');
    expect(employee).toContain('ForeignKey("employees.id", ondelete="SET NULL")');
    expect(await read('backend/app/infrastructure/models/book.py')).toContain('ForeignKey("authors.id", ondelete="RESTRICT", use_alter=True)');
  });
});
