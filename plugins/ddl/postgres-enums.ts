import { toSnake } from '../../core/index.js';
import type { Table } from './tables.js';

export interface PostgresEnum {
  /** The model's enum (`OrderStatus`). */
  enumName: string;
  /** Its `CREATE TYPE` name (`order_status`). */
  typeName: string;
  values: string[];
}

/**
 * One PostgreSQL enum type per model enum a column uses, in order of first use. Types share a
 * namespace with tables (every table has a row type of its name): a clash gets `_enum` appended.
 */
export function postgresEnums(tables: Table[]): PostgresEnum[] {
  const taken = new Set(tables.map((table) => table.name));
  const enums = new Map<string, PostgresEnum>();
  for (const column of tables.flatMap((table) => table.columns)) {
    if (column.type.kind !== 'enum' || enums.has(column.type.name)) continue;
    const base = toSnake(column.type.name);
    let typeName = taken.has(base) ? `${base}_enum` : base;
    for (let n = 2; taken.has(typeName); n += 1) typeName = `${base}_enum_${n}`;
    taken.add(typeName);
    enums.set(column.type.name, { enumName: column.type.name, typeName, values: column.type.values });
  }
  return [...enums.values()];
}
