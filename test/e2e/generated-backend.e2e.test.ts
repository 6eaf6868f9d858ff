/**
 * End to end: generate a backend from an API document, install it with uv, and run its own
 * quality gates (ruff, mypy), migrations (SQLite and PostgreSQL, up and down) and tests
 * (SQLite and PostgreSQL). Also checks that generation is deterministic.
 *
 * Run through `npm test` (builds dist/, provides INFRA_STACK_UV and INFRA_STACK_PG_URL).
 * INFRA_STACK_KEEP_TMP=1 keeps the generated folders for a look by hand.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../dist/lib/index.js';
import { diffTrees, makeTempDir, readTree, removeTempDir } from '../support/files.js';
import { createPostgresDatabase, postgresAdminUrl, type PostgresDatabase } from '../support/postgres.js';
import { formatResult, installBackend, REPO_ROOT, type BackendEnv, type RunResult } from '../support/python-backend.js';

const documents = [
  { name: 'petstore', apiFile: join(REPO_ROOT, 'node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml') },
  { name: 'shop', apiFile: join(REPO_ROOT, 'examples/shop/openapi.yaml') },
  { name: 'shop-markdown', apiFile: join(REPO_ROOT, 'examples/shop/api-list.md') },
  // Keywords, builtins and library names as schema, property, parameter and path names, names that
  // collapse to one identifier, fragments and query strings in paths, self-references and cycles.
  { name: 'hostile', apiFile: join(REPO_ROOT, 'test/fixtures/hostile/openapi.yaml') },
  // Keys with patterns and formats, structured query parameters, a path that is one parameter (`/{linkId}`).
  { name: 'constrained-keys', apiFile: join(REPO_ROOT, 'test/fixtures/constrained-keys/openapi.yaml') },
  // Tables referring to each other in cycles of two and three, and one to itself.
  { name: 'key-cycles', apiFile: join(REPO_ROOT, 'test/fixtures/key-cycles/openapi.yaml') },
  // Error bodies as real APIs declare them: by status in an anyOf, problem details, nested, JSON:API, allOf.
  { name: 'error-bodies', apiFile: join(REPO_ROOT, 'test/fixtures/error-bodies/openapi.yaml') },
  // Lists paged by an offset (`offset`, `start`/`count`, `$skip`/`$top`) with next links, and a list over fewer scopes.
  { name: 'offset-paging', apiFile: join(REPO_ROOT, 'test/fixtures/offset-paging/openapi.yaml') },
  // Schemas naming no type (Azure's): any JSON value is one of theirs, `null` and `true` too.
  { name: 'typeless-schemas', apiFile: join(REPO_ROOT, 'test/fixtures/typeless-schemas/openapi.yaml') },
];

function expectSuccess(result: RunResult, what: string): void {
  expect(result.code, `${what} failed\n${formatResult(result)}`).toBe(0);
}

async function generateInto(apiFile: string, outDir: string): Promise<void> {
  if (!existsSync(apiFile)) throw new Error(`API document not found: ${apiFile}`);
  await generate({ apiFiles: [apiFile], outDir });
}

for (const doc of documents) {
  describe(`generated backend: ${doc.name}`, () => {
    let work: string | undefined;
    let backend: BackendEnv;
    const databases: PostgresDatabase[] = [];

    async function freshPostgres(label: string): Promise<string> {
      const db = await createPostgresDatabase(`${doc.name}_${label}`);
      databases.push(db);
      return db.asyncUrl;
    }

    beforeAll(async () => {
      postgresAdminUrl(); // fail at once, not after the install, when PostgreSQL is not configured
      work = await makeTempDir(doc.name);
      await generateInto(doc.apiFile, join(work, 'out'));
      backend = await installBackend(join(work, 'out', 'backend'));
    });

    afterAll(async () => {
      for (const db of databases) await db.drop();
      await removeTempDir(work);
    });

    it('passes ruff check and ruff format --check', async () => {
      expectSuccess(await backend.run(['ruff', 'check', '.']), 'ruff check .');
      expectSuccess(await backend.run(['ruff', 'format', '--check', '.']), 'ruff format --check .');
    });

    it('passes mypy', async () => {
      expectSuccess(await backend.run(['mypy']), 'mypy');
    });

    it('migrates a fresh SQLite database up and down', async () => {
      const env = { DATABASE_URL: `sqlite+aiosqlite:///${join(work!, 'alembic.sqlite3')}` };
      expectSuccess(await backend.run(['alembic', 'upgrade', 'head'], { env }), 'alembic upgrade head (SQLite)');
      expectSuccess(await backend.run(['alembic', 'downgrade', 'base'], { env }), 'alembic downgrade base (SQLite)');
    });

    it('migrates a fresh PostgreSQL database up and down', async () => {
      const env = { DATABASE_URL: await freshPostgres('alembic') };
      expectSuccess(await backend.run(['alembic', 'upgrade', 'head'], { env }), 'alembic upgrade head (PostgreSQL)');
      expectSuccess(await backend.run(['alembic', 'downgrade', 'base'], { env }), 'alembic downgrade base (PostgreSQL)');
    });

    it('passes its own tests on SQLite (TEST_DATABASE_URL unset), covering at least 85% of app/', async () => {
      // pyproject.toml sets coverage's fail_under = 85: --cov makes pytest fail below it.
      const result = await backend.run(['pytest', '--cov']);
      expectSuccess(result, 'pytest --cov (SQLite)');
      expect(result.stdout).toMatch(/Required test coverage of 85(\.0)?% reached/);
    });

    it('passes its own tests on PostgreSQL', async () => {
      const env = { TEST_DATABASE_URL: await freshPostgres('pytest') };
      expectSuccess(await backend.run(['pytest'], { env }), 'pytest (PostgreSQL)');
    });

    it('generates byte-identical trees from the same input', async () => {
      const first = join(work!, 'again-1');
      const second = join(work!, 'again-2');
      await generateInto(doc.apiFile, first);
      await generateInto(doc.apiFile, second);
      const [a, b] = [await readTree(first), await readTree(second)];
      expect(a.size, 'generation wrote no files').toBeGreaterThan(0);
      expect(diffTrees(a, b), 'the two generated trees differ').toEqual([]);
    });
  });
}
