/**
 * The generated tests drop every table of their database, so they must never reach one that
 * holds data: they ignore DATABASE_URL (the application's database), and refuse a
 * TEST_DATABASE_URL that does not look disposable unless ALLOW_DESTRUCTIVE_TESTS=1.
 * Each case runs the generated suite against a PostgreSQL database (or SQLite file) holding a
 * row and checks that the row is still there afterwards.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../dist/lib/index.js';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { createPostgresDatabase, postgresAdminUrl, type PostgresDatabase } from '../support/postgres.js';
import { formatResult, installBackend, REPO_ROOT, type BackendEnv, type RunResult } from '../support/python-backend.js';

const KEEPSAKE = "INSERT INTO users (email, username) VALUES ('ada@example.com', 'ada')";

function expectSuccess(result: RunResult, what: string): void {
  expect(result.code, `${what} failed\n${formatResult(result)}`).toBe(0);
}

describe('generated tests and the databases they are given', () => {
  let work: string | undefined;
  let backend: BackendEnv;
  let production: PostgresDatabase | undefined;
  // Outside the system temp folder, where a SQLite test database is not expected to live.
  // (The clone itself may sit under the temp folder, as CI's does: the home folder does not.)
  const outsideTemp = join(homedir(), `.infra-stack-safety-${process.pid}`);

  async function usernames(): Promise<unknown[]> {
    return (await production!.query('SELECT username FROM users ORDER BY id')).map((row) => row.username);
  }

  async function sqliteRows(file: string): Promise<string> {
    const script = `import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM users").fetchone()[0])`;
    const result = await backend.run(['python', '-c', script, file]);
    expectSuccess(result, 'count the SQLite rows');
    return result.stdout.trim();
  }

  beforeAll(async () => {
    postgresAdminUrl();
    work = await makeTempDir('test-database-safety');
    await generate({ apiFiles: [join(REPO_ROOT, 'examples/shop/openapi.yaml')], outDir: join(work, 'out') });
    backend = await installBackend(join(work, 'out', 'backend'));
    production = await createPostgresDatabase('shop_app', { testSuffix: false });
    expectSuccess(await backend.run(['alembic', 'upgrade', 'head'], { env: { DATABASE_URL: production.asyncUrl } }), 'alembic upgrade head');
    await production.query(KEEPSAKE);
  });

  afterAll(async () => {
    await production?.drop();
    await rm(outsideTemp, { recursive: true, force: true });
    await removeTempDir(work);
  });

  it('ignores DATABASE_URL: the suite runs on a temporary SQLite file and the rows stay', async () => {
    const result = await backend.run(['pytest', '-q', '-m', 'integration'], { env: { DATABASE_URL: production!.asyncUrl } });
    expectSuccess(result, 'pytest with DATABASE_URL set');
    expect(result.stdout).toMatch(/\d+ passed/);
    expect(await usernames()).toEqual(['ada']);
  });

  it('refuses a TEST_DATABASE_URL whose name does not end in "test", in one line, before any test', async () => {
    const result = await backend.run(['pytest', '-q'], { env: { TEST_DATABASE_URL: production!.asyncUrl } });
    expect(result.code, formatResult(result)).not.toBe(0);
    const errors = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.startsWith('ERROR'));
    expect(errors).toEqual([
      expect.stringMatching(/^ERROR: refusing to run the tests on TEST_DATABASE_URL=postgresql\+asyncpg:\/\/\S+\/shop_app_\w+, whose tables they drop: .*must end in 'test'.*ALLOW_DESTRUCTIVE_TESTS=1/),
    ]);
    expect(result.stdout).not.toMatch(/passed|failed/);
    expect(await usernames()).toEqual(['ada']);
  });

  it('refuses a SQLite TEST_DATABASE_URL outside the temporary folder', async () => {
    await mkdir(outsideTemp, { recursive: true });
    const file = join(outsideTemp, 'app.db');
    expectSuccess(await backend.run(['alembic', 'upgrade', 'head'], { env: { DATABASE_URL: `sqlite+aiosqlite:///${file}` } }), 'alembic upgrade head (SQLite)');
    expectSuccess(await backend.run(['python', '-c', `import sqlite3; c = sqlite3.connect(${JSON.stringify(file)}); c.execute(${JSON.stringify(KEEPSAKE)}); c.commit()`]), 'insert a row');
    const result = await backend.run(['pytest', '-q'], { env: { TEST_DATABASE_URL: `sqlite+aiosqlite:///${file}` } });
    expect(result.code, formatResult(result)).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/ERROR: refusing to run the tests on TEST_DATABASE_URL=sqlite\+aiosqlite:\/\/\/\S+app\.db, whose tables they drop: a SQLite test database must be a file under /);
    expect(await sqliteRows(file)).toBe('1');
    expect(existsSync(file)).toBe(true);
  });

  it('refuses a TEST_DATABASE_URL that is not a URL', async () => {
    const result = await backend.run(['pytest', '-q'], { env: { TEST_DATABASE_URL: 'the staging one' } });
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/ERROR: TEST_DATABASE_URL is not a database URL/);
  });

  it('runs on a database named like a test database', async () => {
    const disposable = await createPostgresDatabase('shop');
    try {
      expect(disposable.name).toMatch(/_test$/);
      const result = await backend.run(['pytest', '-q', '-m', 'integration'], { env: { TEST_DATABASE_URL: disposable.asyncUrl } });
      expectSuccess(result, 'pytest on a *_test database');
    } finally {
      await disposable.drop();
    }
    expect(await usernames()).toEqual(['ada']);
  });

  it('runs on any database with ALLOW_DESTRUCTIVE_TESTS=1, and then its tables are gone', async () => {
    const result = await backend.run(['pytest', '-q', '-m', 'integration'], {
      env: { TEST_DATABASE_URL: production!.asyncUrl, ALLOW_DESTRUCTIVE_TESTS: '1' },
    });
    expectSuccess(result, 'pytest with ALLOW_DESTRUCTIVE_TESTS=1');
    expect(await production!.query("SELECT to_regclass('public.users') AS users")).toEqual([{ users: null }]);
  });
});
