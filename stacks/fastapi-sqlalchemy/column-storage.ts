import type { StoredType } from '../../core/index.js';

/**
 * Every table on MySQL/MariaDB: InnoDB, utf8mb4, and the binary collation, so strings compare,
 * sort and stay unique byte for byte as on PostgreSQL (a case-insensitive default collation
 * would make "Ann" and "ann" one unique value).
 */
export const MYSQL_TABLE = { engine: 'InnoDB', charset: 'utf8mb4', collation: 'utf8mb4_bin' } as const;

/** SQLAlchemy's table keywords for MYSQL_TABLE (`mysql_engine=...`), in the order they are written. */
export const MYSQL_TABLE_KEYWORDS: readonly [string, string][] = [
  ['mysql_engine', MYSQL_TABLE.engine],
  ['mysql_charset', MYSQL_TABLE.charset],
  ['mysql_collate', MYSQL_TABLE.collation],
];

/** PostgreSQL's name of a stored type, as a cast writes it (`"code"::INTEGER`). */
export function postgresqlTypeName(stored: StoredType): string {
  switch (stored.kind) {
    case 'integer':
      return 'INTEGER';
    case 'bigint':
      return 'BIGINT';
    case 'float':
      return 'DOUBLE PRECISION';
    case 'numeric':
      return `NUMERIC(${stored.precision}, ${stored.scale})`;
    case 'boolean':
      return 'BOOLEAN';
    case 'binary':
      return 'BYTEA';
    case 'enum':
    case 'string':
      return `VARCHAR(${stored.length})`;
    case 'text':
      return 'TEXT';
    case 'date':
      return 'DATE';
    case 'datetime':
      return 'TIMESTAMP WITH TIME ZONE';
    case 'time':
      return 'TIME WITHOUT TIME ZONE';
    case 'uuid':
      return 'UUID';
    case 'json':
      return 'JSON';
  }
}

/**
 * Types whose values PostgreSQL converts into each other on its own (numbers, strings): a change
 * of type within a family needs no cast, a change across families needs `USING`.
 */
export function castFamily(stored: StoredType): string {
  switch (stored.kind) {
    case 'integer':
    case 'bigint':
    case 'float':
    case 'numeric':
      return 'number';
    case 'enum':
    case 'string':
    case 'text':
      return 'text';
    default:
      return stored.kind;
  }
}
