import { createHash } from 'node:crypto';
import { fillValue, migrationSteps, reverseSteps, type Column, type ColumnStep, type MigrationStep, type SchemaDiff, type TableChange } from '../../../core/index.js';
import { pyCall } from '../python/layout.js';
import { pyFloat, pyString } from '../python/names.js';
import { castFamily, postgresqlTypeName } from '../column-storage.js';
import { RevisionHooks } from './revision-hooks.js';
import { pyColumnName } from '../sql-words.js';
import { addCyclicKeyLines, columnDefinition, type ColumnTable, createIndexLine, createTableLines, dropCyclicKeyLines, dropIndexLine, dropTableLine, migrationType } from './tables.js';

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
 * parent, so the same change regenerates the same file. The upgrade renders core's migration
 * steps; the downgrade renders the same steps undone in reverse (`reverseSteps`), never written
 * apart. Each change of a table's columns or constraints is a batch (which SQLite needs).
 */
export function renderRevision(diff: SchemaDiff, parent: string): Revision {
  const hooks = new RevisionHooks();
  const steps = migrationSteps(diff);
  // A batch names its table as it is at that step: before or after a rename.
  const tables = new Map<string, ColumnTable>(diff.altered.flatMap((change) => [change.table, change.renamedFrom ?? change.table].map((name) => [name, change] as const)));
  const render = (step: MigrationStep) => stepLines(step, hooks, tables);
  const upgrade = steps.flatMap(render);
  const downgrade = reverseSteps(steps).flatMap(render);

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

/** A step as Alembic writes it, at 4 spaces. */
function stepLines(step: MigrationStep, hooks: RevisionHooks, tables: ReadonlyMap<string, ColumnTable>): string[] {
  switch (step.kind) {
    case 'check-values':
      return hooks.valueCheck(step.check);
    case 'rename-table':
      return [`    ${pyCall('op.rename_table', [pyString(step.from), pyString(step.to)], 4)}`];
    case 'create-table':
      return createTableLines(step.table);
    case 'drop-table':
      return [dropTableLine(step.table)];
    case 'add-cyclic-keys':
      return addCyclicKeyLines(step.keys);
    case 'drop-cyclic-keys':
      return dropCyclicKeyLines(step.keys);
    case 'create-index':
      return [`    ${createIndexLine(step.table, step.index)}`];
    case 'drop-index':
      return [`    ${dropIndexLine(step.table, step.index)}`];
    case 'alter-table':
      return [`    with op.batch_alter_table(${pyString(step.table)}) as batch_op:`, ...step.steps.map((change) => batchLine(change, tables.get(step.table)!))];
    case 'fill-column':
      return hooks.fill(step.table, step.column.name, pyFillValue(step.column));
    case 'carry-deletion-mark':
      return hooks.carryDeletionMark(step.table, step.from, step.to);
    case 'release-column':
      return [];
  }
}

function batchLine(step: ColumnStep, table: ColumnTable): string {
  switch (step.kind) {
    case 'add-column':
      return addColumn(table, step.column);
    case 'drop-column':
      return batchCall('drop_column', [pyColumnName(step.column.name)]);
    case 'alter-column':
      return alterColumn(step.from, step.to);
    case 'rename-column':
      return batchCall('alter_column', [pyColumnName(step.from), `new_column_name=${pyColumnName(step.to)}`]);
    case 'add-foreign-key': {
      const { key } = step;
      return batchCall('create_foreign_key', [`op.f(${pyString(key.name)})`, pyString(key.targetTable), `[${key.columns.map(pyColumnName).join(', ')}]`, `[${key.targetColumns.map(pyColumnName).join(', ')}]`, `ondelete=${pyString(key.onDelete)}`]);
    }
    case 'drop-foreign-key':
      return batchCall('drop_constraint', [`op.f(${pyString(step.key.name)})`, 'type_="foreignkey"']);
    case 'add-unique':
      return batchCall('create_unique_constraint', [`op.f(${pyString(step.unique.name)})`, `[${step.unique.columns.map(pyColumnName).join(', ')}]`]);
    case 'drop-unique':
      return batchCall('drop_constraint', [`op.f(${pyString(step.unique.name)})`, 'type_="unique"']);
  }
}

function batchCall(method: string, args: string[]): string {
  return `        ${pyCall(`batch_op.${method}`, args, 8)}`;
}

/** `batch_op.add_column(sa.Column(...))`: the column definition as `op.create_table` lays it out, moved in by one level. */
function addColumn(table: ColumnTable, column: Column): string {
  const definition = columnDefinition(table, column);
  const flat = `        batch_op.add_column(${definition})`;
  if (!definition.includes('\n') && flat.length <= 100) return flat;
  return `        batch_op.add_column(\n            ${definition.replace(/\n/g, '\n    ')}\n        )`;
}

/**
 * `alter_column` from one state of a column to another. A rename goes in the same call: batch mode
 * on SQLite knows a column by its old name to the end of the block, PostgreSQL by its new one
 * after a separate rename. A change of type across families (text to integer) casts with
 * `USING` on PostgreSQL, which changes the type before the name.
 */
function alterColumn(from: Column, to: Column): string {
  const args = [pyColumnName(from.name)];
  if (from.name !== to.name) args.push(`new_column_name=${pyColumnName(to.name)}`);
  const fromType = migrationType(from);
  const toType = migrationType(to);
  args.push(`existing_type=${fromType}`);
  if (fromType !== toType) args.push(`type_=${toType}`);
  args.push(`existing_nullable=${py(from.nullable)}`);
  if (from.nullable !== to.nullable) args.push(`nullable=${py(to.nullable)}`);
  if (castFamily(from.type) !== castFamily(to.type)) {
    const value = castFamily(from.type) === 'text' ? pgIdentifier(from.name) : `${pgIdentifier(from.name)}::TEXT`;
    args.push(`postgresql_using=${pyString(`${value}::${postgresqlTypeName(to.type)}`)}`);
  }
  return batchCall('alter_column', args);
}

/** The document's default of a column becoming required, as a Python literal; undefined when it has none the column can store. */
function pyFillValue(column: Column): string | undefined {
  const value = fillValue(column);
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return pyString(value);
  return column.type.kind === 'float' || column.type.kind === 'numeric' ? pyFloat(value) : String(value);
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
    ...change.foreignKeysAdded.map((k) => `add key ${k.columns.join(', ')}`),
    ...change.foreignKeysDropped.map((k) => `drop key ${k.columns.join(', ')}`),
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

