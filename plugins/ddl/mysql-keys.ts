import type { StoredType } from '../../stacks/fastapi-sqlalchemy/column-storage.js';
import type { Table } from './tables.js';

/** The longest string column MySQL keeps in the row (and may index): 255 characters of utf8mb4. */
const SHORT_STRING = 255;
/** InnoDB indexes at most 3072 bytes of a key, 4 bytes a character; a few are left for the other columns. */
const KEY_CHARACTERS = 760;

/**
 * MySQL cannot index TEXT, indexes at most 3072 bytes of a key, keeps at most 65,535 bytes of
 * VARCHAR in a row, and wants a foreign key of exactly the referenced column's type (an `integer`
 * key to a `bigint` id fails). There: a string in a key, unique or index is a `varchar` of at most
 * 255 characters (fewer when several share one key), any other string longer than 255 characters
 * is `longtext`, and a foreign key column takes the type of the column it refers to.
 */
export function mysqlKeyTypes(tables: Table[]): Table[] {
  const fitted = tables.map((table) => {
    const caps = keyLengthCaps(table);
    return { ...table, columns: table.columns.map((column) => ({ ...column, type: fittedType(column.type, caps.get(column.name)) })) };
  });
  const typeOf = new Map(fitted.flatMap((table) => table.columns.map((column) => [`${table.name}.${column.name}`, column.type] as const)));
  return fitted.map((table) => {
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

/** For each string column in a key, unique or index: the most characters every key it is in leaves it. */
function keyLengthCaps(table: Table): Map<string, number> {
  const isString = (name: string) => ['string', 'text'].includes(table.columns.find((column) => column.name === name)?.type.kind ?? '');
  const caps = new Map<string, number>();
  for (const key of [table.primaryKey, ...table.uniques, ...table.indexes, ...table.foreignKeys]) {
    const strings = key.columns.filter(isString);
    const share = Math.min(SHORT_STRING, Math.floor(KEY_CHARACTERS / Math.max(1, strings.length)));
    for (const name of strings) caps.set(name, Math.min(caps.get(name) ?? SHORT_STRING, share));
  }
  return caps;
}

function fittedType(type: StoredType, keyCap: number | undefined): StoredType {
  if (type.kind !== 'string' && type.kind !== 'text') return type;
  if (keyCap !== undefined) return { kind: 'string', length: type.kind === 'string' ? Math.min(type.length, keyCap) : keyCap };
  return type.kind === 'string' && type.length > SHORT_STRING ? { kind: 'text' } : type;
}
