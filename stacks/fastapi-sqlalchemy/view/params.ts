import type { Operation, Parameter, TypeRef } from '../../../core/index.js';
import { NameScope } from '../python/identifiers.js';
import type { PythonImports } from '../python/imports.js';
import { pyLiteral, pyString } from '../python/names.js';
import { integerChoices, isPlainText, strictScalar, wireType } from '../python/types.js';
import { COMPONENTS_MODULE } from './wire.js';
import type { IntegerWidth } from '../../../core/index.js';
import { checkedPattern } from './pattern-samples.js';
import { amongAllowed, numberBoundArgs } from './number-bounds.js';

/**
 * Names a handler's body uses (its own arguments and locals, the helpers it calls and the builtins
 * among them): a document parameter of that name is numbered (`payload_2`), its wire name kept.
 */
const HANDLER_NAMES = [
  'self', 'repository', 'operations', 'response', 'payload', 'request', 'body', 'filters', 'candidates', 'items', 'total',
  'entity', 'created', 'updated', 'changes', 'result', 'page_size', 'sort_by_fields', 'to_plain', 'max', 'str', 'replace',
  'key_as', 'entities', 'column', 'given', 'page_body', 'len',
];

const parameterScopes = new WeakMap<Operation, NameScope>();

/**
 * The Python name of an operation's parameter: one scope per operation (./../python/identifiers.ts),
 * so `{thing-id}` in the path and `thing_id` in the query, or `class` and `class_`, stay apart, and
 * every place naming the parameter (the signature, the route's path, the call of the use case)
 * agrees.
 */
export function paramAttr(operation: Operation, parameter: Parameter): string {
  let scope = parameterScopes.get(operation);
  if (!scope) {
    scope = new NameScope('parameter', HANDLER_NAMES);
    // Claimed in the document's order, whichever place asks first.
    for (const p of operation.params) scope.name(p.name, p);
    parameterScopes.set(operation, scope);
  }
  return scope.name(parameter.name, parameter);
}

/**
 * The name of a path parameter in the route's path: the document's, when Starlette can read it
 * there (an identifier) and no other parameter of the handler bears it, else its Python name (`{thing-id}` → `{thing_id}`): a request's path holds
 * values, never names, so the route matches the same requests either way.
 */
export function routeName(operation: Operation, parameter: Parameter): string {
  const readable = /^[A-Za-z_][A-Za-z0-9_]*$/.test(parameter.wireName);
  // FastAPI takes a handler parameter named like a path placeholder for that placeholder: a query
  // `key` beside the path's `{key}` would be read from the path. The placeholder then takes the
  // path parameter's own Python name (`{key_path}`).
  const sharedWithAnother = operation.params.some((other) => other !== parameter && paramAttr(operation, other) === parameter.wireName);
  return readable && !sharedWithAnother ? parameter.wireName : paramAttr(operation, parameter);
}

const KINDS = { path: 'Path', query: 'Query', header: 'Header', cookie: 'Cookie' } as const;

export interface ParamDeclaration {
  attr: string;
  line: string;
  hasDefault: boolean;
}

/** `JsonDateTime`, `JsonDate`, `JsonTime` for an instant sent as text: ISO 8601 only, not a Unix time. */
function isoText(type: TypeRef, imports: PythonImports): string | undefined {
  return type.kind === 'string' && ['date-time', 'date', 'time'].includes(type.format ?? '') ? strictScalar(type, imports) : undefined;
}

/** `name: Annotated[type, Query(alias=...)] = default` for a path, query, header or cookie parameter. */
export function declareParameter(operation: Operation, parameter: Parameter, imports: PythonImports, typeOverride?: string, integerWidth?: IntegerWidth, unread = false): ParamDeclaration {
  // A parameter the handler validates but never reads is named as unused (`_api_key`), as ruff's ARG rules expect.
  // Its trailing underscore goes (`fields_` → `_fields`): the leading one keeps it off the name it avoided.
  const attr = unread ? `_${paramAttr(operation, parameter).replace(/_+$/, '')}` : paramAttr(operation, parameter);
  const kind = KINDS[parameter.in];
  imports.add('fastapi', kind);
  imports.add('typing', 'Annotated');
  const base = typeOverride ?? (readAsText(parameter) ? 'str' : (isoText(parameter.type, imports) ?? integerChoices(parameter.type, parameter.constraints, imports, 'text') ?? wireType(parameter.type, imports, COMPONENTS_MODULE)));
  const args: string[] = [];
  const name = parameter.in === 'path' ? routeName(operation, parameter) : parameter.wireName;
  if (attr !== name) args.push(`alias=${pyString(name)}`);
  // FastAPI reads a header `api_key` declared without an alias as `api-key`: the document's name is the one sent.
  else if (parameter.in === 'header' && name.includes('_')) args.push('convert_underscores=False');
  const c = parameter.constraints;
  // A list read as text has no bounds of its own; a number has the document's, and where it lands.
  if (!readAsText(parameter)) args.push(...numberBoundArgs(parameter.type, c, integerWidth));
  if (isPlainText(parameter.type, 'lengths')) {
    if (c.minLength !== undefined) args.push(`min_length=${c.minLength}`);
    if (c.maxLength !== undefined) args.push(`max_length=${c.maxLength}`);
    // A route's parameters are checked by Pydantic's default engine: a pattern only Python's reads is left unchecked.
    const pattern = checkedPattern(parameter.type, c);
    if (pattern?.engines.includes('rust-regex')) args.push(`pattern=${pyString(pattern.source)}`);
  }
  const required = parameter.required || parameter.in === 'path';
  const fallback = required ? undefined : parameterDefault(parameter);
  const annotation = required || fallback !== undefined ? base : `${base} | None`;
  // `?tags=` is the form style's empty list (OpenAPI's style table), not a list of one empty text.
  const listed = isQueryList(parameter);
  if (listed) imports.add('pydantic', 'BeforeValidator').add('app.presentation.api.v1.schemas.common', 'no_items_when_empty');
  const declared = `${attr}: Annotated[${annotation}, ${listed ? 'BeforeValidator(no_items_when_empty), ' : ''}${kind}(${args.join(', ')})]`;
  if (required) return { attr, line: declared, hasDefault: false };
  return { attr, line: `${declared} = ${fallback ?? 'None'}`, hasDefault: true };
}

/** A query parameter FastAPI reads as a list (`?tags=a&tags=b`). */
export function isQueryList(parameter: Parameter): boolean {
  return parameter.in === 'query' && parameter.type.kind === 'array' && !readAsText(parameter);
}

/**
 * A parameter FastAPI cannot parse into its type: an object, a map or a union (a path, query,
 * header or cookie value is text, or a list of texts for a query or header). It is read as the
 * text sent (JSON, or the serialization its `style` names), and the handler decides what it means.
 */
export function readAsText(parameter: Parameter): boolean {
  const structured = (type: TypeRef): boolean => type.kind === 'object' || type.kind === 'map' || type.kind === 'union';
  const { type } = parameter;
  if (type.kind === 'array') return parameter.in === 'path' || parameter.in === 'cookie' || structured(type.items) || type.items.kind === 'array';
  return structured(type);
}

/**
 * The document's default of an optional parameter as a Python literal, when it is one the route can
 * declare; undefined otherwise (the parameter is then `T | None = None`, in the route and below it).
 */
export function parameterDefault(parameter: Parameter): string | undefined {
  const { default: value, type } = parameter;
  if (value === undefined || value === null) return undefined;
  if (type.kind === 'integer' && Number.isInteger(value) && amongAllowed(parameter.constraints, value)) return pyLiteral(value);
  if (type.kind === 'number' && type.format !== 'decimal' && typeof value === 'number' && Number.isFinite(value)) return pyLiteral(value);
  if (type.kind === 'boolean' && typeof value === 'boolean') return pyLiteral(value);
  if (type.kind === 'string' && type.format === undefined && typeof value === 'string') return pyString(value);
  if (type.kind === 'literal' && typeof value === 'string' && type.values.includes(value)) return pyString(value);
  return undefined;
}
