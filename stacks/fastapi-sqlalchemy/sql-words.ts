import { pyString } from './python/names.js';

/**
 * Words a database the backend runs on reserves as column names that SQLAlchemy 2.0's dialects do
 * not quote, so `CREATE TABLE t (collation TEXT)` fails there. Measured by creating, indexing and
 * selecting a column of each keyword the servers list, unquoted, where SQLAlchemy leaves it bare:
 * PostgreSQL 15 (`pg_get_keywords()`, reserved and type-or-function names) and 16 (`system_user`),
 * MariaDB 10.11 (`information_schema.KEYWORDS`), MySQL 8.4's reserved words, SQLite 3.
 */
const RESERVED_BUT_LEFT_BARE = new Set([
  // PostgreSQL
  'collation',
  'concurrently',
  'lateral',
  'system_user',
  'tablesample',
  // MySQL
  'manual',
  // MariaDB
  'delete_domain_id',
  'master_demote_to_replica',
  'master_demote_to_slave',
  'portion',
  // SQLite
  'nothing',
  'returning',
]);

/** Whether the generated code marks the column's name quoted (SQLAlchemy would leave it bare). */
export function needsQuotedName(column: string): boolean {
  return RESERVED_BUT_LEFT_BARE.has(column.toLowerCase());
}

/**
 * A column's name as Python passes it to Alembic or `sa.column()` (`import sqlalchemy as sa`): a
 * name SQLAlchemy would leave bare where a database reserves it goes as `sa.quoted_name(..., quote=True)`.
 */
export function pyColumnName(column: string): string {
  return needsQuotedName(column) ? `sa.quoted_name(${pyString(column)}, quote=True)` : pyString(column);
}
