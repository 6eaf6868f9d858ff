/**
 * End to end: a soft-deleted entity's deletion mark moves, on tables holding rows, on SQLite,
 * PostgreSQL and MariaDB. Widgets are soft deleted with the added `deleted_at`; then the document
 * names its own text flag (`del_flag`, deleted `"2"`), then a boolean (`is_deleted`). Each
 * revision marks deleted in the new column the rows the old one marked deleted before dropping it,
 * and its downgrade carries them back: a soft-deleted row never comes back live. Dropping the soft
 * delete itself asks for consent, saying the deleted rows come back.
 *
 * Run through `npm test` (builds dist/, provides INFRA_STACK_UV, INFRA_STACK_PG_URL and INFRA_STACK_MYSQL_URL).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../dist/lib/index.js';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { DatabasesWithRows } from '../support/databases-with-rows.js';
import { formatResult, installBackend, type BackendEnv, type RunResult } from '../support/python-backend.js';

type Mark = 'deleted_at' | 'del_flag' | 'is_deleted' | 'none';

const MARK_SCHEMA: Record<Mark, { hints: string; property: string }> = {
  deleted_at: { hints: '      x-soft-delete: true\n', property: '' },
  del_flag: {
    hints: "      x-soft-delete: true\n      x-soft-delete-field: del_flag\n      x-soft-delete-value: '2'\n",
    property: "        del_flag: { type: string, enum: ['0', '2'], readOnly: true }\n",
  },
  is_deleted: { hints: '      x-soft-delete: true\n      x-soft-delete-field: is_deleted\n', property: '        is_deleted: { type: boolean, readOnly: true }\n' },
  none: { hints: '', property: '' },
};

const document = (mark: Mark) => `openapi: 3.0.3
info: { title: Widgets, version: '1' }
paths:
  /widgets:
    post:
      operationId: createWidget
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Widget' } } } }
      responses: { '201': { description: Created, content: { application/json: { schema: { $ref: '#/components/schemas/Widget' } } } } }
  /widgets/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
    delete:
      operationId: deleteWidget
      responses: { '204': { description: Deleted } }
components:
  schemas:
    Widget:
      type: object
${MARK_SCHEMA[mark].hints}      required: [name]
      properties:
        id: { type: integer, readOnly: true }
        name: { type: string, maxLength: 40 }
${MARK_SCHEMA[mark].property}`;

const ROWS = "INSERT INTO widgets (name, deleted_at) VALUES ('kept', NULL), ('gone', '2026-01-02 03:04:05')";
/** Each row's name and whether the mark of the moment holds it deleted. */
const STATE: Record<Exclude<Mark, 'none'>, string> = {
  deleted_at: "SELECT name, CASE WHEN deleted_at IS NULL THEN 'live' ELSE 'deleted' END FROM widgets ORDER BY id",
  del_flag: "SELECT name, CASE del_flag WHEN '0' THEN 'live' WHEN '2' THEN 'deleted' ELSE del_flag END FROM widgets ORDER BY id",
  is_deleted: "SELECT name, CASE WHEN is_deleted THEN 'deleted' ELSE 'live' END FROM widgets ORDER BY id",
};
const EVERYWHERE = Object.fromEntries(
  ['SQLite', 'PostgreSQL', 'MariaDB'].map((name) => [
    name,
    [
      ['kept', 'live'],
      ['gone', 'deleted'],
    ],
  ]),
);

function expectSuccess(result: RunResult, what: string): void {
  expect(result.code, `${what} failed\n${formatResult(result)}`).toBe(0);
}

describe('a deletion mark that moves keeps the soft-deleted rows deleted, up and down', () => {
  let work: string | undefined;
  let out: string;
  let apiFile: string;
  let backend: BackendEnv;
  let databases: DatabasesWithRows | undefined;

  const state = (mark: Exclude<Mark, 'none'>) => databases!.rows(STATE[mark]);
  const regenerate = async (mark: Mark, acceptDataLoss = false) => {
    await writeFile(apiFile, document(mark));
    return generate({ apiFiles: [apiFile], outDir: out, docs: false, acceptDataLoss });
  };
  const refusal = (mark: Mark) =>
    regenerate(mark).then(
      () => 'no refusal',
      (error: unknown) => (error as Error).message,
    );

  beforeAll(async () => {
    work = await makeTempDir('regeneration-deletion-marks');
    out = join(work, 'out');
    apiFile = join(work, 'widgets.yaml');
    await regenerate('deleted_at');
    backend = await installBackend(join(out, 'backend'));
    databases = await DatabasesWithRows.open(backend, work, 'regeneration_deletion_marks');
    await databases.alembic(['upgrade', 'head']);
    await databases.insert(ROWS);
    expect(await state('deleted_at')).toEqual(EVERYWHERE);
  });

  afterAll(async () => {
    await databases?.drop();
    await removeTempDir(work);
  });

  it('moves deleted_at to a text flag: consent for the lost moments, the deleted row marked "2", and back', async () => {
    const message = await refusal('del_flag');
    expect(message).toContain('drop column widgets.deleted_at: when rows were deleted is lost (which rows are deleted is kept in del_flag)');
    expect(message).not.toContain('every value it holds is deleted');

    const result = await regenerate('del_flag', true);
    const report = result.regeneration.join('\n');
    expect(report).toContain('widgets: soft-deleted rows are now marked by del_flag: rows with deleted_at set get del_flag "2", before deleted_at is dropped.');
    expect(report).not.toContain('if one is a rename');

    await databases!.alembic(['upgrade', 'head']);
    expect(await state('del_flag')).toEqual(EVERYWHERE);
    await databases!.alembic(['downgrade', '-1']);
    expect(await state('deleted_at')).toEqual(EVERYWHERE);
    await databases!.alembic(['upgrade', 'head']);
    expect(await state('del_flag')).toEqual(EVERYWHERE);
  });

  it('moves a text flag to a boolean with no consent asked (nothing is lost), and back', async () => {
    const result = await regenerate('is_deleted');
    expect(result.regeneration.join('\n')).toContain('rows with del_flag "2" get is_deleted true, before del_flag is dropped.');

    await databases!.alembic(['upgrade', 'head']);
    expect(await state('is_deleted')).toEqual(EVERYWHERE);
    await databases!.alembic(['downgrade', '-1']);
    expect(await state('del_flag')).toEqual(EVERYWHERE);
    await databases!.alembic(['upgrade', 'head']);
    expect(await state('is_deleted')).toEqual(EVERYWHERE);

    // The revisions are lint- and type-clean.
    expectSuccess(await backend.run(['ruff', 'check', '.']), 'ruff check');
    expectSuccess(await backend.run(['ruff', 'format', '--check', '.']), 'ruff format --check');
    expectSuccess(await backend.run(['mypy', 'migrations']), 'mypy migrations');
  });

  it('asks consent to drop the soft delete, saying the deleted rows come back', async () => {
    expect(await refusal('none')).toContain('drop column widgets.is_deleted: the rows it marks deleted are no longer hidden, and come back in every read (delete them first if they should go)');
  });
});
