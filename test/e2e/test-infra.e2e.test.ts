/**
 * Checks the test infrastructure itself, so that a broken PostgreSQL or uv setup fails
 * here with a clear message rather than deep inside a generated backend's test.
 */
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../support/postgres.js';
import { uvPath } from '../support/python-backend.js';

describe('test infrastructure', () => {
  it('creates, uses and drops a PostgreSQL database', async () => {
    const db = await createPostgresDatabase('infra_check');
    expect(db.asyncUrl).toMatch(/^postgresql\+asyncpg:\/\/.+\/infra_check_/);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>('SELECT current_database() AS name');
      expect(rows[0]?.name).toBe(db.name);
    } finally {
      await client.end();
    }
    await db.drop();
    const admin = new pg.Client({ connectionString: process.env.INFRA_STACK_PG_URL });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db.name]);
      expect(rowCount).toBe(0);
    } finally {
      await admin.end();
    }
  });

  it('has uv', () => {
    expect(execFileSync(uvPath(), ['--version'], { encoding: 'utf8' })).toMatch(/^uv \d+\.\d+\.\d+/);
  });
});
