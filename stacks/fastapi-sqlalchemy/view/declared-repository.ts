import { InfraStackError, toSnake, toTableName, type Component, type MethodSignature, type TypedValue, type TypeRef } from '../../../core/index.js';
import { PythonImports } from '../python/imports.js';
import { call as pyCallExpr, definition, pyFormat } from '../python/layout.js';
import { pyDocLine, pyString } from '../python/names.js';
import { domainType } from '../python/types.js';
import { ComponentModule, type PlaceholderView } from './component-module.js';
import type { EntityView, FieldView } from './entities.js';

/**
 * What a declared repository method does, read from its name and checked against its signature
 * (source document 000: "implemented when its name says what it does"). `by` is the field a
 * lookup, listing, existence check or count is by; none: by key, or over every row.
 */
export type MethodIntent =
  | { kind: 'add' | 'save' | 'update' }
  | { kind: 'get'; by?: FieldView }
  | { kind: 'list'; by?: FieldView; paging?: { style: 'page' | 'offset'; start: string; size: string } }
  | { kind: 'delete'; byKey: boolean }
  | { kind: 'exists'; by?: FieldView }
  | { kind: 'count'; by?: FieldView };

export interface DeclaredMethodView {
  name: string;
  /** `async def name(self, ...) -> R:` laid out at 4. */
  header: string;
  /** The body, one statement per line, relative to the method's indentation. */
  lines: string[];
  /** False: the body raises NotImplementedError, and the method is listed to implement. */
  implemented: boolean;
  doc: string;
}

/** A declared repository as one module writes it (the port, the SQL class, the in-memory class). */
export interface DeclaredRepositoryModule {
  methods: DeclaredMethodView[];
  placeholders: PlaceholderView[];
}

/** The methods of the generic repositories the routes call: a declared method of the same name must keep their contract. */
const PRIMITIVES: Record<string, MethodIntent['kind']> = { get: 'get', add: 'add', update: 'update', remove: 'delete' };
const RESERVED = new Set(['get_by', 'find_page', 'session', 'model_class', 'entity_name']);

const VERBS: [MethodIntent['kind'] | 'get-or-list', readonly string[]][] = [
  ['add', ['create', 'add', 'insert', 'store', 'persist', 'register', 'new']],
  ['save', ['save', 'upsert', 'save_or_update', 'create_or_update']],
  ['update', ['update', 'edit', 'modify', 'replace']],
  ['get-or-list', ['get', 'find', 'fetch', 'retrieve', 'read', 'load', 'lookup', 'get_one', 'find_one', 'search']],
  ['list', ['list', 'all', 'get_all', 'find_all', 'list_all', 'fetch_all', 'get_many', 'find_many', 'search_all']],
  ['delete', ['delete', 'remove', 'destroy', 'erase', 'purge']],
  ['exists', ['exists', 'exist', 'has', 'contains']],
  ['count', ['count', 'count_all']],
];
const PAGE_NAMES = ['page', 'page_number', 'page_no'];
const OFFSET_NAMES = ['offset', 'skip', 'start'];
const SIZE_NAMES = ['limit', 'page_size', 'per_page', 'size', 'count'];

/**
 * The intent of a method of the repository of `e`, or why none: its name (`get_customer_by_email`
 * reads as `get_by_email`), then its parameters and return type must be what that intent takes.
 */
export function methodIntent(method: MethodSignature, e: EntityView): MethodIntent | { unknown: string } {
  const name = withoutEntityWords(toSnake(method.name), e.name);
  const [verb, byName] = name.split('_by_', 2) as [string, string | undefined];
  const family = VERBS.find(([, verbs]) => verbs.includes(verb))?.[0];
  if (family === undefined) return { unknown: `its name (${method.name}) says nothing the generator implements` };
  const by = byName === undefined || byName === 'id' || byName === e.key.attr ? undefined : e.fields.find((f) => f.attr === byName && !f.relation && !f.jsonStored);
  if (byName !== undefined && by === undefined && byName !== 'id' && byName !== e.key.attr) return { unknown: `${e.name} has no field ${byName} to look up by` };
  const params = method.parameters;
  const returns = method.returns;
  const mismatch = { unknown: `its parameters or return type are not what ${method.name} does for a ${e.name}` };
  const one = params.length === 1 ? params[0]! : undefined;
  const takesEntity = one !== undefined && isEntity(one.type, e) && !one.nullable;
  const takesKey = one !== undefined && !one.nullable && sameType(one.type, e.key.field.type);
  const takesField = by !== undefined && one !== undefined && !one.nullable && sameType(one.type, by.field.type);
  const returnsEntity = returns !== undefined && isEntity(returns.type, e);
  const returnsList = returns !== undefined && !returns.nullable && returns.type.kind === 'array' && isEntity(returns.type.items, e);
  switch (family) {
    case 'add':
    case 'save':
    case 'update':
      return takesEntity && (returns === undefined || (returnsEntity && !returns.nullable)) ? { kind: family } : mismatch;
    case 'get-or-list':
      if (returnsList) return listIntent(params, by, takesField) ?? mismatch;
      if (!returnsEntity) return mismatch;
      return (by === undefined ? takesKey : takesField) ? { kind: 'get', ...(by ? { by } : {}) } : mismatch;
    case 'list':
      return returnsList ? (listIntent(params, by, takesField) ?? mismatch) : mismatch;
    case 'delete':
      if (returns !== undefined && (returns.type.kind !== 'boolean' || returns.nullable)) return mismatch;
      return by === undefined && (takesEntity || takesKey) ? { kind: 'delete', byKey: takesKey } : mismatch;
    case 'exists':
    case 'count': {
      const kind = returns !== undefined && !returns.nullable ? returns.type.kind : undefined;
      if (kind !== (family === 'exists' ? 'boolean' : 'integer')) return mismatch;
      if (family === 'exists') return (by === undefined ? takesKey : takesField) ? { kind: family, ...(by ? { by } : {}) } : mismatch;
      return (by === undefined ? params.length === 0 : takesField) ? { kind: family, ...(by ? { by } : {}) } : mismatch;
    }
    default:
      return mismatch;
  }
}

function listIntent(params: TypedValue[], by: FieldView | undefined, takesField: boolean): MethodIntent | undefined {
  if (by !== undefined) return takesField ? { kind: 'list', by } : undefined;
  if (params.length === 0) return { kind: 'list' };
  if (params.length !== 2 || !params.every((p) => p.type.kind === 'integer' && !p.nullable)) return undefined;
  const [start, size] = params.map((p) => p.name) as [string, string];
  if (!SIZE_NAMES.includes(size)) return undefined;
  if (PAGE_NAMES.includes(start)) return { kind: 'list', paging: { style: 'page', start, size } };
  return OFFSET_NAMES.includes(start) ? { kind: 'list', paging: { style: 'offset', start, size } } : undefined;
}

/** `get_customer_by_email` → `get_by_email`, `list_customers` → `list` (for `Customer`); the verb stays. */
function withoutEntityWords(name: string, entity: string): string {
  const words = [toTableName(entity), toSnake(entity)].map((word) => word.replace(/[^a-z0-9_]/g, ''));
  return name.replace(new RegExp(`_(?:${words.join('|')})(?=_|$)`, 'g'), '');
}

function isEntity(type: TypeRef, e: EntityView): boolean {
  return type.kind === 'object' && type.name === e.name;
}

function sameType(a: TypeRef, b: TypeRef): boolean {
  return domainType(a, new PythonImports()) === domainType(b, new PythonImports());
}

/**
 * The body of a declared method over the generic repository's primitives (get, get_by,
 * find_page, add, update, remove, _all), which both the SQL and the in-memory repository have:
 * not found is EntityNotFoundError (a LookupError), a bad page a ValueError.
 */
export function methodBody(method: MethodSignature, intent: MethodIntent, e: EntityView, overridden: ReadonlySet<string>, imports: PythonImports): string[] {
  const call = (primitive: string) => `${overridden.has(primitive) ? 'super()' : 'self'}.${primitive}`;
  const arg = method.parameters[0]?.name ?? '';
  const returns = method.returns !== undefined;
  const notFound = (value: string) => {
    imports.add('app.domain.exceptions', 'EntityNotFoundError');
    return pyFormat(pyCallExpr('EntityNotFoundError', [pyString(e.name), value]), 12, 'raise ');
  };
  const key = `${arg}.${e.key.attr}`;
  switch (intent.kind) {
    case 'add':
    case 'update':
      return [`${returns ? 'return ' : ''}await ${call(intent.kind)}(${arg})`];
    case 'save':
      return [
        `if ${key} is not None and await ${call('get')}(${key}) is not None:`,
        `    ${returns ? 'return ' : ''}await ${call('update')}(${arg})`,
        ...(returns ? [`return await ${call('add')}(${arg})`] : ['else:', `    await ${call('add')}(${arg})`]),
      ];
    case 'get': {
      const load = intent.by ? `await ${call('get_by')}(${pyString(intent.by.attr)}, ${arg})` : `await ${call('get')}(${arg})`;
      if (method.returns!.nullable) return [`return ${load}`];
      return [`found = ${load}`, 'if found is None:', `    ${notFound(arg)}`, 'return found'];
    }
    case 'list': {
      if (intent.by) return [`return await ${call('_all')}(${pyString(intent.by.attr)}, ${arg})`];
      if (!intent.paging) return [`return await ${call('_all')}()`];
      const { style, start, size } = intent.paging;
      if (style === 'page') {
        return [
          `if ${start} < 1 or ${size} < 1:`,
          `    raise ValueError(${pyString(`${start} and ${size} start at 1`)})`,
          `items, _ = await ${call('find_page')}(page=${start}, limit=${size})`,
          'return items',
        ];
      }
      return [`if ${start} < 0 or ${size} < 1:`, `    raise ValueError(${pyString(`${start} starts at 0 and ${size} at 1`)})`, `return (await ${call('_all')}())[${start} : ${start} + ${size}]`];
    }
    case 'delete': {
      const lines = intent.byKey
        ? [`found = await ${call('get')}(${arg})`, 'if found is None:', `    ${returns ? 'return False' : notFound(arg)}`, `await ${call('remove')}(found)`]
        : returns
          ? [`if ${key} is None or await ${call('get')}(${key}) is None:`, '    return False', `await ${call('remove')}(${arg})`]
          : [`await ${call('remove')}(${arg})`];
      return returns ? [...lines, 'return True'] : lines;
    }
    case 'exists':
      return [intent.by ? `return await ${call('get_by')}(${pyString(intent.by.attr)}, ${arg}) is not None` : `return await ${call('get')}(${arg}) is not None`];
    case 'count':
      return intent.by ? [`return len(await ${call('_all')}(${pyString(intent.by.attr)}, ${arg}))`] : [`_, total = await ${call('find_page')}(page=1, limit=1)`, 'return total'];
  }
}

/**
 * The declared methods of a repository item as one module writes them: the port's abstract
 * methods (`forPort`), or the SQL and in-memory classes' bodies. Types resolve through
 * `module` (classes the backend lacks become placeholders of the port module).
 */
export function declaredMethods(component: Component, e: EntityView, module: ComponentModule, forPort: boolean): DeclaredRepositoryModule {
  const overridden = new Set(component.methods.map((m) => m.name));
  const methods = component.methods.map((method): DeclaredMethodView => {
    const header = module.methodHeader(method, 4);
    const intent = methodIntent(method, e);
    const doc = pyDocLine(method.description, intentDoc(method, intent, e));
    if (forPort) return { name: method.name, header, lines: [], implemented: !('unknown' in intent), doc };
    if ('unknown' in intent) {
      const message = pyString(`${method.name}: write this method by hand`);
      return { name: method.name, header, lines: [pyFormat(pyCallExpr('NotImplementedError', [message]), 8, 'raise ')], implemented: false, doc };
    }
    return { name: method.name, header, lines: methodBody(method, intent, e, overridden, module.imports), implemented: true, doc };
  });
  return { methods, placeholders: forPort ? module.placeholderViews() : [] };
}

/** What the method does, for its docstring when the class definition gives no description. */
function intentDoc(method: MethodSignature, intent: MethodIntent | { unknown: string }, e: EntityView): string {
  if ('unknown' in intent) return `To write by hand: ${intent.unknown}.`;
  const one = method.parameters[0]?.name ?? '';
  const returnsBool = method.returns?.type.kind === 'boolean';
  switch (intent.kind) {
    case 'add':
      return `Store a new ${e.name}.`;
    case 'save':
      return `Store the ${e.name}: added when new, updated when it exists.`;
    case 'update':
      return `Store the new state of a ${e.name}; LookupError when it does not exist.`;
    case 'get':
      return `The ${e.name} with this ${intent.by?.attr ?? e.key.attr}${method.returns?.nullable ? ', or None.' : '; LookupError when there is none.'}`;
    case 'list':
      if (intent.by) return `The ${e.name} entities whose ${intent.by.attr} is ${one}.`;
      if (!intent.paging) return `Every ${e.name}, in key order.`;
      return intent.paging.style === 'page' ? `One page of ${e.name} entities (pages start at 1); ValueError for a page or size under 1.` : `${e.name} entities from ${intent.paging.start}, at most ${intent.paging.size}.`;
    case 'delete':
      return `Delete the ${e.name}${returnsBool ? '; False when there was none.' : '; LookupError when there is none.'}`;
    case 'exists':
      return `Whether a ${e.name} with this ${intent.by?.attr ?? e.key.attr} exists.`;
    case 'count':
      return intent.by ? `How many ${e.name} entities have this ${intent.by.attr}.` : `How many ${e.name} entities are stored.`;
  }
}

/**
 * A declared method named like a primitive the routes call (`get`, `add`, `update`, `remove`)
 * must keep its meaning, or the routes would call something else: refused with the item's place.
 */
export function assertPrimitivesKept(component: Component, e: EntityView): void {
  for (const method of component.methods) {
    if (RESERVED.has(method.name)) throw primitiveError(component, method, `${method.name} is a name the generic repository uses`);
    const expected = PRIMITIVES[method.name];
    if (expected === undefined) continue;
    const intent = methodIntent(method, e);
    const kept = !('unknown' in intent) && intent.kind === expected && (intent.kind !== 'delete' || (!intent.byKey && method.returns === undefined)) && (intent.kind !== 'get' || intent.by === undefined);
    if (!kept) throw primitiveError(component, method, `the routes call ${method.name}(${expected === 'get' ? 'key' : 'entity'}) on every repository`);
  }
}

function primitiveError(component: Component, method: MethodSignature, why: string): InfraStackError {
  const index = component.methods.indexOf(method);
  return new InfraStackError(`${component.name}.${method.name}: ${why}; expected it to keep that signature, or another name (such as ${method.name === 'remove' ? 'delete' : `${method.name}_${toSnake(component.entity ?? 'entity')}`})`, {
    file: component.source.file,
    location: `${component.source.pointer}/methods/${index}`,
  });
}

/** The item's attributes as `__init__` takes them: the session (an attribute typed as one, or named as one, else added first) typed AsyncSession. */
function constructorParameters(component: Component, annotation: (value: TypedValue) => string): ConstructorArgument[] {
  const attributes = component.attributes;
  let sessionAt = attributes.findIndex((a) => /(?:^|\.)(?:Async)?Session$/.test(a.written.trim()));
  if (sessionAt < 0) sessionAt = attributes.findIndex((a) => ['db_session', 'session', 'db'].includes(a.name) && a.type.kind === 'json');
  const params = attributes.map((a, index) => ({ name: a.name, annotation: index === sessionAt ? 'AsyncSession' : annotation(a), session: index === sessionAt, optional: a.nullable }));
  if (sessionAt < 0) params.unshift({ name: 'db_session', annotation: 'AsyncSession', session: true, optional: false });
  return params;
}

/**
 * `SqlCustomerRepository(db_session=session)`: the session, None for an optional attribute;
 * undefined when an attribute is neither (the backend cannot supply it).
 */
export function constructorCall(component: Component, session: string): string | undefined {
  const params = constructorParameters(component, () => '');
  if (params.some((p) => !p.session && !p.optional)) return undefined;
  return `${component.name}(${params.map((p) => `${p.name}=${p.session ? session : 'None'}`).join(', ')})`;
}

/** `__init__` of the SQL class: the item's attributes in order, the session stored as `self.db_session` and given to the base. */
export function declaredConstructor(component: Component, module: ComponentModule): { header: string; lines: string[]; arguments: ConstructorArgument[] } {
  const params = constructorParameters(component, (a) => module.annotation(a));
  module.imports.add('sqlalchemy.ext.asyncio', 'AsyncSession');
  const session = params.find((p) => p.session)!;
  const lines = [`super().__init__(${session.name})`, `self.db_session = ${session.name}`, ...params.filter((p) => !p.session && p.name !== 'db_session').map((p) => `self.${p.name} = ${p.name}`)];
  return {
    header: pyFormat(definition('def __init__', ['self', ...params.map((p) => `${p.name}: ${p.annotation}`)]), 4, '', ' -> None:'),
    lines,
    arguments: params,
  };
}

/** A constructor parameter as the dependency factory fills it. */
export interface ConstructorArgument {
  name: string;
  annotation: string;
  session: boolean;
  optional: boolean;
}
