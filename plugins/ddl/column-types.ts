import type { Expression } from 'kysely';
import { sql } from './kysely.js';
import type { Column, DdlDialect, StoredType } from '../../core/index.js';

/**
 * A column's type in one dialect: what SQLAlchemy creates for the stack's type there (on MySQL the
 * stack's LONGTEXT, LONGBLOB, DATETIME(6) and TIME(6) variants). An enum is stored as the stack
 * stores it (see StoredType): a VARCHAR of its longest value, with no type or CHECK of its own.
 */
export function columnTypeSql(dialect: DdlDialect, column: Column): Expression<unknown> {
  return sql.raw(typeName(dialect, column.type, column.autoincrement));
}

function typeName(dialect: DdlDialect, type: StoredType, autoincrement: boolean): string {
  switch (type.kind) {
    case 'integer':
      return dialect === 'postgresql' && autoincrement ? 'serial' : 'integer';
    case 'bigint':
      if (dialect === 'sqlite') return 'integer';
      return dialect === 'postgresql' && autoincrement ? 'bigserial' : 'bigint';
    case 'float':
      return { postgresql: 'double precision', mysql: 'double', sqlite: 'float' }[dialect];
    case 'numeric':
      return `${dialect === 'mysql' ? 'decimal' : 'numeric'}(${type.precision}, ${type.scale})`;
    case 'boolean':
      return 'boolean';
    case 'binary':
      return { postgresql: 'bytea', mysql: 'longblob', sqlite: 'blob' }[dialect];
    case 'enum':
      return `varchar(${type.length})`;
    case 'string':
      return dialect === 'mysql' && type.mysqlText ? 'longtext' : `varchar(${type.length})`;
    case 'text':
      return dialect === 'mysql' ? 'longtext' : 'text';
    case 'date':
      return 'date';
    case 'datetime':
      return { postgresql: 'timestamp with time zone', mysql: 'datetime(6)', sqlite: 'datetime' }[dialect];
    case 'time':
      return { postgresql: 'time without time zone', mysql: 'time(6)', sqlite: 'time' }[dialect];
    case 'uuid':
      // SQLAlchemy's Uuid is native on PostgreSQL, 32 hex digits elsewhere.
      return dialect === 'postgresql' ? 'uuid' : 'char(32)';
    case 'json':
      return 'json';
  }
}

/** What `server_default=func.now()` becomes in each dialect. */
export function currentTimeSql(dialect: DdlDialect): Expression<unknown> {
  return sql.raw({ postgresql: 'now()', mysql: 'current_timestamp(6)', sqlite: '(CURRENT_TIMESTAMP)' }[dialect]);
}
