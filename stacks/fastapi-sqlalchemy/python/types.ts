import type { Constraints, TypeRef } from '../../../core/index.js';
import { storedType, type StorageOptions, type StoredType } from '../../../core/index.js';
import type { PythonImports } from './imports.js';
import { pyClassName, pyString } from './names.js';

export const ENUMS_MODULE = 'app.domain.enums';

/** Python annotation of a value in the domain layer (JSON-shaped values stay plain data). */
export function domainType(type: TypeRef, imports: PythonImports): string {
  switch (type.kind) {
    case 'object':
    case 'map':
    case 'union':
      imports.add('typing', 'Any');
      return 'dict[str, Any]';
    case 'array':
      imports.add('typing', 'Any');
      return 'list[Any]';
    case 'json':
      imports.add('typing', 'Any');
      return 'Any';
    case 'literal':
      return 'str';
    default:
      return scalarType(type, imports);
  }
}

/**
 * Python annotation on the wire (Pydantic): nested objects are typed models from `modelModule`.
 * `strict`: for what a client sends, integers, numbers and booleans take only JSON of their own
 * kind (Pydantic's lax mode would read `true` as 1 and "5" as 5, which the document forbids), and
 * dates and times only text (not `0`, a Unix time to Pydantic);
 * an integer written `3.0` is still an integer, as JSON Schema has it.
 */
export function wireType(type: TypeRef, imports: PythonImports, modelModule: string | undefined, strict = false): string {
  switch (type.kind) {
    case 'object':
      if (modelModule) imports.add(modelModule, pyClassName(type.name));
      return pyClassName(type.name);
    case 'array':
      return `list[${wireType(type.items, imports, modelModule, strict)}]`;
    case 'map':
      return `dict[str, ${wireType(type.values, imports, modelModule, strict)}]`;
    case 'union':
      // Pydantic's smart mode picks the variant that fits best; a discriminator field would have to be a Literal in each.
      return type.variants.map((variant) => wireType(variant, imports, modelModule, strict)).join(' | ');
    case 'json':
      imports.add('typing', 'Any');
      return 'Any';
    case 'literal':
      imports.add('typing', 'Literal');
      return `Literal[${type.values.map(pyString).join(', ')}]`;
    case 'string':
      if (type.format === 'email') {
        // Pydantic's EmailStr refuses addresses at reserved domains (`.test`), which the format allows.
        imports.add('app.presentation.api.v1.schemas.common', 'JsonEmail');
        return 'JsonEmail';
      }
      return strict ? (strictScalar(type, imports) ?? scalarType(type, imports)) : scalarType(type, imports);
    default:
      return strict ? (strictScalar(type, imports) ?? scalarType(type, imports)) : scalarType(type, imports);
  }
}

/**
 * A text Python holds as a plain `str` whatever its format says (a password, base64 bytes, a URI),
 * so the document's lengths are checked on it as written; `patterns` leaves out URIs, whose test
 * values are addresses drawn apart from any pattern.
 */
export function isPlainText(type: TypeRef, checks: 'lengths' | 'patterns'): boolean {
  if (type.kind !== 'string') return false;
  return type.format === undefined || type.format === 'password' || type.format === 'byte' || (checks === 'lengths' && type.format === 'uri');
}

/** The instants a client sends as JSON text only (schemas/common.py): Pydantic's lax mode would read a number as a Unix time. */
const TEXT_TIMES: Partial<Record<string, string>> = { 'date-time': 'JsonDateTime', date: 'JsonDate', time: 'JsonTime' };

/**
 * `Literal[0, 1, 2]`: an integer the document lists the values of. What a client sends in JSON is
 * `JsonChoice[...]` (a literal alone takes `true` for 1), in a path, query or header `TextChoice[...]`
 * (the text of the number); answers are the plain literal.
 */
export function integerChoices(type: TypeRef, constraints: Constraints, imports: PythonImports, sent: 'json' | 'text' | 'answer'): string | undefined {
  if (type.kind !== 'integer' || constraints.allowed === undefined) return undefined;
  imports.add('typing', 'Literal');
  const literal = `Literal[${constraints.allowed.join(', ')}]`;
  if (sent === 'answer') return literal;
  const alias = sent === 'json' ? 'JsonChoice' : 'TextChoice';
  imports.add('app.presentation.api.v1.schemas.common', alias);
  return `${alias}[${literal}]`;
}

/** `JsonInt`, `JsonNumber`, `JsonDateTime`... (schemas/common.py), `StrictBool`: the JSON kinds Pydantic would otherwise coerce into. */
export function strictScalar(type: TypeRef, imports: PythonImports): string | undefined {
  if (type.kind === 'boolean') {
    imports.add('pydantic', 'StrictBool');
    return 'StrictBool';
  }
  const name =
    type.kind === 'integer'
      ? 'JsonInt'
      : type.kind === 'number' && type.format !== 'decimal'
        ? 'JsonNumber'
        : type.kind === 'string' && type.format !== undefined
          ? TEXT_TIMES[type.format]
          : undefined;
  if (name) imports.add('app.presentation.api.v1.schemas.common', name);
  return name;
}

function scalarType(type: TypeRef, imports: PythonImports): string {
  switch (type.kind) {
    case 'integer':
      return 'int';
    case 'number':
      if (type.format === 'decimal') {
        imports.add('decimal', 'Decimal');
        return 'Decimal';
      }
      return 'float';
    case 'boolean':
      return 'bool';
    case 'binary':
      return 'bytes';
    case 'enum':
      imports.add(ENUMS_MODULE, pyClassName(type.name));
      return pyClassName(type.name);
    case 'string':
      switch (type.format) {
        case 'date':
          imports.add('datetime', 'date');
          return 'date';
        case 'date-time':
          imports.add('datetime', 'datetime');
          return 'datetime';
        case 'time':
          imports.add('datetime', 'time');
          return 'time';
        case 'uuid':
          imports.add('uuid', 'UUID');
          return 'UUID';
        default:
          return 'str';
      }
    default:
      return 'str';
  }
}

/** True when the value is stored as JSON rather than in a typed column. */
export function isJsonStored(type: TypeRef): boolean {
  return type.kind === 'object' || type.kind === 'array' || type.kind === 'map' || type.kind === 'union' || type.kind === 'json';
}

export interface ColumnType {
  /** Expression for `mapped_column` in the model, with names imported from sqlalchemy. */
  model: string;
  /** Expression in a migration, with `sa.` prefixes. */
  migration: string;
  /** What the column stores, as every dialect's type of it is chosen from. */
  stored: StoredType;
}

/** The dialect names a MySQL variant applies to. */
const MYSQL_DIALECT_NAMES = '"mysql", "mariadb"';

/** SQLAlchemy column type for a field, in the model and in a migration. */
export function columnType(type: TypeRef, constraints: Constraints, options: StorageOptions, imports: PythonImports): ColumnType {
  const stored = storedType(type, constraints, options);
  return { ...columnTypeOf(stored, imports), stored };
}

export function columnTypeOf(stored: StoredType, imports: PythonImports): Omit<ColumnType, 'stored'> {
  const use = (name: string, args = '') => {
    imports.add('sqlalchemy', name);
    return { model: `${name}(${args})`, migration: `sa.${name}(${args})` };
  };
  // Where MySQL's own type of a SQLAlchemy type is smaller or less precise than PostgreSQL's.
  const onMysql = (name: string, mysqlType: string) => {
    imports.add('sqlalchemy', name).add('sqlalchemy.dialects', 'mysql');
    const variant = `.with_variant(mysql.${mysqlType}, ${MYSQL_DIALECT_NAMES})`;
    return { model: `${name}()${variant}`, migration: `sa.${name}()${variant}` };
  };
  switch (stored.kind) {
    case 'integer':
      return use('Integer');
    case 'bigint':
      imports.add('sqlalchemy', 'BigInteger', 'Integer');
      return { model: 'BigInteger().with_variant(Integer(), "sqlite")', migration: 'sa.BigInteger().with_variant(sa.Integer(), "sqlite")' };
    case 'numeric':
      return use('Numeric', `precision=${stored.precision}, scale=${stored.scale}`);
    case 'float':
      // MySQL's FLOAT is single precision; PostgreSQL's is double.
      return onMysql('Float', 'DOUBLE(asdecimal=False)');
    case 'boolean':
      return use('Boolean');
    case 'binary':
      return onMysql('LargeBinary', 'LONGBLOB()');
    case 'enum': {
      imports.add('sqlalchemy', 'Enum');
      return {
        model: `Enum(${pyClassName(stored.name)}, native_enum=False, length=${stored.length}, values_callable=enum_values)`,
        migration: `sa.Enum(${stored.values.map(pyString).join(', ')}, native_enum=False, length=${stored.length})`,
      };
    }
    case 'string':
      if (stored.mysqlText) {
        imports.add('sqlalchemy', 'String').add('sqlalchemy.dialects', 'mysql');
        const variant = `.with_variant(mysql.LONGTEXT(), ${MYSQL_DIALECT_NAMES})`;
        return { model: `String(${stored.length})${variant}`, migration: `sa.String(${stored.length})${variant}` };
      }
      return use('String', String(stored.length));
    case 'text':
      return onMysql('Text', 'LONGTEXT()');
    case 'date':
      return use('Date');
    case 'datetime':
      // UtcDateTime is DATETIME(6) on MySQL, read back in UTC (app/infrastructure/database/base.py).
      imports.add('app.infrastructure.database.base', 'UtcDateTime');
      return { model: 'UtcDateTime()', migration: `sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), ${MYSQL_DIALECT_NAMES})` };
    case 'time':
      return onMysql('Time', 'TIME(fsp=6)');
    case 'uuid':
      return use('Uuid');
    case 'json':
      return use('JSON');
  }
}
