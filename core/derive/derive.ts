import type { ApiDocument, ApiOperation, SecurityScheme } from '../model/api-document.js';
import type { DomainModel, Entity, Operation } from '../model/domain-model.js';
import { toSnake } from '../naming.js';
import { fitAssignedKeyToPath } from './assigned-keys.js';
import { addBodyOnlyFields, adoptBodyConstraints, adoptBodyTypes, answerPathLookup } from './body-fields.js';
import { applyDocumentRules } from './document-rules.js';
import { declaredEntities, entityOf, nameTableAfterPath } from './entities.js';
import { adoptKeyNamedByPath } from './key-named-by-path.js';
import { deriveErrorResponses } from './error-bodies.js';
import { derivePersistence } from './persistence.js';
import { keyFieldOf, OperationBuilder } from './operations.js';
import { attachSortValues } from './sorts.js';
import { addPathScope, keyScopesToParents, scopeFieldName, typeAddedKeyAsPath } from './path-scope.js';
import { findResources, type Resource } from './resources.js';
import { SchemaTypes } from './schema-types.js';

/**
 * The first derivation: component schemas behind resource paths become entities, their
 * operations CRUD; everything else stays a typed custom operation.
 */
export function deriveModel(written: ApiDocument): DomainModel {
  const api = applyDocumentRules(written);
  const errors = deriveErrorResponses(api.operations, (name) => api.schemas.get(name)?.schema);
  const types = new SchemaTypes(api);
  const resources = findResources(api, types);
  // By operation, not by path: a search under a collection (`GET /pet/findByStatus`) is the resource's; another method on its path is not.
  const entityByOperation = new Map<ApiOperation, { entity: Entity; resource: Resource; scope: ReadonlyMap<string, string> }>();
  const entityByResource = new Map<Resource, Entity>();
  const scopeByResource = new Map<Resource, ReadonlyMap<string, string>>();
  const entities: Entity[] = [];
  for (const resource of resources) {
    const entity = entityOf(resource.schemaName, api, types);
    nameTableAfterPath(entity, resource.collectionPath, api);
    adoptKeyNamedByPath(entity, resource);
    typeAddedKeyAsPath(entity, resource);
    fitAssignedKeyToPath(entity, resource, api, types);
    const scope = addPathScope(entity, resource, types);
    if (!scope) continue;
    // After the path's fields: a body naming a path parameter (`dashboard_id`) sends what the path gives.
    addBodyOnlyFields(entity, resource, types);
    adoptBodyConstraints(entity, resource, types);
    adoptBodyTypes(entity, resource, types);
    if (resource.keyParam !== undefined) answerPathLookup(entity, keyFieldOf(entity, resource.keyParam));
    entities.push(entity);
    entityByResource.set(resource, entity);
    scopeByResource.set(resource, scope);
    for (const operation of resource.operations) entityByOperation.set(operation, { entity, resource, scope: operationScope(operation, resource, entity, scope) });
  }
  keyScopesToParents(entityByResource, scopeByResource);
  const exposed = new Set([...entityByResource.keys()].map((r) => r.schemaName));
  for (const schemaName of declaredEntities(api)) if (!exposed.has(schemaName)) entities.push(entityOf(schemaName, api, types));
  const byCollection = firstByPath(entityByResource.keys(), (r) => r.collectionPath);
  const byItem = firstByPath(entityByResource.keys(), (r) => r.itemPath);
  const groupOf = (operation: ApiOperation): string => {
    const owner = firstUnder(operation.path, byCollection);
    if (owner) return owner.operations.some((op) => op.path === owner.collectionPath) ? entityByResource.get(owner)!.slug : toSnake(owner.schemaName);
    const tag = operation.tags[0];
    if (tag) return toSnake(tag);
    // A fragment or a literal query string (`/jobs?action=archive`, `/tags/{arn}#tagKeys`) is no part of the resource's name.
    const segment = operation.path.split(/[?#]/)[0]!.split('/').find((s) => s !== '' && !s.startsWith('{'));
    return segment ? toSnake(segment) : 'default';
  };
  // `POST /orders/{id}/cancel`: a request under a row, one literal segment deeper, may set a state of it (OperationBuilder.action).
  const actionTarget = (operation: ApiOperation) => {
    const slash = operation.path.lastIndexOf('/');
    const owner = /^[A-Za-z][\w-]*$/.test(operation.path.slice(slash + 1)) ? byItem.get(operation.path.slice(0, slash))?.value : undefined;
    if (!owner) return undefined;
    const entity = entityByResource.get(owner)!;
    return { entity, resource: owner, scope: operationScope(operation, owner, entity, scopeByResource.get(owner)!), action: true as const };
  };
  const builder = new OperationBuilder(types);
  const operations = api.operations.map((operation) => {
    const built = builder.build(operation, entityByOperation.get(operation) ?? actionTarget(operation), groupOf);
    const declared = errors.byOperation.get(operation);
    return declared === undefined ? built : { ...built, errors: declared };
  });
  for (const name of api.schemas.keys()) types.resolve({ $ref: `#/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}` }, name, api.schemas.get(name)!.source);
  const objectTypes = [...types.objectTypes.values()];
  const relations = derivePersistence(entities, objectTypes, operations, api);
  const enums = [...types.enums.values()];
  attachSortValues(operations, entities, enums);
  return {
    title: api.title,
    version: api.version,
    ...(api.description ? { description: api.description } : {}),
    basePath: api.basePath,
    entities,
    objectTypes,
    enums,
    relations,
    operations,
    ...(errors.responses.length > 0 ? { errorResponses: errors.responses, documentErrors: errors.documentErrors! } : {}),
    ...securitySchemesUsed(api, operations),
    ...(api.settings.database ? { database: api.settings.database } : {}),
    ...(api.settings.database && api.settings.source ? { databaseSource: api.settings.source } : {}),
    ...(api.settings.technologies ? { technologies: api.settings.technologies } : {}),
    ...(api.warnings && api.warnings.length > 0 ? { warnings: api.warnings.map(({ message, source }) => ({ message, source })) } : {}),
    ...(api.openApiTexts ? { openApiTexts: api.openApiTexts } : {}),
  };
}

/** Each path's first value (in order) naming it: a lookup instead of a scan of every resource per operation. */
function firstByPath<T>(values: Iterable<T>, pathOf: (value: T) => string | undefined): Map<string, { value: T; order: number }> {
  const byPath = new Map<string, { value: T; order: number }>();
  let order = 0;
  for (const value of values) {
    const route = pathOf(value);
    if (route !== undefined && !byPath.has(route)) byPath.set(route, { value, order });
    order += 1;
  }
  return byPath;
}

/** The first value (in order) whose path the given path lies under (`/a/b/c` under `/a` or `/a/b`). */
function firstUnder<T>(route: string, byPath: ReadonlyMap<string, { value: T; order: number }>): T | undefined {
  let first: { value: T; order: number } | undefined;
  for (let slash = route.indexOf('/', 1); slash !== -1; slash = route.indexOf('/', slash + 1)) {
    const found = byPath.get(route.slice(0, slash));
    if (found && (!first || found.order < first.order)) first = found;
  }
  // A collection at the root (`/`) holds every path.
  const root = byPath.get('');
  if (root && (!first || root.order < first.order)) first = root;
  return first?.value;
}

/**
 * The fields an operation's path parameters scope: the resource's, and for a list under a row of
 * another (`/students/{studentId}/enrollments`) the property each of its own names (`student_id`).
 */
function operationScope(operation: ApiOperation, resource: Resource, entity: Entity, scope: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  // An item path at the top (`/comments/{id}` of `/posts/{id}/comments`) names its row by the key alone.
  if (operation.path === resource.itemPath && !operation.path.startsWith(`${resource.collectionPath}/`)) return new Map();
  if (operation.path === resource.collectionPath || operation.path === resource.itemPath) return scope;
  const own = new Map(scope);
  for (const [, name] of operation.path.matchAll(/\{([^{}]+)\}/g)) {
    // `/proprietaires/{id}/animaux`: the owner's id is no animal's, it is their `proprietaire_id`.
    const fieldName = scopeFieldName(entity, operation.path, name!);
    const field = own.has(name!) || fieldName === undefined ? undefined : entity.fields.find((f) => !f.system && f.name === fieldName);
    if (field) own.set(name!, field.name);
  }
  return own;
}

/** The document's security schemes that some operation requires, in the document's order. */
function securitySchemesUsed(api: ApiDocument, operations: readonly Operation[]): { securitySchemes?: SecurityScheme[] } {
  const used = new Set(operations.flatMap((op) => op.security?.flat() ?? []));
  const schemes = (api.securitySchemes ?? []).filter((scheme) => used.has(scheme.name));
  return schemes.length > 0 ? { securitySchemes: schemes } : {};
}
