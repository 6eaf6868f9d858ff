import { LIMIT_PARAMETER_NAMES, PAGE_PARAMETER_NAMES } from '../../model/paging-names.js';
import type { ResponseEnvelope, SchemaNode } from '../../model/api-document.js';
import { toSnake } from '../../naming.js';
import type { FieldRow } from './field-table.js';
import type { DeclaredMember, GenericDeclaration } from './typescript-declarations.js';
import { parseExampleValue, withoutJsonComments } from './json-comments.js';

/** What a document says every answer looks like: the envelope of a success, and the body of an error. */
export interface AnswerFormat {
  success?: ResponseEnvelope;
  /** The error's body as a schema: the app fills its status, code and message properties when it answers. */
  error?: SchemaNode;
  line: number;
}

/** What a document says a page of a list looks like (`{"total": 100, "list": [...]}`): the property listing the rows, and the others in their order. */
export interface PageFormat {
  itemsField: string;
  fields: { name: string; kind: 'integer' | 'boolean' }[];
  line: number;
}

/** A property as an example or a table gives it: its kind, and the value shown (or stated in its notes). */
interface ShownProperty {
  name: string;
  kind: 'integer' | 'number' | 'string' | 'boolean' | 'null' | 'array' | 'object';
  value?: string | number | boolean | null;
  /** An object's own properties, as shown. */
  properties?: ShownProperty[];
}

/** The property holding the answer. */
const DATA_NAMES = new Set(['data', 'result', 'payload', 'body', 'content']);
/** Properties telling whether the request succeeded: a status code, or a flag. */
const STATUS_NAMES = new Set(['code', 'status', 'statuscode', 'success', 'succeeded', 'ok', 'errcode', 'errorcode', 'ret', 'retcode', 'resultcode', 'rescode']);
const MESSAGE_NAMES = new Set(['msg', 'message', 'errmsg', 'errormsg', 'errormessage', 'resultmsg', 'resmsg', 'info', 'tip']);
/** What a success flag or code holds: `true`, `0`, `200`, `"OK"`, `"SUCCESS"`. */
const SUCCESS_VALUE = /^(?:true|0+|200|ok|success(?:ful)?|succeeded)$/i;
/** A note stating a code's value on success: `200 表示成功`, `0 = success`, `成功为 0`. */
const SUCCESS_NOTE = /(-?\d+)\s*(?:表示|为|是|=|:|：)?\s*(?:成功|success|ok\b|succeeded)|(?:成功|success|ok\b)\s*(?:时)?\s*(?:为|是|=|:|：|returns?|is)?\s*(-?\d+)/iu;

/** Properties a page gives besides its rows: counts, the page's number and size, whether more follow. */
const PAGE_COUNT_NAMES = new Set([
  'total', 'count', 'total_count', 'total_items', 'total_results', 'total_elements', 'total_size', 'pages', 'total_pages', 'page_count',
  'page', 'page_num', 'page_no', 'page_number', 'page_index', 'current', 'current_page', 'size', 'page_size', 'limit', 'per_page', 'offset',
]);
const PAGE_FLAG_NAMES = new Set(['has_more', 'has_next', 'has_next_page', 'has_previous', 'has_prev', 'is_last', 'last', 'first', 'is_first']);
/** The property listing a page's rows, when a sentence names it in words. */
const ROWS_NAMES = new Set(['list', 'records', 'rows', 'items', 'content', 'results', 'data', 'elements', 'entries']);

const normalized = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * An example answer that is an envelope: the answer under a data property (`"data": …`, `{}`,
 * `null`), beside a status code or flag and a message and nothing else: `{"code": 200, "msg":
 * "success", "data": …}`, `{"success": true, "data": {}}`. One without data whose status says the
 * request failed (`{"success": false, "error": {"code": …, "message": …}}`) is the error's body.
 */
export function answerFormatOf(text: string, line: number): AnswerFormat | undefined {
  const example = parsedObject(text);
  return example ? answerFormatOfProperties(shownProperties(example), line) : undefined;
}

/** The same, from a table of the envelope's properties (`| code | Integer | 是 | 200 表示成功 |`). */
export function answerFormatOfTable(rows: readonly FieldRow[], line: number): AnswerFormat | undefined {
  return answerFormatOfProperties(rows.map(tableProperty), line);
}

function answerFormatOfProperties(properties: readonly ShownProperty[], line: number): AnswerFormat | undefined {
  const data = properties.find((p) => DATA_NAMES.has(normalized(p.name)));
  const status = properties.filter((p) => STATUS_NAMES.has(normalized(p.name)) && isScalar(p));
  const message = properties.filter((p) => MESSAGE_NAMES.has(normalized(p.name)) && isScalar(p));
  const error = properties.find((p) => normalized(p.name) === 'error' && p.kind === 'object');
  if (status.length === 0 && !error) return undefined;
  if (properties.length !== status.length + message.length + (data ? 1 : 0) + (error ? 1 : 0)) return undefined;
  const succeeded = status.every((p) => p.value === undefined || SUCCESS_VALUE.test(String(p.value)));
  if (data && succeeded && !error) {
    const fields = properties.filter((p) => p !== data).map((p) => ({ name: p.name, value: successValue(p) }));
    return { success: { dataField: data.name, fields }, error: errorSchemaOf(properties, data.name), line };
  }
  if (succeeded && !error) return undefined;
  return { error: errorSchemaOf(properties, data?.name), line };
}

/**
 * The envelope or the page a generic TypeScript declaration describes: `interface ApiResponse<T> {
 * code: number // 0 成功; data: T; message: string // 成功时是 'ok' }` wraps every answer, `interface
 * PageResult<T> { list: T[]; total: number }` is a page. The values a success holds come from the
 * members' comments.
 */
export function formatsOfDeclaration(declaration: GenericDeclaration): { answer?: AnswerFormat; page?: PageFormat } {
  const properties = declaration.members.map((member) => declaredProperty(member, declaration.parameter));
  const answer = answerFormatOfProperties(properties, declaration.line);
  const page = pageFormatOfProperties(properties, declaration.line);
  return { ...(answer ? { answer } : {}), ...(page ? { page } : {}) };
}

/** A quoted text a comment gives as the value on success (`成功时是 'ok'`, `"success" on success`). */
const QUOTED_SUCCESS = /(?:成功|success|\bok\b)[^'"]*['"]([^'"]+)['"]|['"]([^'"]+)['"][^'"]*(?:成功|success)/iu;

function declaredProperty(member: DeclaredMember, parameter: string): ShownProperty {
  const type = member.type.replace(/\s*\|\s*(?:null|undefined)\b/g, '').trim();
  const comment = member.comment ?? '';
  const literal = /^(?:'([^']*)'|"([^"]*)"|(-?\d+)|(true|false))$/.exec(type);
  if (literal) {
    if (literal[3] !== undefined) return { name: member.name, kind: 'integer', value: Number(literal[3]) };
    if (literal[4] !== undefined) return { name: member.name, kind: 'boolean', value: literal[4] === 'true' };
    return { name: member.name, kind: 'string', value: literal[1] ?? literal[2]! };
  }
  if (type === `${parameter}[]` || type === `Array<${parameter}>`) return { name: member.name, kind: 'array' };
  if (type === 'number' || type === 'bigint') {
    const stated = SUCCESS_NOTE.exec(comment);
    return { name: member.name, kind: 'integer', ...(stated ? { value: Number(stated[1] ?? stated[2]) } : {}) };
  }
  if (type === 'boolean') return { name: member.name, kind: 'boolean' };
  if (type === 'string') {
    const quoted = QUOTED_SUCCESS.exec(comment);
    return { name: member.name, kind: 'string', ...(quoted ? { value: quoted[1] ?? quoted[2]! } : {}) };
  }
  return { name: member.name, kind: 'object' };
}

/** Merges what two statements say (the success's example, then the error's): an error the document shows beats one guessed from the success's envelope. */
export function mergedAnswerFormat(first: AnswerFormat | undefined, next: AnswerFormat): AnswerFormat {
  if (!first) return next;
  const success = first.success ?? next.success;
  const error = next.success ? (first.error ?? next.error) : (next.error ?? first.error);
  return { ...(success ? { success } : {}), ...(error ? { error } : {}), line: first.line };
}

/**
 * A page as an example shows it: one list of rows beside counts, the page's number and size,
 * and flags (`{"total": 100, "list": [...]}`, `{"records": [], "total": 0, "size": 10, "current": 1}`).
 */
export function pageFormatOf(text: string, line: number): PageFormat | undefined {
  const example = parsedObject(text);
  return example ? pageFormatOfProperties(shownProperties(example), line) : undefined;
}

/** The same, from a table of the page's properties (`| total | Long |`, `| rows | List |`). */
export function pageFormatOfTable(rows: readonly FieldRow[], line: number): PageFormat | undefined {
  return pageFormatOfProperties(rows.map(tableProperty), line);
}

/** `返回的 data 中包含 total（总条数）和 list（当前页数据）`: a sentence on paging naming the count and the rows. */
export function pageFormatInWords(text: string, line: number): PageFormat | undefined {
  // A shape written out (`{ data: [...], meta: { page, total } }`) says more than its words: it is read as an example, or not at all.
  if (!/分页|\bpage|\bpaginat|\bpaged\b/iu.test(text) || text.includes('{')) return undefined;
  // `list endpoints`, `列表接口`: the word names the endpoints, not the rows.
  const names = [...text.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\b(?!\s*(?:endpoints?|apis?|routes?|接口))/giu)].map((match) => match[1]!);
  const rows = names.filter((name) => ROWS_NAMES.has(toSnake(name)) && toSnake(name) !== 'data');
  const counts = names.filter((name) => PAGE_COUNT_NAMES.has(toSnake(name)) && /^total|count$/.test(toSnake(name)));
  if (rows.length !== 1 || counts.length === 0) return undefined;
  return { itemsField: rows[0]!, fields: [...new Set(counts)].map((name) => ({ name, kind: 'integer' })), line };
}

/**
 * The row an example answer shows inside its envelope (`{"code": 0, "msg": "ok", "data": {...}}`):
 * its data, the first of a list, or the first row of a page (`"data": {"total": 1, "list": [{...}]}`).
 * Undefined when the example is no envelope of a successful answer holding a row.
 */
export function rowOfEnvelopedExample(value: unknown): Record<string, unknown> | undefined {
  if (!isObject(value)) return undefined;
  const format = answerFormatOfProperties(shownProperties(value), 0);
  if (!format?.success) return undefined;
  const data = value[format.success.dataField];
  const first = (list: unknown) => (Array.isArray(list) && isObject(list[0]) ? list[0] : undefined);
  if (Array.isArray(data)) return first(data);
  if (!isObject(data) || Object.keys(data).length === 0) return undefined;
  const page = pageFormatOfProperties(shownProperties(data), 0);
  return page ? first(data[page.itemsField]) : data;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function pageFormatOfProperties(properties: readonly ShownProperty[], line: number): PageFormat | undefined {
  const lists = properties.filter((p) => p.kind === 'array');
  if (lists.length !== 1) return undefined;
  const others = properties.filter((p) => p !== lists[0]);
  // `pagina`, `trang`, `por_pagina`: the page and its size, as the lists' own parameters are named.
  const counted = (p: ShownProperty) => (p.kind === 'integer' || p.kind === 'number') && [PAGE_COUNT_NAMES, PAGE_PARAMETER_NAMES, LIMIT_PARAMETER_NAMES].some((names) => names.has(toSnake(p.name)));
  const flag = (p: ShownProperty) => p.kind === 'boolean' && PAGE_FLAG_NAMES.has(toSnake(p.name));
  if (others.length === 0 || !others.every((p) => counted(p) || flag(p))) return undefined;
  return { itemsField: lists[0]!.name, fields: others.map((p) => ({ name: p.name, kind: flag(p) ? 'boolean' : 'integer' })), line };
}

function isScalar(property: ShownProperty): boolean {
  return property.kind !== 'array' && property.kind !== 'object';
}

/** A property's value on success: the one shown, else what such a property holds when all went well. */
function successValue(property: ShownProperty): string | number | boolean | null {
  if (property.value !== undefined) return property.value;
  if (property.kind === 'boolean') return true;
  if (property.kind === 'integer' || property.kind === 'number') return 200;
  if (property.kind === 'null') return null;
  return STATUS_NAMES.has(normalized(property.name)) ? 'OK' : 'success';
}

/** Names of an error's code among its body's properties (`code`, `error.code`). */
const ERROR_CODE_NAMES = new Set(['code', 'errorcode', 'errcode']);

/**
 * The error's body answering one status, its code the one the document's table of statuses names
 * (`| 404 | NOT_FOUND |`): the text property named as a code, at the top or one level down
 * (`{"error": {"code": …}}`). Undefined when the body has no such text.
 */
export function errorSchemaWithCode(schema: SchemaNode, code: string): SchemaNode | undefined {
  const properties = (schema.properties ?? {}) as Record<string, SchemaNode>;
  for (const [name, property] of Object.entries(properties)) {
    if (ERROR_CODE_NAMES.has(normalized(name)) && property.type === 'string') return { ...schema, properties: { ...properties, [name]: { type: 'string', const: code } } };
  }
  for (const [name, property] of Object.entries(properties)) {
    const inner = property.type === 'object' ? errorSchemaWithCode(property, code) : undefined;
    if (inner) return { ...schema, properties: { ...properties, [name]: inner } };
  }
  return undefined;
}

/**
 * The error's body as the example shows it, each property required: a flag is `false`, a number
 * the status (`code`), a text the message or the error's code, the data `null`.
 */
function errorSchemaOf(properties: readonly ShownProperty[], dataField: string | undefined): SchemaNode {
  const schema: Record<string, SchemaNode> = {};
  for (const property of properties) schema[property.name] = property.name === dataField ? { type: 'null' } : valueSchema(property);
  return { type: 'object', properties: schema, required: Object.keys(schema) };
}

function valueSchema(property: ShownProperty): SchemaNode {
  switch (property.kind) {
    case 'boolean':
      return { type: 'boolean', const: false };
    case 'integer':
    case 'number':
      return { type: 'integer' };
    case 'null':
      return { type: 'null' };
    case 'array':
      return { type: 'array', items: {} };
    case 'object': {
      const inner = property.properties ?? [];
      return { type: 'object', properties: Object.fromEntries(inner.map((p) => [p.name, valueSchema(p)])), required: inner.map((p) => p.name) };
    }
    default:
      return { type: 'string' };
  }
}

function shownProperties(example: Record<string, unknown>): ShownProperty[] {
  return Object.entries(example).map(([name, value]): ShownProperty => {
    if (value === null) return { name, kind: 'null', value: null };
    if (Array.isArray(value)) return { name, kind: 'array' };
    if (typeof value === 'object') return { name, kind: 'object', properties: shownProperties(value as Record<string, unknown>) };
    if (typeof value === 'number') return { name, kind: Number.isInteger(value) ? 'integer' : 'number', value };
    if (typeof value === 'boolean') return { name, kind: 'boolean', value };
    return { name, kind: 'string', value: String(value) };
  });
}

/** A table's row as a shown property: its type's kind, and a success value its notes state (`200 表示成功`). */
function tableProperty(row: FieldRow): ShownProperty {
  const type = row.type;
  const schema = type.kind === 'scalar' ? type.schema : undefined;
  const scalarType = typeof schema?.type === 'string' ? schema.type : undefined;
  const kind: ShownProperty['kind'] =
    type.kind === 'array' ? 'array' : type.kind === 'named' || scalarType === 'object' || scalarType === undefined ? (type.kind === 'enum' ? 'string' : 'object') : (scalarType as ShownProperty['kind']);
  const stated = row.description === undefined ? undefined : SUCCESS_NOTE.exec(row.description);
  const number = stated ? Number(stated[1] ?? stated[2]) : undefined;
  return { name: row.name, kind, ...(number !== undefined && (kind === 'integer' || kind === 'number') ? { value: number } : {}) };
}

/** The example as JSON, its placeholders (`...`, `…`, `<T>`, `T`) read as `null`; undefined when it is no object. */
function parsedObject(text: string): Record<string, unknown> | undefined {
  const { json } = withoutJsonComments(text);
  const filled = json.replace(/:\s*(?:\.{3}|…|<[^>\n]*>|[A-Z]\b)\s*(?=[,}\n])/g, ': null').replace(/\[\s*(?:\.{3}|…)\s*\]/g, '[]');
  const value = parseExampleValue(filled);
  return isObject(value) ? value : undefined;
}

/** The JSON object a sentence gives inline (`统一返回格式：{"code": 200, "msg": "success", "data": ...}`). */
export function inlineJsonObject(text: string): string | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  return start !== -1 && end > start && text.slice(start, end).includes('"') ? text.slice(start, end + 1) : undefined;
}
