import type { Column, ForeignKeyConstraint, NamedColumns, Table } from '../../../core/index.js';
import { MYSQL_TABLE_KEYWORDS } from '../column-storage.js';
import { PythonImports } from '../python/imports.js';
import { pyCall, pyCallItem } from '../python/layout.js';
import { pyString } from '../python/names.js';
import { columnTypeOf } from '../python/types.js';
import { needsQuotedName, pyColumnName } from '../sql-words.js';

/**
 * The relational schema as Alembic writes it: every line here renders a table, a column, a key or
 * an index of core's schema (`context.schema`), which decided it; nothing is decided again.
 */

/** `mysql_engine="InnoDB"` and the like: what each `op.create_table` asks of MySQL (ignored elsewhere). */
export const MYSQL_TABLE_OPTION_ARGS: readonly string[] = MYSQL_TABLE_KEYWORDS.map(([keyword, value]) => `${keyword}=${pyString(value)}`);

/** The `sa.` type of a stored type, as a migration writes it (`sa.String(40)`). */
export function migrationType(column: Column): string {
  return columnTypeOf(column.type, new PythonImports()).migration;
}

/** What a column's definition depends on besides the column: whether its table is a join table, and its primary key. */
export interface ColumnTable {
  holds: Table['holds'];
  primaryKey: readonly string[];
}

/** Whether `table` is a join table (its rows link two entities; its columns are the two keys). */
function isJoinTable(table: Pick<Table, 'holds'>): boolean {
  return table.holds.field !== undefined;
}

/** `sa.Column(...)`, laid out as an item of `op.create_table` (8 spaces). */
export function columnDefinition(table: ColumnTable, column: Column): string {
  const args = [pyString(column.name), migrationType(column)];
  if (isJoinTable(table)) return pyCallItem('sa.Column', [...args, 'nullable=False'], 8);
  if (column.autoincrement) args.push('autoincrement=True');
  else if (table.primaryKey.includes(column.name) && column.value.type.kind === 'number') args.push('autoincrement=False');
  args.push(`nullable=${column.nullable ? 'True' : 'False'}`);
  if (column.defaultsToNow) args.push('server_default=sa.func.now()');
  if (needsQuotedName(column.name)) args.push('quote=True');
  return pyCallItem('sa.Column', args, 8);
}

/** `sa.ForeignKeyConstraint(...)`, an item of `op.create_table`; a key closing a cycle is added after the tables (`use_alter`). */
function foreignKeyItem(table: Table, key: ForeignKeyConstraint): string {
  const cyclic = key.cyclic && !isJoinTable(table) ? ['use_alter=True'] : [];
  const columns = `[${key.columns.map(pyString).join(', ')}]`;
  const targets = `[${key.targetColumns.map((column) => pyString(`${key.targetTable}.${column}`)).join(', ')}]`;
  return pyCallItem('sa.ForeignKeyConstraint', [columns, targets, `name=op.f(${pyString(key.name)})`, `ondelete=${pyString(key.onDelete)}`, ...cyclic], 8);
}

function uniqueItem(unique: NamedColumns): string {
  return pyCallItem('sa.UniqueConstraint', [...unique.columns.map(pyString), `name=op.f(${pyString(unique.name)})`], 8);
}

/** The items of `op.create_table` after its columns and primary key: foreign keys, then uniques. */
export function constraintItems(table: Table): string[] {
  return [...table.foreignKeys.map((key) => foreignKeyItem(table, key)), ...table.uniques.map(uniqueItem)];
}

/** `op.create_index(...)`, laid out at 4 spaces. */
export function createIndexLine(table: string, index: NamedColumns): string {
  return pyCall('op.create_index', [`op.f(${pyString(index.name)})`, pyString(table), `[${index.columns.map(pyColumnName).join(', ')}]`, 'unique=False'], 4);
}

/** `op.drop_index(...)`, laid out at 4 spaces. */
export function dropIndexLine(table: string, index: NamedColumns): string {
  return pyCall('op.drop_index', [`op.f(${pyString(index.name)})`, `table_name=${pyString(table)}`], 4);
}

/** `op.create_table(...)` and its indexes, at 4 spaces, as a revision writes them. */
export function createTableLines(table: Table): string[] {
  const items = [
    ...table.columns.map((column) => columnDefinition({ holds: table.holds, primaryKey: table.primaryKey.columns }, column)),
    pyCallItem('sa.PrimaryKeyConstraint', [...table.primaryKey.columns.map(pyString), `name=op.f(${pyString(table.primaryKey.name)})`], 8),
    ...constraintItems(table),
    ...MYSQL_TABLE_OPTION_ARGS,
  ];
  return [`    op.create_table(\n        ${pyString(table.name)},\n${items.map((item) => `        ${item},\n`).join('')}    )`, ...table.indexes.map((index) => `    ${createIndexLine(table.name, index)}`)];
}

/** `op.drop_table(...)`, at 4 spaces. */
export function dropTableLine(table: Table): string {
  return pyCall('op.drop_table', [pyString(table.name)], 4).replace(/^/, '    ');
}

/**
 * The guard of the statements that add or drop the keys closing a cycle: SQLite alters no
 * constraint, and there `op.create_table` wrote those keys with their tables (`use_alter=True`
 * is honoured only where the database can alter a table).
 */
const CAN_ALTER = '    if op.get_context().dialect.supports_alter:';

/** The keys of `tables` that close a cycle, in table order. */
export function cyclicKeysOf(tables: readonly Table[]): { table: string; key: ForeignKeyConstraint }[] {
  return tables.flatMap((table) => table.foreignKeys.filter((key) => key.cyclic).map((key) => ({ table: table.name, key })));
}

/** `op.create_foreign_key(...)` for each key closing a cycle, once every table exists; none: no lines. */
export function addCyclicKeyLines(keys: readonly { table: string; key: ForeignKeyConstraint }[]): string[] {
  if (keys.length === 0) return [];
  const calls = keys.map(({ table, key }) =>
    pyCall(
      'op.create_foreign_key',
      [`op.f(${pyString(key.name)})`, pyString(table), pyString(key.targetTable), `[${key.columns.map(pyColumnName).join(', ')}]`, `[${key.targetColumns.map(pyColumnName).join(', ')}]`, `ondelete=${pyString(key.onDelete)}`],
      8,
    ),
  );
  return [CAN_ALTER, ...calls.map((call) => `        ${call}`)];
}

/** `op.drop_constraint(...)` for each key closing a cycle, before its tables are dropped; none: no lines. */
export function dropCyclicKeyLines(keys: readonly { table: string; key: ForeignKeyConstraint }[]): string[] {
  if (keys.length === 0) return [];
  const calls = keys.map(({ table, key }) => pyCall('op.drop_constraint', [`op.f(${pyString(key.name)})`, pyString(table), 'type_="foreignkey"'], 8));
  return [CAN_ALTER, ...calls.map((call) => `        ${call}`)];
}
