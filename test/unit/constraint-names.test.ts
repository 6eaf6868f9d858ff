/**
 * Constraint and index names are decided in one place (stacks/fastapi-sqlalchemy/constraint-names.ts):
 * with entity, table and field names long enough to pass the identifier limit
 * (test/fixtures/long-names), the SQL DDL of every dialect, the Alembic migration and the models
 * use the same names, each within 63 bytes. That the models' metadata creates these names on a
 * real database is in test/e2e/ddl.e2e.test.ts (create_all compared with alembic upgrade).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedIdentifier } from '../../core/index.js';
import { generate } from '../../lib/index.js';
import { foreignKeyName, indexName, isCut, primaryKeyName, uniqueName } from '../../stacks/fastapi-sqlalchemy/constraint-names.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = path.join(root, 'test/fixtures/long-names/openapi.yaml');

let out: string;
const read = (file: string) => readFile(path.join(out, file), 'utf8');

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-long-names-'));
  await generate({ apiFiles: [fixture], outDir: out, ddl: ['postgresql', 'mysql', 'sqlite'] });
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

/** Every constraint and index name a DDL file creates. */
function ddlNames(schema: string): string[] {
  return sorted([...schema.matchAll(/(?:constraint|create index) ["`]([^"`]+)["`]/g)].map((match) => match[1]!));
}

/** Every name the initial migration creates (`op.f("...")`), in its upgrade. */
async function migrationNames(): Promise<string[]> {
  const versions = path.join(out, 'backend/migrations/versions');
  const [file] = (await readdir(versions)).filter((name) => name.endsWith('_initial.py'));
  const upgrade = (await readFile(path.join(versions, file!), 'utf8')).split('def downgrade')[0]!;
  return sorted([...upgrade.matchAll(/op\.f\("([^"]+)"\)/g)].map((match) => match[1]!));
}

/** The names the models spell out: `name="..."` of a key, unique or primary key, and `Index("...", ...)`. */
async function modelNames(): Promise<string[]> {
  const folder = path.join(out, 'backend/app/infrastructure/models');
  const files = (await readdir(folder)).filter((name) => name.endsWith('.py') && name !== '__init__.py');
  const texts = await Promise.all(files.map((name) => readFile(path.join(folder, name), 'utf8')));
  return sorted(texts.flatMap((text) => [...text.matchAll(/\bname="([^"]+)"|\bIndex\(\s*"([^"]+)"/g)].map((match) => (match[1] ?? match[2])!)));
}

describe('constraint names with names past the identifier limit', () => {
  it('the DDL of every dialect and the migration use the same names, none longer than 63 bytes', async () => {
    const postgresql = ddlNames(await read('backend/db/schema.postgresql.sql'));
    expect(postgresql.length).toBeGreaterThanOrEqual(15);
    expect(ddlNames(await read('backend/db/schema.mysql.sql'))).toEqual(postgresql);
    expect(ddlNames(await read('backend/db/schema.sqlite.sql'))).toEqual(postgresql);
    expect(await migrationNames()).toEqual(postgresql);
    for (const name of postgresql) expect(Buffer.byteLength(name), name).toBeLessThanOrEqual(63);
  });

  it('the models spell out exactly the names that were cut, so SQLAlchemy does not cut them its own way', async () => {
    const names = ddlNames(await read('backend/db/schema.postgresql.sql'));
    const cut = names.filter((name) => /_[0-9a-f]{8}$/.test(name) && Buffer.byteLength(name) === 63);
    // Every kind is cut here: primary keys (of a join table too), foreign keys, uniques, indexes.
    for (const prefix of ['pk_', 'fk_', 'uq_', 'ix_']) expect(cut.some((name) => name.startsWith(prefix)), prefix).toBe(true);
    expect(await modelNames()).toEqual(cut);
  });

  it('names follow the metadata convention, cut by the one rule of core (its start and a hash of the whole)', () => {
    const table = 'consolidated_shipment_manifest_entry_for_customs_decla_957f09ce';
    expect(primaryKeyName('orders')).toBe('pk_orders');
    expect(foreignKeyName('orders', 'user_id', 'users')).toBe('fk_orders_user_id_users');
    expect(uniqueName('groups', ['name', 'owner_id'])).toBe('uq_groups_name_owner_id');
    expect(indexName('orders', ['status'])).toBe('ix_orders_status');
    expect(isCut('pk', 'orders', [])).toBe(false);
    expect(primaryKeyName(table)).toBe(boundedIdentifier(`pk_${table}`));
    expect(isCut('pk', table, [])).toBe(true);
    expect(foreignKeyName(table, 'x_id', table)).toBe(boundedIdentifier(`fk_${table}_x_id_${table}`));
  });
});
