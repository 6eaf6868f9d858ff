import { tableOrder, type DomainModel } from '../../../core/index.js';
import { MYSQL_TABLE_KEYWORDS } from '../column-storage.js';
import { pyCall, pyCallItem } from '../python/layout.js';
import { pyString } from '../python/names.js';
import { entityView, type ColumnSpec, type EntityView } from '../view/entities.js';
import { primaryKeyName, uniqueName } from '../constraint-names.js';
import { pyColumnName } from '../sql-words.js';

export interface ForeignKeySpec {
  name: string;
  column: string;
  targetTable: string;
  targetColumn: string;
  onDelete: string;
  /** Closes a cycle of tables: created after every table of the cycle, dropped before them. */
  cyclic: boolean;
}

export interface IndexSpec {
  name: string;
  columns: string[];
  /** `op.create_index(...)` / `op.drop_index(...)`, laid out at 4 spaces. */
  create: string;
  drop: string;
}

/** One table as the migrations create it, and as regeneration compares it. */
export interface TableSpec {
  name: string;
  /** The entity stored in the table, or, for a join table, the entity and the list field it stores. */
  holds: { entity: string; field?: string };
  /**
   * The entity's `x-renamed-from` as written: its previous entity name (or previous table name),
   * resolved against the previous model by the diff.
   */
  renamedFrom?: string;
  primaryKey: string[];
  columns: ColumnSpec[];
  /** `sa.ForeignKeyConstraint(...)` and `sa.UniqueConstraint(...)` items of `op.create_table`. */
  constraints: string[];
  foreignKeys: ForeignKeySpec[];
  uniques: { name: string; columns: string[] }[];
  indexes: IndexSpec[];
}

/** `mysql_engine="InnoDB"` and the like: what each `op.create_table` asks of MySQL (ignored elsewhere). */
export const MYSQL_TABLE_OPTION_ARGS: readonly string[] = MYSQL_TABLE_KEYWORDS.map(([keyword, value]) => `${keyword}=${pyString(value)}`);

/** Every table of the model, each after the tables its keys refer to; link tables last. */
export function migrationTables(model: DomainModel, views?: ReadonlyMap<string, EntityView>): TableSpec[] {
  const viewOf = (name: string) => views?.get(name) ?? entityView(model.entities.find((e) => e.name === name)!, model);
  const tables = tableOrder(model.entities).entities.flatMap((entity) => {
    const e = viewOf(entity.name);
    const renamed = entity.renamedFrom;
    const table: TableSpec = {
      name: e.table,
      holds: { entity: entity.name },
      ...(renamed !== undefined ? { renamedFrom: renamed } : {}),
      primaryKey: [e.key.column],
      columns: e.columnSpecs,
      constraints: [...e.storage.migration.foreignKeys, ...e.storage.migration.uniques],
      foreignKeys: [...e.storage.foreignKeys.values()].map(({ name, column, targetTable, targetColumn, onDelete, cyclic }) => ({ name, column, targetTable, targetColumn, onDelete, cyclic })),
      uniques: entity.uniques.map((unique) => ({ name: uniqueName(e.table, unique.fields), columns: unique.fields })),
      indexes: e.storage.migration.indexes.map((index, position) => ({ ...index, columns: entity.indexes[position]?.fields ?? [] })),
    };
    const links = e.modelModule.linkClasses.map((link): TableSpec => ({
      name: link.table,
      holds: { entity: entity.name, field: link.field },
      primaryKey: link.primaryKey,
      columns: link.migrationColumns.map((definition, position) => ({ name: link.primaryKey[position]!, type: link.migrationTypes[position]!, nullable: false, definition })),
      constraints: link.foreignKeys,
      foreignKeys: [],
      uniques: [],
      indexes: [],
    }));
    return [table, ...links];
  });
  // Link tables refer to both sides: create them after every entity table.
  return tables.sort((a, b) => Number(a.primaryKey.length > 1) - Number(b.primaryKey.length > 1));
}

/** `op.create_table(...)` and its indexes, at 4 spaces, as the initial migration writes them. */
export function createTableLines(table: TableSpec): string[] {
  const items = [
    ...table.columns.map((column) => column.definition),
    pyCallItem('sa.PrimaryKeyConstraint', [...table.primaryKey.map(pyString), `name=op.f(${pyString(primaryKeyName(table.name))})`], 8),
    ...table.constraints,
    ...MYSQL_TABLE_OPTION_ARGS,
  ];
  return [`    op.create_table(\n        ${pyString(table.name)},\n${items.map((item) => `        ${item},\n`).join('')}    )`, ...table.indexes.map((index) => `    ${index.create}`)];
}

/** `op.drop_table(...)`, at 4 spaces. */
export function dropTableLine(table: TableSpec): string {
  return pyCall('op.drop_table', [pyString(table.name)], 4).replace(/^/, '    ');
}

/**
 * The guard of the statements that add or drop the keys closing a cycle: SQLite alters no
 * constraint, and there `op.create_table` wrote those keys with their tables (`use_alter=True`
 * is honoured only where the database can alter a table).
 */
const CAN_ALTER = '    if op.get_context().dialect.supports_alter:';

/** `op.create_foreign_key(...)` for each key of `tables` that closes a cycle, once every table exists; none: no lines. */
export function addCyclicKeyLines(tables: readonly TableSpec[]): string[] {
  const keys = tables.flatMap((table) => table.foreignKeys.filter((key) => key.cyclic).map((key) => ({ table: table.name, key })));
  if (keys.length === 0) return [];
  const calls = keys.map(({ table, key }) =>
    pyCall('op.create_foreign_key', [`op.f(${pyString(key.name)})`, pyString(table), pyString(key.targetTable), `[${pyColumnName(key.column)}]`, `[${pyColumnName(key.targetColumn)}]`, `ondelete=${pyString(key.onDelete)}`], 8),
  );
  return [CAN_ALTER, ...calls.map((call) => `        ${call}`)];
}

/** `op.drop_constraint(...)` for each key of `tables` that closes a cycle, before any of the tables is dropped. */
export function dropCyclicKeyLines(tables: readonly TableSpec[]): string[] {
  const keys = tables.flatMap((table) => table.foreignKeys.filter((key) => key.cyclic).map((key) => ({ table: table.name, key }))).reverse();
  if (keys.length === 0) return [];
  const calls = keys.map(({ table, key }) => pyCall('op.drop_constraint', [`op.f(${pyString(key.name)})`, pyString(table), 'type_="foreignkey"'], 8));
  return [CAN_ALTER, ...calls.map((call) => `        ${call}`)];
}
