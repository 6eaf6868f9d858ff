import { decimalSchema } from '../decimal-schema.js';
import type { SchemaNode } from '../../model/api-document.js';
import { SCHEMA_HINTS, readOnDeleteRule } from '../../model/hints.js';
import { nullable } from './type-schema.js';

/**
 * One entry of a model's `columns` (source document 001): a SQLAlchemy `Column` written as
 * `"name: Type keyword=value ..."`, e.g. `"customer_id: Integer ForeignKey('customers.id', ondelete='CASCADE') nullable=False index=True"`.
 * Parts are separated by spaces or commas; `Column(...)` around them is accepted.
 */
export interface ColumnSpec {
  name: string;
  /** The JSON Schema of the column's values with its hints (unique, index, references...). */
  schema: SchemaNode;
  /** The spec as written after the name, for messages. */
  written: string;
  primaryKey: boolean;
  /** `ForeignKey("table.column")`: the table and column it names; resolved to an entity by the caller. */
  foreignKey?: { table: string; column: string };
  /** What the spec says that the generated backend does not keep (the part and why), to report. */
  notKept: string[];
}

export class ColumnSpecError extends Error {}

/** SQLAlchemy type names to JSON Schema, the inverse of source document 000's column map. */
const SQL_TYPES: Record<string, (args: string[]) => SchemaNode> = {
  Integer: () => ({ type: 'integer' }),
  BigInteger: () => ({ type: 'integer' }),
  SmallInteger: () => ({ type: 'integer' }),
  String: (args) => withLength({ type: 'string' }, args),
  Unicode: (args) => withLength({ type: 'string' }, args),
  VARCHAR: (args) => withLength({ type: 'string' }, args),
  Text: () => ({ type: 'string' }),
  UnicodeText: () => ({ type: 'string' }),
  Float: () => ({ type: 'number', format: 'double' }),
  Double: () => ({ type: 'number', format: 'double' }),
  Numeric: (args) => withPrecision(args),
  DECIMAL: (args) => withPrecision(args),
  Boolean: () => ({ type: 'boolean' }),
  DateTime: () => ({ type: 'string', format: 'date-time' }),
  TIMESTAMP: () => ({ type: 'string', format: 'date-time' }),
  Date: () => ({ type: 'string', format: 'date' }),
  Time: () => ({ type: 'string', format: 'time' }),
  JSON: () => ({ type: 'object' }),
  LargeBinary: () => ({ type: 'string', format: 'binary' }),
  Uuid: () => ({ type: 'string', format: 'uuid' }),
  UUID: () => ({ type: 'string', format: 'uuid' }),
};

const KEYWORDS = ['primary_key', 'nullable', 'unique', 'index', 'default', 'autoincrement', 'comment', 'doc'] as const;

const NAME_AND_REST = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*?)\s*$/;

/** Reads one column spec; a part it does not understand is an error naming the part. */
export function parseColumnSpec(text: string): ColumnSpec {
  const match = NAME_AND_REST.exec(text);
  if (!match) throw new ColumnSpecError(`expected "name: Type keyword=value ...", found ${JSON.stringify(text)}`);
  const [, name, rest] = match as unknown as [string, string, string];
  const column = /^Column\s*\((.*)\)$/s.exec(rest);
  const parts = splitTopLevel(column ? column[1]! : rest, /[\s,]/);
  let schema: SchemaNode | undefined;
  let primaryKey = false;
  let nullableFlag: boolean | undefined;
  let foreignKey: ColumnSpec['foreignKey'];
  let onDelete: string | undefined;
  const hints: SchemaNode = {};
  const notKept: string[] = [];
  for (const part of parts) {
    const keyword = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+)$/s.exec(part);
    if (keyword) {
      const [, key, value] = keyword as unknown as [string, string, string];
      switch (key as (typeof KEYWORDS)[number]) {
        case 'primary_key':
          primaryKey = readBool(key, value);
          break;
        case 'nullable':
          nullableFlag = readBool(key, value);
          break;
        case 'unique':
          if (readBool(key, value)) hints[SCHEMA_HINTS.unique] = true;
          break;
        case 'index':
          if (readBool(key, value)) hints[SCHEMA_HINTS.index] = true;
          break;
        case 'default':
          hints.default = readLiteral(value);
          break;
        case 'autoincrement':
          break;
        case 'comment':
        case 'doc':
          hints.description = String(readLiteral(value));
          break;
        default:
          throw new ColumnSpecError(`unknown keyword ${key}=: expected one of ${KEYWORDS.join(', ')} or ForeignKey(...)`);
      }
      continue;
    }
    const call = /^([A-Za-z_][A-Za-z0-9_.]*)\s*(?:\((.*)\))?$/s.exec(part);
    if (!call) throw new ColumnSpecError(`cannot read ${JSON.stringify(part)}: expected a SQLAlchemy type, ForeignKey(...) or keyword=value`);
    const callee = call[1]!.slice(call[1]!.lastIndexOf('.') + 1);
    const args = call[2] === undefined ? [] : splitTopLevel(call[2], /,/).map((arg) => arg.trim());
    if (callee === 'ForeignKey') {
      const target = args[0] === undefined ? undefined : readLiteral(args[0]);
      const dotted = typeof target === 'string' ? /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(target) : null;
      if (!dotted) throw new ColumnSpecError(`ForeignKey(${call[2] ?? ''}): expected ForeignKey("table.column")`);
      foreignKey = { table: dotted[1]!, column: dotted[2]! };
      for (const arg of args.slice(1)) {
        const option = /^ondelete\s*=\s*(.+)$/s.exec(arg);
        if (!option) throw new ColumnSpecError(`ForeignKey: unknown argument ${arg}: expected ondelete="CASCADE|SET NULL|RESTRICT|NO ACTION"`);
        const rule = readOnDeleteRule(readLiteral(option[1]!));
        if (!rule) throw new ColumnSpecError(`ForeignKey: ondelete=${option[1]!}: expected CASCADE, SET NULL, RESTRICT or NO ACTION`);
        onDelete = rule;
      }
      continue;
    }
    const type = SQL_TYPES[callee];
    if (!type) throw new ColumnSpecError(`unknown column type ${callee}: expected one of ${Object.keys(SQL_TYPES).join(', ')}`);
    if (schema !== undefined) throw new ColumnSpecError(`two column types (${part} after another): expected one`);
    schema = type(args);
    if (PRECISION in schema) {
      delete schema[PRECISION];
      notKept.push(`${part}: its digits are not read (expected Numeric(10, 2) or Numeric(precision=10, scale=2)); stored as Numeric(18, 4)`);
    }
  }
  if (schema === undefined) throw new ColumnSpecError(`no column type in ${JSON.stringify(rest)}: expected a SQLAlchemy type such as Integer or String(100)`);
  if (onDelete !== undefined) hints[SCHEMA_HINTS.onDelete] = onDelete;
  // SQLAlchemy's own default: a column is nullable unless it is a primary key or says nullable=False.
  const isNullable = nullableFlag ?? !primaryKey;
  if (primaryKey && isNullable) throw new ColumnSpecError('primary_key=True with nullable=True: a primary key cannot be NULL');
  return {
    name,
    schema: { ...(isNullable ? nullable(schema) : schema), ...hints },
    written: rest,
    primaryKey,
    ...(foreignKey ? { foreignKey } : {}),
    notKept,
  };
}

const PRECISION = 'precision-given';

/** `Numeric(10, 2)`, `Numeric(precision=10, scale=2)`: a decimal of those digits; digits it cannot read are reported. */
function withPrecision(args: string[]): SchemaNode {
  if (args.length === 0) return { type: 'number', format: 'decimal' };
  const named = (key: string, at: number) => /^(\w+)\s*=\s*(\d+)$/.exec(args.find((arg) => arg.startsWith(key)) ?? '')?.[2] ?? (/^\d+$/.test(args[at] ?? '') ? args[at] : undefined);
  const precision = named('precision', 0);
  const scale = named('scale', 1) ?? (args.length === 1 ? '0' : undefined);
  if (precision === undefined || scale === undefined) return { type: 'number', format: 'decimal', [PRECISION]: true };
  return decimalSchema(Number(precision), Number(scale));
}

function withLength(schema: SchemaNode, args: string[]): SchemaNode {
  const [length] = args;
  if (length === undefined) return schema;
  const value = /^(?:length\s*=\s*)?(\d+)$/.exec(length);
  if (!value) throw new ColumnSpecError(`String(${args.join(', ')}): expected a length such as String(100)`);
  return { ...schema, maxLength: Number(value[1]) };
}

function readBool(key: string, value: string): boolean {
  if (value === 'True' || value === 'true') return true;
  if (value === 'False' || value === 'false') return false;
  throw new ColumnSpecError(`${key}=${value}: expected True or False`);
}

/** A Python literal: a quoted string, a number, True/False/None. */
function readLiteral(value: string): string | number | boolean | null {
  const text = value.trim();
  const quoted = /^(['"])(.*)\1$/s.exec(text);
  if (quoted) return quoted[2]!;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'True') return true;
  if (text === 'False') return false;
  if (text === 'None') return null;
  throw new ColumnSpecError(`cannot read the value ${text}: expected a quoted string, a number, True, False or None`);
}

/** Splits on the separator outside parentheses and quotes; empty parts dropped. */
function splitTopLevel(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (const char of text) {
    if (quote) {
      current += char;
      if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    if (depth === 0 && separator.test(char)) {
      if (current.trim() !== '') parts.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  if (quote || depth !== 0) throw new ColumnSpecError(`unbalanced ${quote ? 'quote' : 'parentheses'} in ${JSON.stringify(text)}`);
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}
