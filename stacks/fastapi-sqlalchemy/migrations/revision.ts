import { createHash } from 'node:crypto';
import { pyCall } from '../python/layout.js';
import { pyString } from '../python/names.js';
import type { ColumnSpec } from '../view/entities.js';
import { castFamily, postgresqlTypeName } from '../column-storage.js';
import { RevisionHooks } from './revision-hooks.js';
import { pyColumnName } from '../sql-words.js';
import { columnsBecomingRequired, storedType, type SchemaDiff, type TableChange } from './schema-diff.js';
import { addCyclicKeyLines, createTableLines, dropCyclicKeyLines, dropTableLine, type TableSpec } from './tables.js';

export interface Revision {
  id: string;
  slug: string;
  text: string;
  /** One line per change, for the report. */
  summary: string[];
  /** What the user may have to write in the revision before it upgrades a database with rows. */
  todo: string[];
}

const SLUG_LENGTH = 48;

/**
 * An Alembic revision applying `diff` after `parent`. Its id is derived from its content and its
 * parent, so the same change regenerates the same file. Tables are renamed first, then created,
 * altered (in batch mode, which SQLite needs to change a column or a constraint) and dropped;
 * the downgrade undoes it in reverse, each statement where the names it uses exist.
 */
export function renderRevision(diff: SchemaDiff, parent: string): Revision {
  const upgrade: string[] = [];
  const downgrade: string[] = [];
  const hooks = new RevisionHooks();
  const renamed = diff.altered.filter((change) => change.renamedFrom !== undefined);
  // Rows holding a value a column no longer takes are checked before anything changes (MySQL cannot undo DDL).
  for (const check of diff.valueChecks) upgrade.push(...hooks.valueCheck(check));
  // A renamed table's old indexes go while it has its old name, and come back after it has it again.
  for (const change of renamed) upgrade.push(...change.indexesDropped.map((index) => `    ${index.drop}`));
  for (const change of renamed) upgrade.push(`    ${pyCall('op.rename_table', [pyString(change.renamedFrom!), pyString(change.table)], 4)}`);
  for (const table of diff.created) upgrade.push(...createTableLines(table));
  upgrade.push(...addCyclicKeyLines(diff.created));
  for (const change of diff.altered) upgrade.push(...alterUpgrade(change, hooks));
  upgrade.push(...dropCyclicKeyLines(diff.dropped));
  for (const table of diff.dropped) upgrade.push(dropTableLine(table));

  // The downgrade undoes the columns while the tables have their new names, gives them their old
  // names back, then brings back the dropped tables and the constraints, which name the old ones.
  const undone = [...diff.altered].reverse().map((change) => ({ change, ...alterDowngrade(change) }));
  for (const { columns } of undone) downgrade.push(...columns);
  downgrade.push(...dropCyclicKeyLines(diff.created));
  for (const table of [...diff.created].reverse()) downgrade.push(dropTableLine(table));
  for (const change of renamed) downgrade.push(`    ${pyCall('op.rename_table', [pyString(change.table), pyString(change.renamedFrom!)], 4)}`);
  for (const change of renamed) downgrade.push(...change.indexesDropped.map((index) => `    ${index.create}`));
  for (const table of [...diff.dropped].reverse()) downgrade.push(...createTableLines(table));
  downgrade.push(...addCyclicKeyLines(diff.dropped));
  for (const { constraints } of undone) downgrade.push(...constraints);

  const summary = [
    ...diff.created.map((t) => `create table ${t.name}`),
    ...diff.altered.map((c) => `alter table ${c.renamedFrom ? `${c.renamedFrom} (renamed ${c.table})` : c.table}: ${describeChange(c)}`),
    ...diff.dropped.map((t) => `drop table ${t.name}`),
    ...diff.valueChecks.map((check) => `check ${check.table}.${check.column} holds none of ${check.values.join(', ')}`),
  ];
  const slug = slugOf(diff);
  const body = [upgrade.join('\n'), downgrade.join('\n')];
  const id = createHash('sha256').update(JSON.stringify([parent, ...body])).digest('hex').slice(0, 12);
  const usesSa = body.some((part) => part.includes('sa.')) || hooks.used;
  const usesMysql = body.some((part) => part.includes('mysql.'));
  const warning = diff.destructive.length > 0 ? ['', 'WARNING: may destroy data (accepted with --accept-data-loss):', ...diff.destructive.map((line) => `- ${line}`)] : [];
  const text = [
    `"""Schema changes since revision ${parent}.`,
    '',
    ...summary.map((line) => `- ${line}`),
    ...warning,
    '',
    `Revision ID: ${id}`,
    `Revises: ${parent}`,
    '"""',
    '',
    'from collections.abc import Sequence',
    '',
    ...(usesSa ? ['import sqlalchemy as sa'] : []),
    'from alembic import op',
    ...(usesMysql ? ['from sqlalchemy.dialects import mysql'] : []),
    '',
    `revision: str = "${id}"`,
    `down_revision: str | None = "${parent}"`,
    'branch_labels: str | Sequence[str] | None = None',
    'depends_on: str | Sequence[str] | None = None',
    '',
    '',
    ...hooks.userFunctions().flatMap((lines) => [...lines, '', '']),
    'def upgrade() -> None:',
    body[0] || '    pass',
    '',
    '',
    'def downgrade() -> None:',
    body[1] || '    pass',
    '',
    ...hooks.helperFunctions().flatMap((lines) => ['', ...lines, '']),
  ].join('\n');
  return { id, slug, text, summary, todo: hooks.todo };
}

function alterUpgrade(change: TableChange, hooks: RevisionHooks): string[] {
  // A column becoming required is added or altered nullable, filled, then made required.
  const filled = columnsBecomingRequired(change).map(({ column }) => column);
  const later = new Set(filled.map((column) => column.name));
  const batch = [
    ...change.foreignKeysDropped.map((key) => batchCall('drop_constraint', [`op.f(${pyString(key.name)})`, 'type_="foreignkey"'])),
    ...change.uniquesDropped.map((unique) => batchCall('drop_constraint', [`op.f(${pyString(unique.name)})`, 'type_="unique"'])),
    ...renamesOnly(change).map(({ from, to }) => batchCall('alter_column', [pyColumnName(from), `new_column_name=${pyColumnName(to)}`])),
    ...change.columnsAdded.map((column) => addColumn(later.has(column.name) ? { ...column, definition: column.addedNullable! } : column)),
    ...change.columnsAltered.flatMap(({ before, after }) => {
      const stays = later.has(after.name) ? { ...after, nullable: before.nullable } : after;
      return storedType(before) !== storedType(after) || stays.nullable !== before.nullable || before.name !== after.name ? [alterColumn(before, stays)] : [];
    }),
    ...change.columnsDropped.map((column) => batchCall('drop_column', [pyColumnName(column.name)])),
  ];
  const constraints = [
    ...change.uniquesAdded.map((unique) => batchCall('create_unique_constraint', [`op.f(${pyString(unique.name)})`, `[${unique.columns.map(pyColumnName).join(', ')}]`])),
    ...change.foreignKeysAdded.map((key) =>
      batchCall('create_foreign_key', [`op.f(${pyString(key.name)})`, pyString(key.targetTable), `[${pyColumnName(key.column)}]`, `[${pyColumnName(key.targetColumn)}]`, `ondelete=${pyString(key.onDelete)}`]),
    ),
  ];
  const drops = change.renamedFrom === undefined ? change.indexesDropped : [];
  const required = filled.map((column) => batchCall('alter_column', [pyColumnName(column.name), `existing_type=${column.type}`, 'existing_nullable=True', 'nullable=False']));
  return [
    ...drops.map((index) => `    ${index.drop}`),
    ...batchBlocks(change, batch, constraints),
    ...filled.flatMap((column) => hooks.fill(change.table, column)),
    ...batchBlock(change.table, required),
    ...change.indexesAdded.map((index) => `    ${index.create}`),
  ];
}

/** The downgrade of a table's change: its columns (on the table's new name), then its constraints and indexes (on its old one). */
function alterDowngrade(change: TableChange): { columns: string[]; constraints: string[] } {
  const batch = [
    ...change.foreignKeysAdded.map((key) => batchCall('drop_constraint', [`op.f(${pyString(key.name)})`, 'type_="foreignkey"'])),
    ...change.uniquesAdded.map((unique) => batchCall('drop_constraint', [`op.f(${pyString(unique.name)})`, 'type_="unique"'])),
    ...change.columnsDropped.map((column) => addColumn(column)),
    ...change.columnsAltered.map(({ before, after }) => alterColumn(after, before)),
    ...change.columnsAdded.map((column) => batchCall('drop_column', [pyColumnName(column.name)])),
    ...renamesOnly(change).map(({ from, to }) => batchCall('alter_column', [pyColumnName(to), `new_column_name=${pyColumnName(from)}`])),
  ];
  const constraints = [
    ...change.uniquesDropped.map((unique) => batchCall('create_unique_constraint', [`op.f(${pyString(unique.name)})`, `[${unique.columns.map(pyColumnName).join(', ')}]`])),
    ...change.foreignKeysDropped.map((key) =>
      batchCall('create_foreign_key', [`op.f(${pyString(key.name)})`, pyString(key.targetTable), `[${pyColumnName(key.column)}]`, `[${pyColumnName(key.targetColumn)}]`, `ondelete=${pyString(key.onDelete)}`]),
    ),
  ];
  const creates = change.renamedFrom === undefined ? change.indexesDropped : [];
  return {
    columns: [...change.indexesAdded.map((index) => `    ${index.drop}`), ...batchBlock(change.table, batch)],
    constraints: [...batchBlock(change.renamedFrom ?? change.table, constraints), ...creates.map((index) => `    ${index.create}`)],
  };
}

/**
 * The batch block(s) of a table's change. Alembic's batch mode loses a constraint created on a
 * column renamed in the same block (SQLite, where the table is copied): the constraints then get
 * a block of their own, after the renames.
 */
function batchBlocks(change: TableChange, statements: string[], constraints: string[]): string[] {
  if (change.columnsRenamed.length > 0 && constraints.length > 0) return [...batchBlock(change.table, statements), ...batchBlock(change.table, constraints)];
  return batchBlock(change.table, [...statements, ...constraints]);
}

function batchBlock(table: string, statements: string[]): string[] {
  if (statements.length === 0) return [];
  return [`    with op.batch_alter_table(${pyString(table)}) as batch_op:`, ...statements];
}

function batchCall(method: string, args: string[]): string {
  return `        ${pyCall(`batch_op.${method}`, args, 8)}`;
}

/** `batch_op.add_column(sa.Column(...))`: the column definition, laid out for the initial migration's list, moved in by one level. */
function addColumn(column: ColumnSpec): string {
  const flat = `        batch_op.add_column(${column.definition})`;
  if (!column.definition.includes('\n') && flat.length <= 100) return flat;
  return `        batch_op.add_column(\n            ${column.definition.replace(/\n/g, '\n    ')}\n        )`;
}

/** Columns renamed and otherwise unchanged: a renamed column that also changes is one alterColumn. */
function renamesOnly(change: TableChange): TableChange['columnsRenamed'] {
  return change.columnsRenamed.filter(({ to }) => !change.columnsAltered.some(({ after }) => after.name === to));
}

/**
 * `alter_column` from one state of a column to another. A rename goes in the same call: batch mode
 * on SQLite knows a column by its old name to the end of the block, PostgreSQL by its new one
 * after a separate rename. A change of type across families (text to integer) casts with
 * `USING` on PostgreSQL, which changes the type before the name.
 */
function alterColumn(from: ColumnSpec, to: ColumnSpec): string {
  const args = [pyColumnName(from.name)];
  if (from.name !== to.name) args.push(`new_column_name=${pyColumnName(to.name)}`);
  args.push(`existing_type=${from.type}`);
  if (from.type !== to.type) args.push(`type_=${to.type}`);
  args.push(`existing_nullable=${py(from.nullable)}`);
  if (from.nullable !== to.nullable) args.push(`nullable=${py(to.nullable)}`);
  if (from.stored && to.stored && castFamily(from.stored) !== castFamily(to.stored)) {
    const value = castFamily(from.stored) === 'text' ? pgIdentifier(from.name) : `${pgIdentifier(from.name)}::TEXT`;
    args.push(`postgresql_using=${pyString(`${value}::${postgresqlTypeName(to.stored)}`)}`);
  }
  return batchCall('alter_column', args);
}

function pgIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function py(value: boolean): string {
  return value ? 'True' : 'False';
}

function describeChange(change: TableChange): string {
  const parts = [
    ...change.columnsAdded.map((c) => `add ${c.name}`),
    ...change.columnsRenamed.map((r) => `rename ${r.from} to ${r.to}`),
    ...change.columnsAltered.map(({ before, after }) => `alter ${after.name}${before.nullable !== after.nullable ? (after.nullable ? ' (now nullable)' : ' (now required)') : ''}`),
    ...change.columnsDropped.map((c) => `drop ${c.name}`),
    ...change.foreignKeysAdded.map((k) => `add key ${k.column}`),
    ...change.foreignKeysDropped.map((k) => `drop key ${k.column}`),
    ...change.uniquesAdded.map((u) => `add unique ${u.columns.join(', ')}`),
    ...change.uniquesDropped.map((u) => `drop unique ${u.columns.join(', ')}`),
    ...change.indexesAdded.map((i) => `add index ${i.columns.join(', ')}`),
    ...change.indexesDropped.map((i) => `drop index ${i.columns.join(', ')}`),
  ];
  return parts.length > 0 ? parts.join(', ') : 'rename';
}

function slugOf(diff: SchemaDiff): string {
  const words = [...diff.created.map((t) => `create_${t.name}`), ...diff.altered.map((c) => `alter_${c.table}`), ...diff.dropped.map((t) => `drop_${t.name}`)];
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}_${word}`;
    if (next.length > SLUG_LENGTH) return slug === '' ? word.slice(0, SLUG_LENGTH) : `${slug}_and_more`;
    slug = next;
  }
  return slug;
}

export type { TableSpec };
