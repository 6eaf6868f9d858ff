import type { SchemaNode } from '../../model/api-document.js';
import { decimalSchema } from '../decimal-schema.js';
import { TYPE_WORDS } from './type-words.js';

/** A field's type as a markdown table writes it, before named types are resolved. */
export type TypeExpression = (
  | { kind: 'scalar'; schema: SchemaNode }
  | { kind: 'named'; name: string }
  | { kind: 'array'; items: TypeExpression }
  | { kind: 'enum'; values: string[] }
) & {
  /** `Optional[int]`, `str | None`, `string?`: the value may be null. */
  nullable?: true;
};

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
  jsonb: { type: 'object', additionalProperties: true },
  dict: { type: 'object', additionalProperties: true },
  map: { type: 'object', additionalProperties: true },
  any: { type: 'object', additionalProperties: true },
  unknown: { type: 'object', additionalProperties: true },
  // SQL
  varchar: { type: 'string' },
  nvarchar: { type: 'string' },
  char: { type: 'string' },
  longtext: { type: 'string' },
  mediumtext: { type: 'string' },
  smallint: { type: 'integer' },
  tinyint: { type: 'integer' },
  serial: { type: 'integer' },
  bigserial: { type: 'integer', format: 'int64' },
  numeric: { type: 'number', format: 'decimal' },
  real: { type: 'number' },
  'double precision': { type: 'number' },
  timestamptz: { type: 'string', format: 'date-time' },
  'timestamp with time zone': { type: 'string', format: 'date-time' },
  bytea: { type: 'string', format: 'binary' },
  blob: { type: 'string', format: 'binary' },
  // Java, Kotlin and C# (lower-cased: `BigDecimal`, `LocalDateTime`, `Guid`)
  bigdecimal: { type: 'number', format: 'decimal' },
  biginteger: { type: 'integer', format: 'int64' },
  short: { type: 'integer' },
  byte: { type: 'integer' },
  character: { type: 'string' },
  localdate: { type: 'string', format: 'date' },
  localdatetime: { type: 'string', format: 'date-time' },
  offsetdatetime: { type: 'string', format: 'date-time' },
  zoneddatetime: { type: 'string', format: 'date-time' },
  instant: { type: 'string', format: 'date-time' },
  datetimeoffset: { type: 'string', format: 'date-time' },
  localtime: { type: 'string', format: 'time' },
  guid: { type: 'string', format: 'uuid' },
  'long text': { type: 'string' },
  ...TYPE_WORDS,
};

/** Formats written in parentheses that are spelled differently in OpenAPI. */
const FORMAT_ALIASES: Record<string, string> = { url: 'uri', datetime: 'date-time', timestamp: 'date-time' };
/** Formats OpenAPI and JSON Schema name, written in parentheses after a type (`integer (int64)`). */
const FORMAT_WORDS = new Set([
  ...Object.keys(FORMAT_ALIASES), 'int32', 'int64', 'float', 'double', 'decimal', 'byte', 'binary', 'date', 'date-time', 'time', 'duration',
  'password', 'email', 'idn-email', 'uuid', 'uri', 'uri-reference', 'iri', 'hostname', 'ipv4', 'ipv6', 'regex',
]);

export const EXPECTED_TYPES =
  'string, int, bigint, float, decimal, bool, date, datetime, time, uuid, email, url, binary, object, ' +
  '`string (email)`, `varchar(50)`, `int[]`, `list[str]`, `Optional[int]`, `array of X`, `enum(a, b)`, `a | b | c` ' +
  'or a named type defined by a `Name:` paragraph and a table';

const ARRAY_SUFFIX = /^(.+?)\s*\[\s*\]$/;
const ARRAY_WORDS = /^(?:array|list|set|arreglo|lista|liste|tableau|danh sách|mảng|数组|列表|配列|リスト|배열|목록)(?:\s*(?:of|de|del|des|von|der|的|の|của)\s+|\s*d['’]\s*|\s+)(.+)$/i;
/** `整数的列表`, `整数の配列`, `정수 배열`: the list's word after its items. */
const ARRAY_AFTER = /^(.+?)\s*(?:的|の)?\s*(?:数组|列表|配列|リスト|배열|목록)$/;
const ARRAY_BRACKETS = /^(?:array|list|set|sequence|iterable|数组|列表)\s*[[<(](.+)[\]>)]$/i;
const MAP_BRACKETS = /^(?:dict|map|record|mapping|object)\s*[[<]\s*(?:str|string)\s*,\s*(.+)[\]>]$/i;
const OPTIONAL = /^optional\s*\[(.+)\]$/i;
const UNION_NONE = /^union\s*\[(.+?)\s*,\s*none\s*\]$/i;
/** `enum`, `enumerated`, `枚举`, `enumerado`, `énuméré`, `Aufzählung`, `liệt kê`, `列挙型`: a type word for a fixed set of values. */
const ENUM_WORDS = String.raw`(?:enum(?:erated|eration)?|枚举(?:类型|值)?|enumerad[oa]|enumeración|enumeração|énum(?:éré|ération)?|aufzählung|enumeriert|liệt kê|列挙(?:型)?)`;
const ENUM = new RegExp(String.raw`^${ENUM_WORDS}\s*[([（](.*)[)\]）]$`, 'isu');
/** The type word alone (`enum`): the field's notes list the values. */
const BARE_ENUM = new RegExp(String.raw`^${ENUM_WORDS}$`, 'iu');
/** Python's `Literal["a", "b"]` (`typing.Literal`, `t.Literal`): a fixed set of values. */
const LITERAL = /^(?:\w+\.)?Literal\s*\[(.*)\]$/su;
const ENUM_COLON = new RegExp(String.raw`^(?:${ENUM_WORDS}|one\s+of|uno\s+de|l['’]un\s+de|eines\s+von|のいずれか)\s*[:：]?\s+(.+)$|^${ENUM_WORDS}\s*[:：]\s*(.+)$`, 'isu');
const WITH_FORMAT = /^([\p{L}][\p{L}0-9-]*)\s*[(<:]\s*([a-z][a-z0-9-]*)\s*[)>]?$/iu;
const SIZED = /^([\p{L}][\p{L} ]*?)\s*[(（]\s*(\d+)\s*(?:[,，]\s*(\d+)\s*)?[)）](?:\s+unsigned)?$/iu;
const NAMED = /^[A-Z][A-Za-z0-9_]*$/;
const NOTED = /^([\p{L}][\p{L} ]*?)\s*[(（][^()（）]*[)）]$/u;
/** `scheduled | done | cancelled`, `'a' | 'b'`: a union of words that are no types is an enum. */
const WORD = /^["']?[\p{L}_][\p{L}\p{N}_-]*["']?$/u;

/** Python, TypeScript and SQL spellings of "may be null" around a type. */
function withoutNull(text: string): { text: string; nullable: boolean } {
  const optional = OPTIONAL.exec(text) ?? UNION_NONE.exec(text);
  if (optional) return { text: optional[1]!.trim(), nullable: true };
  const parts = text.split('|').map((part) => part.trim());
  const nulls = parts.filter((part) => /^(?:none|null|undefined|nil)$/i.test(part));
  if (nulls.length > 0 && nulls.length < parts.length) return { text: parts.filter((part) => !nulls.includes(part)).join(' | '), nullable: true };
  const nullWords = /\s+(?:or\s+(?:none|null)|nullable|null)$/i.exec(text) ?? /^(?:nullable|null)\s+/i.exec(text);
  if (nullWords) return { text: text.replace(nullWords[0], '').trim(), nullable: true };
  if (/^[A-Za-z_][\w<>[\], ]*\?$/.test(text)) return { text: text.slice(0, -1).trim(), nullable: true };
  return { text, nullable: false };
}

/**
 * `1 | 2 | 3`, TypeScript's union of number literals: a number (an integer when every value is one)
 * that is one of them, bounded by the least and the greatest.
 */
function numberUnion(parts: readonly string[]): TypeExpression | undefined {
  if (!parts.every((part) => /^-?\d+(?:\.\d+)?$/.test(part))) return undefined;
  const values = [...new Set(parts.map(Number))];
  const type = values.every(Number.isInteger) ? 'integer' : 'number';
  return { kind: 'scalar', schema: { type, enum: values, minimum: Math.min(...values), maximum: Math.max(...values) } };
}

function enumOf(written: string): TypeExpression | undefined {
  const values = written
    .split(/\s*(?:,|，|、|\/|\||\bor\b)\s*/)
    .map((value) => value.trim().replace(/^["'`]|["'`]$/g, ''))
    .filter((value) => value !== '');
  return values.length > 0 ? { kind: 'enum', values: [...new Set(values)] } : undefined;
}

/**
 * Reads a type as written (`string (email)`, `OrderItem[]`, `enum(a, b)`, `list[str]`,
 * `Optional[int]`, `varchar(50)`, `Array<Item>`, `a | b | c`, `字符串`), or undefined when it is
 * no type at all. A capitalized identifier is a named type; whether it exists is decided later,
 * when all the document's types are known.
 */
export function parseTypeExpression(written: string): TypeExpression | undefined {
  const text = written.trim().replace(/`/g, '').replace(/\s+/g, ' ');
  if (text === '') return undefined;
  const { text: core, nullable } = withoutNull(text);
  const parsed = parseCore(core);
  return parsed && nullable ? { ...parsed, nullable: true } : parsed;
}

function parseCore(text: string): TypeExpression | undefined {
  const enumMatch = ENUM.exec(text) ?? ENUM_COLON.exec(text) ?? LITERAL.exec(text);
  if (enumMatch) return enumOf(enumMatch[1] ?? enumMatch[2] ?? '');
  if (BARE_ENUM.test(text)) return { kind: 'enum', values: [] };
  const parts = text.split('|').map((part) => part.trim());
  if (parts.length > 1) {
    if (parts.every((part) => WORD.test(part) && (/^["']/.test(part) || (SCALARS[part.toLowerCase()] === undefined && !NAMED.test(part))))) return enumOf(text);
    const numbers = numberUnion(parts);
    if (numbers) return numbers;
    // A union of several types is stored as it comes: JSON. A part that is no type (`cancelled, default pending`) makes it no union.
    return parts.every((part) => parseTypeExpression(part) !== undefined) ? { kind: 'scalar', schema: { type: 'object', additionalProperties: true } } : undefined;
  }
  const codes = listedCodes(text);
  if (codes) return { kind: 'enum', values: codes };
  const map = MAP_BRACKETS.exec(text);
  if (map) {
    const values = parseTypeExpression(map[1]!);
    if (!values) return undefined;
    const valueSchema = values.kind === 'scalar' ? values.schema : true;
    return { kind: 'scalar', schema: { type: 'object', additionalProperties: valueSchema } };
  }
  const arrayOf = ARRAY_SUFFIX.exec(text) ?? ARRAY_WORDS.exec(text) ?? ARRAY_BRACKETS.exec(text) ?? ARRAY_AFTER.exec(text);
  if (arrayOf) {
    const items = itemsOf(arrayOf[1]!);
    return items ? { kind: 'array', items } : undefined;
  }
  if (/^(?:array|list|set|tuple|数组|列表|配列|リスト|배열|목록|arreglo|lista|liste|tableau|mảng|danh sách)$/iu.test(text)) return { kind: 'array', items: { kind: 'scalar', schema: {} } };
  const sized = SIZED.exec(text);
  if (sized) {
    const base = sized[1]!.toLowerCase();
    if (base === 'tinyint' && sized[2] === '1') return { kind: 'scalar', schema: { type: 'boolean' } };
    const schema = SCALARS[base];
    if (!schema) return undefined;
    if (schema.type === 'string' && schema.format === undefined) return { kind: 'scalar', schema: { ...schema, maxLength: Number(sized[2]) } };
    if (base === 'numeric' || base === 'decimal') return { kind: 'scalar', schema: decimalSchema(Number(sized[2]), sized[3] === undefined ? 0 : Number(sized[3])) };
    return { kind: 'scalar', schema: { ...schema } };
  }
  // TypeScript's and Java's `Date` is an instant; Python's and SQL's `date` a day.
  if (text === 'Date') return { kind: 'scalar', schema: { type: 'string', format: 'date-time' } };
  const scalar = SCALARS[text.toLowerCase()];
  if (scalar) return { kind: 'scalar', schema: { ...scalar } };
  const withFormat = WITH_FORMAT.exec(text);
  if (withFormat) {
    const base = SCALARS[withFormat[1]!.toLowerCase()];
    if (!base) return undefined;
    const format = withFormat[2]!.toLowerCase();
    const known = SCALARS[format];
    // `string (email)`, `number (decimal)`: the format names a scalar of its own; keep its type and format.
    if (known && known.format !== undefined) return { kind: 'scalar', schema: { ...known } };
    // `datetime (UTC)`, `money (EUR)`, `date (YYYY-MM-DD)`: a note on a type that has a format of its own, which stays.
    if (base.format !== undefined && !FORMAT_WORDS.has(format)) return { kind: 'scalar', schema: { ...base } };
    return { kind: 'scalar', schema: { ...base, format: FORMAT_ALIASES[format] ?? format } };
  }
  // `giờ (HH:mm)`, `date (YYYY-MM-DD)`, `string (max 50 chars)`: a type word and a note on how its values look.
  const noted = NOTED.exec(text);
  const base = noted ? SCALARS[noted[1]!.toLowerCase()] : undefined;
  if (base) return { kind: 'scalar', schema: { ...base } };
  return NAMED.test(text) ? { kind: 'named', name: text } : undefined;
}

/**
 * Codes listed as the type, with slashes or commas between them, as a table cell lets one write
 * them (`DRAFT / ON_SALE / SOLD_OUT`, `PENDING, PAID, REFUNDED`, `draft / published`): an enum, when
 * none of them is a type word (`string, optional` is no list of values).
 */
function listedCodes(text: string): string[] | undefined {
  const parts = text.split(/\s*[/,，、]\s*/);
  if (parts.length < 2) return undefined;
  const capitals = parts.every((part) => /^[A-Z][A-Z0-9_]+$/.test(part));
  const words = /\s[/,]\s|,\s/.test(text) && parts.every((part) => /^[a-z][a-z0-9_-]*$/.test(part));
  if (!capitals && !words) return undefined;
  return parts.some((part) => SCALARS[part.toLowerCase()] !== undefined) ? undefined : [...new Set(parts)];
}

/** A list's items as written, their type word perhaps in the plural (`liste d'entiers`, `lista de cadenas`, `Liste von Zahlen`). */
function itemsOf(written: string): TypeExpression | undefined {
  // `List of IDs`, `list of product ids`: keys, integers unless a key type says otherwise.
  if (/^(?:[\p{L} ]+\s)?ids?$/iu.test(written.trim())) return { kind: 'scalar', schema: { type: 'integer' } };
  const items = parseTypeExpression(written);
  if (items !== undefined && items.kind !== 'named') return items;
  const word = written.trim().toLowerCase();
  const singular = [/s$/, /es$/, /n$/, /en$/].map((ending) => word.replace(ending, '')).find((stem) => stem !== word && SCALARS[stem] !== undefined);
  return singular !== undefined ? { kind: 'scalar', schema: { ...SCALARS[singular]! } } : items;
}

/** The named types an expression uses (`OrderItem` in `OrderItem[]`). */
export function namedTypesOf(expression: TypeExpression): string[] {
  if (expression.kind === 'named') return [expression.name];
  if (expression.kind === 'array') return namedTypesOf(expression.items);
  return [];
}
