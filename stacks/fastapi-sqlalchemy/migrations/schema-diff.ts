import type { DomainModel } from '../../../core/index.js';
import type { ColumnSpec } from '../view/entities.js';
import type { ForeignKeySpec, IndexSpec, TableSpec } from './tables.js';

/** What changed in one table that exists before and after. */
export interface TableChange {
  table: string;
  /** The name before, when the table was renamed (`x-renamed-from`). */
  renamedFrom?: string;
  columnsAdded: ColumnSpec[];
  columnsDropped: ColumnSpec[];
  columnsRenamed: { from: string; to: string }[];
  columnsAltered: { before: ColumnSpec; after: ColumnSpec }[];
  foreignKeysAdded: ForeignKeySpec[];
  foreignKeysDropped: ForeignKeySpec[];
  uniquesAdded: TableSpec['uniques'];
  uniquesDropped: TableSpec['uniques'];
  indexesAdded: IndexSpec[];
  indexesDropped: IndexSpec[];
}

export interface SchemaDiff {
  created: TableSpec[];
  dropped: TableSpec[];
  altered: TableChange[];
  /** What the user should know: renames that cannot be told from a drop and an add, data a change needs. */
  notes: string[];
}

/** Compares the tables of the previous model with the current ones; renames only where a hint names them. */
export function diffSchemas(before: readonly TableSpec[], after: readonly TableSpec[], models: { before: DomainModel; after: DomainModel }): SchemaDiff {
  const previous = new Map(before.map((table) => [table.name, table]));
  const matched = new Set<string>();
  const created: TableSpec[] = [];
  const altered: TableChange[] = [];
  const notes: string[] = [];
  for (const table of after) {
    const renamedFrom = !previous.has(table.name) && table.renamedFrom !== undefined && previous.has(table.renamedFrom) ? table.renamedFrom : undefined;
    const old = previous.get(renamedFrom ?? table.name);
    if (!old) {
      created.push(table);
      continue;
    }
    matched.add(old.name);
    const change = diffTable(old, table, renamedFrom);
    if (hasChanges(change)) altered.push(change);
  }
  const dropped = before.filter((table) => !matched.has(table.name)).reverse();
  if (created.length > 0 && dropped.length > 0) {
    notes.push(
      `Tables ${dropped.map((t) => t.name).join(', ')} dropped and ${created.map((t) => t.name).join(', ')} created: a renamed entity cannot be told from a drop and an add; if one is a rename, mark it with \`x-renamed-from\` and regenerate before applying the migration.`,
    );
  }
  for (const change of altered) {
    if (change.columnsAdded.length > 0 && change.columnsDropped.length > 0) {
      notes.push(
        `${change.table}: columns ${change.columnsDropped.map((c) => c.name).join(', ')} dropped and ${change.columnsAdded.map((c) => c.name).join(', ')} added; if one is a rename, mark the field with \`x-renamed-from\` and regenerate before applying the migration, or its data is lost.`,
      );
    }
    for (const column of change.columnsAdded.filter((c) => !c.nullable)) {
      notes.push(`${change.table}.${column.name} is required: rows already in the table need a value (the migration fails on a table that has rows until you give the column a server_default or fill it in two steps).`);
    }
    for (const { after: column } of change.columnsAltered.filter(({ before: b, after: a }) => b.nullable && !a.nullable)) {
      notes.push(`${change.table}.${column.name} becomes required: rows holding NULL there need a value before the migration runs.`);
    }
  }
  notes.push(...enumValueNotes(models.before, models.after));
  return { created, dropped, altered, notes };
}

export function isEmptyDiff(diff: SchemaDiff): boolean {
  return diff.created.length === 0 && diff.dropped.length === 0 && diff.altered.length === 0;
}

function diffTable(before: TableSpec, after: TableSpec, renamedFrom: string | undefined): TableChange {
  const oldColumns = new Map(before.columns.map((c) => [c.name, c]));
  const newNames = new Set(after.columns.map((c) => c.name));
  const columnsAdded: ColumnSpec[] = [];
  const columnsRenamed: TableChange['columnsRenamed'] = [];
  const columnsAltered: TableChange['columnsAltered'] = [];
  const kept = new Set<string>();
  for (const column of after.columns) {
    const renamed = !oldColumns.has(column.name) && column.renamedFrom !== undefined && oldColumns.has(column.renamedFrom) && !newNames.has(column.renamedFrom) ? column.renamedFrom : undefined;
    const old = oldColumns.get(renamed ?? column.name);
    if (!old) {
      columnsAdded.push(column);
      continue;
    }
    kept.add(old.name);
    if (renamed) columnsRenamed.push({ from: renamed, to: column.name });
    if (storedType(old) !== storedType(column) || old.nullable !== column.nullable) columnsAltered.push({ before: old, after: column });
  }
  const byName = <T extends { name: string }>(a: readonly T[], b: readonly T[]) => a.filter((x) => !b.some((y) => y.name === x.name && JSON.stringify(y) === JSON.stringify(x)));
  return {
    table: after.name,
    ...(renamedFrom !== undefined ? { renamedFrom } : {}),
    columnsAdded,
    columnsDropped: before.columns.filter((c) => !kept.has(c.name)),
    columnsRenamed,
    columnsAltered,
    foreignKeysAdded: byName(after.foreignKeys, before.foreignKeys),
    foreignKeysDropped: byName(before.foreignKeys, after.foreignKeys),
    uniquesAdded: byName(after.uniques, before.uniques),
    uniquesDropped: byName(before.uniques, after.uniques),
    indexesAdded: byName(after.indexes, before.indexes).map((index) => index),
    indexesDropped: byName(before.indexes, after.indexes),
  };
}

function hasChanges(change: TableChange): boolean {
  return change.renamedFrom !== undefined || Object.values(change).some((value) => Array.isArray(value) && value.length > 0);
}

/** Enums are stored as text of a bounded length: new values change the column only when they need more room. */
export function storedType(column: ColumnSpec): string {
  const enumLength = /^sa\.Enum\([\s\S]*length=(\d+)\)$/.exec(column.type);
  return enumLength ? `text(${enumLength[1]})` : column.type;
}

function enumValueNotes(before: DomainModel, after: DomainModel): string[] {
  const previous = new Map(before.enums.map((e) => [e.name, new Set(e.values)]));
  return after.enums.flatMap((e) => {
    const old = previous.get(e.name);
    const added = old ? e.values.filter((value) => !old.has(value)) : [];
    return added.length > 0 ? [`Enum ${e.name} gains ${added.join(', ')}: enums are stored as text, so no column changes unless a value needs more room.`] : [];
  });
}
