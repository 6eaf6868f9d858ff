import type { DomainModel, Entity, SoftDeleteFlag } from '../model/domain-model.js';
import { deletionFlag, deletionMarkOf } from '../model/lookups.js';
import type { Column, ForeignKeyConstraint, NamedColumns, Table } from './relational-schema.js';
import type { StoredType } from './stored-type.js';

/** What changed in one table that exists before and after. */
export interface TableChange {
  table: string;
  /** The name before, when the table was renamed (`x-renamed-from`). */
  renamedFrom?: string;
  /** What the table holds, and its primary key's columns, as they are after the change. */
  holds: Table['holds'];
  primaryKey: string[];
  columnsAdded: Column[];
  columnsDropped: Column[];
  columnsRenamed: { from: string; to: string }[];
  columnsAltered: { before: Column; after: Column }[];
  foreignKeysAdded: ForeignKeyConstraint[];
  foreignKeysDropped: ForeignKeyConstraint[];
  uniquesAdded: NamedColumns[];
  uniquesDropped: NamedColumns[];
  indexesAdded: NamedColumns[];
  indexesDropped: NamedColumns[];
  /**
   * The column marking soft-deleted rows moved (`deleted_at` to a `del_flag` the document names):
   * the rows it marked deleted are marked by the new one before the old one goes.
   */
  deletionMarkMoved?: { from: DeletionMark; to: DeletionMark };
  /** The entity is no longer soft-deleted and its mark's column goes: the rows it marked deleted are rows like the others after. */
  deletionMarkDropped?: DeletionMark;
}

/** The column marking a table's soft-deleted rows: a flag with its deleted value, or a time (no `deleted`: set when deleted). */
export interface DeletionMark {
  column: string;
  deleted?: SoftDeleteFlag['deleted'];
}

/** Values a column of the previous schema held that it no longer takes (an enum value removed), as named before the revision. */
export interface ValueCheck {
  table: string;
  column: string;
  values: string[];
}

/** What changed between two relational schemas, as data: the stack renders it as its migration tool's revision. */
export interface SchemaDiff {
  created: Table[];
  dropped: Table[];
  altered: TableChange[];
  /** Rows the revision checks before changing anything. */
  valueChecks: ValueCheck[];
  /** What the user should know: renames that cannot be told from a drop and an add, data a change needs. */
  notes: string[];
  /**
   * The operations that may destroy data or stop on rows already there, each with what it may
   * destroy: a run writes them only with the user's consent (`--accept-data-loss`).
   */
  destructive: string[];
}

/**
 * Compares the tables of the previous model with the current ones. A table continues the previous
 * table that held the same entity (or the same entity's list field, for a join table), where the
 * entity's or the field's `x-renamed-from` names the previous entity or field (or, as older
 * documents wrote it, the previous table): such a table is renamed in place, with its rows.
 */
export function diffSchemas(before: readonly Table[], after: readonly Table[], models: { before: DomainModel; after: DomainModel }): SchemaDiff {
  const continued = previousTables(before, after, models);
  const matched = new Set<string>();
  const created: Table[] = [];
  const altered: TableChange[] = [];
  const notes: string[] = [];
  const valueChecks: ValueCheck[] = [];
  for (const table of after) {
    const old = continued.get(table.name);
    if (!old) {
      created.push(table);
      continue;
    }
    matched.add(old.name);
    const change = diffTable(old, table, old.name !== table.name ? old.name : undefined);
    Object.assign(change, deletionMarkChange(old, table, change, models));
    if (hasChanges(change)) altered.push(change);
    valueChecks.push(...removedValues(old, table, change));
  }
  const dropped = before.filter((table) => !matched.has(table.name)).reverse();
  notes.push(...unmarkedRenames(dropped, created));
  for (const change of altered) {
    // A moved deletion mark is no rename: its rows' marks are carried.
    const moved = [change.deletionMarkMoved?.from.column, change.deletionMarkMoved?.to.column];
    const droppedColumns = change.columnsDropped.filter((column) => !moved.includes(column.name));
    const addedColumns = change.columnsAdded.filter((column) => !moved.includes(column.name));
    if (addedColumns.length > 0 && droppedColumns.length > 0) {
      notes.push(
        `${change.table}: columns ${droppedColumns.map((c) => c.name).join(', ')} dropped and ${addedColumns.map((c) => c.name).join(', ')} added; if one is a rename, mark the field with \`x-renamed-from: <old name>\` (markdown: \`[renamed from: <old name>]\`) and run again, or its data is lost.`,
      );
    }
  }
  const destructive = [...destructiveOperations(dropped, altered), ...removedEnumValues(models.before, models.after, valueChecks)];
  notes.push(...enumValueNotes(models.before, models.after), ...fillNotes(altered), ...altered.flatMap(deletionMarkNote));
  return { created, dropped, altered, valueChecks, notes, destructive };
}

/**
 * How the column marking an entity's soft-deleted rows changes: moved to another column (the
 * document names `is_deleted` where `deleted_at` was added, or a rule another flag), the old mark
 * and the new one; or dropped with the soft delete. The same column renamed keeps its values, and
 * moves nothing.
 */
function deletionMarkChange(old: Table, table: Table, change: TableChange, models: { before: DomainModel; after: DomainModel }): Pick<TableChange, 'deletionMarkMoved' | 'deletionMarkDropped'> {
  if (table.holds.field !== undefined || old.holds.field !== undefined) return {};
  const before = models.before.entities.find((entity) => entity.name === old.holds.entity);
  const after = models.after.entities.find((entity) => entity.name === table.holds.entity);
  if (!before?.softDelete) return {};
  const from = deletionMark(before);
  if (!old.columns.some((column) => column.name === from.column)) return {};
  if (!after?.softDelete) return change.columnsDropped.some((column) => column.name === from.column) ? { deletionMarkDropped: from } : {};
  const to = deletionMark(after);
  if (from.column === to.column || change.columnsRenamed.some((rename) => rename.from === from.column && rename.to === to.column)) return {};
  return table.columns.some((column) => column.name === to.column) ? { deletionMarkMoved: { from, to } } : {};
}

function deletionMark(entity: Entity): DeletionMark {
  const flag = deletionFlag(entity);
  return { column: deletionMarkOf(entity), ...(flag ? { deleted: flag.deleted } : {}) };
}

/** For each current table, the previous table it continues (by what it holds, through rename hints), if any. */
function previousTables(before: readonly Table[], after: readonly Table[], models: { before: DomainModel; after: DomainModel }): Map<string, Table> {
  const holdsKey = (entity: string, field?: string) => `${entity}\u0000${field ?? ''}`;
  const byHolds = new Map(before.map((table) => [holdsKey(table.holds.entity, table.holds.field), table]));
  const byName = new Map(before.map((table) => [table.name, table]));
  const previousEntities = new Set(models.before.entities.map((entity) => entity.name));
  const previousEntityOf = (name: string): string => {
    const entity = models.after.entities.find((candidate) => candidate.name === name);
    const hint = entity?.renamedFrom;
    if (hint === undefined || previousEntities.has(name)) return name;
    if (previousEntities.has(hint)) return hint;
    const folded = models.before.entities.filter((candidate) => candidate.name.toLowerCase() === hint.toLowerCase());
    if (folded.length === 1) return folded[0]!.name;
    // The previous table's name, as the hint was first documented.
    const table = byName.get(hint);
    return table && table.holds.field === undefined ? table.holds.entity : name;
  };
  const previousFieldOf = (entityName: string, fieldName: string): string => {
    const field = models.after.entities.find((candidate) => candidate.name === entityName)?.fields.find((candidate) => candidate.name === fieldName);
    return field?.renamedFrom ?? fieldName;
  };
  const continued = new Map<string, Table>();
  const taken = new Set<string>();
  const afterNames = new Set(after.map((table) => table.name));
  for (const table of after) {
    const entity = previousEntityOf(table.holds.entity);
    const field = table.holds.field === undefined ? undefined : previousFieldOf(table.holds.entity, table.holds.field);
    let old = byHolds.get(holdsKey(entity, field));
    // A previous table still in use under its own name is not this one's to take.
    if (old && old.name !== table.name && afterNames.has(old.name)) old = undefined;
    old ??= byName.get(table.name);
    if (!old || taken.has(old.name)) continue;
    taken.add(old.name);
    continued.set(table.name, old);
  }
  return continued;
}

/** Tables dropped while others with the same columns are created: likely renames, with the hint that keeps their rows. */
function unmarkedRenames(dropped: readonly Table[], created: readonly Table[]): string[] {
  const columnsOf = (table: Table) => table.columns.map((column) => column.name).sort().join(',');
  const notes: string[] = [];
  for (const gone of dropped.filter((table) => table.holds.field === undefined)) {
    const twin = created.find((table) => table.holds.field === undefined && columnsOf(table) === columnsOf(gone));
    if (twin) {
      notes.push(
        `Table ${gone.name} (${gone.holds.entity}) is dropped and ${twin.name} (${twin.holds.entity}) created with the same columns: if ${twin.holds.entity} is ${gone.holds.entity} renamed, add \`x-renamed-from: ${gone.holds.entity}\` to the schema ${twin.holds.entity} (markdown: \`[renamed from: ${gone.holds.entity}]\` after its heading) and run again, or the rows of ${gone.name} are lost.`,
      );
    } else if (created.length > 0) {
      notes.push(`Table ${gone.name} (${gone.holds.entity}) is dropped while ${created.map((t) => t.name).join(', ')} ${created.length === 1 ? 'is' : 'are'} created: if one is ${gone.holds.entity} renamed, mark it with \`x-renamed-from: ${gone.holds.entity}\` and run again.`);
    }
  }
  return notes;
}

/** What each operation of the change may destroy, or where it stops on rows already there. */
function destructiveOperations(dropped: readonly Table[], altered: readonly TableChange[]): string[] {
  const operations = dropped.map((table) => `drop table ${table.name}: every row it holds is deleted`);
  for (const change of altered) {
    const unfilled = new Set(columnsBecomingRequired(change).filter(({ column }) => fillValue(column) === undefined).map(({ column }) => column));
    operations.push(...change.columnsDropped.flatMap((column) => droppedColumn(change, column) ?? []));
    for (const { before, after } of change.columnsAltered) {
      if (storageKey(before) !== storageKey(after) && !widens(before.type, after.type)) {
        operations.push(`change ${change.table}.${after.name} from ${typeName(before.type)} to ${typeName(after.type)}: values the new type cannot hold are cut or stop the migration`);
      }
      if (unfilled.has(after)) {
        operations.push(`make ${change.table}.${after.name} required with no default: rows holding no value stop the migration until the revision's fill function gives them one`);
      }
    }
    for (const column of change.columnsAdded.filter((added) => unfilled.has(added))) {
      operations.push(`add required column ${change.table}.${column.name} with no default: on a table with rows the migration stops until the revision's fill function gives them a value`);
    }
  }
  return operations;
}

/** What dropping `column` destroys; undefined when a moved deletion mark carries all it held to the new mark. */
function droppedColumn(change: TableChange, column: Column): string | undefined {
  const moved = change.deletionMarkMoved;
  if (moved?.from.column === column.name) {
    const timeLost = moved.from.deleted === undefined && moved.to.deleted !== undefined;
    return timeLost ? `drop column ${change.table}.${column.name}: when rows were deleted is lost (which rows are deleted is kept in ${moved.to.column})` : undefined;
  }
  if (change.deletionMarkDropped?.column === column.name) {
    return `drop column ${change.table}.${column.name}: the rows it marks deleted are no longer hidden, and come back in every read (delete them first if they should go)`;
  }
  return `drop column ${change.table}.${column.name}: every value it holds is deleted`;
}

/** Type changes that keep every value: a longer string, text for a string, a longer enum, a wider integer. */
function widens(from: StoredType, to: StoredType): boolean {
  if (from.kind === 'string') return (to.kind === 'string' && to.length >= from.length) || to.kind === 'text';
  if (from.kind === 'enum') return to.kind === 'enum' && to.length >= from.length;
  return from.kind === 'integer' && to.kind === 'bigint';
}

/** A stored type in words, as a note names it: `string(40)`, `enum(12)`, `numeric(18, 4)`, `bigint`. */
export function typeName(type: StoredType): string {
  switch (type.kind) {
    case 'string':
    case 'enum':
      return `${type.kind}(${type.length})`;
    case 'numeric':
      return `numeric(${type.precision}, ${type.scale})`;
    default:
      return type.kind;
  }
}

/**
 * Enum values removed. A column holding the enum is checked by the revision, which stops on rows
 * holding them (and has a function to map them); values held elsewhere (in JSON) are not checked.
 */
function removedEnumValues(before: DomainModel, after: DomainModel, checks: readonly ValueCheck[]): string[] {
  const current = new Map(after.enums.map((e) => [e.name, new Set(e.values)]));
  const operations = checks.map((check) => `remove ${check.values.join(', ')} from ${check.table}.${check.column}: the migration stops on rows holding them, until the revision's update function gives them another value`);
  const checked = new Set(checks.flatMap((check) => check.values));
  for (const e of before.enums) {
    const now = current.get(e.name);
    const removed = now ? e.values.filter((value) => !now.has(value) && !checked.has(value)) : [];
    if (removed.length > 0) operations.push(`remove ${removed.join(', ')} from enum ${e.name}: values stored in JSON are not checked, and rows still holding them can no longer be read (update or delete them first)`);
  }
  return operations;
}

/** Enum values the previous column took and the current one does not. */
function removedValues(before: Table, after: Table, change: TableChange): ValueCheck[] {
  const previousName = new Map(change.columnsRenamed.map(({ from, to }) => [to, from]));
  const checks: ValueCheck[] = [];
  for (const column of after.columns) {
    const old = before.columns.find((candidate) => candidate.name === (previousName.get(column.name) ?? column.name));
    if (old?.type.kind !== 'enum' || column.type.kind !== 'enum') continue;
    const kept = new Set(column.type.values);
    const values = old.type.values.filter((value) => !kept.has(value));
    if (values.length > 0) checks.push({ table: before.name, column: old.name, values });
  }
  return checks;
}

function deletionMarkNote(change: TableChange): string[] {
  const moved = change.deletionMarkMoved;
  if (!moved) return [];
  const marked = (mark: DeletionMark, set: boolean) => (mark.deleted === undefined ? (set ? `${mark.column} set` : `a ${mark.column}`) : `${mark.column} ${JSON.stringify(mark.deleted)}`);
  const when = moved.to.deleted !== undefined ? '' : moved.from.deleted === undefined ? ` (the same moment)` : ` (the migration's time: the document kept no moment)`;
  return [`${change.table}: soft-deleted rows are now marked by ${moved.to.column}: rows with ${marked(moved.from, true)} get ${marked(moved.to, false)}${when}${change.columnsDropped.some((column) => column.name === moved.from.column) ? `, before ${moved.from.column} is dropped` : ''}.`];
}

/** Columns becoming required with a default: the rows already there get it (the others are the revision's to-do). */
function fillNotes(altered: readonly TableChange[]): string[] {
  return altered.flatMap((change) =>
    columnsBecomingRequired(change)
      .filter(({ column }) => fillValue(column) !== undefined)
      .map(({ column }) => `${change.table}.${column.name} is now required: rows already there get the document's default, ${JSON.stringify(fillValue(column))}.`),
  );
}

/**
 * The columns rows already there must get a value in before they are required: the required ones
 * added (a new key excepted: a table's rows never get one) and the ones made required.
 */
export function columnsBecomingRequired(change: TableChange): { column: Column; added: boolean }[] {
  return [
    ...change.columnsAdded.filter((column) => !column.nullable && !change.primaryKey.includes(column.name)).map((column) => ({ column, added: true })),
    ...change.columnsAltered.filter(({ before, after }) => before.nullable && !after.nullable).map(({ after }) => ({ column: after, added: false })),
  ];
}

export function isEmptyDiff(diff: SchemaDiff): boolean {
  return diff.created.length === 0 && diff.dropped.length === 0 && diff.altered.length === 0 && diff.valueChecks.length === 0;
}

function diffTable(before: Table, after: Table, renamedFrom: string | undefined): TableChange {
  const oldColumns = new Map(before.columns.map((c) => [c.name, c]));
  const newNames = new Set(after.columns.map((c) => c.name));
  const columnsAdded: Column[] = [];
  const columnsRenamed: TableChange['columnsRenamed'] = [];
  const columnsAltered: TableChange['columnsAltered'] = [];
  const kept = new Set<string>();
  // A join table's columns are its two sides' keys, in order: renamed with the sides.
  const joinTable = after.holds.field !== undefined && before.columns.length === after.columns.length;
  for (const [position, column] of after.columns.entries()) {
    const hint = joinTable ? before.columns[position]!.name : column.renamedFrom;
    const renamed = !oldColumns.has(column.name) && hint !== undefined && oldColumns.has(hint) && !newNames.has(hint) ? hint : undefined;
    const old = oldColumns.get(renamed ?? column.name);
    if (!old) {
      columnsAdded.push(column);
      continue;
    }
    kept.add(old.name);
    if (renamed) columnsRenamed.push({ from: renamed, to: column.name });
    if (storageKey(old) !== storageKey(column) || old.nullable !== column.nullable) columnsAltered.push({ before: old, after: column });
  }
  const byName = <T extends { name: string }>(a: readonly T[], b: readonly T[]) => a.filter((x) => !b.some((y) => y.name === x.name && JSON.stringify(y) === JSON.stringify(x)));
  return {
    table: after.name,
    ...(renamedFrom !== undefined ? { renamedFrom } : {}),
    holds: after.holds,
    primaryKey: after.primaryKey.columns,
    columnsAdded,
    columnsDropped: before.columns.filter((c) => !kept.has(c.name)),
    columnsRenamed,
    columnsAltered,
    foreignKeysAdded: keysOutside(after.foreignKeys, before.foreignKeys),
    foreignKeysDropped: keysOutside(before.foreignKeys, after.foreignKeys),
    uniquesAdded: byName(after.uniques, before.uniques),
    uniquesDropped: byName(before.uniques, after.uniques),
    indexesAdded: byName(after.indexes, before.indexes),
    indexesDropped: byName(before.indexes, after.indexes),
  };
}

/**
 * The keys of `a` that `b` has not. Whether a key closes a cycle of tables is not part of it: a
 * key that comes to close one (another table now refers back) is the same key in the database.
 */
function keysOutside(a: readonly ForeignKeyConstraint[], b: readonly ForeignKeyConstraint[]): ForeignKeyConstraint[] {
  const text = ({ cyclic: _cyclic, ...key }: ForeignKeyConstraint) => JSON.stringify(key);
  return a.filter((x) => !b.some((y) => text(y) === text(x)));
}

function hasChanges(change: TableChange): boolean {
  const { holds: _holds, primaryKey: _key, ...changes } = change;
  return change.renamedFrom !== undefined || Object.values(changes).some((value) => Array.isArray(value) && value.length > 0);
}

/**
 * What a column stores, as the database sees it: two columns of the same key need no change.
 * Enums are stored as text of a bounded length: new values change the column only when they need more room.
 */
export function storageKey(column: Column): string {
  const type: Record<string, unknown> = column.type.kind === 'enum' ? { kind: 'enum', length: column.type.length } : { ...column.type };
  // By sorted keys: a snapshot written by another version may list them in another order.
  return JSON.stringify(Object.keys(type).sort().map((key) => [key, type[key]]));
}

/**
 * The document's default as a value the column stores, if it is one (a number for a number
 * column, one of an enum's values, a string that fits): what rows already there get when the
 * column becomes required.
 */
export function fillValue(column: Column): string | number | boolean | undefined {
  const value = column.default;
  switch (column.type.kind) {
    case 'integer':
    case 'bigint':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
    case 'float':
    case 'numeric':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'enum':
      return typeof value === 'string' && column.type.values.includes(value) ? value : undefined;
    case 'string':
      return typeof value === 'string' && [...value].length <= column.type.length ? value : undefined;
    case 'text':
      return typeof value === 'string' ? value : undefined;
    default:
      return undefined;
  }
}

function enumValueNotes(before: DomainModel, after: DomainModel): string[] {
  const previous = new Map(before.enums.map((e) => [e.name, new Set(e.values)]));
  return after.enums.flatMap((e) => {
    const old = previous.get(e.name);
    const added = old ? e.values.filter((value) => !old.has(value)) : [];
    return added.length > 0 ? [`Enum ${e.name} gains ${added.join(', ')}: enums are stored as text, so no column changes unless a value needs more room.`] : [];
  });
}
