/**
 * End to end: the migration history is the user's too. A backend is generated and migrated on
 * SQLite and PostgreSQL with rows in it; the user adds a revision of their own (`alembic
 * revision`); the document changes and the backend is regenerated: the new revision chains after
 * the user's, which stays untouched, and both databases upgrade keeping their rows. A branch the
 * user leaves open (two heads) stops the next regeneration with one line saying to merge them,
 * nothing written; after `alembic merge heads` the regeneration chains after the merge.
 *
 * Run through `npm test` (builds dist/, provides INFRA_STACK_UV and INFRA_STACK_PG_URL).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, InfraStackError } from '../../dist/lib/index.js';
import { parseManifest } from '../../dist/core/engine/manifest.js';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { querySqlite } from '../support/sql-databases.js';
import { createPostgresDatabase, postgresAdminUrl, type PostgresDatabase } from '../support/postgres.js';
import { formatResult, installBackend, type BackendEnv, type RunResult } from '../support/python-backend.js';

const VERSIONS = 'backend/migrations/versions';

const DOCUMENT = (fields: string) => `openapi: 3.0.3
info: { title: Notes, version: '1' }
paths:
  /notes:
    get:
      responses: { '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Note' } } } } } }
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Note' } } } }
      responses: { '201': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Note' } } } } }
components:
  schemas:
    Note:
      type: object
      required: [text]
      properties:
        id: { type: integer }
        text: { type: string }
${fields}`;

const AUDIT_UPGRADE = `    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("message", sa.Text(), nullable=False),
    )`;

function expectSuccess(result: RunResult, what: string): void {
  expect(result.code, `${what} failed\n${formatResult(result)}`).toBe(0);
}

describe('regenerating after revisions of your own', () => {
  let work: string | undefined;
  let out: string;
  let apiFile: string;
  let backend: BackendEnv;
  let postgres: PostgresDatabase | undefined;
  let sqliteUrl: string;
  let sqliteFile: string;

  const read = (file: string) => readFile(join(out, file), 'utf8');
  const revisionFiles = async () => (await readdir(join(out, VERSIONS))).filter((name) => name.endsWith('.py')).sort();
  const alembic = (args: string[], url: string) => backend.run(['alembic', ...args], { env: { DATABASE_URL: url } });
  const upgradeBoth = async (when: string) => {
    expectSuccess(await alembic(['upgrade', 'head'], sqliteUrl), `alembic upgrade head (SQLite, ${when})`);
    expectSuccess(await alembic(['upgrade', 'head'], postgres!.asyncUrl), `alembic upgrade head (PostgreSQL, ${when})`);
  };
  const sqlite = async (sql: string) => {
    const result = await querySqlite(backend, sqliteFile, sql);
    expectSuccess(result, sql);
    return result.stdout.trim();
  };
  const postgresQuery = (sql: string) => postgres!.query(sql);
  const regenerate = (fields: string) => writeFile(apiFile, DOCUMENT(fields)).then(() => generate({ apiFiles: [apiFile], outDir: out, ddl: [] }));
  const revisionIdOf = (text: string) => /^revision: str = ['"]([^'"]+)['"]$/m.exec(text)![1]!;
  /** The revision file whose text says it follows `parent`. */
  const followerOf = async (parent: string) => {
    for (const name of await revisionFiles()) {
      const text = await read(`${VERSIONS}/${name}`);
      if (new RegExp(`^down_revision: str \\| None = ['"]${parent}['"]$`, 'm').test(text)) return { name, text };
    }
    return undefined;
  };

  beforeAll(async () => {
    postgresAdminUrl();
    work = await makeTempDir('regeneration-history');
    out = join(work, 'out');
    apiFile = join(work, 'notes.yaml');
    sqliteFile = join(work, 'notes.sqlite3');
    sqliteUrl = `sqlite+aiosqlite:///${sqliteFile}`;
    await writeFile(apiFile, DOCUMENT(''));
    await generate({ apiFiles: [apiFile], outDir: out, ddl: [] });
    backend = await installBackend(join(out, 'backend'));
    postgres = await createPostgresDatabase('regeneration_history');
    await upgradeBoth('first');
    await sqlite("INSERT INTO notes (text) VALUES ('kept')");
    await postgresQuery("INSERT INTO notes (text) VALUES ('kept')");
  });

  afterAll(async () => {
    await postgres?.drop();
    await removeTempDir(work);
  });

  it('chains the new revision after your own, which stays as you wrote it, and upgrades both databases keeping the rows', async () => {
    const [initial] = await revisionFiles();
    const initialId = initial!.slice(0, 12);
    const made = await alembic(['revision', '-m', 'audit entries'], sqliteUrl);
    expectSuccess(made, 'alembic revision');
    const mine = (await revisionFiles()).find((name) => name !== initial)!;
    const mineText = (await read(`${VERSIONS}/${mine}`))
      .replace('def upgrade() -> None:\n    pass', `def upgrade() -> None:\n${AUDIT_UPGRADE}`)
      .replace('def downgrade() -> None:\n    pass', 'def downgrade() -> None:\n    op.drop_table("audit_entries")');
    await writeFile(join(out, VERSIONS, mine), mineText);
    const mineId = revisionIdOf(mineText);
    expect(mineText).toMatch(new RegExp(`^down_revision: str \\| None = '${initialId}'$`, 'm'));
    await upgradeBoth('your revision');

    const result = await regenerate('        size: { type: integer }\n');
    const next = await followerOf(mineId);
    expect(next, `no revision follows ${mineId}: ${(await revisionFiles()).join(', ')}`).toBeDefined();
    expect(result.created).toContain(`${VERSIONS}/${next!.name}`);
    expect(result.regeneration.join('\n')).toContain(`(after ${mineId}, your revision in ${VERSIONS}/${mine})`);
    expect(await read(`${VERSIONS}/${mine}`)).toBe(mineText);
    const manifest = parseManifest(await read('.infra-stack/manifest.json'))!;
    expect(Object.keys(manifest.files).filter((file) => file.startsWith(VERSIONS)).sort()).toEqual([`${VERSIONS}/${initial}`, `${VERSIONS}/${next!.name}`].sort());

    await upgradeBoth('after the regeneration');
    const heads = await alembic(['heads'], sqliteUrl);
    expect(heads.stdout.trim()).toBe(`${revisionIdOf(next!.text)} (head)`);
    expect(await sqlite('SELECT text, size FROM notes')).toBe("[('kept', None)]");
    expect(await sqlite("SELECT count(*) FROM audit_entries")).toBe('[(0,)]');
    expect(await postgresQuery('SELECT text, size FROM notes')).toEqual([{ text: 'kept', size: null }]);
    expect(await postgresQuery('SELECT count(*)::int AS n FROM audit_entries')).toEqual([{ n: 0 }]);
  });

  it('stops with one line saying to merge the heads when you left two, writing nothing; after the merge it chains after it', async () => {
    const initial = (await revisionFiles()).find((name) => name.endsWith('_initial.py'));
    expectSuccess(await alembic(['revision', '-m', 'side branch', '--head', `${initial!.slice(0, 12)}`, '--splice'], sqliteUrl), 'alembic revision --splice');
    const withBranch = await revisionFiles();
    const manifestBefore = await read('.infra-stack/manifest.json');
    const modelBefore = await read('backend/app/infrastructure/models/note.py');

    const failure = await regenerate('        size: { type: integer }\n        color: { type: string }\n').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InfraStackError);
    expect((failure as InfraStackError).describe()).toMatch(
      /^backend\/migrations\/versions: the migration history has 2 heads \([0-9a-f]+ in [^,]+, [0-9a-f]+ in [^)]+\): run `alembic merge heads -m "merge"` in backend\/, then run again; the new revision follows the merge$/,
    );
    expect(await revisionFiles()).toEqual(withBranch);
    expect(await read('.infra-stack/manifest.json')).toBe(manifestBefore);
    expect(await read('backend/app/infrastructure/models/note.py')).toBe(modelBefore);

    const merged = await alembic(['merge', 'heads', '-m', 'merge'], sqliteUrl);
    expectSuccess(merged, 'alembic merge heads');
    const mergeFile = (await revisionFiles()).find((name) => !withBranch.includes(name))!;
    const mergeId = revisionIdOf(await read(`${VERSIONS}/${mergeFile}`));
    const result = await regenerate('        size: { type: integer }\n        color: { type: string }\n');
    const next = await followerOf(mergeId);
    expect(next, `no revision follows the merge ${mergeId}`).toBeDefined();
    expect(result.regeneration.join('\n')).toContain(`(after ${mergeId}, your revision in ${VERSIONS}/${mergeFile})`);

    await upgradeBoth('after the merge');
    expect((await alembic(['heads'], sqliteUrl)).stdout.trim()).toBe(`${revisionIdOf(next!.text)} (head)`);
    expect(await sqlite('SELECT text, size, color FROM notes')).toBe("[('kept', None, None)]");
    expect(await postgresQuery('SELECT text, size, color FROM notes')).toEqual([{ text: 'kept', size: null, color: null }]);
  });
});
