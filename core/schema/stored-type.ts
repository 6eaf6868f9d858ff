import type { Constraints, Entity, Field, Relation, TypeRef } from '../model/domain-model.js';

/**
 * How a field is stored, as data every renderer reads: a stack renders it as its ORM's column
 * type and its migrations' (SQLAlchemy), the DDL plugin as each dialect's SQL, so all describe
 * one schema. Logical, not physical: which type each database gives it is the renderer's.
 */
export type StoredType =
  | { kind: 'integer' }
  /** `BigInteger`, an `Integer` on SQLite (so that a generated key is the rowid). */
  | { kind: 'bigint' }
  | { kind: 'float' }
  | { kind: 'numeric'; precision: number; scale: number }
  | { kind: 'boolean' }
  | { kind: 'binary' }
  /**
   * A non-native `Enum` (`native_enum=False`, no `create_constraint`): on every database a VARCHAR
   * as long as the longest value, with no enum type and no CHECK constraint; the application keeps
   * other values out. The models, the migrations and the SQL DDL all store an enum so: a change of
   * an enum's values changes a column's length at most, never a type or a constraint.
   */
  | { kind: 'enum'; name: string; values: string[]; length: number }
  /** `VARCHAR(length)`; `mysqlText`: a LONGTEXT on MySQL, whose rows hold at most 65,535 bytes of VARCHAR. */
  | { kind: 'string'; length: number; mysqlText?: true }
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
/**
 * A string without a maxLength in a key, a unique constraint, an index or a foreign key: MySQL
 * indexes no TEXT column, so it is a VARCHAR of this many characters. Also the longest VARCHAR a
 * string outside keys stays on MySQL; a longer one is a LONGTEXT there.
 */
export const KEYED_STRING_LENGTH = 255;
/** InnoDB keys hold at most 3072 bytes: 768 characters of utf8mb4 (4 bytes each), shared by a key's strings. */
export const KEY_CHARACTERS = 768;

export interface StorageOptions {
  primaryKey: boolean;
  enumValues?: string[];
  /** The column is in a key, a unique constraint, an index or a foreign key: the characters those leave it. */
  keyLimit?: number;
  /** An integer that refers to a `bigint` key is a `bigint` too. */
  refersToBigint?: boolean;
}

/**
 * For each string column of `entity` in its primary key, a unique constraint, an index or a
 * foreign key, the characters the keys it is in leave it: the strings of one key share
 * KEY_CHARACTERS (MySQL's 3072 bytes of utf8mb4). A longer maxLength is cut to it on every database.
 */
export function keyLimits(entity: Entity): ReadonlyMap<string, number> {
  let limits = keyLimitsOf.get(entity);
  if (!limits) keyLimitsOf.set(entity, (limits = computeKeyLimits(entity)));
  return limits;
}

/** Entities are not changed once derived: their limits are computed once. */
const keyLimitsOf = new WeakMap<Entity, ReadonlyMap<string, number>>();

function computeKeyLimits(entity: Entity): Map<string, number> {
  const fields = new Map(entity.fields.map((f) => [f.name, f]));
  const isString = (name: string) => {
    const field = fields.get(name);
    const kind = field && storedType(field.type, field.constraints, { primaryKey: false }).kind;
    return kind === 'string' || kind === 'text';
  };
  const keys = [[entity.primaryKey.field], ...entity.uniques.map((u) => u.fields), ...entity.indexes.map((i) => i.fields), ...entity.foreignKeys.map((k) => [k.field])];
  const limits = new Map<string, number>();
  for (const columns of keys) {
    const strings = columns.filter(isString);
    const share = Math.floor(KEY_CHARACTERS / Math.max(1, strings.length));
    for (const name of strings) limits.set(name, Math.min(limits.get(name) ?? share, share));
  }
  return limits;
}

/** How `field` of `entity` is stored: its key role, its enum's values, its length in a key, the width of the key it refers to. */
export function fieldStorageOptions(entity: Entity, field: Field, enumValues: ReadonlyMap<string, string[]>, entities: readonly Entity[]): StorageOptions {
  const keyLimit = keyLimits(entity).get(field.name);
  return {
    primaryKey: field.name === entity.primaryKey.field,
    ...(field.type.kind === 'enum' ? { enumValues: enumValues.get(field.type.name) ?? [] } : {}),
    ...(keyLimit !== undefined ? { keyLimit } : {}),
    ...(refersToBigint(entity, field, entities) ? { refersToBigint: true } : {}),
  };
}

/** How wide a stored integer is: its column (INTEGER or BIGINT) holds no value past it. */
export type IntegerWidth = 'int32' | 'int64';

/** The width of the column an integer field of `entity` is stored in; undefined for other fields. */
export function storedIntegerWidth(entity: Entity, field: Field, entities: readonly Entity[], relations: readonly Relation[] = []): IntegerWidth | undefined {
  if (field.type.kind === 'array' && field.type.items.kind === 'integer') return linkedKeyWidth(entity, field, entities, relations);
  if (field.type.kind !== 'integer' || field.relation !== undefined) return undefined;
  const kind = storedType(field.type, field.constraints, fieldStorageOptions(entity, field, new Map(), entities)).kind;
  return kind === 'bigint' ? 'int64' : kind === 'integer' ? 'int32' : undefined;
}

/** The width of the integer key a list of ids links to (`tag_ids` → the tags' `id`), each id stored in the join table. */
function linkedKeyWidth(entity: Entity, field: Field, entities: readonly Entity[], relations: readonly Relation[]): IntegerWidth | undefined {
  const relation = relations.find((r) => r.kind === 'many-to-many' && r.from === entity.name && r.field === field.name);
  const target = relation && entities.find((e) => e.name === relation.to);
  const key = target?.fields.find((f) => f.name === target.primaryKey.field);
  return target && key ? storedIntegerWidth(target, key, entities) : undefined;
}

/** Most digits a decimal column holds in any of the databases (PostgreSQL's and MySQL's NUMERIC/DECIMAL take 65 and more). */
const MAX_DECIMAL_PRECISION = 38;

/**
 * A decimal's digits: its step in tenths (`multipleOf: 0.01`, as `numeric(10,2)` is read) gives its
 * scale, and then its bounds (`maximum: 99999999.99`) its digits before the point; without such a
 * step, 18 and 4.
 */
function decimalDigits(constraints: Constraints): { precision: number; scale: number } {
  const step = constraints.multipleOf;
  const scale = step !== undefined && step > 0 && step <= 1 ? Math.round(-Math.log10(step)) : undefined;
  if (scale === undefined || scale > MAX_DECIMAL_PRECISION - 1 || Math.abs(10 ** -scale - step!) > 1e-12 * step!) return { precision: DECIMAL_PRECISION, scale: DECIMAL_SCALE };
  const bounds = [constraints.maximum, constraints.minimum, constraints.exclusiveMaximum, constraints.exclusiveMinimum].filter((bound): bound is number => bound !== undefined && Number.isFinite(bound));
  const whole = bounds.length === 0 ? DECIMAL_PRECISION - DECIMAL_SCALE : Math.max(1, ...bounds.map((bound) => String(Math.floor(Math.abs(bound))).length));
  return { precision: Math.min(MAX_DECIMAL_PRECISION, whole + scale), scale };
}

/** An integer foreign key to a 64-bit key: MySQL wants the referring column of the same type. */
function refersToBigint(entity: Entity, field: Field, entities: readonly Entity[]): boolean {
  if (field.type.kind !== 'integer') return false;
  const key = entity.foreignKeys.find((k) => k.field === field.name);
  const target = key && entities.find((e) => e.name === key.target)?.fields.find((f) => f.name === key.targetField);
  return target?.type.kind === 'integer' && target.type.format === 'int64';
}

/** The stored type of a value of `type` (a primary key's strings get a bounded length). */
export function storedType(type: TypeRef, constraints: Constraints, options: StorageOptions): StoredType {
  switch (type.kind) {
    case 'integer':
      return type.format === 'int64' || options.refersToBigint || !fitsInt32(constraints) ? { kind: 'bigint' } : { kind: 'integer' };
    case 'number':
      return type.format === 'decimal' ? { kind: 'numeric', ...decimalDigits(constraints) } : { kind: 'float' };
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
          if (constraints.maxLength !== undefined) {
            if (options.keyLimit !== undefined) return { kind: 'string', length: Math.min(constraints.maxLength, options.keyLimit) };
            return constraints.maxLength > KEYED_STRING_LENGTH && !options.primaryKey
              ? { kind: 'string', length: constraints.maxLength, mysqlText: true }
              : { kind: 'string', length: constraints.maxLength };
          }
          if (options.primaryKey) return { kind: 'string', length: Math.min(STRING_KEY_LENGTH, options.keyLimit ?? STRING_KEY_LENGTH) };
          return options.keyLimit !== undefined ? { kind: 'string', length: Math.min(KEYED_STRING_LENGTH, options.keyLimit) } : { kind: 'text' };
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

