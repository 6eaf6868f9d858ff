import type { Constraints, Entity, Field, TypeRef } from '../../core/index.js';

/**
 * How a field is stored: the SQLAlchemy column type this stack gives it, as data. The models and
 * the migration render it as SQLAlchemy; the DDL plugin renders it as each dialect's SQL, so both
 * describe one schema.
 */
export type StoredType =
  | { kind: 'integer' }
  /** `BigInteger`, an `Integer` on SQLite (so that a generated key is the rowid). */
  | { kind: 'bigint' }
  | { kind: 'float' }
  | { kind: 'numeric'; precision: number; scale: number }
  | { kind: 'boolean' }
  | { kind: 'binary' }
  /** A non-native `Enum`: a string column as long as the longest value. */
  | { kind: 'enum'; name: string; values: string[]; length: number }
  | { kind: 'string'; length: number }
  | { kind: 'text' }
  | { kind: 'date' }
  /** `DateTime(timezone=True)`. */
  | { kind: 'datetime' }
  | { kind: 'time' }
  | { kind: 'uuid' }
  | { kind: 'json' };

export const DECIMAL_PRECISION = 18;
export const DECIMAL_SCALE = 4;
/** A string primary key without a maxLength: long enough for a hex uuid4 or a slug. */
const STRING_KEY_LENGTH = 64;

/** The stored type of a value of `type` (a primary key's strings get a bounded length). */
export function storedType(type: TypeRef, constraints: Constraints, options: { primaryKey: boolean; enumValues?: string[] }): StoredType {
  switch (type.kind) {
    case 'integer':
      return type.format === 'int64' || !fitsInt32(constraints) ? { kind: 'bigint' } : { kind: 'integer' };
    case 'number':
      return type.format === 'decimal' ? { kind: 'numeric', precision: DECIMAL_PRECISION, scale: DECIMAL_SCALE } : { kind: 'float' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'binary':
      return { kind: 'binary' };
    case 'enum': {
      const values = options.enumValues ?? [];
      return { kind: 'enum', name: type.name, values, length: longest(values) };
    }
    case 'literal':
      return { kind: 'string', length: longest(type.values) };
    case 'string':
      switch (type.format) {
        case 'date':
          return { kind: 'date' };
        case 'date-time':
          return { kind: 'datetime' };
        case 'time':
          return { kind: 'time' };
        case 'uuid':
          return { kind: 'uuid' };
        default:
          if (constraints.maxLength !== undefined) return { kind: 'string', length: constraints.maxLength };
          return options.primaryKey ? { kind: 'string', length: STRING_KEY_LENGTH } : { kind: 'text' };
      }
    default:
      return { kind: 'json' };
  }
}

/** The database numbers the rows itself (SERIAL, AUTO_INCREMENT, SQLite's rowid). */
export function isAutoincrementKey(entity: Entity, field: Field): boolean {
  return field.name === entity.primaryKey.field && entity.primaryKey.generated && field.type.kind === 'integer';
}

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/** Whether every value the bounds allow fits a 32-bit INTEGER column (a bound past it asks for BIGINT). */
function fitsInt32(constraints: Constraints): boolean {
  const outside = (bound: number | undefined) => bound !== undefined && (bound < INT32.min || bound > INT32.max);
  return !outside(constraints.minimum) && !outside(constraints.maximum);
}

function longest(values: string[]): number {
  return Math.max(1, ...values.map((value) => value.length));
}
