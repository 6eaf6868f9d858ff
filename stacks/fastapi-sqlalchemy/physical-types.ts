import type { DdlDialect, PhysicalTypes, StoredType } from '../../core/index.js';

/**
 * What SQLAlchemy creates for the stack's column types in each dialect (python/types.ts writes
 * them): on MySQL the stack's LONGTEXT, LONGBLOB, DATETIME(6) and TIME(6) variants. An enum is
 * stored as the stack stores it (see StoredType): a VARCHAR of its longest value, with no type or
 * CHECK of its own. The e2e suites compare the database the SQL DDL makes with Alembic's.
 */
export const SQLALCHEMY_PHYSICAL_TYPES: PhysicalTypes = {
  column: columnType,
  // `server_default=func.now()`.
  currentTime: (dialect) => ({ postgresql: 'now()', mysql: 'current_timestamp(6)', sqlite: '(CURRENT_TIMESTAMP)' })[dialect],
};

function columnType(dialect: DdlDialect, type: StoredType, autoincrement: boolean): string {
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
