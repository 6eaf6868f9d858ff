import { isJsonMedia, lookupFieldOf, type ObjectType, type Operation, type Parameter, type ResponseEnvelope, type TypeRef } from '../../../core/index.js';
import { groupModule, handlerName, isServedEntity, lookupMethod, REPOSITORY_METHODS, useCaseClassName } from '../code-names.js';
import { PythonImports } from '../python/imports.js';
import { call, collection, definition, entry, type PyExpr, pyCall, pyFlat, pyFormat, pyParameter, pyParse, pyTypeAdapter } from '../python/layout.js';
import { fieldAttribute, pyName } from '../python/identifiers.js';
import { pyDocLine, pyString, pyClassName } from '../python/names.js';
import { ENUMS_MODULE, wireType } from '../python/types.js';
import type { EntityView } from './entities.js';
import { numberBoundArgs } from './number-bounds.js';
import { declareParameter, paramAttr, parameterDefault, readAsText, type ParamDeclaration } from './params.js';
import { conditionalTier, conditionSize, documentPath, routeCondition, routePath, routeRank, matchedAsUuid, spanningRank, spanningTier, spansSegments, type RouteCondition } from './route-paths.js';
import { COMPONENTS_MODULE } from './wire.js';
import { ENVELOPE_MODULE, envelopeOf } from './envelopes.js';
import { SECURITY_MODULE, type SecurityView } from './security.js';
import { readsForm, readsNullBody, readsOptionalBody } from './request-arguments.js';

export interface HandlerView {
  decorator: string;
  name: string;
  doc: string;
  params: string[];
  returns: string;
  body: string[];
}

export interface RouterView {
  module: string;
  imports: string;
  tag: string;
  adapters: string[];
  handlers: HandlerView[];
  /**
   * The tiers of its routes that take several segments in a parameter (route-paths.ts
   * spanningTier): each on `spanning_router_<tier>`, which the API includes after every `router`.
   */
  spanningTiers: number[];
  /**
   * The tiers of its routes told apart by what a request carries from routes of other modules
   * (route-paths.ts conditionalTier): each on `conditional_router_<tier>`, which the API includes
   * before every `router`.
   */
  conditionalTiers: number[];
  /** `router`'s construction: an `APIRouter`, or on a large API a `LiteralPathRouter` of `literals`. */
  routerCall: string;
  literals?: string[];
}

/** From this many routes in the API, each module's router declines at once the paths none of its routes can take. */
export const LITERAL_PATH_ROUTERS_FROM = 100;
export const ROUTING_MODULE = 'app.presentation.api.v1.routing';

/**
 * The text every route path begins with, up to the end of its first segment or its first
 * parameter (`/users` of `/users/{id}/photo`); undefined when one begins with a parameter.
 * A path the route matches holds that text, whatever prefix and root path come before it.
 */
export function routeLiterals(paths: readonly string[]): string[] | undefined {
  const literals = new Set<string>();
  for (const path of paths) {
    const parameter = path.indexOf('{');
    const beforeParameter = parameter === -1 ? path : path.slice(0, parameter);
    const secondSlash = beforeParameter.indexOf('/', 1);
    const literal = secondSlash === -1 ? beforeParameter : beforeParameter.slice(0, secondSlash);
    if (literal.replace(/\//g, '') === '') return undefined;
    literals.add(literal);
  }
  // A literal holding another adds nothing: a path holding it holds the other.
  const needed = [...literals].filter((literal) => ![...literals].some((other) => other !== literal && literal.includes(other)));
  return needed.length === 0 ? undefined : needed.sort();
}

const typesByName = new WeakMap<readonly ObjectType[], Map<string, ObjectType>>();

function objectTypeNamed(types: readonly ObjectType[], name: string): ObjectType | undefined {
  let byName = typesByName.get(types);
  if (!byName) typesByName.set(types, (byName = new Map(types.map((type) => [type.name, type]))));
  return byName.get(name);
}

export interface UseCaseView {
  module: string;
  className: string;
  imports: string;
  entity?: EntityView;
  /** `header`: the `async def` line(s) laid out; `raise`: the body's statement. */
  methods: { name: string; doc: string; header: string; raise: string }[];
}

export interface GroupViews {
  router: RouterView;
  useCases?: UseCaseView;
}

/**
 * Static path segments sort before parameters, so `/pets/mine` is matched before `/pets/{id}`; a
 * segment of a parameter and text (Google's `{id}:download`) sorts between, before the bare
 * parameter that would otherwise take `7:download` as its value.
 */
function routeOrder(a: Operation, b: Operation, operations: readonly Operation[]): number {
  const spanning = spanningRank(a) - spanningRank(b);
  if (spanning !== 0) return spanning;
  const x = documentPath(a.path).path.split('/');
  const y = documentPath(b.path).path.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const difference = segmentRank(x[i]!) - segmentRank(y[i]!);
    if (difference !== 0) return difference;
  }
  // Of two routes on one path, the one matching only UUIDs where the other takes any text goes first.
  const uuids = (op: Operation) => op.params.filter((p) => matchedAsUuid(p, op, operations)).length;
  return uuids(b) - uuids(a);
}

function segmentRank(segment: string): number {
  if (!segment.includes('{')) return 0;
  return /^\{[^}]*\}$/.test(segment) ? 2 : 1;
}

export function groupViews(
  group: string,
  operations: Operation[],
  entities: Map<string, EntityView>,
  schemaNames: Map<string, Record<string, string>>,
  allOperations: readonly Operation[],
  security?: SecurityView,
  objectTypes: readonly ObjectType[] = [],
): GroupViews {
  const imports = new PythonImports().add('fastapi', 'APIRouter');
  const ordered = [...operations].sort((a, b) => routeOrder(a, b, allOperations) || routeRank(a, allOperations, objectTypes) - routeRank(b, allOperations, objectTypes));
  const route = (op: Operation, responseModel: string | undefined, extra: string[] = []) => {
    const requirement = security?.requirementOf.get(op.name);
    if (requirement) imports.add('fastapi', 'Depends').add(SECURITY_MODULE, requirement);
    const guarded = requirement ? [...extra, `dependencies=[Depends(${requirement})]`] : extra;
    return decorator(op, responseModel, guarded, routeCondition(op, allOperations, objectTypes), imports, allOperations, conditionalTier(op, allOperations, objectTypes), objectTypes);
  };
  const custom = ordered.filter((op) => op.kind === 'custom');
  // Only an entity with a port of its own (a served one) lends it to the group's use cases.
  const groupEntity = [...entities.values()].find((e) => e.entity.slug === group && isServedEntity(e.entity));
  const useCaseClass = useCaseClassName(group);
  const adapters: string[] = [];
  const handlers = ordered.map((op) => {
    if (op.kind === 'custom') return customHandler(op, imports, useCaseClass, adapters, route);
    const entity = entities.get(op.entity!)!;
    return crudHandler(op, entity, schemaNames.get(entity.name)!, imports, adapters, route, objectTypes, envelopeOf(op, { operations: allOperations }));
  });
  const spanningTiers = [...new Set(ordered.filter(spansSegments).map((op) => spanningTier(op, allOperations, objectTypes)))].sort((a, b) => a - b);
  const conditionalTiers = [...new Set(ordered.map((op) => conditionalTier(op, allOperations, objectTypes)).filter((tier) => tier > 0))].sort((a, b) => a - b);
  const plain = ordered.filter((op) => !spansSegments(op) && conditionalTier(op, allOperations, objectTypes) === 0);
  const literals = allOperations.length >= LITERAL_PATH_ROUTERS_FROM ? routeLiterals(plain.map((op) => routePath(op, allOperations))) : undefined;
  if (literals) imports.add(ROUTING_MODULE, 'LiteralPathRouter');
  const tags = `tags=[${pyString(group)}]`;
  const routerCall = literals ? pyFormat(call('LiteralPathRouter', [collection('[', literals.map(pyString)), tags]), 0, 'router = ') : `router = APIRouter(${tags})`;
  const router: RouterView = { module: groupModule(group), imports: imports.render(), tag: group, adapters, handlers, spanningTiers, conditionalTiers, routerCall, ...(literals ? { literals } : {}) };
  if (custom.length === 0) return { router };
  const useCaseImports = new PythonImports();
  if (groupEntity) useCaseImports.add('app.application.interfaces', groupEntity.port);
  const methods = custom.map((op) => {
    const params = [
      ...op.params.map((p) => `${paramAttr(op, p)}: ${domainParamType(p, useCaseImports)}`),
      ...(op.body ? [`body: ${op.body.type ? 'Any' : 'bytes'}`] : []),
    ];
    return {
      name: handlerName(op),
      doc: pyDocLine(op.summary ?? op.description, `${op.method.toUpperCase()} ${op.path}`),
      header: pyFormat(definition(`async def ${handlerName(op)}`, ['self', ...(params.length > 0 ? ['*', ...params] : [])]), 4, '', ' -> object:'),
      // The builtin, not the domain's subclass: ruff (ARG) reads a body that only raises it as a stub
      // whose parameters are there to be used once the operation is written.
      raise: pyFormat(call('raise NotImplementedError', [pyString(`${op.name} is not implemented yet`)]), 8),
    };
  });
  if (custom.some((op) => op.body?.type) || custom.some((op) => op.params.some((p) => domainParamType(p, new PythonImports()) === 'Any'))) useCaseImports.add('typing', 'Any');
  return {
    router,
    useCases: {
      module: groupModule(group),
      className: useCaseClass,
      imports: useCaseImports.render(),
      ...(groupEntity ? { entity: groupEntity } : {}),
      methods,
    },
  };
}

/** Longer `Literal[...]` parameter types are named at module level. */
const LONG_LITERAL = 40;

function toPascalWords(snake: string): string {
  return snake.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/** Use cases see plain values: JSON-shaped parameters arrive as Any. */
function domainParamType(p: Parameter, imports: PythonImports): string {
  const t = p.type;
  const scalar = ['integer', 'number', 'boolean', 'string', 'enum', 'literal'].includes(t.kind);
  if (!scalar || t.kind === 'enum') {
    imports.add('typing', 'Any');
    return 'Any';
  }
  const probe = new PythonImports();
  const type = t.kind === 'literal' ? 'str' : wireType(t, probe, undefined);
  if (type === 'Decimal') imports.add('decimal', 'Decimal');
  if (['date', 'datetime', 'time'].includes(type)) imports.add('datetime', type);
  if (type === 'UUID') imports.add('uuid', 'UUID');
  if (type === 'JsonEmail') return p.required ? 'str' : 'str | None';
  const optional = !(p.required || p.in === 'path') && parameterDefault(p) === undefined;
  return optional ? `${type} | None` : type;
}

type RouteDecorator = (op: Operation, responseModel: string | undefined, extra?: string[]) => string;

/**
 * `@router.get("/path", ...)`; on a method and path other operations share, `@conditional_route(router,
 * "/path", methods=[...], query={...}, headers={...}, ...)`, which takes only the requests carrying what the
 * operation asks for (route-paths.ts).
 */
function decorator(op: Operation, responseModel: string | undefined, extra: string[], condition: RouteCondition | undefined, imports: PythonImports, operations: readonly Operation[], tier: number, objectTypes: readonly ObjectType[]): string {
  const args = [pyString(routePath(op, operations))];
  const router = spansSegments(op) ? `spanning_router_${spanningTier(op, operations, objectTypes)}` : tier > 0 ? `conditional_router_${tier}` : 'router';
  if (responseModel) args.push(`response_model=${responseModel}`);
  args.push(`status_code=${op.response.status}`, ...extra);
  // `    summary="...",` within the line limit, quotes escaped included.
  if (op.summary) args.push(`summary=${pyString(pyDocLine(op.summary, op.name, 78).trimStart())}`);
  // The route asking nothing of the query string takes what the others left: a plain route, registered after them.
  if (condition === undefined || conditionSize(condition) === 0) return pyCall(`@${router}.${op.method}`, args, 0);
  imports.add(CONDITIONAL_ROUTES_MODULE, 'conditional_route');
  const mapping = (pairs: [string, string | undefined][]) => `{${pairs.map(([name, value]) => `${pyString(name)}: ${value === undefined ? 'None' : pyString(value)}`).join(', ')}}`;
  const asks = [
    ...(condition.query.length > 0 ? [`query=${mapping(condition.query)}`] : []),
    ...(condition.headers.length > 0 ? [`headers=${mapping(condition.headers)}`] : []),
    ...(condition.contentType !== undefined ? [`content_type=${pyString(condition.contentType)}`] : []),
    ...(condition.bodyKeys !== undefined ? [`body_keys=[${condition.bodyKeys.map(pyString).join(', ')}]`] : []),
  ];
  return pyCall('@conditional_route', [router, args[0]!, `methods=[${pyString(op.method.toUpperCase())}]`, ...asks, ...args.slice(1)], 0);
}

/** The module of `conditional_route`, written when some route needs it. */
export const CONDITIONAL_ROUTES_MODULE = 'app.presentation.api.v1.conditional_routes';

function orderParams(declarations: { line: string; hasDefault: boolean }[]): string[] {
  return [...declarations.filter((d) => !d.hasDefault), ...declarations.filter((d) => d.hasDefault)].map((d) => pyParameter(d.line, 4));
}

function crudHandler(
  op: Operation,
  entity: EntityView,
  names: Record<string, string>,
  imports: PythonImports,
  moduleStatements: string[],
  route: RouteDecorator,
  objectTypes: readonly ObjectType[],
  envelope: ResponseEnvelope | undefined,
): HandlerView {
  const read = names.read!;
  /** `return <answer>`, in the document's envelope where it has one (envelopes.ts). */
  const answer = (expression: PyExpr, indent = 4) => {
    if (envelope) imports.add(ENVELOPE_MODULE, 'enveloped');
    return pyFormat(envelope ? call('enveloped', [expression]) : expression, indent, 'return ');
  };
  imports.add('app.presentation.api.v1.schemas', read);
  imports.add('app.presentation.api.v1.dependencies', `${entity.name}RepositoryDep`);
  const declarations: { line: string; hasDefault: boolean }[] = [{ line: `repository: ${entity.name}RepositoryDep`, hasDefault: false }];
  const body: string[] = [];
  const keyParam = op.params.find((p) => p.role === 'key');
  const keyField = entity.fields.find((f) => f.column === op.keyField);
  let keyParser: string | undefined;
  // Declared once the body is written: a parameter the body never reads is declared as unused.
  const declareParameters: ((reads: (attr: string) => boolean) => ParamDeclaration)[] = [];
  for (const parameter of op.params) {
    const unread = (reads: (attr: string) => boolean) => !reads(paramAttr(op, parameter));
    if (parameter.role === 'key' && keyField) {
      // A key past its column is no 422: no row has it, and the repository answers none (a 404).
      const keyType = wireType(keyField.field.type, imports, COMPONENTS_MODULE);
      keyParser = keyReadFromText(keyField.field.type, parameter.type, keyType);
      // A text key the document restricts to listed values (Azure's `{blobAuditingPolicyName}`: `default`) takes only those.
      const listed = !keyParser && keyField.field.type.kind === 'string' && (parameter.type.kind === 'literal' || parameter.type.kind === 'enum');
      const typeOverride = listed ? hoistedLiteral(op, parameter, imports, moduleStatements) : keyType === 'JsonEmail' || keyParser ? 'str' : keyType;
      declareParameters.push((reads) => declareParameter(op, parameter, imports, typeOverride, undefined, unread(reads)));
    } else if (['page', 'offset', 'limit'].includes(parameter.role)) {
      continue;
    } else {
      // A bound compares with a column, and a create stores a path's value in one: a value past its
      // width could only fail in the database. A value an equality filter or a path names past its
      // column names no row (the repository answers none), so only int64 bounds it: the document's range.
      const bounded = (parameter.role === 'filter' && parameter.comparison !== undefined && parameter.comparison !== 'eq') || (parameter.role === 'scope' && op.kind === 'create');
      const filtered = bounded ? entity.fields.find((f) => f.column === parameter.field) : undefined;
      const width = filtered?.integerWidth ?? (parameter.role === 'filter' ? 'int64' : undefined);
      const typeOverride = hoistedLiteral(op, parameter, imports, moduleStatements);
      declareParameters.push((reads) => declareParameter(op, parameter, imports, typeOverride, width, unread(reads)));
    }
  }
  // A nested collection's path values (`/accounts/{accountId}/invoices`): the entity attribute each sets, and the handler's argument.
  const scope = op.params.filter((p) => p.role === 'scope').map((p) => ({ attr: entity.fields.find((f) => f.column === p.field)!.attr, value: paramAttr(op, p) }));
  /** `changes = {**payload.changes(), "account_id": account_id}`: the path's values over the body's. */
  const withScope = (values: readonly { attr: string; value: string }[]) =>
    pyFormat(collection('{', ['**payload.changes()', ...values.map((s) => entry(pyString(s.attr), s.value))]), 4, 'changes = ');
  // A row of a nested collection is found only under the path it was created under.
  const elsewhere = scope.map((s) => ` or entity.${s.attr} != ${s.value}`).join('');
  const loadExisting = () => {
    const key = paramAttr(op, keyParam!);
    const lookup = lookupMethod(lookupFieldOf(op, entity.entity));
    imports.add('app.domain.exceptions', 'EntityNotFoundError');
    if (keyParser) imports.add('app.presentation.api.v1.schemas.common', 'key_as');
    const value = keyParser ? `key_as(${keyParser}, ${key}, ${pyString(entity.name)})` : key;
    body.push(pyCall(`await repository.${lookup}`, [value], 4, 'entity = '), `if entity is None${elsewhere}:`, `    raise EntityNotFoundError(${pyString(entity.name)}, ${key})`);
  };
  // The key sent in the body (`PUT /pet`): a body without it names no row, as an unknown key does.
  const loadByBodyKey = () => {
    const key = `payload.${keyField!.attr}`;
    imports.add('app.domain.exceptions', 'EntityNotFoundError');
    if (!op.input?.required.includes(keyField!.column)) body.push(`if ${key} is None:`, `    raise EntityNotFoundError(${pyString(entity.name)}, None)`);
    body.push(pyCall(`await repository.${REPOSITORY_METHODS.get}`, [key], 4, 'entity = '), 'if entity is None:', `    raise EntityNotFoundError(${pyString(entity.name)}, ${key})`);
  };
  /**
   * A replace that creates the row its path names when there is none (Operation.upsert): under its
   * path's values, the path's key its key. A row of that key under other path values is left as it
   * is: the add then conflicts with it (409) where the key is unique.
   */
  const upsertMissing = (createdStatus: number) => {
    const key = paramAttr(op, keyParam!);
    imports.add('app.domain', 'entities');
    const values = [...scope, { attr: keyField!.attr, value: key }];
    body.push(pyCall(`await repository.${lookupMethod(lookupFieldOf(op, entity.entity))}`, [key], 4, 'entity = '), `if entity is None${elsewhere}:`);
    body.push(`    ${pyFormat(collection('{', ['**payload.changes()', ...values.map((s) => entry(pyString(s.attr), s.value))]), 8, 'created = ')}`);
    body.push(`    ${pyFormat(call(`await repository.${REPOSITORY_METHODS.add}`, [`entities.${entity.name}(**created)`]), 8, 'row = ')}`);
    if (createdStatus !== op.response.status) {
      imports.add('fastapi', 'Response');
      declarations.push({ line: 'response: Response', hasDefault: false });
      body.push(`    response.status_code = ${createdStatus}`);
    }
    body.push(`    ${answer(`${read}.model_validate(row)`, 8)}`);
  };
  let returns = read;
  let responseModel: string | undefined;
  const extra: string[] = [];
  switch (op.kind) {
    case 'list': {
      imports.add('typing', 'Annotated').add('fastapi', 'Query');
      imports.add('app.presentation.api.v1.schemas.common', 'DEFAULT_PAGE_SIZE');
      const pageParam = op.params.find((p) => p.role === 'page');
      const offsetParam = op.params.find((p) => p.role === 'offset');
      const limitParam = op.params.find((p) => p.role === 'limit');
      const pageAttr = pageParam ? paramAttr(op, pageParam) : 'page';
      const offsetAttr = offsetParam ? paramAttr(op, offsetParam) : undefined;
      const limitAttr = limitParam ? paramAttr(op, limitParam) : 'limit';
      // A list the document pages by an offset (`?offset=20&limit=10`) takes no page number.
      declarations.push(offsetParam ? pagingParameter(offsetParam, offsetAttr!, '0') : pagingParameter(pageParam, pageAttr, '1'));
      declarations.push(pagingParameter(limitParam, limitAttr, 'DEFAULT_PAGE_SIZE'));
      const filters = op.params.filter((p) => p.role === 'filter');
      const sort = op.params.find((p) => p.role === 'sort');
      // A nested collection lists the rows under its path's values: filters that are always set.
      const scopeEntries = scope.map((s) => entry(pyString(s.attr), s.value));
      const filterEntries = filters.flatMap((p) => filterEntriesOf(op, entity, p, imports));
      if (filters.length > 0) {
        body.push(pyFormat(collection('{', [...scopeEntries, ...filterEntries]), 4, 'candidates: dict[str, object] = '));
        body.push('filters = {column: given for column, given in candidates.items() if given is not None}');
      } else if (scope.length > 0) {
        body.push(pyFormat(collection('{', scopeEntries), 4, 'filters: dict[str, object] = '));
      }
            const filterArg = filters.length > 0 || scope.length > 0 ? 'filters' : 'None';
      // Any page the document allows is served: before the first is the first (an offset before the
      // first row, the first row), and the size is capped (page_size).
      imports.add('app.presentation.api.v1.schemas.common', 'page_size');
      const start = offsetAttr ? `offset=max(${offsetAttr}, 0)` : `page=max(${pageAttr}, 1)`;
      body.push(pyCall(`await repository.${REPOSITORY_METHODS.page}`, [start, `limit=page_size(${limitAttr})`, `filters=${filterArg}`, ...(sort ? [`sort=${sortArgument(entity, op, sort, imports, moduleStatements)}`] : [])], 4, 'items, total = '));
      if (op.response.page?.kind === 'wrapper') {
        const wrapper = pyClassName(op.response.page.typeName);
        imports.add(COMPONENTS_MODULE, wrapper);
        // Keyed by wire name, which validation always takes: the class's attribute may differ (`model_jobs_`, pydantic's `model_` names being its own).
        const wrapperFields = objectTypeNamed(objectTypes, op.response.page.typeName)?.fields ?? [];
        const wire = (name: string) => pyString(wrapperFields.find((field) => field.name === name)?.wireName ?? name);
        const fields = [entry(wire(op.response.page.itemsField), `[${read}.model_validate(item).model_dump(by_alias=True) for item in items]`)];
        const { totalField, pageField, offsetField, limitField } = op.response.page;
        if (totalField) fields.push(entry(wire(totalField), 'total'));
        if (pageField) fields.push(entry(wire(pageField), offsetAttr ? `max(${offsetAttr}, 0) // page_size(${limitAttr}) + 1` : pageAttr));
        if (offsetField) fields.push(entry(wire(offsetField), offsetAttr ?? `(max(${pageAttr}, 1) - 1) * page_size(${limitAttr})`));
        if (limitField) fields.push(entry(wire(limitField), limitAttr));
        if (op.response.page.nextField) {
          // The same request at the page after this one, while rows follow it (left out on the last page).
          imports.add('fastapi', 'Request');
          declarations.push({ line: 'request: Request', hasDefault: false });
          const skipped = offsetAttr ? `max(${offsetAttr}, 0)` : `(max(${pageAttr}, 1) - 1) * page_size(${limitAttr})`;
          const following = offsetAttr ? `${skipped} + page_size(${limitAttr})` : `max(${pageAttr}, 1) + 1`;
          const startWire = (offsetParam ?? pageParam)?.wireName ?? pageAttr;
          body.push(pyFormat(collection('{', fields), 4, 'page_body: dict[str, object] = '));
          body.push(`if ${skipped} + len(items) < total:`);
          body.push(`    page_body[${wire(op.response.page.nextField)}] = str(request.url.include_query_params(**{${pyString(startWire)}: ${following}}))`);
          body.push(answer(call(`${wrapper}.model_validate`, ['page_body'])));
        } else {
          body.push(answer(call(`${wrapper}.model_validate`, [collection('{', fields)])));
        }
        returns = wrapper;
      } else {
        imports.add('fastapi', 'Response');
        declarations.push({ line: 'response: Response', hasDefault: false });
        body.push('response.headers["X-Total-Count"] = str(total)', answer(`[${read}.model_validate(item) for item in items]`));
        returns = `list[${read}]`;
      }
      responseModel = returns;
      break;
    }
    case 'get':
      loadExisting();
      body.push(answer(`${read}.model_validate(entity)`));
      break;
    case 'create': {
      imports.add('app.domain', 'entities');
      imports.add('app.presentation.api.v1.schemas', names.create!);
      if (op.batch) {
        // Several rows at once (`POST /user/createWithList`): stored together, or none of them.
        declarations.push({ line: `payload: list[${names.create}]`, hasDefault: false });
        const rows = `[entities.${entity.name}(**item.changes()) for item in payload]`;
        if (op.response.type) {
          body.push(pyFormat(call(`await repository.${REPOSITORY_METHODS.addAll}`, [rows]), 4, 'created = '), answer(`[${read}.model_validate(row) for row in created]`));
          returns = `list[${read}]`;
        } else {
          imports.add('fastapi', 'Response');
          body.push(pyFormat(call(`await repository.${REPOSITORY_METHODS.addAll}`, [rows]), 4), `return Response(status_code=${op.response.status})`);
          returns = 'Response';
          extra.push('response_class=Response');
        }
        break;
      }
      const payload = payloadDeclaration(op, names.create!, entity, imports);
      declarations.push(payload);
      if (payload.request) declarations.push({ line: 'request: Request', hasDefault: false });
      if (payload.prelude) body.push(payload.prelude);
      if (scope.length > 0) body.push(withScope(scope));
      const changes = scope.length > 0 ? 'changes' : 'payload.changes()';
      body.push(pyFormat(call(`await repository.${REPOSITORY_METHODS.add}`, [`entities.${entity.name}(**${changes})`]), 4, 'created = '), answer(`${read}.model_validate(created)`));
      break;
    }
    case 'update':
    case 'patch': {
      const schema = names[op.kind]!;
      imports.add('app.presentation.api.v1.schemas', schema);
      imports.add('dataclasses', 'replace');
      const payload = payloadDeclaration(op, schema, entity, imports);
      declarations.push(payload);
      if (payload.request) declarations.push({ line: 'request: Request', hasDefault: false });
      if (payload.prelude) body.push(payload.prelude);
      if (op.upsert && keyParam && keyField) upsertMissing(op.upsert.createdStatus);
      else if (keyParam) loadExisting();
      else loadByBodyKey();
      // A path value wins over the body's: the row stays under the path it is replaced at.
      const inBody = scope.filter((s) => op.input?.fields.some((name) => entity.fields.find((f) => f.column === name)?.attr === s.attr));
      if (inBody.length > 0) body.push(withScope(inBody));
      const changes = inBody.length > 0 ? 'changes' : 'payload.changes()';
      body.push(`updated = await repository.${REPOSITORY_METHODS.update}(replace(entity, **${changes}))`, answer(`${read}.model_validate(updated)`));
      break;
    }
    case 'action': {
      // `POST /bookings/{id}/cancel`: the state the verb names, on the row the path names.
      const states = entity.stateValues.get(op.name)!;
      for (const state of states) {
        if (state.enumName) imports.add(ENUMS_MODULE, state.enumName);
        if (state.now) imports.add('datetime', 'UTC', 'datetime');
      }
      imports.add('dataclasses', 'replace');
      loadExisting();
      const changed = pyFormat(call(`await repository.${REPOSITORY_METHODS.update}`, [call('replace', ['entity', ...states.map((state) => `${state.attr}=${state.value}`)])]), 4);
      if (op.response.type) {
        body.push(`updated = ${changed}`, answer(`${read}.model_validate(updated)`));
        break;
      }
      body.push(changed);
      imports.add('fastapi', 'Response');
      body.push(`return Response(status_code=${op.response.status})`);
      returns = 'Response';
      extra.push('response_class=Response');
      break;
    }
    case 'delete':
      loadExisting();
      body.push(`await repository.${REPOSITORY_METHODS.remove}(entity)`);
      if (op.response.type?.kind === 'object' && op.response.type.name === entity.name) {
        // The document answers the deleted row.
        body.push(answer(`${read}.model_validate(entity)`));
        break;
      }
      if (op.response.type?.kind === 'boolean') {
        body.push(answer('True'));
        returns = 'bool';
        break;
      }
      if (op.response.type?.kind === 'object') {
        // An object the document declares that requires nothing: sent empty.
        returns = wireType(op.response.type, imports, COMPONENTS_MODULE);
        body.push(answer(`${returns}()`));
        break;
      }
      if (envelope) {
        // An envelope is a body: a delete's data is null.
        body.push(answer('None'));
        returns = 'None';
        break;
      }
      imports.add('fastapi', 'Response');
      body.push(`return Response(status_code=${op.response.status})`);
      returns = 'Response';
      extra.push('response_class=Response');
      break;
  }
  if (envelope && returns !== 'Response') {
    imports.add(ENVELOPE_MODULE, 'Envelope');
    returns = `Envelope[${returns}]`;
    if (responseModel) responseModel = returns;
  }
  const written = body.join('\n');
  // A name read, not a string naming it (`"count": count_path` reads only `count_path`).
  const reads = (attr: string) => new RegExp(`(?<![\\w.'"])${attr}\\b(?!['"])`).test(written);
  // The document's order, after the repository, as before the body was written.
  declarations.splice(1, 0, ...declareParameters.map((declare) => declare(reads)));
  return {
    decorator: route(op, op.kind === 'delete' ? undefined : responseModel, extra),
    name: handlerName(op),
    doc: pyDocLine(op.description ?? op.summary, op.kind === 'action' ? `${op.sets!.reason.rule.replace(/^the verb "[^"]*" sets/, `Sets the ${entity.name}'s`)}.` : `${op.kind} ${entity.name}`),
    params: orderParams(declarations),
    returns,
    body: body.filter((line) => line !== ''),
  };
}

/**
 * `payload: Schema`, read from JSON; from an HTML form, `Annotated[Schema, Depends(form_body(Schema,
 * {"size": int}))]` (forms.py), naming the fields whose text stands for a number or a boolean.
 */
function payloadDeclaration(op: Operation, schema: string, entity: EntityView, imports: PythonImports): { line: string; hasDefault: boolean; prelude?: string; request?: true } {
  if (readsNullBody(op)) {
    // Any JSON value is one of the schema's: a value that is no object sends no fields (and, where the body is optional, so does none).
    imports.add('typing', 'Annotated').add('fastapi', 'Body').add('pydantic', 'BeforeValidator').add('app.presentation.api.v1.schemas.common', 'object_or_empty');
    if (op.body!.required) return { line: `payload: Annotated[${schema}, BeforeValidator(object_or_empty), Body()]`, hasDefault: false };
    imports.add('app.presentation.api.v1.schemas.common', 'empty_body');
    return { line: `payload: Annotated[${schema} | None, BeforeValidator(object_or_empty), Body()] = None`, hasDefault: true, prelude: `payload = payload or empty_body(${schema})` };
  }
  if (readsOptionalBody(op)) {
    imports.add('typing', 'Annotated').add('fastapi', 'Body', 'Request').add('app.presentation.api.v1.schemas.common', 'absent_body');
    return { line: `payload: Annotated[${schema} | None, Body()] = None`, hasDefault: true, prelude: `payload = payload or await absent_body(${schema}, request)`, request: true };
  }
  if (!readsForm(op)) return { line: `payload: ${schema}`, hasDefault: false };
  imports.add('typing', 'Annotated').add('fastapi', 'Depends').add(FORMS_MODULE, 'form_body');
  const kinds = (op.input?.fields ?? []).flatMap((name) => {
    const field = entity.fields.find((f) => f.column === name);
    const kind = field && formKind(field.field.type);
    return kind ? [entry(pyString(field.wire), kind)] : [];
  });
  const reader = kinds.length > 0 ? `form_body(${schema}, ${pyFlat(collection('{', kinds))})` : `form_body(${schema})`;
  return { line: `payload: Annotated[${schema}, Depends(${reader})]`, hasDefault: false };
}

/** The Python type a form field's text is read as, for the JSON types the schemas check strictly. */
function formKind(type: TypeRef): string | undefined {
  if (type.kind === 'integer') return 'int';
  if (type.kind === 'number' && type.format !== 'decimal') return 'float';
  return type.kind === 'boolean' ? 'bool' : undefined;
}

/** The module of `form_body`, written when some route reads a form. */
export const FORMS_MODULE = 'app.presentation.api.v1.forms';

function customHandler(op: Operation, imports: PythonImports, useCaseClass: string, adapters: string[], route: RouteDecorator): HandlerView {
  imports.add('app.presentation.api.v1.dependencies', `${useCaseClass}Dep`);
  const declarations: { line: string; hasDefault: boolean }[] = [{ line: `operations: ${useCaseClass}Dep`, hasDefault: false }];
  const args: string[] = [];
  for (const parameter of op.params) {
    const declaration = declareParameter(op, parameter, imports, hoistedLiteral(op, parameter, imports, adapters));
    declarations.push(declaration);
    args.push(`${declaration.attr}=${declaration.attr}`);
  }
  if (op.body) {
    if (op.body.type && isJsonMedia(op.body.contentType)) {
      imports.add('fastapi', 'Body').add('typing', 'Annotated');
      const type = wireType(op.body.type, imports, COMPONENTS_MODULE, true);
      if (op.body.required) declarations.push({ line: `payload: Annotated[${type}, Body()]`, hasDefault: false });
      else declarations.push({ line: `payload: Annotated[${type} | None, Body()] = None`, hasDefault: true });
      imports.add('app.presentation.api.v1.schemas.common', 'to_plain');
      args.push('body=to_plain(payload)');
    } else {
      imports.add('fastapi', 'Request');
      declarations.push({ line: 'request: Request', hasDefault: false });
      args.push('body=await request.body()');
    }
  }
  const body: string[] = [];
  const invocation = pyCall(`await operations.${handlerName(op)}`, args, 4, 'result = ');
  let returns = 'Response';
  let responseModel: string | undefined;
  const extra: string[] = [];
  if (op.response.type) {
    const type = wireType(op.response.type, imports, COMPONENTS_MODULE);
    const adapter = pyName(`${op.name.toUpperCase()}_RESPONSE`, 'member');
    imports.add('pydantic', 'TypeAdapter');
    adapters.push(pyTypeAdapter(adapter, type));
    body.push(invocation, pyFormat(call(`${adapter}.validate_python`, ['result']), 4, 'return '));
    returns = type;
    responseModel = type;
  } else {
    imports.add('fastapi', 'Response');
    body.push(pyCall(`await operations.${handlerName(op)}`, args, 4), `return Response(status_code=${op.response.status})`);
    extra.push('response_class=Response');
  }
  return {
    decorator: route(op, responseModel, extra),
    name: handlerName(op),
    doc: pyDocLine(op.summary ?? op.description, `${op.method.toUpperCase()} ${op.path}`),
    params: orderParams(declarations),
    returns,
    body,
  };
}

/**
 * How the handler reads a key the path declares as any text (any value: a union; listed values) while the key
 * column holds a UUID, a date, an enum member or an integer (`key_as(UUID, ...)`):
 * every text the document allows reaches the route, and one that is no such value names no row
 * (404, not 422). Undefined when the path's type is the column's own.
 */
function keyReadFromText(column: TypeRef, path: TypeRef, columnType: string): string | undefined {
  // A key the path allows any value of (`oneOf: [integer, string]`, GitHub's workflow id or file name).
  if (path.kind === 'json' || path.kind === 'union') return column.kind === 'integer' ? 'int' : keyReadFromText(column, { kind: 'string' }, columnType);
  // Values the document lists (`{type}` in `marketing`, `news`) naming rows by another key: each
  // reaches the route as text and names the row whose key it spells, or none.
  if ((path.kind === 'enum' || path.kind === 'literal') && column.kind !== 'enum') return keyReadFromText(column, { kind: 'string' }, columnType);
  if (path.kind !== 'string' || path.format !== undefined) return undefined;
  if (column.kind === 'enum') return columnType;
  if (column.kind === 'integer') return 'int';
  if (column.kind !== 'string') return undefined;
  if (column.format === 'uuid') return columnType;
  if (column.format === 'date') return `${columnType}.fromisoformat`;
  return undefined;
}

/**
 * The page or page-size parameter of a list: with the document's own bounds and default when it
 * declares it (none invented: a size past the app's cap is served capped, not refused); the app's
 * own, from 1, when the document pages without naming one.
 */
function pagingParameter(parameter: Parameter | undefined, attr: string, fallback: string): { line: string; hasDefault: boolean } {
  const args: string[] = [];
  if (parameter && attr !== parameter.wireName) args.push(`alias=${pyString(parameter.wireName)}`);
  args.push(...(parameter ? numberBoundArgs({ kind: 'integer' }, parameter.constraints) : ['ge=1']));
  const documented = parameter && Number.isInteger(parameter.default) ? String(parameter.default) : undefined;
  return { line: `${attr}: Annotated[int, Query(${args.join(', ')})] = ${documented ?? fallback}`, hasDefault: true };
}

/**
 * The sort a client sends, in any of the forms sort_by_fields reads (`-createdAt`,
 * `createdAt:desc,name`, repeated), by the document's wire names or the values it lists
 * (`created`), as the repository's field names: through a module constant naming those that
 * differ (None for a listed value the entity stores no field for: served in the key's order),
 * and turned by the list's direction parameter (`direction=desc`) when it has one. A term naming no
 * field the repository sorts by is left out (a document that lets the client write any text makes
 * no text a bad request): the repository's `sortable_fields` says which, in one place.
 */
function sortArgument(entity: EntityView, op: Operation, sort: Parameter, imports: PythonImports, moduleStatements: string[]): string {
  const attr = paramAttr(op, sort);
  const direction = op.params.find((p) => p.role === 'direction');
  const renamed = new Map(entity.fields.filter((f) => f.onWire && !f.relation && f.wire !== f.attr && entity.sortable.includes(f.attr)).map((f) => [f.wire, pyString(f.attr)]));
  for (const { value, field } of sort.sortValues ?? []) {
    const target = field === undefined ? undefined : fieldAttribute(entity.entity, field);
    if (target === undefined || !entity.sortable.includes(target)) renamed.set(value, 'None');
    else if (target !== value) renamed.set(value, pyString(target));
    else renamed.delete(value);
  }
  imports.add('app.presentation.api.v1.schemas.common', 'sort_by_fields');
  const args = [attr];
  if (renamed.size > 0) {
    const constant = `${entity.slug.toUpperCase()}_SORT_FIELDS`;
    const entries = [...renamed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([wire, target]) => entry(pyString(wire), target));
    const statement = pyFormat(collection('{', entries), 0, `${constant}: dict[str, str | None] = `);
    if (!moduleStatements.includes(statement)) moduleStatements.push(statement);
    args.push(constant);
  }
  if (direction) args.push(`direction=${paramAttr(op, direction)}`);
  args.push('sortable=repository.sortable_fields');
  return `sort_by_fields(${args.join(', ')})`;
}

const FILTER_VALUES_MODULE = 'app.presentation.api.v1.filter_values';

/** A date's bounds over a date-time field for each comparison: the key's comparison, and the days after the date its bound starts. */
const DAY_BOUNDS: Record<string, readonly (readonly [string, number])[]> = {
  eq: [['gte', 0], ['lt', 1]],
  gte: [['gte', 0]],
  gt: [['gte', 1]],
  lte: [['lt', 1]],
  lt: [['lt', 0]],
};

/**
 * The filters a list parameter sets, as `"key": value` entries: its value under its key, or the
 * value its field holds where the two are typed apart (see FilterConversion): a text read as a
 * number, a date-time's day, a date as the bounds of its day.
 */
function filterEntriesOf(op: Operation, entity: EntityView, parameter: Parameter, imports: PythonImports): PyExpr[] {
  const attr = paramAttr(op, parameter);
  const key = pyString(filterKey(entity, parameter));
  const helper = (name: string) => {
    imports.add(FILTER_VALUES_MODULE, name);
    return name;
  };
  switch (parameter.conversion) {
    case undefined:
      return [entry(key, attr)];
    case 'parse': {
      const field = entity.fields.find((f) => f.column === parameter.field)!;
      return [entry(key, call(helper('parsed'), [attr, wireType(field.field.type, imports, COMPONENTS_MODULE)]))];
    }
    case 'date':
      return [entry(key, call(helper('day_of'), [attr]))];
    case 'text':
      return [entry(key, call(helper('as_text'), [attr]))];
    case 'day': {
      const field = fieldAttribute(entity.entity, parameter.field!);
      return DAY_BOUNDS[parameter.comparison ?? 'eq']!.map(([comparison, days]) =>
        entry(pyString(`${field}__${comparison}`), call(helper('day_start'), days ? [attr, String(days)] : [attr])),
      );
    }
  }
}

/** The key the repository reads a filter by: `price__gte`, `label__in`, `status` (see filter_target). */
export function filterKey(entity: EntityView, parameter: Parameter): string {
  const field = fieldAttribute(entity.entity, parameter.field!);
  return parameter.comparison && parameter.comparison !== 'eq' ? `${field}__${parameter.comparison}` : field;
}

/**
 * A parameter's long choice of strings as a module-level alias (`ActionsListWorkflowRunsStatusParam =
 * Literal[...]`), so the handler's signature stays readable; undefined for other parameters.
 */
function hoistedLiteral(op: Operation, parameter: Parameter, imports: PythonImports, moduleStatements: string[]): string | undefined {
  const type = parameter.type;
  // A parameter read as the text sent (a list in the path) has no choice to name.
  if (readAsText(parameter)) return undefined;
  const literal = type.kind === 'literal' ? type : type.kind === 'array' && type.items.kind === 'literal' ? type.items : undefined;
  if (!literal) return undefined;
  const text = `Literal[${literal.values.map(pyString).join(', ')}]`;
  if (text.length <= LONG_LITERAL) return undefined;
  const alias = pyName(`${toPascalWords(op.name)}${toPascalWords(paramAttr(op, parameter))}Param`, 'class');
  imports.add('typing', 'Literal');
  moduleStatements.push(pyFormat(pyParse(text), 0, `${alias} = `));
  return type.kind === 'array' ? `list[${alias}]` : alias;
}
