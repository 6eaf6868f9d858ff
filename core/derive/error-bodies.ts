import { STATUS_CODES } from 'node:http';
import type { ApiOperation, ApiResponse, SchemaNode } from '../model/api-document.js';
import type { ErrorBody, ErrorResponse, ErrorSlot } from '../model/domain-model.js';
import { isJsonMedia } from '../model/media-types.js';
import { componentSchemaName } from '../parsers/openapi/json-pointer.js';

/** The statuses an HTTP API answers when a request fails, whichever framework serves it: the ones an error body is shaped for. */
export const ERROR_STATUSES = [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 429, 500, 501, 503] as const;

/** Where each operation's declared error answers are, in a table shared by operations that declare the same. */
export interface DerivedErrors {
  responses: ErrorResponse[][];
  /** By operation: its index into `responses`, when it declares any error body the app can give. */
  byOperation: Map<ApiOperation, number>;
  /** The index most operations share. */
  documentErrors?: number;
}

/**
 * The error bodies the operations declare, as shapes the app fills when it answers: for each error
 * status, the body of the document's response for it (its own, else its range's, `4XX`, else
 * `default`). A body is built only when every property the schema requires can be given a value
 * it allows; otherwise the status keeps the app's own body.
 */
export function deriveErrorResponses(operations: readonly ApiOperation[], schemaOf: (name: string) => SchemaNode | undefined): DerivedErrors {
  const shapes = new ErrorShapes(schemaOf);
  const responses: ErrorResponse[][] = [];
  const indexByKey = new Map<string, number>();
  const indexByDeclaration = new Map<string, number | undefined>();
  const byOperation = new Map<ApiOperation, number>();
  const uses = new Map<number, number>();
  for (const operation of operations) {
    const declared = operation.responses.filter((r) => !/^[123]/.test(r.status));
    if (declared.length === 0) continue;
    const declarationKey = JSON.stringify(declared.map((r) => [r.status, r.contentType, r.schema]));
    let index = indexByDeclaration.get(declarationKey);
    if (!indexByDeclaration.has(declarationKey)) {
      const answers = shapes.answersOf(declared);
      if (answers.length > 0) {
        const key = JSON.stringify(answers);
        index = indexByKey.get(key);
        if (index === undefined) {
          index = responses.push(answers) - 1;
          indexByKey.set(key, index);
        }
      }
      indexByDeclaration.set(declarationKey, index);
    }
    if (index === undefined) continue;
    byOperation.set(operation, index);
    uses.set(index, (uses.get(index) ?? 0) + 1);
  }
  const mostUsed = [...uses].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return { responses, byOperation, ...(mostUsed ? { documentErrors: mostUsed[0] } : {}) };
}

/** The declared response that answers `status`: its own, else its range's (`4XX`), else `default`. */
function declaredFor(status: number, declared: readonly ApiResponse[]): ApiResponse | undefined {
  return declared.find((r) => r.status === String(status)) ?? declared.find((r) => r.status.toUpperCase() === `${String(status)[0]}XX`) ?? declared.find((r) => r.status === 'default');
}

const MAX_DEPTH = 8;

/** Builds error bodies from JSON Schema, property by property, by what each property's name and type say it holds. */
class ErrorShapes {
  constructor(private readonly schemaOf: (name: string) => SchemaNode | undefined) {}

  answersOf(declared: readonly ApiResponse[]): ErrorResponse[] {
    const answers: ErrorResponse[] = [];
    for (const status of ERROR_STATUSES) {
      const response = declaredFor(status, declared);
      // A schema that takes any value (`{}`) takes the app's own body too.
      if (!response?.schema || this.takesAnything(response.schema)) continue;
      const contentType = response.contentType ?? 'application/json';
      const body = isJsonMedia(contentType) ? this.valueOf(response.schema, status, undefined, 0, new Set()) : /^text\//i.test(contentType) ? this.textOf(response.schema) : undefined;
      if (body) answers.push({ status, contentType, body });
    }
    return answers;
  }

  private takesAnything(written: SchemaNode): boolean {
    const schema = this.resolve(written, new Set())?.schema;
    return schema !== undefined && ['type', 'properties', 'allOf', 'anyOf', 'oneOf', 'enum', 'const', 'items', 'required'].every((keyword) => schema[keyword] === undefined);
  }

  /** A text body (`text/plain`): the message, where the schema takes any text. */
  private textOf(written: SchemaNode): ErrorBody | undefined {
    const schema = this.resolve(written, new Set())?.schema;
    const free = schema && (schema.type === undefined || schema.type === 'string') && schema.pattern === undefined && schema.format === undefined && schema.enum === undefined && schema.maxLength === undefined;
    return free ? slot('message') : undefined;
  }

  /** A value `schema` allows, filled by what `name` says it holds; undefined when none can be given. */
  private valueOf(written: SchemaNode, status: number, name: string | undefined, depth: number, seen: ReadonlySet<string>): ErrorBody | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const resolved = this.resolve(written, seen);
    if (!resolved) return undefined;
    const { schema, refs } = resolved;
    const variants = [...((schema.anyOf ?? schema.oneOf ?? []) as SchemaNode[])].filter((v) => !isNullSchema(v));
    if (variants.length > 0 && !hasOwnShape(schema)) {
      // The variant this status's error takes (Increase's `{ status: { enum: [404] } }`), else the first that can be built.
      const ordered = [...variants].sort((a, b) => this.statusCloseness(b, status, refs) - this.statusCloseness(a, status, refs));
      for (const variant of ordered) {
        const value = this.valueOf(variant, status, name, depth + 1, refs);
        if (value) return value;
      }
      return undefined;
    }
    const merged = this.merged(schema, refs);
    if (!merged) return undefined;
    const type = typeOf(merged);
    if (Array.isArray(merged.enum)) return enumValue(merged.enum, status, name);
    if ('const' in merged) return { kind: 'value', value: merged.const as string | number | boolean | null };
    if (type === 'object' || (type === undefined && merged.properties)) return this.objectOf(merged, status, depth, refs);
    if (type === 'array') return this.arrayOf(merged, status, name, depth, refs);
    return scalarOf(merged, type, status, name);
  }

  private objectOf(schema: SchemaNode, status: number, depth: number, seen: ReadonlySet<string>): ErrorBody | undefined {
    const properties = (schema.properties ?? {}) as Record<string, SchemaNode>;
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const built: { name: string; value: ErrorBody }[] = [];
    for (const [name, property] of Object.entries(properties)) {
      const value = this.valueOf(property, status, name, depth + 1, seen);
      if (required.has(name)) {
        if (!value) return undefined;
        built.push({ name, value });
      } else if (value && tellsOfTheError(value)) built.push({ name, value });
    }
    // A required property the schema does not describe: any value passes; the message says most.
    for (const name of required) if (!(name in properties)) built.push({ name, value: slot('message') });
    return { kind: 'object', properties: built };
  }

  private arrayOf(schema: SchemaNode, status: number, name: string | undefined, depth: number, seen: ReadonlySet<string>): ErrorBody | undefined {
    const items = schema.items as SchemaNode | undefined;
    const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
    // JSON:API's `errors: [{ status, title, detail }]`: the error itself, as the list's one item.
    const listsErrors = name !== undefined && /^(errors?|problems|issues|details|messages)$/i.test(name);
    if (!listsErrors && minItems === 0) return { kind: 'array', items: [] };
    const item = items ? this.valueOf(items, status, undefined, depth + 1, seen) : slot('message');
    if (!item) return minItems === 0 ? { kind: 'array', items: [] } : undefined;
    return { kind: 'array', items: Array.from({ length: Math.max(1, minItems) }, () => item) };
  }

  /** The schema a reference names, followed through references; undefined on a cycle or a dangling one. */
  private resolve(schema: SchemaNode, seen: ReadonlySet<string>): { schema: SchemaNode; refs: ReadonlySet<string> } | undefined {
    let current = schema;
    const refs = new Set(seen);
    while (typeof current.$ref === 'string') {
      const ref = current.$ref;
      const name = componentSchemaName(ref);
      if (name === undefined || refs.has(name)) return undefined;
      refs.add(name);
      const target = this.schemaOf(name);
      if (!target) return undefined;
      current = target;
    }
    return { schema: current, refs };
  }

  /** `allOf`'s parts merged into one object schema: their properties, their required ones. */
  private merged(schema: SchemaNode, seen: ReadonlySet<string>): SchemaNode | undefined {
    if (!Array.isArray(schema.allOf)) return schema;
    const properties: Record<string, SchemaNode> = { ...((schema.properties ?? {}) as Record<string, SchemaNode>) };
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    let type = schema.type;
    for (const part of schema.allOf as SchemaNode[]) {
      const resolved = this.resolve(part, seen);
      if (!resolved) return undefined;
      const flat = this.merged(resolved.schema, resolved.refs);
      if (!flat) return undefined;
      Object.assign(properties, flat.properties ?? {});
      for (const name of (flat.required ?? []) as string[]) required.add(name);
      type ??= flat.type;
    }
    const { allOf: _allOf, ...rest } = schema;
    return { ...rest, type: type ?? 'object', properties, required: [...required] };
  }

  /** How near the status a variant declares is to this one (`status: { enum: [404] }`): 2 the same, 1 of its class (4xx), else 0. */
  private statusCloseness(variant: SchemaNode, status: number, seen: ReadonlySet<string>): number {
    const resolved = this.resolve(variant, seen);
    if (!resolved) return 0;
    const properties = (resolved.schema.properties ?? {}) as Record<string, SchemaNode>;
    let closeness = 0;
    for (const [name, property] of Object.entries(properties)) {
      const values = property.enum ?? ('const' in property ? [property.const] : undefined);
      if (!STATUS_NAMES.has(normalized(name)) || !Array.isArray(values)) continue;
      for (const value of values) {
        if (String(value) === String(status)) return 2;
        if (String(value).length === 3 && String(value)[0] === String(status)[0]) closeness = 1;
      }
    }
    return closeness;
  }
}

const STATUS_NAMES = new Set(['status', 'statuscode', 'httpstatus', 'httpstatuscode', 'httpcode', 'code', 'errorcode']);
const MESSAGE_NAMES = new Set(['message', 'detail', 'details', 'description', 'errordescription', 'errormessage', 'msg', 'errormsg', 'text', 'summary', 'errordetail', 'errordetails']);
const REASON_NAMES = new Set(['title', 'reason', 'error', 'statustext', 'statusmessage', 'reasonphrase', 'name']);
const CODE_NAMES = new Set(['code', 'errorcode', 'type', 'errortype', 'kind', 'errorkey', 'key']);
const REQUEST_ID_NAMES = new Set(['requestid', 'traceid', 'correlationid', 'xrequestid', 'transactionid']);
const TIMESTAMP_NAMES = new Set(['timestamp', 'time', 'datetime', 'occurredat', 'createdat', 'date']);
const PATH_NAMES = new Set(['path', 'instance', 'uri', 'url', 'endpoint', 'resource']);
const SUCCESS_NAMES = new Set(['success', 'ok', 'succeeded']);

function normalized(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Whether a value built for an optional property says something of the error (else it is left out). */
function tellsOfTheError(value: ErrorBody): boolean {
  if (value.kind === 'slot') return true;
  if (value.kind === 'object') return value.properties.some((p) => tellsOfTheError(p.value));
  if (value.kind === 'array') return value.items.some(tellsOfTheError);
  return false;
}

function isNullSchema(schema: SchemaNode): boolean {
  return schema.type === 'null' || (Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === null);
}

/** A schema with `anyOf` beside properties of its own is read by those (a `type: object` beside it says nothing more). */
function hasOwnShape(schema: SchemaNode): boolean {
  return Object.keys(schema.properties ?? {}).length > 0 || Array.isArray(schema.allOf) || (typeof schema.type === 'string' && schema.type !== 'object');
}

function typeOf(schema: SchemaNode): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return (schema.type as string[]).find((t) => t !== 'null');
  return undefined;
}

const slot = (name: ErrorSlot): ErrorBody => ({ kind: 'slot', slot: name });

/** The listed value this status's error would name: the status itself, the one that spells its reason (`not_found`), else the first. */
function enumValue(values: readonly unknown[], status: number, name: string | undefined): ErrorBody | undefined {
  const listed = values.filter((v) => v !== null);
  if (listed.length === 0) return values.length > 0 ? { kind: 'value', value: null } : undefined;
  const reason = normalized(STATUS_CODES[status] ?? '');
  const chosen =
    listed.find((v) => String(v) === String(status)) ??
    (reason ? listed.find((v) => typeof v === 'string' && normalized(v).includes(reason)) : undefined) ??
    (name !== undefined && SUCCESS_NAMES.has(normalized(name)) ? listed.find((v) => v === false) : undefined) ??
    listed[0];
  return { kind: 'value', value: chosen as string | number | boolean };
}

/** A string, number or boolean leaf: a slot when the name says what it holds and the schema takes it, else a value the schema allows. */
function scalarOf(schema: SchemaNode, type: string | undefined, status: number, name: string | undefined): ErrorBody | undefined {
  const key = name === undefined ? '' : normalized(name);
  if (type === 'integer' || type === 'number') return STATUS_NAMES.has(key) && fitsNumber(schema, status) ? slot('status') : numberWithin(schema, type);
  if (type === 'boolean') return { kind: 'value', value: false };
  if (type === 'null') return { kind: 'value', value: null };
  if (type !== 'string' && type !== undefined) return undefined;
  const format = typeof schema.format === 'string' ? schema.format : undefined;
  if (format === 'date-time') return slot('timestamp');
  if (format === 'uuid') return REQUEST_ID_NAMES.has(key) || schema.pattern === undefined ? slot('request-uuid') : undefined;
  // RFC 9457's `type`: a URI naming the kind of problem; `about:blank` says the status tells it all.
  if (format === 'uri') return { kind: 'value', value: key === 'instance' ? '/' : 'about:blank' };
  if (schema.pattern !== undefined || (format !== undefined && format !== 'uri-reference')) return undefined;
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  if (format === 'uri-reference') return PATH_NAMES.has(key) ? slot('path') : { kind: 'value', value: 'about:blank' };
  // A text the app writes must fit: a short message may not (a bound under 40 characters takes a fixed value).
  if (maxLength >= 40 && minLength <= 1) {
    if (key === 'code' || key === 'errorcode') return slot('code');
    if (STATUS_NAMES.has(key)) return slot('status-text');
    if (MESSAGE_NAMES.has(key)) return slot('message');
    if (REASON_NAMES.has(key)) return slot('reason');
    if (CODE_NAMES.has(key)) return slot('code');
    if (REQUEST_ID_NAMES.has(key)) return slot('request-id');
    if (PATH_NAMES.has(key)) return slot('path');
    if (TIMESTAMP_NAMES.has(key)) return slot('timestamp');
  }
  if (minLength > maxLength) return undefined;
  return { kind: 'value', value: 'x'.repeat(minLength) };
}

function fitsNumber(schema: SchemaNode, value: number): boolean {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema as Record<string, unknown>;
  if (typeof minimum === 'number' && value < minimum) return false;
  if (typeof maximum === 'number' && value > maximum) return false;
  if (typeof exclusiveMinimum === 'number' && value <= exclusiveMinimum) return false;
  if (typeof exclusiveMaximum === 'number' && value >= exclusiveMaximum) return false;
  return typeof schema.multipleOf !== 'number' || value % schema.multipleOf === 0;
}

/** 0, or the nearest value the bounds allow. */
function numberWithin(schema: SchemaNode, type: string): ErrorBody | undefined {
  const { minimum, maximum, exclusiveMinimum } = schema as Record<string, unknown>;
  let value = typeof minimum === 'number' ? minimum : typeof exclusiveMinimum === 'number' ? exclusiveMinimum + (type === 'integer' ? 1 : 0.5) : 0;
  if (typeof maximum === 'number' && value > maximum) value = maximum;
  if (type === 'integer') value = Math.ceil(value);
  return fitsNumber(schema, value) ? { kind: 'value', value } : undefined;
}
