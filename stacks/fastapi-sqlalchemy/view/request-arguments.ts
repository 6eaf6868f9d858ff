import { isFormMedia, type Operation, type Parameter, type TypeRef } from '../../../core/index.js';
import { call, keyword, pyFormat, pyValue, type PyExpr } from '../python/layout.js';
import { readAsText } from './params.js';
import { documentPath, requestPath } from './route-paths.js';
import type { Samples } from './samples.js';

/** What a test request carries besides its path and body for the route to take it. */
export interface RequestArguments {
  /** The literal query the document writes in the path, then every required query parameter. */
  params: Record<string, unknown>;
  /** Every required header, and the Content-Type of a body sent as bytes. */
  headers: Record<string, string>;
}

/** Headers httpx sends on every request unless told otherwise (`Accept` too, but no route reads it: see the OpenAPI parser). */
const CLIENT_HEADERS = new Set(['accept-encoding', 'connection', 'user-agent']);

/** A sample value of a parameter, as the request sends it (structured values as their JSON text). */
export function parameterSample(parameter: Parameter, samples: Samples, variant = 1): unknown {
  const sample = samples.value(textForAnything(parameter.type), parameter.constraints, parameter.name, variant);
  return readAsText(parameter) ? JSON.stringify(sample) : sample;
}

/** A parameter of any JSON (`items: {}`) arrives as text: its sample is text, never an object. */
function textForAnything(type: TypeRef): TypeRef {
  if (type.kind === 'json') return { kind: 'string' };
  return type.kind === 'array' ? { ...type, items: textForAnything(type.items) } : type;
}

/**
 * The query and headers a request of `operation` needs, as a client following the document sends
 * them: a route answers 422 to a request missing a required parameter (Azure's `api-version`).
 * `sentByTest`: parameters the test sets itself (a list test's page and size).
 */
export function requestArguments(operation: Operation, samples: Samples, sentByTest: (parameter: Parameter) => boolean = () => false): RequestArguments {
  const params: Record<string, unknown> = Object.fromEntries(documentPath(operation.path).query.map(([name, value]) => [name, value ?? '']));
  const headers: Record<string, string> = {};
  for (const parameter of operation.params) {
    // A header the client sends anyway (httpx's `User-Agent`) is sent as the document describes it.
    const sentAnyway = parameter.in === 'header' && CLIENT_HEADERS.has(parameter.wireName.toLowerCase());
    if (!(parameter.required || sentAnyway) || sentByTest(parameter)) continue;
    if (parameter.in === 'query') params[parameter.wireName] = parameterSample(parameter, samples);
    else if (parameter.in === 'header') headers[parameter.wireName] = String(parameterSample(parameter, samples));
  }
  // A body sent as bytes says what it is, as a client does: operations may be told apart by it.
  if (operation.body && !operation.body.type) headers['Content-Type'] = concreteMediaType(operation.body.contentType);
  return { params, headers };
}

/** `params=...` and `headers=...` arguments of an httpx call, each only when it has entries. */
export function requestKeywords({ params, headers }: RequestArguments): PyExpr[] {
  const keywords: PyExpr[] = [];
  if (Object.keys(params).length > 0) keywords.push(keyword('params', pyValue(params)));
  if (Object.keys(headers).length > 0) keywords.push(keyword('headers', pyValue(headers)));
  return keywords;
}

/**
 * A statement making a request, laid out as ruff formats it at `indent`:
 * `response = await client.get(url, params={...})`.
 */
export function requestStatement(indent: number, prefix: string, callee: string, args: PyExpr[], suffix = ''): string {
  return pyFormat(call(callee, args), indent, prefix, suffix);
}

/** A media type a request can carry for one the document may write with wildcards (`image/*`). */
function concreteMediaType(mediaType: string): string {
  if (mediaType === '*/*' || mediaType === '') return 'application/octet-stream';
  return mediaType.endsWith('/*') ? `${mediaType.slice(0, -1)}octet-stream` : mediaType;
}

/**
 * The path a test requests for an operation (its fragment left out), with the parameters of a
 * nested collection's path filled (`/accounts/7/invoices`) by `valueOf`; the key stays `{name}`.
 */
export function scopedPath(operation: Operation, valueOf: (parameter: Parameter) => unknown, samples: Samples): string {
  let path = requestPath(operation);
  for (const parameter of operation.params) {
    // A path value the operation reads no row by (Twilio's `{AccountSid}` beside an address's own key): any it takes.
    const value = parameter.role === 'scope' ? valueOf(parameter) : parameter.in === 'path' && parameter.role !== 'key' ? parameterSample(parameter, samples) : undefined;
    if (value !== undefined) path = path.replace(`{${parameter.wireName}}`, encodeURIComponent(String(value)));
  }
  return path;
}

/** A CRUD operation whose body is an HTML form (forms.py's `form_body` reads it); a custom one gets the raw body. */
export function readsForm(op: Operation): boolean {
  return op.kind !== 'custom' && op.body !== undefined && isFormMedia(op.body.contentType);
}

/**
 * A create, or a change of the row its path names, whose JSON body the document leaves optional: a
 * request without one is read as an empty object (a 422 naming each field it then lacks).
 */
export function readsOptionalBody(op: Operation): boolean {
  return writesRowFromBody(op) && !op.body!.required;
}

/** A write whose body's schema names no type (Azure's): any JSON value is one of it, and one that is no object sends no fields. */
export function readsNullBody(op: Operation): boolean {
  return writesRowFromBody(op) && op.body!.nullable === true;
}

function writesRowFromBody(op: Operation): boolean {
  const changesPathRow = (op.kind === 'update' || op.kind === 'patch') && op.keyParam !== undefined;
  return (op.kind === 'create' || changesPathRow) && op.body !== undefined && !op.batch && !readsForm(op);
}

/** `json=value`, or `data=value` for an operation that reads an HTML form. */
export function bodyArgument(op: Operation, value: string): string {
  return `${readsForm(op) ? 'data' : 'json'}=${value}`;
}
