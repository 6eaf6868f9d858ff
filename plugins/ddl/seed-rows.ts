import type { Column, SampleSource, StoredType, Table } from '../../core/index.js';

/** Rows per table, fewer when a unique column cannot tell more apart (a boolean, a short enum). */
const ROWS = 3;

/** A value of a seed row, before a dialect writes it: `n` is the row's number, for temporal and binary values. */
export type SeedValue = { kind: 'null' } | { kind: 'value'; type: StoredType; value: unknown; n: number };

export interface SeedTable {
  table: Table;
  columns: string[];
  rows: SeedValue[][];
}

export interface SkippedTable {
  table: Table;
  reason: string;
}

export interface SeedData {
  tables: SeedTable[];
  skipped: SkippedTable[];
}

/**
 * A few valid rows per table, in the order the tables are created: every key refers to a row
 * seeded before it (row n of a table refers to row n of the other, as far as it has rows), unique
 * columns differ from row to row, enum columns hold values of the enum, soft-deleted markers stay
 * empty. A table whose required key refers to a table seeded later (a cycle) is skipped.
 */
export function seedData(tables: readonly Table[], samples: SampleSource): SeedData {
  const seeded = new Map<string, Map<string, unknown>[]>();
  const result: SeedData = { tables: [], skipped: [] };
  for (const table of tables) {
    const keyOf = new Map(table.foreignKeys.flatMap((key) => key.columns.map((column, i) => [column, { table: key.targetTable, column: key.targetColumns[i]! }] as const)));
    const missing = table.columns.find((column) => {
      const key = keyOf.get(column.name);
      return key !== undefined && !column.nullable && key.table !== table.name && !seeded.has(key.table);
    });
    if (missing) {
      const target = keyOf.get(missing.name)!.table;
      result.skipped.push({ table, reason: `its required key ${missing.name} refers to ${target}, which has no seed rows before it` });
      continue;
    }
    const count = Math.min(ROWS, ...uniqueCapacities(table, keyOf, seeded));
    if (count < 1) {
      result.skipped.push({ table, reason: 'a unique column has no value to give' });
      continue;
    }
    const rows: Map<string, unknown>[] = [];
    const seedRows: SeedValue[][] = [];
    for (let n = 1; n <= count; n += 1) {
      const row = new Map<string, unknown>();
      const values = table.columns.map((column): SeedValue => {
        const value = columnValue(column, n, table, keyOf.get(column.name), seeded, rows, samples);
        row.set(column.name, value);
        return value === null ? { kind: 'null' } : { kind: 'value', type: column.type, value, n };
      });
      rows.push(row);
      seedRows.push(values);
    }
    seeded.set(table.name, rows);
    result.tables.push({ table, columns: table.columns.map((column) => column.name), rows: seedRows });
  }
  return result;
}

function columnValue(
  column: Column,
  n: number,
  table: Table,
  key: { table: string; column: string } | undefined,
  seeded: Map<string, Map<string, unknown>[]>,
  earlierRows: Map<string, unknown>[],
  samples: SampleSource,
): unknown {
  // Live rows: a time mark empty, a flag mark false.
  if (column.name === table.softDeleteColumn) return column.value.type.kind === 'boolean' ? false : null;
  if (key) {
    if (key.table === table.name) {
      // A self-reference points at the row before; the first row at nothing, or at itself when it must.
      if (n > 1) return earlierRows[n - 2]!.get(key.column);
      return column.nullable ? null : ownKeyValue(table, key.column, n, samples);
    }
    const targetRows = seeded.get(key.table);
    if (!targetRows || targetRows.length === 0) return null;
    return targetRows[(n - 1) % targetRows.length]!.get(key.column);
  }
  if (column.autoincrement) return n;
  switch (column.type.kind) {
    case 'date':
    case 'datetime':
    case 'time':
    case 'binary':
      return n;
    case 'string': {
      const constraints = { ...column.value.constraints, maxLength: Math.min(column.type.length, column.value.constraints.maxLength ?? Infinity) };
      return samples.value(column.value.type, constraints, column.name, n);
    }
    default:
      return samples.value(column.value.type, column.value.constraints, column.name, n);
  }
}

function ownKeyValue(table: Table, keyColumn: string, n: number, samples: SampleSource): unknown {
  const column = table.columns.find((c) => c.name === keyColumn)!;
  return column.autoincrement ? n : samples.value(column.value.type, column.value.constraints, column.name, n);
}

/** For each unique constraint (and the primary key), how many rows it can tell apart when its columns have few values. */
function uniqueCapacities(table: Table, keyOf: Map<string, { table: string }>, seeded: Map<string, unknown[]>): number[] {
  const capacity = (name: string): number => {
    const key = keyOf.get(name);
    if (key && key.table !== table.name) return seeded.get(key.table)?.length ?? 0;
    const column = table.columns.find((c) => c.name === name);
    if (!column) return Infinity;
    if (column.type.kind === 'boolean') return 2;
    if (column.type.kind === 'enum') return column.type.values.length;
    if (column.value.type.kind === 'literal') return 1;
    return Infinity;
  };
  return [table.primaryKey, ...table.uniques].map((unique) => unique.columns.reduce((product, name) => product * capacity(name), 1));
}
