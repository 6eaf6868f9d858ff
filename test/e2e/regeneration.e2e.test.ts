/**
 * End to end: regeneration after the API changed. The shop (plus coupons) is generated,
 * migrated on SQLite and PostgreSQL with rows in it, and edited by hand; then the document
 * changes (coupons removed, reviews added, a field added, a field made optional, an enum value
 * added) and the backend is regenerated into the same folder. The hand edits survive, the stale
 * files go, a conflict is reported where both sides changed the same line, the new revision
 * migrates the databases without losing their rows, and the backend's own tests pass.
 *
 * Run through `npm test` (builds dist/, provides INFRA_STACK_UV and INFRA_STACK_PG_URL).
 */
import { existsSync } from 'node:fs';
import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../dist/lib/index.js';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { querySqlite } from '../support/sql-databases.js';
import { createPostgresDatabase, postgresAdminUrl, type PostgresDatabase } from '../support/postgres.js';
import { formatResult, installBackend, REPO_ROOT, type BackendEnv, type RunResult } from '../support/python-backend.js';
import { shopRevisions } from '../support/shop-revisions.js';

const REPOSITORY = 'backend/app/infrastructure/repositories/product_repository.py';
const ROUTER = 'backend/app/presentation/api/v1/routers/product.py';
const TEST = 'backend/tests/unit/test_product_api.py';
const ENTITY = 'backend/app/domain/entities/product.py';
const VERSIONS = 'backend/migrations/versions';

const REPOSITORY_EDIT = '\n\ndef hand_written_helper() -> str:\n    return "kept"\n';
const ROUTER_EDIT = '\n\nHAND_WRITTEN_ROUTER_NOTE = "kept"\n';
const TEST_EDIT = '\n\ndef test_hand_written() -> None:\n    assert "kept" == "kept"\n';

function expectSuccess(result: RunResult, what: string): void {
  expect(result.code, `${what} failed\n${formatResult(result)}`).toBe(0);
}

/** Rows written before the change, through the first revision's tables. */
const SEED_SQL = [
  "INSERT INTO users (email, username, full_name) VALUES ('ada@example.com', 'ada', 'Ada')",
  "INSERT INTO categories (name, slug) VALUES ('Books', 'books')",
  "INSERT INTO products (name, sku, price, stock, category_id) VALUES ('Dune', 'BK-1', 9.5, 3, 1)",
  "INSERT INTO coupons (code, percent) VALUES ('WELCOME', 10)",
];

describe('regenerating the shop after its document changed', () => {
  let work: string | undefined;
  let out: string;
  let apiFile: string;
  let backend: BackendEnv;
  let postgres: PostgresDatabase | undefined;
  let sqliteFile: string;
  let regenerated: GenerateResult;
  let revisionsBefore: Map<string, string>;
  let refused: Error | undefined;
  let writtenWhenRefused: boolean;

  const read = (file: string) => readFile(join(out, file), 'utf8');
  const sqlite = (sql: string) =>
    querySqlite(backend, sqliteFile, sql);
  const postgresQuery = (sql: string) => postgres!.query(sql);

  beforeAll(async () => {
    postgresAdminUrl();
    work = await makeTempDir('regeneration');
    out = join(work, 'out');
    apiFile = join(work, 'shop.yaml');
    sqliteFile = join(work, 'shop.sqlite3');
    const { before, after } = await shopRevisions(REPO_ROOT);
    await writeFile(apiFile, before);
    await generate({ apiFiles: [apiFile], outDir: out });
    backend = await installBackend(join(out, 'backend'));
    revisionsBefore = await revisionTexts();

    postgres = await createPostgresDatabase('regeneration');
    expectSuccess(await backend.run(['alembic', 'upgrade', 'head'], { env: { DATABASE_URL: `sqlite+aiosqlite:///${sqliteFile}` } }), 'alembic upgrade head (SQLite, before)');
    expectSuccess(await backend.run(['alembic', 'upgrade', 'head'], { env: { DATABASE_URL: postgres.asyncUrl } }), 'alembic upgrade head (PostgreSQL, before)');
    for (const sql of SEED_SQL) {
      expectSuccess(await sqlite(sql), sql);
      await postgresQuery(sql);
    }

    await appendFile(join(out, REPOSITORY), REPOSITORY_EDIT);
    await appendFile(join(out, ROUTER), ROUTER_EDIT);
    await appendFile(join(out, TEST), TEST_EDIT);
    const entity = await read(ENTITY);
    expect(entity).toContain('    stock: int\n');
    await writeFile(join(out, ENTITY), entity.replace('    stock: int\n', '    stock: int  # counted by hand\n'));

    await writeFile(apiFile, after);
    const manifestBefore = await readFile(join(out, '.infra-stack/manifest.json'), 'utf8');
    const entityBefore = await read(ENTITY);
    refused = await generate({ apiFiles: [apiFile], outDir: out }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    writtenWhenRefused = (await readFile(join(out, '.infra-stack/manifest.json'), 'utf8')) !== manifestBefore || (await read(ENTITY)) !== entityBefore;
    regenerated = await generate({ apiFiles: [apiFile], outDir: out, acceptDataLoss: true });
  });

  afterAll(async () => {
    await postgres?.drop();
    await removeTempDir(work);
  });

  async function revisionTexts(): Promise<Map<string, string>> {
    const { readdir } = await import('node:fs/promises');
    const names = (await readdir(join(out, VERSIONS))).filter((name) => name.endsWith('.py')).sort();
    return new Map(await Promise.all(names.map(async (name) => [name, await read(`${VERSIONS}/${name}`)] as [string, string])));
  }

  it('refuses the change that drops the coupons table until the user consents, writing nothing', () => {
    expect(refused?.message).toContain('the changes since the last run (documents, plugins or options) need a migration that may destroy data');
    expect(refused?.message).toContain('drop table coupons: every row it holds is deleted');
    expect(refused?.message).toContain('--accept-data-loss');
    expect(writtenWhenRefused).toBe(false);
  });

  it('merges the hand edits of a repository and a test with the new generation, and keeps an edited router whose generation did not change', async () => {
    expect(regenerated.merged).toEqual(expect.arrayContaining([REPOSITORY, TEST]));
    expect(regenerated.unchanged).toContain(ROUTER);
    expect(await read(REPOSITORY)).toContain(REPOSITORY_EDIT);
    expect(await read(ROUTER)).toContain(ROUTER_EDIT);
    expect(await read(TEST)).toContain(TEST_EDIT);
  });

  it('reports a conflict where both sides changed the same line, with markers in that file only', async () => {
    expect(regenerated.conflicts).toEqual([ENTITY]);
    const entity = await read(ENTITY);
    expect(entity).toMatch(/<<<<<<< your edit\n[\s\S]*stock: int {2}# counted by hand\n[\s\S]*=======\n[\s\S]*>>>>>>> generated now\n/);
    for (const file of [REPOSITORY, ROUTER, TEST]) expect(await read(file)).not.toContain('<<<<<<<');
    const report = await read('output/regeneration-report.md');
    expect(report).toContain(`## Conflicts to resolve (1)`);
    expect(report).toContain(`\`${ENTITY}\``);
  });

  it('brings the new field to the model, the schema and the entity, and the new entity its files', async () => {
    expect(await read('backend/app/infrastructure/models/product.py')).toMatch(/weight: Mapped\[float \| None\]/);
    expect(await read('backend/app/presentation/api/v1/schemas/product.py')).toContain('weight');
    expect(await read('backend/app/domain/enums.py')).toContain('"refunded"');
    for (const file of ['backend/app/domain/entities/review.py', 'backend/app/presentation/api/v1/routers/review.py', 'backend/app/infrastructure/models/review.py']) {
      expect(regenerated.created).toContain(file);
      expect(existsSync(join(out, file))).toBe(true);
    }
  });

  it('deletes the files of the removed entity', () => {
    const couponFiles = ['backend/app/domain/entities/coupon.py', 'backend/app/presentation/api/v1/routers/coupon.py', 'backend/app/infrastructure/models/coupon.py'];
    expect(regenerated.deleted).toEqual(expect.arrayContaining(couponFiles));
    for (const file of couponFiles) expect(existsSync(join(out, file))).toBe(false);
  });

  it('adds one revision after the first, which stays as it was', async () => {
    const revisions = await revisionTexts();
    expect(revisions.size).toBe(2);
    for (const [name, text] of revisionsBefore) expect(revisions.get(name)).toBe(text);
    const [newName, newText] = [...revisions].find(([name]) => !revisionsBefore.has(name))!;
    expect(newName).toMatch(/^[0-9a-f]{12}_create_reviews_alter_products_alter_users_and_more\.py$/);
    const firstRevision = [...revisionsBefore.keys()][0]!.slice(0, 12);
    expect(newText).toContain(`down_revision: str | None = "${firstRevision}"`);
    expect(newText).toContain('WARNING: may destroy data (accepted with --accept-data-loss):\n- drop table coupons: every row it holds is deleted');
    expect(regenerated.regeneration.join('\n')).toContain(`New migration ${VERSIONS}/${newName}`);
  });

  it('upgrades SQLite and PostgreSQL holding rows from before, keeping them', async () => {
    expectSuccess(await backend.run(['alembic', 'upgrade', 'head'], { env: { DATABASE_URL: `sqlite+aiosqlite:///${sqliteFile}` } }), 'alembic upgrade head (SQLite, after)');
    const sqliteRows = await sqlite('SELECT name, sku, stock, weight FROM products');
    expectSuccess(sqliteRows, 'select products (SQLite)');
    expect(sqliteRows.stdout.trim()).toBe("[('Dune', 'BK-1', 3, None)]");
    expect((await sqlite('SELECT username, display_name FROM users')).stdout.trim()).toBe("[('ada', 'Ada')]");
    expect((await sqlite("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('coupons', 'reviews')")).stdout.trim()).toBe("[('reviews',)]");

    expectSuccess(await backend.run(['alembic', 'upgrade', 'head'], { env: { DATABASE_URL: postgres!.asyncUrl } }), 'alembic upgrade head (PostgreSQL, after)');
    expect(await postgresQuery('SELECT name, sku, stock, weight FROM products')).toEqual([{ name: 'Dune', sku: 'BK-1', stock: 3, weight: null }]);
    expect(await postgresQuery('SELECT username, display_name FROM users')).toEqual([{ username: 'ada', display_name: 'Ada' }]);
    await postgresQuery("INSERT INTO products (name, sku, price, category_id) VALUES ('Emma', 'BK-2', 7, 1)");
    await postgresQuery("INSERT INTO reviews (product_id, rating) VALUES (1, 5)");
  });

  it('passes its own tests, hand-written one included, once the conflict is resolved', async () => {
    const entity = await read(ENTITY);
    await writeFile(join(out, ENTITY), entity.replace(/<<<<<<< your edit\n[\s\S]*?=======\n([\s\S]*?)>>>>>>> generated now\n/g, '$1'));
    const result = await backend.run(['pytest', '-q', '-p', 'no:cacheprovider']);
    expectSuccess(result, 'pytest (SQLite)');
    expect(result.stdout).toMatch(/\d+ passed/);
    const fresh = await createPostgresDatabase('regeneration_pytest');
    try {
      expectSuccess(await backend.run(['pytest', '-q', '-p', 'no:cacheprovider'], { env: { TEST_DATABASE_URL: fresh.asyncUrl } }), 'pytest (PostgreSQL)');
    } finally {
      await fresh.drop();
    }
    expectSuccess(await backend.run(['ruff', 'check', '.']), 'ruff check . (the new revision included)');
    expectSuccess(await backend.run(['ruff', 'format', '--check', '.']), 'ruff format --check .');
    expectSuccess(await backend.run(['mypy']), 'mypy');
  });

  it('renames a column the hint names, in the new revision, without losing its values', async () => {
    const revisions = await revisionTexts();
    const newest = [...revisions.entries()].find(([name]) => !revisionsBefore.has(name))![1];
    expect(newest).toMatch(/new_column_name="display_name"/);
    expect(newest).not.toMatch(/drop_column\("full_name"\)/);
    expect(regenerated.regeneration.join('\n')).not.toMatch(/full_name.*may be a rename/);
  });

  it('writes nothing at all on a run with unchanged documents', async () => {
    const manifest = join(out, '.infra-stack/manifest.json');
    const stampBefore = (await stat(manifest)).mtimeMs;
    const reportBefore = (await stat(join(out, 'output/regeneration-report.md'))).mtimeMs;
    // The last run left a conflict (since resolved): it recorded no stamp, so this run does the whole work.
    const again = await generate({ apiFiles: [apiFile], outDir: out });
    expect(again.upToDate).toBeUndefined();
    expect([again.created, again.updated, again.merged, again.conflicts, again.deleted]).toEqual([[], [], [], [], []]);
    expect((await stat(manifest)).mtimeMs).toBe(stampBefore);
    expect((await stat(join(out, 'output/regeneration-report.md'))).mtimeMs).toBe(reportBefore);
    // Nothing left to settle: the next runs answer from the stamp it recorded.
    const check = await generate({ apiFiles: [apiFile], outDir: out, check: true });
    expect([check.upToDate, check.outOfDate]).toEqual([true, []]);
    expect((await generate({ apiFiles: [apiFile], outDir: out })).upToDate).toBe(true);
    expect((await stat(manifest)).mtimeMs).toBe(stampBefore);
  });
});
