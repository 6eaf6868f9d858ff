import type { StoredType } from '../../stacks/fastapi-sqlalchemy/column-storage.js';
import type { Table } from './tables.js';

/** InnoDB indexes at most 3072 bytes of a key: 255 characters of utf8mb4 leave room for three columns. */
const INDEXED_TEXT_LENGTH = 255;

/**
 * MySQL cannot index a TEXT column, and a foreign key must have exactly the referenced column's
 * type (an `integer` key to a `bigint` id fails). There, a text column in a key, unique or index
 * becomes `varchar(255)`, and a foreign key column takes the type of the column it refers to.
 */
export function mysqlKeyTypes(tables: Table[]): Table[] {
  const keyed = (table: Table) => new Set([...table.primaryKey.columns, ...[...table.uniques, ...table.indexes, ...table.foreignKeys].flatMap((c) => c.columns)]);
  const indexable = tables.map((table) => {
    const inKeys = keyed(table);
    return { ...table, columns: table.columns.map((column) => (inKeys.has(column.name) && column.type.kind === 'text' ? { ...column, type: { kind: 'string', length: INDEXED_TEXT_LENGTH } as StoredType } : column)) };
  });
  const typeOf = new Map(indexable.flatMap((table) => table.columns.map((column) => [`${table.name}.${column.name}`, column.type] as const)));
  return indexable.map((table) => {
    const referenced = new Map<string, StoredType>();
    for (const key of table.foreignKeys) {
      key.columns.forEach((column, i) => {
        const type = typeOf.get(`${key.targetTable}.${key.targetColumns[i]}`);
        if (type) referenced.set(column, type);
      });
    }
    return { ...table, columns: table.columns.map((column) => ({ ...column, type: referenced.get(column.name) ?? column.type })) };
  });
}
