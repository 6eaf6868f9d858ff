import type { Column, ForeignKeyConstraint, NamedColumns, Table } from './relational-schema.js';
import { columnsBecomingRequired, fillValue, storageKey, type DeletionMark, type SchemaDiff, type TableChange, type ValueCheck } from './schema-diff.js';

/** A change inside one table, as a batch of `ALTER TABLE` would make it. */
export type ColumnStep =
  | { kind: 'add-column'; column: Column }
  | { kind: 'drop-column'; column: Column }
  /** A change of type or nullability, and of name when `from` and `to` are named apart. */
  | { kind: 'alter-column'; from: Column; to: Column }
  | { kind: 'rename-column'; from: string; to: string }
  | { kind: 'add-foreign-key'; key: ForeignKeyConstraint }
  | { kind: 'drop-foreign-key'; key: ForeignKeyConstraint }
  | { kind: 'add-unique'; unique: NamedColumns }
  | { kind: 'drop-unique'; unique: NamedColumns };

/** One step of a migration, as data: a stack renders each as its migration tool writes it. */
export type MigrationStep =
  /** Stops the upgrade while rows hold values a column no longer takes (the user's update function runs first). */
  | { kind: 'check-values'; check: ValueCheck }
  | { kind: 'rename-table'; from: string; to: string }
  | { kind: 'create-table'; table: Table }
  | { kind: 'drop-table'; table: Table }
  /** The keys closing a cycle of tables, added once every table of the cycle exists (where the database alters tables). */
  | { kind: 'add-cyclic-keys'; keys: TableKey[] }
  | { kind: 'drop-cyclic-keys'; keys: TableKey[] }
  | { kind: 'create-index'; table: string; index: NamedColumns }
  | { kind: 'drop-index'; table: string; index: NamedColumns }
  /** Changes of one table, together (a batch, which SQLite needs to change a column or a constraint). */
  | { kind: 'alter-table'; table: string; steps: ColumnStep[] }
  /** Gives the rows a value in a column about to be required: the document's default, or the user's fill function. */
  | { kind: 'fill-column'; table: string; column: Column }
  /**
   * A required column about to be dropped lets go of its values: nothing to do on the way up;
   * undone, the column comes back empty and is filled (with the document's default) before it is
   * required again.
   */
  | { kind: 'release-column'; table: string; column: Column }
  /** Marks deleted by the `to` mark the rows the `from` mark holds deleted (both columns are there). */
  | { kind: 'carry-deletion-mark'; table: string; from: DeletionMark; to: DeletionMark };

export interface TableKey {
  table: string;
  key: ForeignKeyConstraint;
}

/**
 * The upgrade of `diff`, step by step, ordered so that undoing each step in reverse order is the
 * downgrade (`reverseSteps`): constraints and indexes a change drops go first, while every table
 * has its old name (undone, they come back once the tables have it again); tables are renamed,
 * created, their columns changed, rows filled where a column becomes required, the new
 * constraints and indexes added; dropped tables go last.
 */
export function migrationSteps(diff: SchemaDiff): MigrationStep[] {
  const steps: MigrationStep[] = diff.valueChecks.map((check) => ({ kind: 'check-values', check }));
  for (const change of diff.altered) {
    const table = change.renamedFrom ?? change.table;
    steps.push(...change.indexesDropped.map((index): MigrationStep => ({ kind: 'drop-index', table, index })));
    steps.push(...alterTable(table, [...change.foreignKeysDropped.map((key): ColumnStep => ({ kind: 'drop-foreign-key', key })), ...change.uniquesDropped.map((unique): ColumnStep => ({ kind: 'drop-unique', unique }))]));
  }
  for (const change of diff.altered) if (change.renamedFrom !== undefined) steps.push({ kind: 'rename-table', from: change.renamedFrom, to: change.table });
  steps.push(...diff.created.map((table): MigrationStep => ({ kind: 'create-table', table })));
  steps.push(...cyclicKeys('add-cyclic-keys', diff.created));
  for (const change of diff.altered) steps.push(...columnChanges(change));
  for (const change of diff.altered) {
    steps.push(...alterTable(change.table, [...change.uniquesAdded.map((unique): ColumnStep => ({ kind: 'add-unique', unique })), ...change.foreignKeysAdded.map((key): ColumnStep => ({ kind: 'add-foreign-key', key }))]));
    steps.push(...change.indexesAdded.map((index): MigrationStep => ({ kind: 'create-index', table: change.table, index })));
  }
  steps.push(...cyclicKeys('drop-cyclic-keys', diff.dropped));
  steps.push(...diff.dropped.map((table): MigrationStep => ({ kind: 'drop-table', table })));
  return steps;
}

/** The downgrade of `steps`: each undone, last first. Checks and fills undo nothing. */
export function reverseSteps(steps: readonly MigrationStep[]): MigrationStep[] {
  return [...steps].reverse().flatMap((step): MigrationStep[] => {
    switch (step.kind) {
      case 'check-values':
      case 'fill-column':
        return [];
      case 'release-column':
        return [{ kind: 'fill-column', table: step.table, column: step.column }];
      case 'rename-table':
        return [{ kind: 'rename-table', from: step.to, to: step.from }];
      case 'create-table':
        return [{ kind: 'drop-table', table: step.table }];
      case 'drop-table':
        return [{ kind: 'create-table', table: step.table }];
      case 'add-cyclic-keys':
        return [{ kind: 'drop-cyclic-keys', keys: [...step.keys].reverse() }];
      case 'drop-cyclic-keys':
        return [{ kind: 'add-cyclic-keys', keys: [...step.keys].reverse() }];
      case 'carry-deletion-mark':
        return [{ kind: 'carry-deletion-mark', table: step.table, from: step.to, to: step.from }];
      case 'create-index':
        return [{ kind: 'drop-index', table: step.table, index: step.index }];
      case 'drop-index':
        return [{ kind: 'create-index', table: step.table, index: step.index }];
      case 'alter-table':
        return [{ kind: 'alter-table', table: step.table, steps: [...step.steps].reverse().map(reverseColumnStep) }];
    }
  });
}

function reverseColumnStep(step: ColumnStep): ColumnStep {
  switch (step.kind) {
    case 'add-column':
      return { kind: 'drop-column', column: step.column };
    case 'drop-column':
      return { kind: 'add-column', column: step.column };
    case 'alter-column':
      return { kind: 'alter-column', from: step.to, to: step.from };
    case 'rename-column':
      return { kind: 'rename-column', from: step.to, to: step.from };
    case 'add-foreign-key':
      return { kind: 'drop-foreign-key', key: step.key };
    case 'drop-foreign-key':
      return { kind: 'add-foreign-key', key: step.key };
    case 'add-unique':
      return { kind: 'drop-unique', unique: step.unique };
    case 'drop-unique':
      return { kind: 'add-unique', unique: step.unique };
  }
}

/**
 * The columns of a changed table: renamed, added, altered, dropped, in one batch. A column
 * becoming required is added (or altered) nullable, its rows filled, then made required. A
 * required column dropped that the document gives a default is made nullable first, so that the
 * downgrade brings it back nullable, fills it, then requires it. Where the deletion mark moves,
 * the rows are marked in the new column before the columns go, in a batch of their own.
 */
function columnChanges(change: TableChange): MigrationStep[] {
  const filled = columnsBecomingRequired(change).map(({ column }) => column);
  const later = new Set(filled.map((column) => column.name));
  const nullable = (column: Column): Column => ({ ...column, nullable: true });
  const released = change.columnsDropped.filter((column) => !column.nullable && fillValue(column) !== undefined && !change.primaryKey.includes(column.name));
  const altered = change.columnsAltered.flatMap(({ before, after }): ColumnStep[] => {
    const stays = later.has(after.name) ? { ...after, nullable: before.nullable } : after;
    return storageKey(before) !== storageKey(after) || stays.nullable !== before.nullable || before.name !== after.name ? [{ kind: 'alter-column', from: before, to: stays }] : [];
  });
  const renamedOnly = change.columnsRenamed.filter(({ to }) => !change.columnsAltered.some(({ after }) => after.name === to));
  const moved = change.deletionMarkMoved;
  const drops = change.columnsDropped.map((column): ColumnStep => ({ kind: 'drop-column', column: released.includes(column) ? nullable(column) : column }));
  const steps = alterTable(change.table, [
    ...renamedOnly.map(({ from, to }): ColumnStep => ({ kind: 'rename-column', from, to })),
    ...change.columnsAdded.map((column): ColumnStep => ({ kind: 'add-column', column: later.has(column.name) ? nullable(column) : column })),
    ...altered,
    ...released.map((column): ColumnStep => ({ kind: 'alter-column', from: column, to: nullable(column) })),
    ...(released.length > 0 || moved ? [] : drops),
  ]);
  steps.push(...filled.map((column): MigrationStep => ({ kind: 'fill-column', table: change.table, column })));
  steps.push(...alterTable(change.table, filled.map((column): ColumnStep => ({ kind: 'alter-column', from: nullable(column), to: column }))));
  if (released.length === 0 && !moved) return steps;
  // Released before the mark is carried: undone, the carried rows are marked, the others filled with the default.
  steps.push(...released.map((column): MigrationStep => ({ kind: 'release-column', table: change.table, column: nullable(column) })));
  if (moved) steps.push({ kind: 'carry-deletion-mark', table: change.table, from: moved.from, to: moved.to });
  steps.push(...alterTable(change.table, drops));
  return steps;
}

function alterTable(table: string, steps: ColumnStep[]): MigrationStep[] {
  return steps.length > 0 ? [{ kind: 'alter-table', table, steps }] : [];
}

function cyclicKeys(kind: 'add-cyclic-keys' | 'drop-cyclic-keys', tables: readonly Table[]): MigrationStep[] {
  const keys = tables.flatMap((table) => table.foreignKeys.filter((key) => key.cyclic).map((key) => ({ table: table.name, key })));
  if (keys.length === 0) return [];
  return [{ kind, keys: kind === 'drop-cyclic-keys' ? keys.reverse() : keys }];
}
