/**
 * Fresh PostgreSQL databases for tests, on the cluster scripts/postgres.sh starts.
 *
 *   const db = await createPostgresDatabase('petstore');
 *   // db.asyncUrl: postgresql+asyncpg://postgres@127.0.0.1:55432/petstore_xxx
 *   await db.drop();
 *
 * Needs INFRA_STACK_PG_URL (an admin URL, e.g. postgresql://postgres@127.0.0.1:55432/postgres,
 * set by scripts/test.sh). Unset means a misconfigured run: this throws rather than skip.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface PostgresDatabase {
  /** Database name, unique per call. */
  name: string;
  /** postgresql://... URL of the new database (for libpq-style clients). */
  url: string;
  /** postgresql+asyncpg://... URL of the new database (for SQLAlchemy async: DATABASE_URL, TEST_DATABASE_URL). */
  asyncUrl: string;
  /** Runs one SQL statement in the database and returns its rows. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** Drops the database, closing any connection left to it. */
  drop(): Promise<void>;
}

export function postgresAdminUrl(): string {
  const url = process.env.INFRA_STACK_PG_URL;
  if (!url) {
    throw new Error(
      'INFRA_STACK_PG_URL is not set: run the suite with `npm test` (scripts/test.sh starts PostgreSQL), ' +
        'or start one with `bash scripts/postgres.sh start` and export ' +
        'INFRA_STACK_PG_URL=postgresql://postgres@127.0.0.1:55432/postgres',
    );
  }
  return url;
}

/**
 * `prefix` reduced to [a-z0-9_] plus a unique suffix ending in `_test` (the generated tests accept
 * only a TEST_DATABASE_URL whose name ends in "test"), at most 63 bytes (PostgreSQL's limit).
 */
export function uniqueDatabaseName(prefix: string, { testSuffix = true } = {}): string {
  const clean = prefix.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'db';
  const suffix = `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}${testSuffix ? '_test' : ''}`;
  const head = /^[a-z_]/.test(clean) ? clean : `db_${clean}`;
  return `${head.slice(0, 63 - suffix.length - 1)}_${suffix}`;
}

/** The admin URL with another database and, optionally, another scheme. */
export function databaseUrl(adminUrl: string, name: string, scheme = 'postgresql'): string {
  const url = new URL(adminUrl);
  const auth = url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  return `${scheme}://${auth}${url.host}/${name}${url.search}`;
}

async function withAdminClient<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`cannot connect to PostgreSQL at ${adminUrl} (is it started? bash scripts/postgres.sh start): ${String(err)}`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** `testSuffix: false` gives a name that does not look like a test database (for the safety tests). */
export async function createPostgresDatabase(prefix: string, options: { testSuffix?: boolean } = {}): Promise<PostgresDatabase> {
  const adminUrl = postgresAdminUrl();
  const name = uniqueDatabaseName(prefix, options);
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: databaseUrl(adminUrl, name),
    asyncUrl: databaseUrl(adminUrl, name, 'postgresql+asyncpg'),
    query: async (sql) => (await withAdminClient(databaseUrl(adminUrl, name), (client) => client.query(sql))).rows,
    drop: async () => {
      await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
