/** Throwaway PostgreSQL databases on the server INFRA_STACK_PG_URL (an admin URL) names. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface ThrowawayDatabase {
  /** postgresql+asyncpg://… of the new database, for DATABASE_URL. */
  asyncUrl: string;
  drop(): Promise<void>;
}

export function postgresAdminUrl(): string {
  const url = process.env.INFRA_STACK_PG_URL;
  if (!url) throw new Error('INFRA_STACK_PG_URL is not set (an admin URL such as postgresql://postgres@127.0.0.1:55432/postgres); the PostgreSQL checks need it');
  return url;
}

async function asAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createDatabase(prefix: string, adminUrl = postgresAdminUrl()): Promise<ThrowawayDatabase> {
  // The generated tests run only on a database whose name says it is one for tests (its conftest refuses others).
  const name = `${prefix.toLowerCase().replace(/[^a-z0-9_]+/g, '_').slice(0, 40)}_${randomBytes(5).toString('hex')}_test`;
  await asAdmin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  const auth = url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  return {
    asyncUrl: `postgresql+asyncpg://${auth}${url.host}/${name}${url.search}`,
    drop: () => asAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
