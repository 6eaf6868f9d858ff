import type { ApiDocument, ApiOperation, SchemaNode } from '../model/api-document.js';
import { collectionOfFlatItem } from '../model/flat-items.js';
import { SCHEMA_HINTS } from '../model/hints.js';
import { LIST_SEGMENT } from '../model/paging-names.js';
import { singular, toPascal, toSnake } from '../naming.js';
import { envelopeItemSchema } from './envelopes.js';
import type { SchemaTypes } from './schema-types.js';

/** A collection path (`/pets`) with its item path (`/pets/{petId}`) and the schema behind them. */
export interface Resource {
  collectionPath: string;
  itemPath?: string;
  keyParam?: string;
  /**
   * The parameters of a nested collection's path (`accountId` of `/accounts/{accountId}/invoices`):
   * its rows are created under, listed under and found under the values they name. Empty for a
   * collection at a fixed path.
   */
  scopeParams: string[];
  schemaName: string;
  operations: ApiOperation[];
}

/** `/pets/{petId}`, or with the collection's format suffix: `/campaigns/{id}.json` beside `/campaigns.json`. */
const ITEM_PATH = /^(.*)\/\{([^}/]+)\}(\.[A-Za-z][A-Za-z0-9]*)?$/;

/**
 * A collection under rows of others, each parameter after a literal segment (`/posts/{postId}/comments`),
 * so it names a row of that one, not of the whole API (`/{id}/sessions`).
 */
const UNDER_ROWS = /^(?:\/[^/{}]+\/\{[^/{}]+\})+\/[^/{}]+$/;

function isStaticPath(route: string): boolean {
  return !route.includes('{');
}

/**
 * A path that can list rows: a fixed one, or one that ends with a literal segment and whose
 * parameters before it each fill a whole segment (`/accounts/{accountId}/invoices`; not Google's `{name}:cancel` nor a path with
 * a fragment or a query the document wrote in it).
 */
function isCollectionPath(route: string): boolean {
  if (isStaticPath(route)) return true;
  if (/[#?]/.test(route)) return false;
  const segments = route.split('/').slice(1);
  const last = segments.at(-1) ?? '';
  if (last === '' || last.includes('{')) return false;
  return segments.every((segment) => !segment.includes('{') || /^\{[^{}]+\}$/.test(segment));
}

/** The parameters of a collection path, in order (`/a/{x}/b/{y}/c` → x, y). */
function pathParameters(route: string): string[] {
  return [...route.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!);
}

/** A parameter of a nested collection's path takes one value a column can hold: an integer or a text. */
function scopesRows(operations: readonly ApiOperation[], name: string): boolean {
  return operations.every((operation) => {
    const declared = operation.parameters.find((p) => p.in === 'path' && p.name === name);
    if (!declared) return false;
    const type = declared.schema.type;
    return !declared.schema.$ref && (type === undefined || type === 'string' || type === 'integer') && declared.schema.enum === undefined;
  });
}

/**
 * Finds the resources of a document: a static collection path that can create (POST) or
 * has an item path, whose operations name one object schema.
 */
/** Schemas named as messages of an RPC call (`BatchGetRecordResponse`) are no entities unless marked so. */
const MESSAGE_NAME = /(?:Request|Response|Input|Output|Result|Results|Payload|Params|Parameters)$/;

/** A collection path and its item path, with their operations, before a schema is chosen for their rows. */
interface Collection {
  collectionPath: string;
  collectionOps: ApiOperation[];
  itemOps: ApiOperation[];
  item: { path: string; param: string } | undefined;
  scopeParams: string[];
}

export function findResources(api: ApiDocument, types: SchemaTypes): Resource[] {
  const byPath = new Map<string, ApiOperation[]>();
  for (const operation of api.operations) {
    const list = byPath.get(operation.path) ?? [];
    list.push(operation);
    byPath.set(operation.path, list);
  }
  const items = new Map<string, { path: string; param: string }>();
  for (const route of byPath.keys()) {
    const match = ITEM_PATH.exec(route);
    const collection = match && `${match[1]!}${match[3] ?? ''}`;
    if (match && collection && match[1] !== '' && isCollectionPath(match[1]!) && !items.has(collection) && !pathParameters(match[1]!).includes(match[2]!)) {
      items.set(collection, { path: route, param: match[2]! });
    }
  }
  adoptFlatItems(items, byPath);
  const resources: Resource[] = [];
  const claimed = new Set<string>();
  const paged: Collection[] = [];
  const claim = ({ collectionPath, collectionOps, itemOps, item, scopeParams }: Collection, schemaName: string) => {
    claimed.add(schemaName);
    resources.push({ collectionPath, ...(item ? { itemPath: item.path, keyParam: item.param } : {}), scopeParams, schemaName, operations: [...collectionOps, ...itemOps] });
  };
  const candidates = new Set([...byPath.keys()].filter(isCollectionPath));
  for (const route of items.keys()) candidates.add(route);
  // Collections at a fixed path claim their schema first: `/pets` owns Pet before `/owners/{id}/pets`.
  const collectionPaths = [...candidates].sort((a, b) => pathParameters(a).length - pathParameters(b).length);
  for (const collectionPath of collectionPaths) {
    const collectionOps = byPath.get(collectionPath) ?? [];
    const item = items.get(collectionPath);
    const itemOps = item ? (byPath.get(item.path) ?? []) : [];
    const creates = collectionOps.some((op) => op.method === 'post');
    if (!creates && !item) continue;
    const scopeParams = pathParameters(collectionPath);
    if (scopeParams.some((name) => !scopesRows([...collectionOps, ...itemOps.filter((op) => op.path.includes(`{${name}}`))], name))) continue;
    const collection = { collectionPath, collectionOps, itemOps, item, scopeParams };
    const schemaName = pickSchema(collectionPath, collectionOps, itemOps, types);
    if (!schemaName) paged.push(collection);
    else if (!claimed.has(schemaName)) claim(collection, schemaName);
  }
  // Last, a collection only its page names the rows of (`GET /bookings` answering `BookingPage`, created under a class):
  // the rows its path names, unless a collection that says more of them claimed them.
  for (const collection of paged) {
    const page = types.componentName(successSchema(collection.collectionOps.find((op) => op.method === 'get')));
    const schemaName = page === undefined ? undefined : envelopeItemSchema(page, types);
    if (schemaName && !claimed.has(schemaName) && namesCollection(schemaName, collection.collectionPath)) claim(collection, schemaName);
  }
  for (const search of searchesOfResources(byPath, resources, types)) search.resource.operations.push(search.operation);
  for (const list of listsUnderOtherRows(byPath, resources, types)) list.resource.operations.push(list.operation);
  for (const batch of batchCreatesOfResources(byPath, resources, types)) batch.resource.operations.push(batch.operation);
  return resources;
}

/**
 * `/recetas/{recetaId}/comentarios` lists and creates the rows `/comentarios/{id}` names, where
 * nothing is served at `/comentarios` itself: one resource, whose item path is the flat one (of
 * several such collections, the one collectionOfFlatItem chooses).
 */
function adoptFlatItems(items: Map<string, { path: string; param: string }>, byPath: ReadonlyMap<string, ApiOperation[]>): void {
  for (const [collection, item] of [...items]) {
    if (byPath.has(collection) || !isStaticPath(collection)) continue;
    const segment = collection.slice(collection.lastIndexOf('/'));
    const nested = [...byPath.keys()].filter((route) => route.endsWith(segment) && UNDER_ROWS.test(route) && !items.has(route));
    const chosen = collectionOfFlatItem(nested, (route) => byPath.get(route)!.some((op) => op.method === 'post'));
    if (chosen === undefined) continue;
    items.delete(collection);
    items.set(chosen, item);
  }
}

/**
 * POSTs one literal segment under a resource's collection whose body is a list of its items
 * (Petstore's `/user/createWithList`): candidates for a create of several rows at once.
 */
function batchCreatesOfResources(byPath: ReadonlyMap<string, ApiOperation[]>, resources: readonly Resource[], types: SchemaTypes): { resource: Resource; operation: ApiOperation }[] {
  const batches: { resource: Resource; operation: ApiOperation }[] = [];
  for (const [route, operations] of byPath) {
    if (!isStaticPath(route) || /[#?]/.test(route)) continue;
    const parent = route.slice(0, route.lastIndexOf('/'));
    const resource = resources.find((r) => r.collectionPath === parent && r.scopeParams.length === 0);
    const post = operations.find((op) => op.method === 'post');
    if (resource && post && types.componentName(arrayItems(post.requestBody?.schema)) === resource.schemaName) batches.push({ resource, operation: post });
  }
  return batches;
}

/**
 * GETs one literal segment under a resource's collection that answer its items (Petstore's
 * `/pet/findByStatus`): candidates for a list filtered by their query, taken as one only when
 * every query parameter filters, pages or sorts (the operation builder decides that).
 */
function searchesOfResources(byPath: ReadonlyMap<string, ApiOperation[]>, resources: readonly Resource[], types: SchemaTypes): { resource: Resource; operation: ApiOperation }[] {
  const claimed = new Set(resources.flatMap((r) => (r.itemPath ? [r.collectionPath, r.itemPath] : [r.collectionPath])));
  const searches: { resource: Resource; operation: ApiOperation }[] = [];
  for (const [route, operations] of byPath) {
    if (claimed.has(route) || !isStaticPath(route)) continue;
    const parent = route.slice(0, route.lastIndexOf('/'));
    const resource = resources.find((r) => r.collectionPath === parent);
    const get = operations.find((op) => op.method === 'get');
    if (!resource || !get || get.requestBody) continue;
    // `/category/list`, `/product/page` that say no answer: the rows, as such paths answer in the documents that write them.
    const answer = successSchema(get);
    const listed = LIST_SEGMENT.test(route.slice(route.lastIndexOf('/') + 1)) && answer === undefined;
    // Its rows as a list, or a page of them (`{ list: Product[], total }`).
    const page = types.componentName(answer);
    const rows = types.componentName(arrayItems(answer)) ?? (page === undefined ? undefined : envelopeItemSchema(page, types));
    if (listed || rows === resource.schemaName) searches.push({ resource, operation: get });
  }
  return searches;
}


/**
 * GETs of a resource's rows at another path ending in its collection's segment: under a row of
 * another (`/students/{studentId}/enrollments` beside `/courses/{courseId}/enrollments`), or over
 * fewer of its scopes (Azure's `/subscriptions/{subscriptionId}/providers/Microsoft.Labs/labAccounts`
 * beside the resource group's). Each path parameter is one of the resource's scopes or names a
 * property of the rows (`student_id`; derive.ts's operationScope reads `/proprietaires/{id}/animaux`
 * as their `proprietaire_id`): lists filtered by those.
 */
function listsUnderOtherRows(byPath: ReadonlyMap<string, ApiOperation[]>, resources: readonly Resource[], types: SchemaTypes): { resource: Resource; operation: ApiOperation }[] {
  const claimed = new Set(resources.flatMap((r) => [r.collectionPath, ...(r.itemPath ? [r.itemPath] : []), ...r.operations.map((op) => op.path)]));
  const lists: { resource: Resource; operation: ApiOperation }[] = [];
  for (const [route, operations] of byPath) {
    if (claimed.has(route) || !LIST_ELSEWHERE.test(route)) continue;
    const get = operations.find((op) => op.method === 'get');
    if (!get || get.requestBody) continue;
    const segment = route.slice(route.lastIndexOf('/'));
    const answer = successSchema(get);
    const page = types.componentName(answer);
    const resource = resources.find((r) => {
      if (!r.collectionPath.endsWith(segment) || r.collectionPath === route) return false;
      const schema = types.componentSchema(r.schemaName);
      const properties = new Set([...(schema ? types.propertiesOf(schema).properties.keys() : [])].map(toSnake));
      const named = pathParameters(route).every((name) => (r.scopeParams.includes(name) || properties.has(toSnake(name))) && scopesRows([get], name));
      // Its rows as a list, or a page of them.
      const answersRows = types.componentName(arrayItems(answer)) === r.schemaName || answer === undefined || (page !== undefined && listsIn(page, r.schemaName, types));
      return named && answersRows;
    });
    if (resource) lists.push({ resource, operation: get });
  }
  return lists;
}

/** A wrapper holding an array of the rows (Azure's `{ value: LabAccount[], nextLink }`): OperationBuilder's pageShape says whether the app can fill it. */
function listsIn(wrapper: string, schemaName: string, types: SchemaTypes): boolean {
  const properties = types.propertiesOf(types.componentSchema(wrapper) ?? {}).properties.values();
  return [...properties].some((property) => property.type === 'array' && types.componentName(property.items as SchemaNode | undefined) === schemaName);
}

/** A path that names rows by a value and ends in a collection's segment. */
const LIST_ELSEWHERE = /\{[^/{}]+\}.*\/[^/{}]+$/;

function pickSchema(collectionPath: string, collectionOps: ApiOperation[], itemOps: ApiOperation[], types: SchemaTypes): string | undefined {
  const find = (ops: ApiOperation[], method: string) => ops.find((op) => op.method === method);
  const listed = arrayItems(successSchema(find(collectionOps, 'get')));
  // What the list answers and the create answers both is the row, whatever the create is sent (`BewertungCreate`).
  const listedName = types.componentName(listed);
  const answered = listedName !== undefined && listedName === types.componentName(successSchema(find(collectionOps, 'post'))) ? [listed] : [];
  const candidates = [
    successSchema(find(itemOps, 'get')),
    ...answered,
    find(collectionOps, 'post')?.requestBody?.schema,
    arrayItems(successSchema(find(collectionOps, 'get'))),
    find(itemOps, 'put')?.requestBody?.schema,
    successSchema(find(collectionOps, 'post')),
  ];
  for (const candidate of candidates) {
    const written = types.componentName(candidate);
    if (written === undefined) continue;
    const name = envelopeItemSchema(written, types) ?? written;
    const schema = types.componentSchema(name);
    // A name that starts with a digit is a response's status (vtex's `200 OK`), no table's.
    const namesRows = schema?.[SCHEMA_HINTS.entity] === true || namesCollection(name, collectionPath);
    if ((MESSAGE_NAME.test(name) || /^\d/.test(name)) && !namesRows) continue;
    if (schema && types.propertiesOf(schema).properties.size > 0) return name;
  }
  return undefined;
}

/** `LeaveRequest` is what `/leave-requests` holds, whatever its last word: a message's name is no resource's only when the path says otherwise. */
function namesCollection(schemaName: string, collectionPath: string): boolean {
  const segment = collectionPath.split('/').filter((part) => part !== '' && !part.startsWith('{')).pop();
  return segment !== undefined && toPascal(singular(toSnake(segment))) === schemaName;
}

export function successSchema(operation: ApiOperation | undefined) {
  return operation?.responses.find((r) => /^2/.test(r.status))?.schema;
}

function arrayItems(schema: Record<string, unknown> | undefined) {
  return schema && schema.type === 'array' ? (schema.items as Record<string, unknown> | undefined) : undefined;
}
