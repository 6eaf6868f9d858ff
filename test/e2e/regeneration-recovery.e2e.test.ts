/**
 * End to end: regeneration recovers from what goes wrong around it, with databases holding rows.
 * A backend is generated and migrated on SQLite and PostgreSQL, rows inserted; then its manifest
 * is damaged (the run stops naming it, nothing written; rebuilt, the next change gets one revision
 * after the first, never a second initial one), the user squashes a generated revision into one of
 * their own (the deleted file stays deleted, the history keeps one head, the next revision follows
 * the user's), and a conflict is left unresolved (`--check` fails while its markers remain).
 *
 * Run through `npm test` (builds dist/, provides INFRA_STACK_UV and INFRA_STACK_PG_URL).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type InfraStackPlugin } from '../../dist/lib/index.js';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { createPostgresDatabase, postgresAdminUrl, type PostgresDatabase } from '../support/postgres.js';
import { formatResult, installBackend, REPO_ROOT, type BackendEnv, type RunResult } from '../support/python-backend.js';
import { querySqlite } from '../support/sql-databases.js';

const VERSIONS = 'backend/migrations/versions';
const MANIFEST = '.infra-stack/manifest.json';

const document = (fields: string[]) => `openapi: 3.0.3
info: { title: Notes, version: '1' }
paths:
  /notes:
    post:
      operationId: createNote
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Note' } } } }
      responses: { '201': { description: Created, content: { application/json: { schema: { $ref: '#/components/schemas/Note' } } } } }
components:
  schemas:
    Note:
      type: object
      required: [text]
      properties:
        id: { type: integer, readOnly: true }
        text: { type: string, maxLength: 200 }
${fields.map((field) => `        ${field}: { type: string, maxLength: 20 }\n`).join('')}`;

function expectSuccess(result: RunResult, what: string): void {
  expect(result.code, `${what} failed\n${formatResult(result)}`).toBe(0);
}

/** The files the tool and the user keep under `root` (no venv, caches or databases), with their text. */
async function snapshot(root: string): Promise<Map<string, string>> {
  const skip = /(^|\/)(\.venv|__pycache__|\.mypy_cache|\.ruff_cache|\.pytest_cache|[^/]*\.egg-info)(\/|$)|\.sqlite3$/;
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    const path = relative(root, join(entry.parentPath, entry.name));
    if (!skip.test(path)) files.set(path, await readFile(join(root, path), 'utf8'));
  }
  return files;
}

describe('regeneration that recovers: a damaged manifest, a squashed revision, a conflict left open', () => {
  let work: string | undefined;
  let out: string;
  let apiFile: string;
  let backend: BackendEnv;
  let postgres: PostgresDatabase | undefined;
  let sqliteFile: string;

  const alembic = async (args: string[], databases: { sqlite?: string; postgres?: boolean } = { sqlite: sqliteFile, postgres: true }) => {
    if (databases.sqlite) expectSuccess(await backend.run(['alembic', ...args], { env: { DATABASE_URL: `sqlite+aiosqlite:///${databases.sqlite}` } }), `alembic ${args.join(' ')} (SQLite)`);
    if (databases.postgres) expectSuccess(await backend.run(['alembic', ...args], { env: { DATABASE_URL: postgres!.asyncUrl } }), `alembic ${args.join(' ')} (PostgreSQL)`);
  };
  const sqlite = async (sql: string) => {
    const result = await querySqlite(backend, sqliteFile, sql);
    expectSuccess(result, sql);
    return result.stdout.trim();
  };
  const revisions = async () => (await readdir(join(out, VERSIONS))).filter((name) => name.endsWith('.py')).sort();
  const change = async (fields: string[], options: Partial<Parameters<typeof generate>[0]> = {}) => {
    await writeFile(apiFile, document(fields));
    return generate({ apiFiles: [apiFile], outDir: out, docs: false, ...options });
  };

  beforeAll(async () => {
    postgresAdminUrl();
    work = await makeTempDir('regeneration-recovery');
    out = join(work, 'out');
    apiFile = join(work, 'notes.yaml');
    sqliteFile = join(work, 'notes.sqlite3');
    await change([]);
    backend = await installBackend(join(out, 'backend'));
    postgres = await createPostgresDatabase('regeneration_recovery');
    await alembic(['upgrade', 'head']);
    for (const text of ['first', 'second']) {
      await sqlite(`INSERT INTO notes (text) VALUES ('${text}')`);
      await postgres.query(`INSERT INTO notes (text) VALUES ('${text}')`);
    }
  });

  afterAll(async () => {
    await postgres?.drop();
    await removeTempDir(work);
  });

  it('stops on a damaged manifest, naming it, with nothing written; rebuilt, the next change gets one revision after the first and both databases upgrade with their rows', async () => {
    const manifest = join(out, MANIFEST);
    const whole = await readFile(manifest);
    await writeFile(manifest, whole.subarray(0, Math.floor(whole.length / 2)));
    const before = await snapshot(out);
    const failure = await change(['tag']).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toMatch(/manifest/);
    expect(failure?.message).toMatch(/--rebuild-manifest/);
    expect(await snapshot(out)).toEqual(before);

    // Rebuilt from the files on disk, with the documents they were generated from.
    await change([], { rebuildManifest: true });
    expect(await revisions()).toHaveLength(1);
    const result = await change(['tag']);
    expect(result.regeneration.join('\n')).toMatch(/New migration backend\/migrations\/versions\/\w+_alter_notes\.py/);
    expect(await revisions()).toHaveLength(2);
    expect((await revisions()).filter((name) => name.endsWith('_initial.py'))).toHaveLength(1);

    await alembic(['upgrade', 'head']);
    expect(await sqlite('SELECT text, tag FROM notes ORDER BY id')).toBe("[('first', None), ('second', None)]");
    expect(await postgres!.query('SELECT text, tag FROM notes ORDER BY id')).toEqual([
      { text: 'first', tag: null },
      { text: 'second', tag: null },
    ]);
  });

  it('keeps a generated revision you squashed into your own deleted: one head, a fresh database upgrades, the next revision follows yours', async () => {
    const [initial, generated] = (await revisions()).sort((a, b) => Number(b.endsWith('_initial.py')) - Number(a.endsWith('_initial.py')));
    const initialId = /^revision: str = "(\w+)"$/m.exec(await readFile(join(out, VERSIONS, initial!), 'utf8'))![1]!;
    const text = await readFile(join(out, VERSIONS, generated!), 'utf8');
    const generatedId = /^revision: str = "(\w+)"$/m.exec(text)![1]!;
    // The user's squash: the same change under their own revision id, the generated file deleted.
    await writeFile(join(out, VERSIONS, 'squashed_tags.py'), text.replaceAll(generatedId, 'squashed0001'));
    await unlink(join(out, VERSIONS, generated!));

    const unchanged = await change(['tag']);
    expect(unchanged.deletedByYou).toEqual([`${VERSIONS}/${generated!}`]);
    expect(unchanged.created).toEqual([]);
    expect(await revisions()).toEqual([initial!, 'squashed_tags.py'].sort());

    // A fresh database upgrades through the squashed history; the databases already there are
    // stamped with the user's revision, as one does after a squash.
    const fresh = join(work!, 'fresh.sqlite3');
    await alembic(['upgrade', 'head'], { sqlite: fresh });
    await alembic(['stamp', '--purge', 'squashed0001']);
    expect(initialId).not.toBe('squashed0001');

    const next = await change(['tag', 'color']);
    const report = next.regeneration.join('\n');
    expect(report).toMatch(/New migration \S+ \(after squashed0001, your revision in backend\/migrations\/versions\/squashed_tags\.py\)/);
    await alembic(['upgrade', 'head']);
    await alembic(['upgrade', 'head'], { sqlite: fresh });
    expect(await postgres!.query('SELECT text, tag, color FROM notes ORDER BY id')).toEqual([
      { text: 'first', tag: null, color: null },
      { text: 'second', tag: null, color: null },
    ]);
    expect(await sqlite('SELECT count(*) FROM notes')).toBe('[(2,)]');
  });

  it('finishes a run stopped after putting its files in place, before its manifest: after a document change, no file is taken for an edit and its revision is in the one line of history', async () => {
    const manifest = join(out, MANIFEST);
    const aside = `${manifest}.aside`;
    // Stops the run where a kill would: its files renamed into place, the previous manifest still there.
    const stopper: InfraStackPlugin = {
      name: 'stopper',
      apply({ hooks }) {
        hooks.renderFile.tap('stopper', (content) => {
          if (!existsSync(aside)) {
            renameSync(manifest, aside);
            mkdirSync(join(manifest, 'in-the-way'), { recursive: true });
          }
          return content;
        });
      },
    };
    await expect(change(['tag', 'color', 'pinned'], { plugins: [stopper] })).rejects.toThrow();
    rmSync(manifest, { recursive: true });
    renameSync(aside, manifest);
    expect(existsSync(join(out, '.infra-stack/journal.json'))).toBe(true);

    const next = await change(['tag', 'color', 'pinned', 'mood']);
    expect(next.conflicts).toEqual([]);
    expect(next.merged).toEqual([]);
    const files = await snapshot(out);
    expect([...files].filter(([, text]) => text.includes('<<<<<<<')).map(([path]) => path)).toEqual([]);
    expect([...files.keys()].filter((path) => path.endsWith('.tmp'))).toEqual([]);
    await alembic(['upgrade', 'head']);
    await alembic(['upgrade', 'head'], { sqlite: join(work!, 'fresh.sqlite3') });
    expect(await postgres!.query('SELECT text, pinned, mood FROM notes ORDER BY id')).toEqual([
      { text: 'first', pinned: null, mood: null },
      { text: 'second', pinned: null, mood: null },
    ]);
  });

  it('fails --check while conflict markers remain in a Python file, naming it; passes once resolved', async () => {
    const main = join(out, 'backend/app/main.py');
    const text = await readFile(main, 'utf8');
    const check = () => spawnSync(process.execPath, [join(REPO_ROOT, 'dist/bin/infra-stack.js'), '--api', apiFile, '--out', out, '--no-docs', '--check'], { encoding: 'utf8' });
    await writeFile(main, `<<<<<<< your edit\n# mine\n=======\n# generated\n>>>>>>> generated now\n${text}`);
    const open = check();
    expect(open.status, open.stdout).not.toBe(0);
    expect(open.stderr).toMatch(/conflicts to resolve in backend\/app\/main\.py/);
    await writeFile(main, text);
    const resolved = check();
    expect(resolved.status, `${resolved.stdout}${resolved.stderr}`).toBe(0);
  });
});
