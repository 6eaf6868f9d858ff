/**
 * End to end: regeneration that must keep the data. Notes with tags (a many-to-many join table)
 * are generated, migrated on SQLite and PostgreSQL and filled with rows; then the document renames
 * both entities and the list field, with the hints the README documents (`x-renamed-from` naming
 * the previous entity and field), and the new revision must rename the tables, the join table and
 * its columns in place: every row is still there after `alembic upgrade head`, and again after
 * `alembic downgrade -1`. Then a field is removed: the run stops, names what would be lost and
 * writes nothing, until the user consents (`acceptDataLoss`).
 *
 * Run through `npm test` (builds dist/, provides INFRA_STACK_UV and INFRA_STACK_PG_URL).
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../dist/lib/index.js';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { querySqlite } from '../support/sql-databases.js';
import { createPostgresDatabase, postgresAdminUrl, type PostgresDatabase } from '../support/postgres.js';
import { formatResult, installBackend, type BackendEnv, type RunResult } from '../support/python-backend.js';

interface Names {
  note: string;
  tag: string;
  field: string;
  hints?: { note: string; tag: string; field: string };
  body?: boolean;
}

const resource = (name: string) => `  /${name.toLowerCase()}s:
    post:
      operationId: create${name}
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/${name}' } } } }
      responses: { '201': { description: Created, content: { application/json: { schema: { $ref: '#/components/schemas/${name}' } } } } }
`;

const document = ({ note, tag, field, hints, body = true }: Names) => `openapi: 3.0.3
info: { title: Notes, version: '1' }
paths:
${resource(note)}${resource(tag)}${resource('Comment')}components:
  schemas:
    Comment:
      type: object
      required: [text, ${note.toLowerCase()}_id]
      properties:
        id: { type: integer, readOnly: true }
        text: { type: string, maxLength: 200 }
        ${note.toLowerCase()}_id: { type: integer${hints ? `, x-renamed-from: ${hints.note.toLowerCase()}_id` : ''} }
    ${note}:
      type: object
${hints ? `      x-renamed-from: ${hints.note}\n` : ''}      required: [title]
      properties:
        id: { type: integer, readOnly: true }
        title: { type: string, maxLength: 80 }
${body ? '        body: { type: string }\n' : ''}        ${field}: { type: array, items: { type: integer }${hints ? `, x-renamed-from: ${hints.field}` : ''} }
    ${tag}:
      type: object
${hints ? `      x-renamed-from: ${hints.tag}\n` : ''}      required: [name]
      properties:
        id: { type: integer, readOnly: true }
        name: { type: string, maxLength: 40 }
`;

const BEFORE: Names = { note: 'Note', tag: 'Tag', field: 'tag_ids' };
const RENAMED: Names = { note: 'Memo', tag: 'Label', field: 'label_ids', hints: { note: 'Note', tag: 'Tag', field: 'tag_ids' } };

const SEED_SQL = [
  "INSERT INTO notes (title, body) VALUES ('first', 'kept')",
  "INSERT INTO notes (title, body) VALUES ('second', 'kept too')",
  "INSERT INTO tags (name) VALUES ('red')",
  'INSERT INTO note_tags (note_id, tag_id) VALUES (1, 1)',
  'INSERT INTO note_tags (note_id, tag_id) VALUES (2, 1)',
  "INSERT INTO comments (text, note_id) VALUES ('on the first', 1)",
];

function expectSuccess(result: RunResult, what: string): void {
  expect(result.code, `${what} failed\n${formatResult(result)}`).toBe(0);
}

describe('regeneration that renames entities and a join table, and drops data only with consent', () => {
  let work: string | undefined;
  let out: string;
  let apiFile: string;
  let backend: BackendEnv;
  let postgres: PostgresDatabase | undefined;
  let sqliteFile: string;

  const sqlite = async (sql: string) => {
    const result = await querySqlite(backend, sqliteFile, sql);
    expectSuccess(result, sql);
    return result.stdout.trim();
  };
  const postgresQuery = (sql: string) => postgres!.query(sql);
  const alembic = async (args: string[]) => {
    expectSuccess(await backend.run(['alembic', ...args], { env: { DATABASE_URL: `sqlite+aiosqlite:///${sqliteFile}` } }), `alembic ${args.join(' ')} (SQLite)`);
    expectSuccess(await backend.run(['alembic', ...args], { env: { DATABASE_URL: postgres!.asyncUrl } }), `alembic ${args.join(' ')} (PostgreSQL)`);
  };
  const newestRevision = async () => {
    const folder = join(out, 'backend/migrations/versions');
    const names = (await readdir(folder)).filter((name) => name.endsWith('.py'));
    const texts = await Promise.all(names.map((name) => readFile(join(folder, name), 'utf8')));
    const parents = new Set(texts.map((text) => /^down_revision: str \| None = "(\w+)"$/m.exec(text)?.[1]));
    // The head: the revision no other one follows.
    return texts.find((text) => !parents.has(/^revision: str = "(\w+)"$/m.exec(text)?.[1])) ?? '';
  };

  beforeAll(async () => {
    postgresAdminUrl();
    work = await makeTempDir('regeneration-renames');
    out = join(work, 'out');
    apiFile = join(work, 'notes.yaml');
    sqliteFile = join(work, 'notes.sqlite3');
    await writeFile(apiFile, document(BEFORE));
    await generate({ apiFiles: [apiFile], outDir: out, docs: false });
    backend = await installBackend(join(out, 'backend'));
    postgres = await createPostgresDatabase('regeneration_renames');
    await alembic(['upgrade', 'head']);
    for (const sql of SEED_SQL) {
      await sqlite(sql);
      await postgresQuery(sql);
    }
  });

  afterAll(async () => {
    await postgres?.drop();
    await removeTempDir(work);
  });

  it('renames the tables, the join table and its columns in place, keeping every row, up and down', async () => {
    await writeFile(apiFile, document(RENAMED));
    const result = await generate({ apiFiles: [apiFile], outDir: out, docs: false });
    expect(result.regeneration.join('\n')).not.toMatch(/x-renamed-from/);
    const revision = await newestRevision();
    for (const call of ['op.rename_table("notes", "memos")', 'op.rename_table("tags", "labels")', 'op.rename_table("note_tags", "memo_labels")']) expect(revision).toContain(call);
    expect(revision).not.toMatch(/drop_table|create_table|drop_column/);

    await alembic(['upgrade', 'head']);
    expect(await sqlite('SELECT id, title, body FROM memos ORDER BY id')).toBe("[(1, 'first', 'kept'), (2, 'second', 'kept too')]");
    expect(await sqlite('SELECT memo_id, label_id FROM memo_labels ORDER BY memo_id')).toBe('[(1, 1), (2, 1)]');
    expect(await postgresQuery('SELECT id, title FROM memos ORDER BY id')).toEqual([{ id: 1, title: 'first' }, { id: 2, title: 'second' }]);
    expect(await postgresQuery('SELECT name FROM labels')).toEqual([{ name: 'red' }]);
    expect(await postgresQuery('SELECT memo_id, label_id FROM memo_labels ORDER BY memo_id')).toEqual([{ memo_id: 1, label_id: 1 }, { memo_id: 2, label_id: 1 }]);
    // The keys still hold, now on the renamed tables: a link or a comment to a memo that does not exist is refused.
    await expect(postgresQuery('INSERT INTO memo_labels (memo_id, label_id) VALUES (99, 1)')).rejects.toThrow(/foreign key/);
    expect(await postgresQuery('SELECT text, memo_id FROM comments')).toEqual([{ text: 'on the first', memo_id: 1 }]);
    await expect(postgresQuery("INSERT INTO comments (text, memo_id) VALUES ('lost', 99)")).rejects.toThrow(/foreign key/);
    expect(await sqlite('SELECT text, memo_id FROM comments')).toBe("[('on the first', 1)]");
    expect(await sqlite("SELECT \"table\" FROM pragma_foreign_key_list('comments')")).toBe("[('memos',)]");

    await alembic(['downgrade', '-1']);
    expect(await sqlite('SELECT note_id, tag_id FROM note_tags ORDER BY note_id')).toBe('[(1, 1), (2, 1)]');
    expect(await postgresQuery('SELECT title FROM notes ORDER BY id')).toEqual([{ title: 'first' }, { title: 'second' }]);
    await alembic(['upgrade', 'head']);

    // The renamed backend passes its own tests.
    expectSuccess(await backend.run(['pytest', '-q', '-p', 'no:cacheprovider']), 'pytest');
    expectSuccess(await backend.run(['ruff', 'check', '.']), 'ruff check');
    expectSuccess(await backend.run(['ruff', 'format', '--check', '.']), 'ruff format --check');
  });

  it('stops before dropping a column with values, writing nothing, and drops it only with consent', async () => {
    await writeFile(apiFile, document({ ...RENAMED, hints: undefined, body: false }));
    const manifest = join(out, '.infra-stack/manifest.json');
    const manifestBefore = await readFile(manifest, 'utf8');
    const refusal = await generate({ apiFiles: [apiFile], outDir: out, docs: false }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(refusal?.message).toContain('drop column memos.body: every value it holds is deleted');
    expect(refusal?.message).toContain('Nothing was written');
    expect(await readFile(manifest, 'utf8')).toBe(manifestBefore);

    await generate({ apiFiles: [apiFile], outDir: out, docs: false, acceptDataLoss: true });
    const revision = await newestRevision();
    expect(revision).toContain('WARNING: may destroy data (accepted with --accept-data-loss):\n- drop column memos.body');
    await alembic(['upgrade', 'head']);
    expect(await sqlite('SELECT id, title FROM memos ORDER BY id')).toBe("[(1, 'first'), (2, 'second')]");
    expect(await postgresQuery("SELECT column_name FROM information_schema.columns WHERE table_name = 'memos' AND column_name = 'body'")).toEqual([]);
  });
});
