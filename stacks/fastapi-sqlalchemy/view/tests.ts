import { alwaysHasValue, deletionFlag, type Constraints, type DomainModel, type Entity, type Operation, type Parameter, type Relation, type StateChange, type TypeRef } from '../../../core/index.js';
import { call, collection, definition, entry, holdsEmptyContainer, keyword, pyFormat, pyValue, type PyExpr } from '../python/layout.js';
import { pyIdentifier, pyLiteral, pyString } from '../python/names.js';
import { deletionMarkAttr, type EntityView } from './entities.js';
import { filterKey } from './routers.js';
import { bodyArgument, parameterSample, readsForm, readsOptionalBody, requestArguments, requestKeywords, requestStatement, scopedPath } from './request-arguments.js';
import { parameterDefault } from './params.js';
import { ruledOutValues } from './ruled-out.js';
import { withRegexEngine } from './wire.js';
import { comparable, Samples } from './samples.js';
import { checkedPattern } from './pattern-samples.js';
import { ecmaRegex } from '../../../core/index.js';
import { documentPath, type PathTypes, type UnmatchedRequests } from './route-paths.js';
import { pathMark, pythonPath, type ExistingPath, type Seeding } from './seeding.js';

export interface EntityTestView {
  name: string;
  sqlRepository: string;
  sqlRepositoryCall: string;
  slug: string;
  /**
   * Statements laid out as ruff's formatter writes them: `X_PAYLOAD = {...}`,
   * `response = await client.post(...)`; each request carries the query and headers its operation requires.
   */
  /** `keys`: where a replace creates (Operation.upsert), the module's cycle of keys it creates rows at. */
  create?: { status: number; payload: string; request: string; invalidRequest?: string; noBody?: { request: string; status: number }; asText?: string; keys?: string };
  /** A create with one field set to what the document rules out (ruled-out.ts), parametrized. */
  ruledOut?: { def: string; parametrize: string; request: string };
  get?: { status: number; request: string };
  list?: ListTestView;
  /** `list` and the entity's other lists (searches under its collection), each with its test's `async def` line. */
  lists?: (ListTestView & { def: string })[];
  /** The list asked for each sort value the document lists (`sort` the test's parameter). */
  listSorts?: { parametrize: string; request: string };
  /** A list paged by an offset, asked past the first two of the three rows it has. */
  listOffset?: ListTestView;
  /** The list asked with each optional filter set to what the created rows hold (`name`, `value` the test's parameters). */
  listFilters?: { parametrize: string; request: string };
  /** `missing`: the same replace naming in its body a key no row has (a key sent in the body). */
  update?: { status: number; payload: string; request: string; compare: string[]; kept: { wire: string; value: string }[]; missing?: string };
  patch?: { status: number; payload: string; request: string; compare: string[] };
  /** Actions setting a state (`POST /bookings/{id}/cancel`), each at the row the test creates: `value` the state the answer shows, where it answers the row. */
  actions?: { def: string; status: number; request: string; checks: string[] }[];
  /** `request` deletes at `url` (answering the row removed when `answersRow`); `check` reads it back, when the entity is served by key. */
  delete?: { status: number; request: string; answersRow: boolean; answersTrue: boolean; check?: string };
  /** Creates of several rows at once (`POST /user/createWithList`), each sent two. */
  batches?: { def: string; rows: string; request: string; status: number; answersRows: boolean; readBack?: string }[];
  /** A nested collection's row read under other path values than it was created under (a 404). */
  elsewhere?: { itemPath: string; request: string };
  /** The request for a key no test creates, by the operation that reads (or else deletes) one. */
  missing?: string;
  /** Where the document declares the 404's body: the lines checking the answer has its media type and shape. */
  missingAnswer?: string[];
  itemPath?: string;
  /** The test module's function that writes an item's path (`pet_url(key)`). */
  urlHelper: string;
  keyWire: string;
  compare: string[];
  /** The `async def` lines of the test module, laid out, by test. */
  defs: Record<'createHelper' | 'create' | 'create422' | 'createNoBody' | 'createAsText' | 'get' | 'elsewhere' | 'list' | 'listSorts' | 'listOffset' | 'listFilters' | 'update' | 'updateMissing' | 'patch' | 'delete' | 'missing', string>;
  integration?: { payload: string; createSchema: string; keyArgument?: string; compare: string[]; assignments: string[]; seedsRows: boolean; storesRows: boolean; seeds: string[]; updatedAt?: string; softDeleteModel?: string; softDeleteMark?: string; bindings: string[]; request: string; check?: string; checkUrl?: string; filters?: string };
}

/** `total`: the rows the list's filters match of the three the test creates; `shown`: those on its page of 2. */
export interface ListTestView {
  request: string;
  wrapperItems?: string;
  wrapperTotal?: string;
  /** The wrapper's link to the next page, and whether rows follow this page (it is there) or not. */
  wrapperNext?: { wire: string; present: boolean };
  total: number;
  shown: number;
}

export interface CustomTestView {
  name: string;
  method: string;
  path: string;
  params: string;
  headers: string;
  json?: string;
  content?: string;
  def: string;
}

/** `async def name(client: AsyncClient) -> None:`, split as ruff splits it when too long. */
/**
 * The sorts a list's test sends: every value a sort of listed values lists; for free text, the
 * first sortable fields by their wire names, each way and two at once, written as the document
 * writes its sorts (`-name`, `name:desc`, `name desc`), and a term naming no field (served in
 * the key's order, not refused), and only those its pattern allows.
 */
function offeredSorts(sort: Parameter, view: EntityView): string[] {
  const type = sort.type.kind === 'array' ? sort.type.items : sort.type;
  if (type.kind === 'literal') return sort.sortValues ? type.values : [];
  if (type.kind !== 'string') return [];
  const wires = view.fields.filter((f) => f.onWire && !f.relation && view.sortable.includes(f.attr)).map((f) => f.wire).slice(0, SORTS_TRIED);
  const style = sortStyle(sort);
  const term = (wire: string, descending: boolean) => (style === 'sign' ? `${descending ? '-' : ''}${wire}` : `${wire}${style}${descending ? 'desc' : 'asc'}`);
  const terms = [...wires.flatMap((wire) => [term(wire, false), term(wire, true)]), ...(wires.length > 1 ? [`${term(wires[1]!, true)},${term(wires[0]!, false)}`] : [])];
  const named = new Set(view.fields.map((f) => f.wire));
  const nothing = [NO_FIELD_TERM, `${NO_FIELD_TERM}2`].find((candidate) => !named.has(candidate))!;
  return [...terms, term(nothing, false)].filter((t) => allowedBy(sort, t));
}

/** A sort term no field of a list's rows is called by, in a free-text sort's test. */
const NO_FIELD_TERM = 'noSuchField';

const SORTS_TRIED = 3;

/** How a document writes a sort's direction, read from its default, example or description. */
function sortStyle(sort: Parameter): ':' | ' ' | '.' | 'sign' {
  const written = `${typeof sort.default === 'string' ? sort.default : ''} ${sort.description ?? ''}`;
  const match = /\w([:. ])(?:asc|desc)\b/i.exec(written);
  return match ? (match[1] as ':' | ' ' | '.') : 'sign';
}

/** Whether the app takes a value for a text parameter: within its length bounds, and its pattern, if the app checks one. */
function allowedBy(parameter: Parameter, value: string): boolean {
  const { minLength = 0, maxLength = Infinity } = parameter.constraints ?? {};
  if (value.length < minLength || value.length > maxLength) return false;
  const checked = parameter.constraints && checkedPattern({ kind: 'string' }, parameter.constraints);
  return !checked || ecmaRegex(parameter.constraints!.pattern!)?.test(value) === true;
}

function testDef(name: string, returns = 'None', parameters: string[] = []): string {
  return pyFormat(definition(`async def ${name}`, ['client: AsyncClient', ...parameters]), 0, '', ` -> ${returns}:`);
}

const byKind = (ops: Operation[], kind: string) => ops.find((op) => op.kind === kind);

/**
 * What a 404 of the operation must show where the document declares its body: the media type, and
 * the top-level properties of the declared shape (or the message, for a text body).
 */
function missingAnswerChecks(op: Operation, model: DomainModel): string[] | undefined {
  const answer = op.errors === undefined ? undefined : model.errorResponses?.[op.errors]?.find((a) => a.status === 404);
  if (!answer) return undefined;
  const checks = [`assert response.headers["content-type"].startswith(${pyString(answer.contentType)})`];
  if (answer.body.kind === 'object' && answer.body.properties.length > 0) {
    checks.push(pyFormat(collection('{', answer.body.properties.map((p) => pyString(p.name))), 4, 'assert ', ' <= response.json().keys()'));
  } else if (answer.body.kind === 'slot') checks.push('assert response.text');
  return checks;
}

export function entityTests(view: EntityView, operations: Operation[], model: DomainModel, samples: Samples, createSchema: string | undefined, seeding: Seeding): EntityTestView {
  // The create of one row; a batch create (a list of rows) is tested on its own.
  // Where no POST creates, a replace creating the row its path names does (Operation.upsert), at keys of its own.
  const upsert = operations.find((op) => op.kind === 'update' && op.upsert !== undefined && op.keyParam !== undefined);
  const upsertKeys = upsert ? freshKeys(upsert.params.find((p) => p.role === 'key')!, samples) : [];
  const create = operations.find((op) => op.kind === 'create' && !op.batch) ?? (upsertKeys.length >= ROWS_A_TEST_CREATES ? upsert : undefined);
  const createMethod = create?.kind === 'update' ? 'put' : 'post';
  const get = byKind(operations, 'get');
  const del = byKind(operations, 'delete');
  const key = view.fields.find((f) => f.column === (get ?? del ?? byKind(operations, 'update') ?? byKind(operations, 'patch'))?.keyField) ?? view.key;
  // The row's own path (its read, else a replace, change or delete), not an action's under it (`/loans/{id}/return`).
  const itemOp = get ?? operations.find((op) => op.keyParam && op.kind !== 'action') ?? operations.find((op) => op.keyParam);
  const inputFields = (op: Operation | undefined) => view.fields.filter((f) => op?.input?.fields.includes(f.column)).map((f) => f.field);
  const payloadOf = (op: Operation | undefined, variant: number) => samples.fields(inputFields(op), variant);
  // A property a nested collection's path also names holds the path's value, whatever a body says.
  const fromPath = (f: { name: string }) => view.entity.pathScope?.includes(f.name) ?? false;
  const compareOf = (op: Operation | undefined) => inputFields(op).filter((f) => comparable(f) && !fromPath(f)).map((f) => f.wireName);
  const keyInPayload = create?.input?.fields.includes(key.column) ?? false;
  // A row a PUT creates takes its key from the path, whatever the body says (agco's ECU serial number).
  const createdCompare = compareOf(create).filter((wire) => !(create?.upsert && wire === key.wire));
  const createPayload = payloadOf(create, 1);
  /** `response = await <client>.<method>(<args>, params=..., headers=...)` for `op`. */
  // `headers`: sent before those the operation asks (credentials), in one keyword.
  const request = (op: Operation, args: PyExpr[], options: { client?: string; method?: string; sentByTest?: (p: Parameter) => boolean; indent?: number; headers?: Record<string, string> } = {}) => {
    const asked = requestArguments(op, samples, options.sentByTest);
    const sent = { ...asked, headers: { ...options.headers, ...asked.headers } };
    return requestStatement(options.indent ?? 4, 'response = ', `await ${options.client ?? 'client'}.${options.method ?? op.method}`, [...args, ...requestKeywords(sent)]);
  };
  // pytest collects any function whose name starts with `test`: an entity named TestRun gets `url_of_test_run`.
  const urlHelper = /^test/i.test(view.slug) ? `url_of_${view.slug}` : `${view.slug}_url`;
  const createdUrl = `${urlHelper}(created[${pyString(key.wire)}])`;
  // A nested collection's rows are created, listed and found under one set of path values.
  const scope = scopeValues(view, operations, samples, createPayload);
  const pathOf = (op: Operation) => scopedPath(op, valueIn(scope), samples);
  const result: EntityTestView = {
    name: view.name,
    slug: view.slug,
    sqlRepository: view.sqlRepository,
    sqlRepositoryCall: view.sqlRepositoryCall,
    keyWire: key.wire,
    urlHelper,
    compare: createdCompare,
    defs: {
      createHelper: testDef(`create_${view.slug}`, 'dict[str, object]'),
      create: testDef(`test_create_${view.slug}_returns_what_was_sent`),
      create422: testDef(`test_create_${view.slug}_without_required_fields_is_422`),
      createNoBody: testDef(`test_create_${view.slug}_without_a_body_reads_an_empty_one`),
      createAsText: testDef(`test_create_${view.slug}_from_its_json_sent_as_text`),
      get: testDef(`test_get_${view.slug}_after_create`),
      elsewhere: testDef(`test_get_${view.slug}_under_another_path_is_404`),
      list: testDef(`test_list_${view.slug}_pages_with_a_total`),
      listSorts: testDef(`test_list_${view.slug}_sorts_by_every_value_it_offers`, 'None', ['sort: str']),
      listOffset: testDef(`test_list_${view.slug}_skips_the_rows_before_its_offset`),
      listFilters: testDef(`test_list_${view.slug}_filters_by_what_its_rows_hold`, 'None', ['name: str', 'value: str | list[str]']),
      update: testDef(`test_update_${view.slug}_replaces_fields`),
      updateMissing: testDef(`test_update_${view.slug}_with_an_unknown_key_is_404`),
      patch: testDef(`test_patch_${view.slug}_changes_only_given_fields`),
      delete: testDef(`test_delete_${view.slug}_removes_it`),
      missing: testDef(`test_missing_${view.slug}_is_404`),
    },
  };
  if (itemOp) {
    result.itemPath = pathOf(itemOp).replace(`{${itemOp.keyParam}}`, '{key}');
    const reader = get ?? del;
    // A key the path allows any value of (a union) is missed by a value of its column's type.
    const keyParameter = itemOp.params.find((p) => p.role === 'key' && p.type.kind !== 'json' && p.type.kind !== 'union');
    if (reader) {
      result.missing = request(reader, [`${urlHelper}(${pyLiteral(missingKey(keyParameter ?? key.field, samples))})`], { method: get ? 'get' : 'delete' });
      const declared = missingAnswerChecks(reader, model);
      if (declared) result.missingAnswer = declared;
    }
  }
  if (create) {
    const required = create.input?.required.length ?? 0;
    const constant = `${view.slug.toUpperCase()}_PAYLOAD`;
    const keysConstant = `${view.slug.toUpperCase()}_KEYS`;
    // A replace creating rows puts each at the next of its keys; the database test at the first.
    const path = create.kind === 'update' ? `${urlHelper}(next(${keysConstant}))` : pyString(pathOf(create));
    const firstPath = create.kind === 'update' ? pyString(pathOf(create).replace(`{${create.keyParam}}`, encodeURIComponent(String(upsertKeys[0])))) : path;
    result.create = {
      status: create.upsert?.createdStatus ?? create.response.status,
      // Annotated: a payload holding only empty objects (`{"properties": {}}`) is no type mypy can infer.
      payload: pyFormat(pyValue(createPayload), 0, `${constant}: dict[str, Any] = `),
      request: request(create, [path, bodyArgument(create, constant)], { method: createMethod }),
      ...(required > 0 ? { invalidRequest: request(create, [path, bodyArgument(create, '{}')], { method: createMethod }) } : {}),
      // A body the document leaves optional: none is an empty object, created or refused as `{}` is.
      // The document also takes the body's JSON as text (`text/plain`): the same payload, sent so.
      ...(create.body?.jsonAsText
        ? { asText: request(create, [path, `content=${pyString(JSON.stringify(createPayload))}`], { method: createMethod, headers: { 'Content-Type': create.body.jsonAsText[0]! } }) }
        : {}),
      ...(readsOptionalBody(create) ? { noBody: { request: request(create, [path], { method: createMethod }), status: required > 0 ? 422 : (create.upsert?.createdStatus ?? create.response.status) } } : {}),
      ...(create.kind === 'update' ? { keys: pyFormat(call('cycle', [pyValue(upsertKeys)]), 0, `${keysConstant} = `) } : {}),
    };
    const createFields = inputFields(create);
    const ruledOut = ruledOutValues(createFields, createPayload, withRegexEngine('', createFields).regexEngine);
    if (ruledOut.length > 0) {
      result.ruledOut = {
        def: testDef(`test_create_${view.slug}_refuses_what_the_document_rules_out`, 'None', ['name: str', 'value: object']),
        parametrize: pyFormat(call('@pytest.mark.parametrize', [collection('(', [pyString('name'), pyString('value')]), collection('[', ruledOut.map(([name, value]) => collection('(', [pyString(name), pyValue(value)])))]), 0),
        request: request(create, [path, bodyArgument(create, `{**${constant}, name: value}`)], { method: createMethod }),
      };
    }
    const assignments = create.input ? seeding.assignments(view.entity, create.input.fields, rowRequired(create, view.entity)) : undefined;
    if (createSchema && assignments) {
      const created = create.kind === 'update' ? { path: firstPath, seeds: [], bindings: [], values: new Map<string, string>() } : seededPath(create, view, scope, samples, seeding);
      const payloadSeeds = assignments.flatMap((line) => /await (create_\w+)\(/.exec(line)?.[1] ?? []);
      const seeds = [...new Set([...payloadSeeds, ...created.seeds])].sort();
      const updatedAt = view.fields.find((f) => f.timestamp === 'updated')?.attr;
      // A row a replace creates takes its key from the path (a key clients give, which no body holds): the row built apart gets the first.
      const keyFromPath = create.kind === 'update' && !view.entity.primaryKey.generated && !create.input!.fields.includes(key.column);
      result.integration = {
        payload: pyFormat(pyValue(createPayload), 0, 'PAYLOAD: dict[str, Any] = '),
        createSchema,
        ...(keyFromPath ? { keyArgument: `${key.attr}=${pyLiteral(upsertKeys[0])}` } : {}),
        compare: createdCompare,
        assignments,
        seedsRows: payloadSeeds.length > 0,
        storesRows: created.storesRows === true,
        seeds,
        ...(updatedAt ? { updatedAt } : {}),
        ...(view.entity.softDelete ? { softDeleteModel: view.model, softDeleteMark: deletionMarkAttr(view), softDeleteMarked: deletedMarkCheck(view.entity) } : {}),
        ...storedRowFilters(byKind(operations, 'list'), view, createPayload, create.input?.required ?? []),
        bindings: created.bindings,
        request: request(create, [created.path, bodyArgument(create, 'data')], { client: 'db_client', method: createMethod }),
        ...(itemOp && created.values.size > 0 ? { checkUrl: createdItemUrl(itemOp, created, scope, samples) } : {}),
        ...(get && result.itemPath ? { check: request(get, ['url'], { client: 'db_client', method: 'get' }) } : {}),
      };
    }
  }
  result.batches = operations.filter((op) => op.kind === 'create' && op.batch).map((batch) => {
    const rows = [payloadOf(batch, 1), payloadOf(batch, 2)];
    // The rows are read back by a key the client sent (the Petstore's username).
    const readable = get !== undefined && itemOp !== undefined && rows.every((row) => typeof row[key.wire] === 'string' || typeof row[key.wire] === 'number');
    return {
      def: testDef(`test_${pyIdentifier(batch.name)}_creates_every_row`),
      rows: pyFormat(pyValue(rows), 4, holdsEmptyContainer(rows) ? 'rows: list[dict[str, Any]] = ' : 'rows = '),
      request: request(batch, [pyString(pathOf(batch)), 'json=rows'], { method: 'post' }),
      status: batch.response.status,
      answersRows: batch.response.type !== undefined,
      ...(readable ? { readBack: request(get, [`${urlHelper}(row[${pyString(key.wire)}])`], { method: 'get', indent: 8 }) } : {}),
    };
  });
  if (get) result.get = { status: get.response.status, request: request(get, [createdUrl], { method: 'get' }) };
  if (get && create && itemOp && scope.size > 0) {
    const elsewhere = scopedPath(itemOp, valueIn(scopeValues(view, operations, samples, createPayload, 2)), samples);
    if (elsewhere !== pathOf(itemOp)) {
      result.elsewhere = { itemPath: elsewhere.replace(`{${itemOp.keyParam}}`, '{key}'), request: request(get, [`${urlHelper}_elsewhere(created[${pyString(key.wire)}])`], { method: 'get' }) };
    }
  }
  const list = byKind(operations, 'list');
  if (list) {
    const { pageParam, firstPage, limitParam, size } = pagingNames(list);
    result.list = listRequest(list, create, samples, model, pathOf(list), view, createPayload);
    // Other lists of the entity (searches under its collection: `/pet/findByStatus`) page its rows too.
    const searches = operations.filter((op) => op.kind === 'list' && op !== list);
    result.lists = [
      { ...result.list, def: result.defs.list },
      ...searches.map((search) => ({ ...listRequest(search, create, samples, model, pathOf(search), view, createPayload), def: testDef(`test_${pyIdentifier(search.name)}_pages_the_rows_it_matches`) })),
    ];
    if (list.params.some((p) => p.role === 'offset') && result.list.total === 3) {
      result.listOffset = listRequest(list, create, samples, model, pathOf(list), view, createPayload, OFFSET_TRIED);
    }
    const filterCases = defaultFiltersMatchCreated(list, view, createPayload) ? filtersMatchingCreated(list, view, createPayload).map(({ parameter, value }) => [parameter.wireName, value] as const) : [];
    if (filterCases.length > 0) {
      const base = requestArguments(list, samples, (p) => PAGING_ROLES.has(p.role));
      const query = collection('{', [...Object.entries({ ...base.params, [pageParam]: firstPage, [limitParam]: size }).map(([name, value]) => entry(pyString(name), pyValue(value))), entry('name', 'value')]);
      result.listFilters = {
        parametrize: pyFormat(call('@pytest.mark.parametrize', [collection('(', [pyString('name'), pyString('value')]), collection('[', filterCases.map(([name, value]) => collection('(', [pyString(name), pyValue(value)])))]), 0),
        request: requestStatement(4, 'response = ', 'await client.get', [pyString(pathOf(list)), keyword('params', query), ...requestKeywords({ params: {}, headers: base.headers })]),
      };
    }
    const sort = list.params.find((p) => p.role === 'sort');
    const offered = sort ? offeredSorts(sort, view) : [];
    if (sort && offered.length > 0) {
      const sorted = requestArguments(list, samples, (p) => PAGING_ROLES.has(p.role) || p === sort);
      const query = collection('{', [...Object.entries({ ...sorted.params, [pageParam]: firstPage, [limitParam]: size }).map(([name, value]) => entry(pyString(name), pyValue(value))), entry(pyString(sort.wireName), 'sort')]);
      const keywords = [keyword('params', query), ...requestKeywords({ params: {}, headers: sorted.headers })];
      result.listSorts = {
        parametrize: pyFormat(call('@pytest.mark.parametrize', [pyString('sort'), pyValue(offered)]), 0),
        request: requestStatement(4, 'response = ', 'await client.get', [pyString(pathOf(list)), ...keywords]),
      };
    }
  }
  const update = byKind(operations, 'update');
  if (update) {
    const payload = payloadOf(update, 2);
    const keyInBody = !update.keyParam;
    // A body that may name the key leaves it out (another key would be another row), unless the document requires it.
    if ((keyInPayload || keyInBody) && key.wire in payload && !update.input?.required.includes(key.column)) delete payload[key.wire];
    const compare = compareOf(update).filter((w) => w !== key.wire);
    // A replace with its key in the body (`PUT /pet`) names the created row there, and an unknown key is a 404.
    const updatePath = pyString(pathOf(update));
    const target = keyInBody ? [updatePath, bodyArgument(update, `{**changed, ${pyString(key.wire)}: created[${pyString(key.wire)}]}`)] : [createdUrl, bodyArgument(update, 'changed')];
    result.update = {
      status: update.response.status,
      payload: changedPayload(payload),
      request: request(update, target),
      compare,
      // The path's value is stored, whatever the body said: where the replace's own path gives it (at `/projects/{id}` the body does).
      kept: inputFields(update)
        .filter((f) => fromPath(f) && scope.has(f.name) && update.params.some((p) => p.role === 'scope' && p.field === f.name))
        .map((f) => ({ wire: f.wireName, value: pyLiteral(scope.get(f.name)) })),
      ...(keyInBody ? { missing: request(update, [updatePath, bodyArgument(update, `{**changed, ${pyString(key.wire)}: ${pyLiteral(missingKey(key.field, samples))}}`)]) } : {}),
    };
  }
  const patch = byKind(operations, 'patch');
  if (patch) {
    const candidates = inputFields(patch).filter((f) => comparable(f) && !fromPath(f) && f.wireName !== key.wire);
    // A form sends every field it changes as text: each is sent, so each is read back as its type.
    const chosen = readsForm(patch) ? candidates : candidates.slice(0, 1);
    result.patch = {
      status: patch.response.status,
      payload: changedPayload(samples.fields(chosen, 3)),
      request: request(patch, [createdUrl, bodyArgument(patch, 'changed')]),
      compare: chosen.map((f) => f.wireName),
    };
  }
  const actions = operations.filter((op) => op.kind === 'action' && op.sets !== undefined && op.keyParam !== undefined);
  if (actions.length > 0) {
    result.actions = actions.map((op) => {
      const changed = op.sets!.changes.map((change) => ({ change, field: view.fields.find((f) => f.column === change.field)! }));
      const segment = op.path.slice(op.path.lastIndexOf('/'));
      const url = `${urlHelper}(created[${pyString(key.wire)}]) + ${pyString(segment)}`;
      // The answer shows the state set, and a moment set at all.
      const expected = (change: StateChange) => ('now' in change ? 'is not None' : typeof change.value === 'boolean' ? `is ${change.value ? 'True' : 'False'}` : `== ${pyString(change.value)}`);
      const checks = op.response.type ? changed.map(({ change, field }) => `[${pyString(field.wire)}] ${expected(change)}`) : [];
      return {
        def: testDef(`test_${op.name}_sets_${changed[0]!.field.attr}`),
        status: op.response.status,
        request: request(op, op.body?.required ? [url, 'json={}'] : [url]),
        checks,
      };
    });
  }
  if (del) {
    result.delete = {
      status: del.response.status,
      request: request(del, ['url'], { method: 'delete' }),
      answersRow: del.response.type?.kind === 'object' && del.response.type.name === view.entity.name,
      answersTrue: del.response.type?.kind === 'boolean',
      ...(get ? { check: request(get, ['url'], { method: 'get' }) } : {}),
    };
  }
  return result;
}

/**
 * The value each path-scope field of the entity takes in its tests (`account_id` of
 * `/accounts/{accountId}/invoices`): what the create body sends for a property the path also
 * names (the path's value is the one stored), else the parameter's sample. `variant` 2 gives other
 * values, under which the created rows are not found.
 */
function scopeValues(view: EntityView, operations: readonly Operation[], samples: Samples, createPayload: Record<string, unknown>, variant = 1): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const parameter of operations.flatMap((op) => op.params.filter((p) => p.role === 'scope'))) {
    if (values.has(parameter.field!)) continue;
    const field = view.fields.find((f) => f.column === parameter.field);
    const sent = variant === 1 && field?.onWire ? createPayload[field.wire] : undefined;
    values.set(parameter.field!, typeof sent === 'string' || typeof sent === 'number' ? sent : parameterSample(parameter, samples, variant));
  }
  return values;
}

/**
 * The create's path for the database test: a path value that keys another row names one that
 * exists (Seeding.existingPath), the payload's where the seeded payload carries it; else, where no
 * such row can be made, the sample.
 */
function seededPath(create: Operation, view: EntityView, scope: ReadonlyMap<string, unknown>, samples: Samples, seeding: Seeding): ExistingPath {
  const inData = new Set(rowRequired(create, view.entity).filter((field) => create.input!.fields.includes(field) && view.fields.some((f) => f.column === field && f.onWire)));
  return (
    seeding.existingPath(create, view.entity, valueIn(scope), { client: 'db_client', inData, visiting: [], bind: true, session: 'session' }) ?? {
      path: pyString(scopedPath(create, valueIn(scope), samples)),
      seeds: [],
      bindings: [],
      values: new Map(),
    }
  );
}

/** The item's URL the database test reads the created row back at: under the path values it was created under. */
function createdItemUrl(itemOp: Operation, created: ExistingPath, scope: ReadonlyMap<string, unknown>, samples: Samples): string {
  const marked = scopedPath(itemOp, (parameter) => (created.values.has(parameter.field!) ? pathMark(created.values.get(parameter.field!)!) : scope.get(parameter.field!)), samples);
  return pythonPath(marked.replace(`{${itemOp.keyParam}}`, encodeURIComponent(pathMark('key'))));
}

/**
 * The fields a row the create makes must hold: the body's required ones, and a value the path
 * gives that the body may leave out (`invoice_id` of `/invoices/{invoice_id}/lines`): a row built
 * from the payload alone, as the database test builds one, takes it from the payload.
 */
function rowRequired(create: Operation, entity: Entity): string[] {
  const input = create.input;
  if (!input) return [];
  const given = input.fields.filter((name) => !input.required.includes(name) && entity.pathScope?.includes(name) && entity.fields.some((f) => f.name === name && alwaysHasValue(f)));
  return [...input.required, ...given];
}

function valueIn(values: ReadonlyMap<string, unknown>): (parameter: Parameter) => unknown {
  return (parameter) => values.get(parameter.field!);
}

function wireOf(model: DomainModel, typeName: string, field: string): string {
  return model.objectTypes.find((t) => t.name === typeName)?.fields.find((f) => f.name === field)?.wireName ?? field;
}

/**
 * A key no test creates, yet one the key parameter accepts (its type, format and bounds), so the
 * route answers 404 and not 422: for integers the largest the path allows.
 */
function missingKey(key: { type: TypeRef; constraints: Constraints }, samples: Samples): unknown {
  const { type, constraints } = key;
  if (type.kind === 'integer') return constraints.maximum ?? Math.max(987654321, constraints.minimum ?? 0);
  if (type.kind === 'string' && type.format === 'uuid') return '00000000-0000-4000-8000-999999999999';
  return samples.value(type, constraints, 'missing', MISSING_VARIANT);
}

/**
 * A path parameter's sample that reaches its operation: not a literal segment another path gives
 * at its place (GitLab's `/services/asana` is matched before `/services/{service_slug}`) nor, for
 * a parameter taking one segment, a text holding a `/`, nor an empty text, trying the parameter's
 * other values (an enum's next member) when the first is one.
 */
function reachingSample(parameter: Parameter, samples: Samples, excluded: Set<string> | undefined): unknown {
  const first = parameterSample(parameter, samples);
  if (parameter.spansSegments) return severalSegments(parameter, first, samples);
  // A `/` reaches the app decoded (`requests%2Fcount` is two segments), which only a parameter
  // spanning segments takes; an empty value leaves the segment out (PeerTube's `state` enum opens with "").
  const reaches = (sample: unknown) => String(sample) !== '' && (parameter.spansSegments || !String(sample).includes('/')) && !excluded?.has(String(sample));
  if (reaches(first)) return first;
  for (let variant = 2; variant <= MAX_SAMPLE_TRIES; variant += 1) {
    const sample = parameterSample(parameter, samples, variant);
    if (reaches(sample)) return sample;
  }
  return first;
}

const MAX_SAMPLE_TRIES = 64;

/** A free text's sample made of two segments (`scope-1/scope-2`), so the test shows the route takes a `/`. */
function severalSegments(parameter: Parameter, sample: unknown, samples: Samples): unknown {
  const { type, constraints } = parameter;
  if (type.kind !== 'string' || type.format !== undefined || typeof sample !== 'string' || sample.includes('/')) return sample;
  const joined = `${sample}/${String(parameterSample(parameter, samples, 2))}`;
  return joined.length <= (constraints.maxLength ?? Infinity) ? joined : sample;
}

/** `changed = {...}`; typed where it holds an empty object or list, which mypy cannot infer. */
function changedPayload(payload: Record<string, unknown>): string {
  return pyFormat(pyValue(payload), 4, holdsEmptyContainer(payload) ? 'changed: dict[str, Any] = ' : 'changed = ');
}

/** The most rows one test creates (a list's three). */
const ROWS_A_TEST_CREATES = 3;

/**
 * Distinct values of an item path's key for the rows a replace creates, each one its route takes:
 * as many as a test creates rows, from variants before the missing key's; fewer when the key takes
 * fewer values (an enum of two), and then no test creates rows through it.
 */
function freshKeys(parameter: Parameter, samples: Samples): unknown[] {
  const seen = new Set<string>();
  const keys: unknown[] = [];
  for (let variant = 1; variant < MISSING_VARIANT && keys.length < ROWS_A_TEST_CREATES; variant += 1) {
    const sample = parameterSample(parameter, samples, variant);
    const text = String(sample);
    if (text === '' || text.includes('/') || seen.has(text)) continue;
    seen.add(text);
    keys.push(sample);
  }
  return keys;
}

/** The variant of the sample values that stands for a key no test creates (tests create variants 1 to 3). */
const MISSING_VARIANT = 9;

/** The path a test requests for `op`, each parameter filled with a sample its route takes. */
function reachingPath(op: Operation, samples: Samples, routeTypes: PathTypes): string {
  let path = documentPath(op.path).path;
  for (const parameter of op.params) {
    if (parameter.in !== 'path') continue;
    const sample = reachingSample(parameter, samples, routeTypes.excludedOf.get(op)?.get(parameter.wireName));
    path = path.replace(`{${parameter.wireName}}`, encodeURIComponent(String(sample)));
  }
  return path;
}

/** A request on a path whose every operation asks something of it, lacking it, then with a value none takes: 422 each. */
export interface UnmatchedTestView {
  def: string;
  request: string;
  /** The type of the first problem told: a name some operation asks for is missing, or (none asked: content type or body keys) no operation takes it. */
  firstProblem: string;
  wrong?: { def: string; request: string; loc: string };
}

export function unmatchedTests(groups: readonly UnmatchedRequests[], samples: Samples, routeTypes: PathTypes): UnmatchedTestView[] {
  const named = new Map<string, number>();
  return groups.map((group) => {
    const path = pyString(reachingPath(group.operation, samples, routeTypes));
    // `post_root`, `post_jobs`, `delete_tags` (a parameter's segment left out), numbered past the first of a name.
    const literal = group.path.split('/').filter((segment) => segment !== '' && !segment.includes('{')).join(' ');
    const base = pyIdentifier(`${group.method.toLowerCase()} ${literal || 'root'}`);
    const seen = (named.get(base) ?? 0) + 1;
    named.set(base, seen);
    const name = seen === 1 ? base : `${base}_${seen}`;
    const requestWith = (keywords: PyExpr[]) => requestStatement(4, 'response = ', 'await client.request', [pyString(group.method), path, ...keywords]);
    const namesAsked = group.headers.length + group.query.length + group.someHeaders.length + group.someQuery.length;
    const view: UnmatchedTestView = {
      def: testDef(`test_${name}_without_what_its_operations_ask_is_422`),
      request: requestWith([]),
      firstProblem: pyString(namesAsked > 0 ? 'missing' : 'value_error'),
    };
    const header = group.headers.find(([, values]) => values.length > 0);
    const query = group.query.find(([, values]) => values.length > 0);
    // Every other name the operations ask for, carried; the one checked with a value none takes.
    const headers = Object.fromEntries(group.headers.map(([n, values]) => [n, values[0] ?? 'x']));
    const params = Object.fromEntries(group.query.map(([n, values]) => [n, values[0] ?? 'x']));
    if (header) headers[header[0]] = 'none-of-these';
    else if (query) params[query[0]] = 'none-of-these';
    if (header || query) {
      view.wrong = {
        def: testDef(`test_${name}_with_a_value_no_operation_takes_is_422`),
        request: requestWith(requestKeywords({ params, headers })),
        loc: header ? `["header", ${pyString(header[0])}]` : `["query", ${pyString(query![0])}]`,
      };
    }
    return view;
  });
}

/** A test per operation left to implement: it answers 501 until written. */
export function customTests(operations: Operation[], samples: Samples, routeTypes: PathTypes): CustomTestView[] {
  return operations.filter((op) => op.kind === 'custom').map((op) => {
    const path = reachingPath(op, samples, routeTypes);
    const { params, headers } = requestArguments(op, samples);
    const argument = (name: string, value: unknown) => pyFormat(pyValue(value), 8, `${name}=`, ',');
    const view: CustomTestView = {
      name: op.name,
      method: op.method.toUpperCase(),
      path: pyString(path),
      params: argument('params', params),
      headers: argument('headers', headers),
      def: testDef(`test_${op.name}_is_not_implemented_yet`),
    };
    if (op.body?.type) view.json = argument('json', samples.value(op.body.type, {}, 'body', 1));
    else if (op.body) view.content = 'b"example"';
    return view;
  });
}

/**
 * What the mapper test leaves out of the comparison, as statements on `state` (the entity as a
 * dict): what the database assigns, so a row built from an entity cannot carry it back yet: the
 * timestamps it keeps, and the keys of nested rows (never taken from the value). Undefined when
 * there is nothing to leave out.
 */
export function keptByDatabase(view: EntityView, timestamps: readonly string[], relations: readonly Relation[]): string[] | undefined {
  const lines = timestamps.map((attr) => `state.pop(${pyString(attr)})`);
  for (const child of view.storage.children) {
    const key = child.entity.primaryKey;
    const keyWire = key.generated ? child.entity.fields.find((f) => f.name === key.field)?.wireName : undefined;
    // A nested row's objects listed through a join table come back from the rows they link, as the owner's do.
    const linked = relations
      .filter((r) => r.kind === 'many-to-many' && r.from === child.entity.name)
      .map((r) => child.entity.fields.find((f) => f.name === r.field))
      .filter((f) => f?.type.kind === 'array' && f.type.items.kind === 'object')
      .map((f) => f!.wireName);
    const dropped = [...(keyWire !== undefined ? [keyWire] : []), ...linked];
    const attr = pyString(pyIdentifier(child.attr));
    // Stored as rows, a list never set reads back empty, as an empty one does.
    if (dropped.length === 0) lines.push(`state[${attr}] = state[${attr}] or []`);
    else {
      const test = dropped.length === 1 ? `k != ${pyString(dropped[0]!)}` : `k not in (${dropped.map(pyString).join(', ')})`;
      lines.push(`state[${attr}] = [{k: v for k, v in value.items() if ${test}} for value in state[${attr}] or []]`);
    }
  }
  // Objects listed through a join table come back from the rows they link, which only the database
  // holds; keys listed through one come back as the rows there are: none when never set.
  for (const link of view.storage.links) {
    const field = pyString(link.field);
    lines.push(link.listsObjects ? `state.pop(${field})` : `state[${field}] = state[${field}] or []`);
  }
  return lines.length === 0 ? undefined : lines;
}

/**
 * An entity's state for the mapper test when no create route names its fields: sample values by
 * attribute, validated into the dataclass by pydantic (strings to datetimes, numbers to
 * Decimals). The key the database assigns and the timestamps it may leave unset are left out.
 */
/** A row its repository can store with no other row first: no key to another table, no child rows. */
export function storableAlone(view: EntityView): boolean {
  return view.entity.foreignKeys.length === 0 && view.storage.children.length === 0;
}

export function domainSample(view: EntityView, samples: Samples, layout = { indent: 0, prefix: 'VALUES: dict[str, Any] = ' }): { values: string; timestamps: string[] } {
  const values: Record<string, unknown> = {};
  const timestamps: string[] = [];
  for (const f of view.fields) {
    // A list of related rows the entity requires starts empty: its rows are tested on their own.
    if (f.relation && !f.optional && f.field.type.kind === 'array') values[f.attr] = [];
    if ((f.primaryKey && view.entity.primaryKey.generated) || (f.timestamp !== undefined && f.optional) || f.relation) continue;
    if (f.timestamp !== undefined) timestamps.push(f.attr);
    values[f.attr] = samples.value(f.field.type, f.field.constraints, f.field.name, 1);
  }
  return { values: pyFormat(pyValue(values), layout.indent, layout.prefix), timestamps };
}

/**
 * The first page and its size by the names the document gives them (`page_size`, `per_page`): page
 * 1, or an offset of 0 where the document pages by an offset (`?offset=0&limit=2`).
 */
function pagingNames(list: Operation): { pageParam: string; firstPage: number; limitParam: string; size: number; shownOf: (total: number) => number } {
  const offset = list.params.find((p) => p.role === 'offset');
  const limit = list.params.find((p) => p.role === 'limit');
  // Two rows a page, within the document's bounds of the size (YouTube's `maxResults` takes 200 and more).
  const least = Math.max(limit?.constraints.minimum ?? 1, limit?.constraints.exclusiveMinimum === undefined ? 1 : Math.floor(limit.constraints.exclusiveMinimum) + 1);
  const most = Math.min(limit?.constraints.maximum ?? Infinity, limit?.constraints.exclusiveMaximum === undefined ? Infinity : Math.ceil(limit.constraints.exclusiveMaximum) - 1);
  const size = Math.min(Math.max(TESTED_PAGE_SIZE, least), most);
  return {
    pageParam: offset?.wireName ?? list.params.find((p) => p.role === 'page')?.wireName ?? 'page',
    firstPage: offset ? 0 : 1,
    limitParam: limit?.wireName ?? 'limit',
    size,
    // The app serves at most MAX_PAGE_SIZE rows a page, whatever size is asked.
    shownOf: (total) => Math.min(total, size, MAX_PAGE_SIZE),
  };
}

const TESTED_PAGE_SIZE = 2;
/** The offset a list paged by one is asked at besides 0: past two of the three rows the test creates. */
const OFFSET_TRIED = 2;
/** The app's cap on a page's size (`MAX_PAGE_SIZE` in schemas/common.py). */
const MAX_PAGE_SIZE = 100;

const PAGING_ROLES: ReadonlySet<Parameter['role']> = new Set(['page', 'offset', 'limit']);

/** The second page of two of the three rows the test creates, as `list` asks for it. */
function listRequest(list: Operation, create: Operation | undefined, samples: Samples, model: DomainModel, path: string, view: EntityView, createPayload: Record<string, unknown>, offset = 0): ListTestView {
  const page = list.response.page;
  const { pageParam, firstPage, limitParam, size, shownOf } = pagingNames(list);
  const { params, headers } = requestArguments(list, samples, (p) => PAGING_ROLES.has(p.role));
  const converted = requiredConvertedFilters(list, view, createPayload, params);
  const args = [pyString(path), ...requestKeywords({ params: { ...params, ...converted.params, [pageParam]: firstPage + offset, [limitParam]: size }, headers })];
  // A required filter on a field the create body cannot set (a read-only `ownedBy`) matches none of the rows created.
  const settable = new Set(create?.input?.fields ?? []);
  const unsettable = list.params.some((p) => p.required && p.role === 'filter' && !(p.field !== undefined && settable.has(p.field)));
  const total = unsettable || !converted.match || !defaultFiltersMatchCreated(list, view, createPayload) ? 0 : 3;
  const shown = shownOf(Math.max(total - offset, 0));
  return {
    request: requestStatement(4, 'response = ', 'await client.get', args),
    total,
    shown,
    ...(page?.kind === 'wrapper'
      ? {
          wrapperItems: wireOf(model, page.typeName, page.itemsField),
          ...(page.totalField ? { wrapperTotal: wireOf(model, page.typeName, page.totalField) } : {}),
          ...(page.nextField ? { wrapperNext: { wire: wireOf(model, page.typeName, page.nextField), present: offset + shown < total } } : {}),
        }
      : {}),
  };
}

/**
 * A required filter typed unlike its field (see FilterConversion), as the list test sends it: a
 * text read as the field's type is the created rows' value; a value compared as text matches them
 * only when its sample's text is theirs. (A date-time's day and a date's span match the samples of
 * one day; an equality of same-typed samples holds by construction.)
 */
function requiredConvertedFilters(list: Operation, view: EntityView, createPayload: Record<string, unknown>, sent: Record<string, unknown>): { params: Record<string, string>; match: boolean } {
  const params: Record<string, string> = {};
  let match = true;
  for (const parameter of list.params) {
    if (!parameter.required || parameter.role !== 'filter' || parameter.in !== 'query') continue;
    if (parameter.conversion !== 'parse' && parameter.conversion !== 'text') continue;
    const field = view.fields.find((f) => f.column === parameter.field)?.field;
    const held = field === undefined ? undefined : createPayload[field.wireName];
    const comparesEqual = (parameter.comparison ?? 'eq') === 'eq';
    if (held === undefined || held === null || typeof held === 'object' || !comparesEqual) match = false;
    else if (parameter.conversion === 'parse') params[parameter.wireName] = String(held);
    else if (String(sent[parameter.wireName]) !== String(held)) match = false;
  }
  return { params, match };
}

/**
 * Whether the rows the test creates pass the filters a list applies when the request names none:
 * each optional filter with a default (motaword's `type=active`) compares it with what the rows
 * hold. Only an equality is compared; another comparison is taken to leave them out.
 */
function defaultFiltersMatchCreated(list: Operation, view: EntityView, createPayload: Record<string, unknown>): boolean {
  return list.params.every((parameter) => {
    if (parameter.role !== 'filter' || parameter.required || parameterDefault(parameter) === undefined) return true;
    const field = view.fields.find((f) => f.column === parameter.field)?.field;
    const held = field === undefined ? undefined : createPayload[field.wireName];
    const wanted = Array.isArray(parameter.default) ? parameter.default.map(String) : [String(parameter.default)];
    return ['eq', 'in'].includes(parameter.comparison ?? 'eq') && held !== undefined && held !== null && wanted.includes(String(held));
  });
}

/**
 * The value an optional filter takes to match every row the test creates, as query text (a list
 * for a choice of values); undefined where that value is not certain: a field the create body
 * does not set, a strict bound, a date or a fraction whose stored form may differ from the sent one.
 */
function filtersMatchingCreated(list: Operation, view: EntityView, createPayload: Record<string, unknown>): { parameter: Parameter; value: string | string[] }[] {
  return list.params.flatMap((parameter) => {
    if (parameter.role !== 'filter' || parameter.required || parameter.in !== 'query') return [];
    // The whole value is a text its field contains too.
    if (!['eq', 'in', 'gte', 'lte', 'contains'].includes(parameter.comparison ?? 'eq')) return [];
    // A value compared as text, a day or a day's span is not the value the row holds.
    if (parameter.conversion !== undefined && parameter.conversion !== 'parse') return [];
    const field = view.fields.find((f) => f.column === parameter.field)?.field;
    if (!field || !exactlyStored(field.type)) return [];
    const value = createPayload[field.wireName];
    if (value === undefined || value === null || typeof value === 'object') return [];
    // A parameter listing its values takes none other (calendar's minAccessRole over a free-text accessRole).
    const listed = parameter.type.kind === 'literal' ? parameter.type : parameter.type.kind === 'array' && parameter.type.items.kind === 'literal' ? parameter.type.items : undefined;
    if (listed && !listed.values.includes(String(value))) return [];
    return [{ parameter, value: parameter.type.kind === 'array' ? [String(value)] : String(value) }];
  });
}

function exactlyStored(type: TypeRef): boolean {
  if (type.kind === 'string') return type.format === undefined || ['uuid', 'email', 'uri'].includes(type.format);
  return ['integer', 'boolean', 'enum', 'literal'].includes(type.kind);
}

/** The repository's filter keys the integration test asks the stored row by, each with the attribute it compares (`@pytest.mark.parametrize`). */
function storedRowFilters(list: Operation | undefined, view: EntityView, createPayload: Record<string, unknown>, required: readonly string[]): { filters?: string } {
  // The row built apart leaves out an optional key to another table (no row it names exists there): no filter finds it by that key.
  const keptKeys = (field: string | undefined) => !view.entity.foreignKeys.some((key) => key.field === field) || required.includes(field!);
  const cases = list ? filtersMatchingCreated(list, view, createPayload).filter(({ parameter }) => keptKeys(parameter.field)) : [];
  if (cases.length === 0) return {};
  const pairs = [...new Map(cases.map(({ parameter }) => [filterKey(view, parameter), view.fields.find((f) => f.column === parameter.field)!.attr])).entries()];
  return { filters: pyFormat(call('@pytest.mark.parametrize', [collection('(', [pyString('key'), pyString('field')]), collection('[', pairs.map(([key, attr]) => collection('(', [pyString(key), pyString(attr)])))]), 0) };
}

/** How a test sees a row's mark set: a time not None, a flag true (`is True`, ruff's E712) or at its deleted value. */
function deletedMarkCheck(entity: Entity): string {
  const flag = deletionFlag(entity);
  if (flag === undefined) return 'is not None';
  return typeof flag.deleted === 'boolean' ? `is ${pyLiteral(flag.deleted)}` : `== ${pyLiteral(flag.deleted)}`;
}
