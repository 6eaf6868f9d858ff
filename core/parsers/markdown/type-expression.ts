import type { SchemaNode } from '../../model/api-document.js';

/** A field's type as a markdown table writes it, before named types are resolved. */
export type TypeExpression =
  | { kind: 'scalar'; schema: SchemaNode }
  | { kind: 'named'; name: string }
  | { kind: 'array'; items: TypeExpression }
  | { kind: 'enum'; values: string[] };

const SCALARS: Record<string, SchemaNode> = {
  string: { type: 'string' },
  str: { type: 'string' },
  text: { type: 'string' },
  int: { type: 'integer' },
  integer: { type: 'integer' },
  int32: { type: 'integer' },
  bigint: { type: 'integer', format: 'int64' },
  long: { type: 'integer', format: 'int64' },
  int64: { type: 'integer', format: 'int64' },
  float: { type: 'number' },
  double: { type: 'number' },
  number: { type: 'number' },
  decimal: { type: 'number', format: 'decimal' },
  money: { type: 'number', format: 'decimal' },
  bool: { type: 'boolean' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  'date-time': { type: 'string', format: 'date-time' },
  timestamp: { type: 'string', format: 'date-time' },
  time: { type: 'string', format: 'time' },
  uuid: { type: 'string', format: 'uuid' },
  email: { type: 'string', format: 'email' },
  url: { type: 'string', format: 'uri' },
  uri: { type: 'string', format: 'uri' },
  binary: { type: 'string', format: 'binary' },
  bytes: { type: 'string', format: 'binary' },
  file: { type: 'string', format: 'binary' },
  object: { type: 'object', additionalProperties: true },
  json: { type: 'object', additionalProperties: true },
  dict: { type: 'object', additionalProperties: true },
};

/** Formats written in parentheses that are spelled differently in OpenAPI. */
const FORMAT_ALIASES: Record<string, string> = { url: 'uri', datetime: 'date-time', timestamp: 'date-time' };

export const EXPECTED_TYPES =
  'string, int, bigint, float, decimal, bool, date, datetime, time, uuid, email, url, binary, object, ' +
  '`string (email)`, `int[]`, `array of X`, `enum(a, b)` or a named type defined by a `Name:` paragraph and a table';

const ARRAY_SUFFIX = /^(.+?)\s*\[\s*\]$/;
const ARRAY_WORDS = /^(?:array|list)\s+of\s+(.+)$/i;
const ARRAY_BRACKETS = /^(?:array|list)\s*[[<](.+)[\]>]$/i;
const ENUM = /^enum\s*\((.*)\)$/is;
const WITH_FORMAT = /^([a-z][a-z0-9-]*)\s*\(\s*([a-z0-9-]+)\s*\)$/i;
const NAMED = /^[A-Z][A-Za-z0-9_]*$/;

/**
 * Reads a type as written (`string (email)`, `OrderItem[]`, `enum(a, b)`), or undefined when it
 * is no type at all. A capitalized identifier is a named type; whether it exists is
 * decided later, when all the document's types are known.
 */
export function parseTypeExpression(written: string): TypeExpression | undefined {
  const text = written.trim().replace(/`/g, '');
  if (text === '') return undefined;
  const enumMatch = ENUM.exec(text);
  if (enumMatch) {
    const values = enumMatch[1]!
      .split(/[,|]/)
      .map((value) => value.trim().replace(/^["']|["']$/g, ''))
      .filter((value) => value !== '');
    return values.length > 0 ? { kind: 'enum', values: [...new Set(values)] } : undefined;
  }
  const arrayOf = ARRAY_SUFFIX.exec(text) ?? ARRAY_WORDS.exec(text) ?? ARRAY_BRACKETS.exec(text);
  if (arrayOf) {
    const items = parseTypeExpression(arrayOf[1]!);
    return items ? { kind: 'array', items } : undefined;
  }
  if (/^(?:array|list)$/i.test(text)) return { kind: 'array', items: { kind: 'scalar', schema: {} } };
  const withFormat = WITH_FORMAT.exec(text);
  if (withFormat) {
    const base = SCALARS[withFormat[1]!.toLowerCase()];
    if (!base) return undefined;
    const format = withFormat[2]!.toLowerCase();
    return { kind: 'scalar', schema: { ...base, format: FORMAT_ALIASES[format] ?? format } };
  }
  const scalar = SCALARS[text.toLowerCase()];
  if (scalar) return { kind: 'scalar', schema: { ...scalar } };
  return NAMED.test(text) ? { kind: 'named', name: text } : undefined;
}

/** The named types an expression uses (`OrderItem` in `OrderItem[]`). */
export function namedTypesOf(expression: TypeExpression): string[] {
  if (expression.kind === 'named') return [expression.name];
  if (expression.kind === 'array') return namedTypesOf(expression.items);
  return [];
}
