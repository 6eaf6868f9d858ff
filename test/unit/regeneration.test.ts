import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InfraStackError } from '../../core/errors.js';
import { mergeThreeWay } from '../../core/engine/three-way-merge.js';
import type { GenerateResult } from '../../core/options.js';
import { checkFailure, summaryLines } from '../../generators/app/summary.js';
import { planMigrations } from '../../stacks/fastapi-sqlalchemy/migrations/plan-migrations.js';
import { deriveModel } from '../../core/derive/derive.js';
import { parseOpenApiFile } from '../../core/parsers/openapi/index.js';
import { relationalSchema, type DomainModel } from '../../core/index.js';
import { STACK_NAMING } from '../../stacks/fastapi-sqlalchemy/constraint-names.js';

/** The model's tables as the FastAPI stack names them: what a run hands its stack as `context.schema`. */
const tablesOf = (model: DomainModel) => relationalSchema(model, STACK_NAMING);

describe('three-way merge', () => {
  it('keeps both sides of changes to different lines, and a change made on both sides once', () => {
    expect(mergeThreeWay('a\nb\nc\nd\n', 'a\nB\nc\nd\n', 'a\nb\nc\nD\n')).toEqual({ text: 'a\nB\nc\nD\n', conflicts: 0 });
    expect(mergeThreeWay('a\nb\n', 'a\nB\n', 'a\nB\n')).toEqual({ text: 'a\nB\n', conflicts: 0 });
  });

  it('leaves both versions of the same lines between markers, even without a final newline', () => {
    expect(mergeThreeWay('a\nb', 'a\nmine', 'a\ntheirs')).toEqual({ text: 'a\n<<<<<<< your edit\nmine\n=======\ntheirs\n>>>>>>> generated now\n', conflicts: 1 });
  });
});

describe('--check', () => {
  const result = (outOfDate: string[]): GenerateResult => ({
    outDir: '/work/gen', dryRun: true, created: outOfDate, updated: [], unchanged: [], merged: [], conflicts: [], deleted: [], keptStale: [], deletedByYou: [], deleteConflicts: [], untracked: [],
    check: true, outOfDate, diffs: [], regeneration: [], notes: [], toImplement: [], nextSteps: [], plugins: [], warnings: [],
  });

  it('fails naming the files when the generated code is out of date, and passes otherwise', () => {
    expect(checkFailure(result(['backend/a.py']))?.message).toBe('the generated code is out of date with the documents: backend/a.py; run without --check to regenerate');
    expect(summaryLines(result(['backend/a.py']), '/work')).toContain('Out of date with the documents (1 files).');
    expect(checkFailure(result([]))).toBeUndefined();
    const conflicted = { ...result(['backend/a.py', 'backend/b.py']), created: ['backend/a.py'], conflicts: ['backend/b.py'] };
    expect(checkFailure(conflicted)?.message).toBe(
      'conflicts to resolve in backend/b.py; the generated code is out of date with the documents: backend/a.py; run without --check to regenerate',
    );
    expect(summaryLines(result([]), '/work')[0]).toBe('Checked, nothing written in gen: 0 would be created, 0 would be updated, 0 unchanged.');
  });
});

const DOCUMENT = (fields: string, extra = '') => `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
  /things:
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
      responses: { '201': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } } }
components:
  schemas:
    Thing:
      type: object
      required: [name]
      properties:
        id: { type: integer }
${fields}${extra}`;

async function modelOf(text: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'regen-'));
  try {
    await writeFile(path.join(dir, 'api.yaml'), text);
    return deriveModel(await parseOpenApiFile(path.join(dir, 'api.yaml')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('incremental migrations', () => {
  const report = () => ({ notes: [], toImplement: [], nextSteps: [], regeneration: [] as string[] });

  it('writes no revision when the model did not change, and chains one after the head when it did', async () => {
    const before = await modelOf(DOCUMENT('        name: { type: string }\n        old_label: { type: string }\n'));
    const [initial] = planMigrations(before, tablesOf(before), { files: new Map() }, report(), 'stack');
    expect(initial?.path).toMatch(/^backend\/migrations\/versions\/[0-9a-f]{12}_initial\.py$/);
    const revision = initial!.path.slice('backend/migrations/versions/'.length, -'_initial.py'.length);
    const initialText = `revision: str = "${revision}"\ndown_revision: str | None = None\n`;
    const previous = { model: before, schema: tablesOf(before), files: new Map([[initial!.path, { owner: 'stack', text: initialText }]]) };
    const onDisk = new Map([[initial!.path, initialText]]);

    const same = report();
    expect(planMigrations(before, tablesOf(before), previous, same, 'stack', onDisk).map((f) => f.path)).toEqual([initial!.path]);
    expect(same.regeneration).toEqual([]);

    const after = await modelOf(DOCUMENT('        name: { type: string, maxLength: 10 }\n        label: { type: string, x-renamed-from: old_label }\n        size: { type: integer }\n'));
    const changed = report();
    expect(() => planMigrations(after, tablesOf(after), previous, report(), 'stack', onDisk)).toThrow(/change things\.name from .* to string\(10\)/);
    const files = planMigrations(after, tablesOf(after), previous, changed, 'stack', onDisk, { acceptDataLoss: true });
    expect(files[0]).toMatchObject({ path: initial!.path, verbatim: true });
    const text = files[1]!.content!;
    expect(files[1]!.path).toMatch(/_alter_things\.py$/);
    expect(text).toContain(`down_revision: str | None = "${revision}"`);
    expect(text).toContain('batch_op.alter_column("old_label", new_column_name="label")');
    expect(text).toContain('batch_op.add_column(sa.Column("size", sa.Integer(), nullable=True))');
    expect(text).toContain(
      'batch_op.alter_column(\n            "name",\n            existing_type=sa.Text().with_variant(mysql.LONGTEXT(), "mysql", "mariadb"),\n            type_=sa.String(10),\n            existing_nullable=False,\n        )',
    );
    expect(text).toContain('from alembic import op\nfrom sqlalchemy.dialects import mysql\n');
    expect(text).toContain('batch_op.drop_column("size")');
    expect(changed.regeneration.find((line) => line.startsWith('New migration'))).toMatch(/^New migration backend\/migrations\/versions\/[0-9a-f]{12}_alter_things\.py/);
    expect(changed.regeneration.at(-1)).toMatch(/_alter_things\.py may destroy data \(accepted with --accept-data-loss\): change things\.name from .* to string\(10\)/);
  });

  it('a key that closes a cycle with an existing one: the revision adds it, and leaves the existing key alone', async () => {
    const cycle = (bookFields: string) => `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
  /authors:
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Author' } } } }
      responses: { '201': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Author' } } } } }
  /books:
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Book' } } } }
      responses: { '201': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Book' } } } } }
components:
  schemas:
    Author:
      type: object
      properties:
        id: { type: integer }
        favorite_book_id: { type: integer, nullable: true }
    Book:
      type: object
      properties:
        id: { type: integer }
${bookFields}`;
    const before = await modelOf(cycle('        title: { type: string }\n'));
    const after = await modelOf(cycle('        title: { type: string }\n        author_id: { type: integer, nullable: true }\n'));
    const [initial] = planMigrations(before, tablesOf(before), { files: new Map() }, report(), 'stack');
    const id = initial!.path.slice('backend/migrations/versions/'.length, -'_initial.py'.length);
    const initialText = `revision: str = "${id}"\ndown_revision: str | None = None\n`;
    const previous = { model: before, schema: tablesOf(before), files: new Map([[initial!.path, { owner: 'stack', text: initialText }]]) };
    const files = planMigrations(after, tablesOf(after), previous, report(), 'stack', new Map([[initial!.path, initialText]]));
    const text = files.at(-1)!.content!;
    expect(text).toContain('batch_op.create_foreign_key(\n            op.f("fk_books_author_id_authors")');
    // The authors' key to books now closes a cycle, but is the same key: not dropped and made again.
    expect(text).not.toContain('fk_authors_favorite_book_id_books');
  });

  describe('the history on disk, whoever wrote it', () => {
    const VERSIONS = 'backend/migrations/versions';
    const revisionFile = (id: string, parent: string) => `"""A revision.\n\nRevision ID: ${id}\n"""\n\nrevision: str = ${JSON.stringify(id)}\ndown_revision: str | None = ${parent}\n`;
    let before: Awaited<ReturnType<typeof modelOf>>;
    let after: Awaited<ReturnType<typeof modelOf>>;
    let initialPath: string;
    let initialId: string;
    let initialText: string;

    beforeAll(async () => {
      before = await modelOf(DOCUMENT('        name: { type: string }\n'));
      after = await modelOf(DOCUMENT('        name: { type: string }\n        size: { type: integer }\n'));
      const [initial] = planMigrations(before, tablesOf(before), { files: new Map() }, report(), 'stack');
      initialPath = initial!.path;
      initialId = initialPath.slice(`${VERSIONS}/`.length, -'_initial.py'.length);
      initialText = revisionFile(initialId, 'None');
    });

    const previousRun = () => ({ model: before, schema: tablesOf(before), files: new Map([[initialPath, { owner: 'stack', text: initialText }]]) });

    it('chains the new revision after your own revision, and never plans yours', () => {
      const mine = `${VERSIONS}/a1b2c3_add_audit.py`;
      const onDisk = new Map([[initialPath, initialText], [mine, revisionFile('a1b2c3', `'${initialId}'`)]]);
      const notes = report();
      const files = planMigrations(after, tablesOf(after), previousRun(), notes, 'stack', onDisk);
      expect(files.map((file) => file.path)).not.toContain(mine);
      expect(files.at(-1)!.content).toContain('down_revision: str | None = "a1b2c3"');
      expect(notes.regeneration.at(-1)).toMatch(new RegExp(`^New migration \\S+ \\(after a1b2c3, your revision in ${mine}\\)`));
    });

    it('chains after a merge revision (a tuple of parents, over several lines)', () => {
      const onDisk = new Map([
        [initialPath, initialText],
        [`${VERSIONS}/b1_left.py`, revisionFile('b1', `"${initialId}"`)],
        [`${VERSIONS}/b2_right.py`, revisionFile('b2', `"${initialId}"`)],
        [`${VERSIONS}/m3_merge.py`, revisionFile('m3', '(\n    "b1",\n    "b2",\n)')],
        [`${VERSIONS}/__init__.py`, ''],
      ]);
      expect(planMigrations(after, tablesOf(after), previousRun(), report(), 'stack', onDisk).at(-1)!.content).toContain('down_revision: str | None = "m3"');
    });

    it('stops with one line saying to merge the heads when the history has several', () => {
      const onDisk = new Map([
        [initialPath, initialText],
        [`${VERSIONS}/b1_left.py`, revisionFile('b1', `"${initialId}"`)],
        [`${VERSIONS}/b2_right.py`, revisionFile('b2', `'${initialId}'`)],
      ]);
      const failure = (() => {
        try {
          planMigrations(after, tablesOf(after), previousRun(), report(), 'stack', onDisk);
        } catch (error) {
          return error as InfraStackError;
        }
        return undefined;
      })();
      expect(failure).toBeInstanceOf(InfraStackError);
      expect(failure!.describe()).toBe(
          `${VERSIONS}: the migration history has 2 heads (b1 in b1_left.py, b2 in b2_right.py): run \`alembic merge heads -m "merge"\` in backend/, then run again; the new revision follows the merge`,
      );
      // No change to write: nothing to chain, nothing stops.
      expect(planMigrations(before, tablesOf(before), previousRun(), report(), 'stack', onDisk).map((file) => file.path)).toEqual([initialPath]);
    });

    it('plans the revisions it wrote oldest first, whatever their names, so that the plan keeps its order', () => {
      const newer = `${VERSIONS}/000000_alter_things.py`;
      const newerText = revisionFile('000000', `"${initialId}"`);
      const previous = { model: before, schema: tablesOf(before), files: new Map([[newer, { owner: 'stack', text: newerText }], [initialPath, { owner: 'stack', text: initialText }]]) };
      const onDisk = new Map([[initialPath, initialText], [newer, newerText]]);
      expect(planMigrations(before, tablesOf(before), previous, report(), 'stack', onDisk).map((file) => file.path)).toEqual([initialPath, newer]);
    });

    it('names a revision that follows one no file declares', () => {
      const onDisk = new Map([[initialPath, initialText], [`${VERSIONS}/c1_orphan.py`, revisionFile('c1', '"gone"')]]);
      expect(() => planMigrations(after, tablesOf(after), previousRun(), report(), 'stack', onDisk)).toThrow(/revision c1 follows gone, which no file in backend\/migrations\/versions declares/);
    });

    it('writes no second initial revision when the manifest is lost or rebuilt: the history on disk is there', () => {
      const onDisk = new Map([[initialPath, initialText]]);
      const notes = report();
      expect(planMigrations(after, tablesOf(after), { files: new Map() }, notes, 'stack', onDisk)).toEqual([]);
      expect(notes.regeneration.join('\n')).toMatch(/^No migration written: the manifest of the last run has no model/);
    });
  });
});

const NOTES = (schemas: { note: string; tag: string; noteHint?: string; tagHint?: string; tagField?: string; tagFieldHint?: string; extra?: string }) => `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
  /${schemas.note.toLowerCase()}s:
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/${schemas.note}' } } } }
      responses: { '201': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/${schemas.note}' } } } } }
  /${schemas.tag.toLowerCase()}s:
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/${schemas.tag}' } } } }
      responses: { '201': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/${schemas.tag}' } } } } }
components:
  schemas:
    ${schemas.note}:
      type: object
${schemas.noteHint ? `      x-renamed-from: ${schemas.noteHint}\n` : ''}      required: [title]
      properties:
        id: { type: integer }
        title: { type: string }
        ${schemas.tagField ?? 'tag_ids'}: { type: array, items: { type: integer }${schemas.tagFieldHint ? `, x-renamed-from: ${schemas.tagFieldHint}` : ''} }
${schemas.extra ?? ''}    ${schemas.tag}:
      type: object
${schemas.tagHint ? `      x-renamed-from: ${schemas.tagHint}\n` : ''}      required: [name]
      properties:
        id: { type: integer }
        name: { type: string }
`;

describe('migrations that keep the data', () => {
  const report = () => ({ notes: [], toImplement: [], nextSteps: [], regeneration: [] as string[] });

  async function revisionFor(beforeText: string, afterText: string, consent: { acceptDataLoss?: boolean } = {}) {
    const before = await modelOf(beforeText);
    const after = await modelOf(afterText);
    const [initial] = planMigrations(before, tablesOf(before), { files: new Map() }, report(), 'stack');
    const id = initial!.path.slice('backend/migrations/versions/'.length, -'_initial.py'.length);
    const initialText = `revision: str = "${id}"\ndown_revision: str | None = None\n`;
    const previous = { model: before, schema: tablesOf(before), files: new Map([[initial!.path, { owner: 'stack', text: initialText }]]) };
    const notes = report();
    const files = planMigrations(after, tablesOf(after), previous, notes, 'stack', new Map([[initial!.path, initialText]]), consent);
    if (process.env.SHOW_REVISION) console.log(files.at(-1)!.content, notes.regeneration);
    return { initial: initial!, text: files.at(-1)!.content ?? '', notes: notes.regeneration };
  }

  it('renames the table of an entity renamed with its previous entity name, and its join table with it', async () => {
    const { initial, text, notes } = await revisionFor(
      NOTES({ note: 'Note', tag: 'Tag' }),
      NOTES({ note: 'Memo', tag: 'Label', noteHint: 'Note', tagHint: 'Tag', tagField: 'label_ids', tagFieldHint: 'tag_ids' }),
    );
    expect(JSON.stringify(initial.data)).toContain('"name":"note_tags"');
    expect(text).toContain('op.rename_table("notes", "memos")');
    expect(text).toContain('op.rename_table("tags", "labels")');
    expect(text).toContain('op.rename_table("note_tags", "memo_labels")');
    // The old indexes go before the rename (they name the old table), and come back after the rename back.
    expect(text.indexOf('op.drop_index(op.f("ix_notes_created_at"), table_name="notes")')).toBeLessThan(text.indexOf('op.rename_table("notes", "memos")'));
    expect(text.lastIndexOf('op.create_index(op.f("ix_notes_created_at"), "notes"')).toBeGreaterThan(text.lastIndexOf('op.rename_table("memos", "notes")'));
    expect(text).not.toMatch(/drop_table|create_table|drop_column/);
    expect(text).toContain('batch_op.alter_column("tag_id", new_column_name="label_id")');
    expect(notes.join('\n')).not.toMatch(/renamed-from/);
  });

  it('still reads the previous table name as the hint, as it was first documented', async () => {
    const { text } = await revisionFor(NOTES({ note: 'Note', tag: 'Tag' }), NOTES({ note: 'Memo', tag: 'Tag', noteHint: 'notes' }));
    expect(text).toContain('op.rename_table("notes", "memos")');
    expect(text).not.toMatch(/drop_table/);
  });

  it('stops before writing a migration that may destroy data, listing what it destroys; consent writes it with the warning', async () => {
    const before = NOTES({ note: 'Note', tag: 'Tag', extra: '    Draft:\n      type: object\n      properties: { id: { type: integer } }\n' });
    const after = NOTES({ note: 'Memo', tag: 'Tag' });
    const failure = await revisionFor(before, after).then(() => undefined, (error: unknown) => error as InfraStackError);
    expect(failure).toBeInstanceOf(InfraStackError);
    const message = failure!.describe();
    expect(message).toContain('drop table notes: every row it holds is deleted');
    expect(message).toContain('Nothing was written');
    expect(message).toContain('--accept-data-loss');
    const accepted = await revisionFor(before, after, { acceptDataLoss: true });
    expect(accepted.text).toContain('WARNING: may destroy data (accepted with --accept-data-loss):\n- drop table note_tags: every row it holds is deleted\n- drop table notes: every row it holds is deleted\n');
    expect(accepted.notes.join('\n')).toContain('if Memo is Note renamed, add `x-renamed-from: Note` to the schema Memo');
  });

  describe('migrations that run on a table with rows', () => {
    const doc = (title: string, extra = '', required = 'title') => NOTES({ note: 'Note', tag: 'Tag' }).replace('title: { type: string }', `title: ${title}${extra}`).replace('required: [title]', `required: [${required}]`);

    it('casts a string column to an integer with USING on PostgreSQL, the rename in the same alter_column, and back on downgrade', async () => {
      const { text } = await revisionFor(
        doc('{ type: string }', '\n        ref: { type: string, maxLength: 20 }'),
        doc('{ type: string }', '\n        reference: { type: integer, x-renamed-from: ref }'),
        { acceptDataLoss: true },
      );
      const [upgrade, downgrade] = text.split('def downgrade');
      expect(upgrade).toMatch(/alter_column\(\s*"ref",\s*new_column_name="reference",\s*existing_type=sa\.String\(20\),\s*type_=sa\.Integer\(\),\s*existing_nullable=True,\s*postgresql_using='"ref"::INTEGER',\s*\)/);
      expect(upgrade).not.toMatch(/alter_column\("ref", new_column_name="reference"\)/);
      expect(downgrade).toMatch(/alter_column\(\s*"reference",\s*new_column_name="ref",\s*existing_type=sa\.Integer\(\),\s*type_=sa\.String\(20\),\s*existing_nullable=True,\s*postgresql_using='"reference"::TEXT::VARCHAR\(20\)',\s*\)/);
    });

    it('adds a required column nullable, fills the rows with the default or in a function of the revision, then makes it required; consent only without a default', async () => {
      const before = doc('{ type: string }', '\n        rating: { type: integer }');
      const withDefaults = doc('{ type: string }', '\n        rating: { type: integer, default: 1 }\n        priority: { type: integer, default: 3 }', 'title, rating, priority');
      expect((await revisionFor(before, withDefaults)).text).not.toContain('WARNING');
      const after = doc('{ type: string }', '\n        rating: { type: integer, default: 1 }\n        priority: { type: integer, default: 3 }\n        label: { type: string, maxLength: 40 }', 'title, rating, priority, label');
      await expect(revisionFor(before, after)).rejects.toThrow(/add required column notes\.label with no default: on a table with rows the migration stops until the revision's fill function gives them a value/);
      const { text, notes } = await revisionFor(before, after, { acceptDataLoss: true });
      expect(text).toMatch(/WARNING: may destroy data \(accepted with --accept-data-loss\):\n- add required column notes\.label with no default[^\n]*\n\n/);
      const upgrade = text.slice(text.indexOf('def upgrade'), text.indexOf('def downgrade'));
      const order = [
        'batch_op.add_column(sa.Column("priority", sa.Integer(), nullable=True))',
        'batch_op.add_column(sa.Column("label", sa.String(40), nullable=True))',
        'fill_null("notes", "priority", 3)',
        'fill_notes_label(op.get_bind())',
        'refuse_null("notes", "label", "fill_notes_label")',
        'fill_null("notes", "rating", 1)',
        '"priority", existing_type=sa.Integer(), existing_nullable=True, nullable=False',
        '"label", existing_type=sa.String(40), existing_nullable=True, nullable=False',
        '"rating", existing_type=sa.Integer(), existing_nullable=True, nullable=False',
      ].map((line) => upgrade.indexOf(line));
      expect(order.every((position) => position >= 0)).toBe(true);
      expect(order.slice(0, 6)).toEqual([...order.slice(0, 6)].sort((a, b) => a - b));
      expect(Math.min(...order.slice(6))).toBeGreaterThan(order[5]!);
      // The function the user writes comes before upgrade(); the helpers after downgrade().
      expect(text.indexOf('def fill_notes_label(connection: sa.Connection) -> None:')).toBeLessThan(text.indexOf('def upgrade'));
      expect(text.indexOf('def refuse_null(')).toBeGreaterThan(text.indexOf('def downgrade'));
      expect(notes.join('\n')).toContain('notes.label is now required with no default: if notes has rows, give them a value in fill_notes_label()');
      expect(notes.join('\n')).toContain("notes.priority is now required: rows already there get the document's default, 3.");
    });

    it('checks the rows for a removed enum value before changing anything, even when no column changes, with consent', async () => {
      const status = (values: string) => doc('{ type: string }', `\n        status: { type: string, enum: [${values}] }`);
      await expect(revisionFor(status('draft, live, gone'), status('draft, live'))).rejects.toThrow(/remove gone from notes\.status: the migration stops on rows holding them/);
      const { text, notes } = await revisionFor(status('draft, live, gone'), status('draft, live'), { acceptDataLoss: true });
      const upgrade = text.slice(text.indexOf('def upgrade'), text.indexOf('def downgrade'));
      expect(upgrade).toBe('def upgrade() -> None:\n    update_notes_status(op.get_bind())\n    refuse_values("notes", "status", ["gone"], "update_notes_status")\n\n\n');
      expect(text).toContain('def update_notes_status(connection: sa.Connection) -> None:');
      expect(notes.join('\n')).toContain('if rows of notes hold gone in status, give them another value in update_notes_status()');
    });
  });

  it('asks no consent for changes that keep every value: a longer string, a new optional column', async () => {
    const doc = (title: string, extra = '') => NOTES({ note: 'Note', tag: 'Tag' }).replace('title: { type: string }', `title: ${title}${extra}`);
    const { text } = await revisionFor(doc('{ type: string, maxLength: 20 }'), doc('{ type: string, maxLength: 80 }', '\n        body: { type: string }'));
    expect(text).toMatch(/add_column\(\s*sa\.Column\(\s*"body"/);
    expect(text).not.toContain('WARNING');
    await expect(revisionFor(doc('{ type: string, maxLength: 80 }'), doc('{ type: string, maxLength: 20 }'))).rejects.toThrow(/change notes\.title from string\(80\) to string\(20\)/);
  });
});
