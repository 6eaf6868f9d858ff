/**
 * End to end: migrations that run on tables holding rows, on SQLite, PostgreSQL and MariaDB.
 * Notes are generated, migrated and filled; then the document changes the kinds of things that
 * fail on a real database when done naively: a string column becomes an integer (PostgreSQL needs
 * a cast), one renamed at the same time, a field becomes required with a default, another without
 * one (rows must get a value first), a new required field with and without a default, and an enum
 * value goes while a row holds it. The upgrade stops with a message naming the revision's function
 * to write; once the user writes them (as a user would, in the file), regeneration keeps the edit,
 * and the upgrade and the downgrade run on all three databases, every row kept.
 *
 * Run through `npm test` (builds dist/, provides INFRA_STACK_UV, INFRA_STACK_PG_URL and INFRA_STACK_MYSQL_URL).
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../dist/lib/index.js';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { DatabasesWithRows } from '../support/databases-with-rows.js';
import { formatResult, installBackend, type BackendEnv, type RunResult } from '../support/python-backend.js';

const document = (version: 1 | 2) => `openapi: 3.0.3
info: { title: Notes, version: '${version}' }
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
${
  version === 1
    ? `      required: [title]
      properties:
        id: { type: integer, readOnly: true }
        title: { type: string, maxLength: 80 }
        code: { type: string, maxLength: 20 }
        ref: { type: string, maxLength: 20 }
        status: { type: string, enum: [draft, live, gone] }
        rating: { type: integer }
        mood: { type: string, maxLength: 10 }
`
    : `      required: [title, rating, feeling, priority, label]
      properties:
        id: { type: integer, readOnly: true }
        title: { type: string, maxLength: 80 }
        code: { type: integer }
        reference: { type: integer, x-renamed-from: ref }
        status: { type: string, enum: [draft, live] }
        rating: { type: integer, default: 1 }
        feeling: { type: string, maxLength: 10, x-renamed-from: mood }
        priority: { type: integer, default: 3 }
        label: { type: string, maxLength: 40 }
`
}`;

const ROWS = "INSERT INTO notes (title, code, ref, status, rating, mood) VALUES ('first', '12', '5', 'live', NULL, 'calm'), ('second', '7', NULL, 'gone', 4, NULL)";
const AFTER = 'SELECT id, title, code, reference, status, rating, feeling, priority, label FROM notes ORDER BY id';
const AFTER_ROWS = [
  ['1', 'first', '12', '5', 'live', '1', 'calm', '3', 'first'],
  ['2', 'second', '7', 'NULL', 'draft', '4', 'meh', '3', 'second'],
];
const BEFORE = 'SELECT id, title, code, ref, status, rating, mood FROM notes ORDER BY id';
const BEFORE_ROWS = [
  ['1', 'first', '12', '5', 'live', '1', 'calm'],
  ['2', 'second', '7', 'NULL', 'draft', '4', 'meh'],
];

/** What the user writes in the revision's functions. */
const USER_CODE: Record<string, string> = {
  update_notes_status: `    connection.execute(sa.text("UPDATE notes SET status = 'draft' WHERE status = 'gone'"))`,
  fill_notes_label: '    connection.execute(sa.text("UPDATE notes SET label = title WHERE label IS NULL"))',
  fill_notes_feeling: `    connection.execute(sa.text("UPDATE notes SET feeling = 'meh' WHERE feeling IS NULL"))`,
};

function expectSuccess(result: RunResult, what: string): void {
  expect(result.code, `${what} failed\n${formatResult(result)}`).toBe(0);
}

describe('migrations that run on tables with rows: casts, required columns, removed enum values', () => {
  let work: string | undefined;
  let out: string;
  let apiFile: string;
  let backend: BackendEnv;
  let databases: DatabasesWithRows | undefined;

  const revisionPath = async () => {
    const folder = join(out, 'backend/migrations/versions');
    const names = (await readdir(folder)).filter((name) => name.endsWith('.py') && !name.endsWith('_initial.py'));
    expect(names).toHaveLength(1);
    return join(folder, names[0]!);
  };

  beforeAll(async () => {
    work = await makeTempDir('regeneration-migrations');
    out = join(work, 'out');
    apiFile = join(work, 'notes.yaml');
    await writeFile(apiFile, document(1));
    await generate({ apiFiles: [apiFile], outDir: out, docs: false });
    backend = await installBackend(join(out, 'backend'));
    databases = await DatabasesWithRows.open(backend, work, 'regeneration_migrations');
    await databases.alembic(['upgrade', 'head']);
    await databases.insert(ROWS);
  });

  afterAll(async () => {
    await databases?.drop();
    await removeTempDir(work);
  });

  it('asks consent for the narrowing changes, then writes a revision that stops on the rows it cannot change, naming the function to write', async () => {
    await writeFile(apiFile, document(2));
    const refusal = await generate({ apiFiles: [apiFile], outDir: out, docs: false }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(refusal?.message).toContain('change notes.code from string(20) to integer');
    expect(refusal?.message).toContain('remove gone from notes.status');
    expect(refusal?.message).toContain('add required column notes.label with no default');
    expect(refusal?.message).toContain('make notes.feeling required with no default');
    // A column the document gives a default is filled with it: no consent asked for it.
    expect(refusal?.message).not.toMatch(/rating|priority/);

    const result = await generate({ apiFiles: [apiFile], outDir: out, docs: false, acceptDataLoss: true });
    const report = result.regeneration.join('\n');
    expect(report).toContain('give them a value in fill_notes_label()');
    expect(report).toContain('give them another value in update_notes_status()');
    expect(report).toContain("notes.priority is now required: rows already there get the document's default, 3.");
    expect(report).toMatch(/_alter_notes\.py may destroy data \(accepted with --accept-data-loss\): change notes\.code from string\(20\) to integer/);

    for (const { name, url } of databases!.urls()) {
      const upgrade = await databases!.alembicOn(url, ['upgrade', 'head']);
      expect(upgrade.code, `${name}: ${formatResult(upgrade)}`).not.toBe(0);
      expect(upgrade.stderr).toContain('RuntimeError: 1 rows of notes hold a status this revision removes (gone): give them another in update_notes_status() of this revision, then upgrade again');
    }
    // Nothing changed: the check runs before any change (MariaDB cannot undo one).
    expect(await databases!.rows(BEFORE.replace('ref, status, rating', 'ref, status, COALESCE(rating, 0) AS rating'))).toEqual(
      Object.fromEntries(['SQLite', 'PostgreSQL', 'MariaDB'].map((name) => [name, [['1', 'first', '12', '5', 'live', '0', 'calm'], ['2', 'second', '7', 'NULL', 'gone', '4', 'NULL']]])),
    );
  });

  it('upgrades all three databases once the functions are written, keeping the edit through regeneration and every row up and down', async () => {
    const path = await revisionPath();
    let text = await readFile(path, 'utf8');
    for (const [hook, code] of Object.entries(USER_CODE)) {
      const start = text.indexOf(`def ${hook}(connection: sa.Connection) -> None:`);
      expect(start, hook).toBeGreaterThanOrEqual(0);
      const docEnd = text.indexOf('    """\n', start) + '    """\n'.length;
      text = `${text.slice(0, docEnd)}${code}\n${text.slice(docEnd)}`;
    }
    await writeFile(path, text);
    // A run with no change keeps the user's functions as written.
    await generate({ apiFiles: [apiFile], outDir: out, docs: false });
    expect(await readFile(path, 'utf8')).toBe(text);

    // Upgraded from the state the failed attempt left, as the user would.
    await databases!.alembic(['upgrade', 'head']);
    const expected = (rows: string[][]) => Object.fromEntries(['SQLite', 'PostgreSQL', 'MariaDB'].map((name) => [name, rows]));
    expect(await databases!.rows(AFTER)).toEqual(expected(AFTER_ROWS));
    // The columns are what the model says: an integer takes no text, the required ones no NULL.
    await expect(databases!.queryPostgres("INSERT INTO notes (title, code, rating, feeling, priority, label) VALUES ('x', 'abc', 1, 'a', 1, 'b')")).rejects.toThrow(/integer/);
    await expect(databases!.queryPostgres("INSERT INTO notes (title, rating, feeling, priority) VALUES ('x', 1, 'a', 1)")).rejects.toThrow(/null value in column "label"/);

    await databases!.alembic(['downgrade', '-1']);
    expect(await databases!.rows(BEFORE)).toEqual(expected(BEFORE_ROWS));
    await databases!.alembic(['upgrade', 'head']);
    expect(await databases!.rows(AFTER)).toEqual(expected(AFTER_ROWS));

    // The revision with the user's code is lint- and type-clean.
    expectSuccess(await backend.run(['ruff', 'check', '.']), 'ruff check');
    expectSuccess(await backend.run(['ruff', 'format', '--check', '.']), 'ruff format --check');
    expectSuccess(await backend.run(['mypy', 'migrations']), 'mypy migrations');
  });
});
