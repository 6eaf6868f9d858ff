import type { ApiOperation, SourceLocation } from '../model/api-document.js';
import type { Entity, Field, TypeRef } from '../model/domain-model.js';
import { sameStoredKind } from '../model/stored-kind.js';
import type { SchemaNode } from '../model/api-document.js';
import { germanSingulars, romanceSingulars, singular, toSnake } from '../naming.js';
import type { Resource } from './resources.js';
import { scalarTypeOf, type SchemaTypes } from './schema-types.js';

/**
 * Gives the entity of a nested collection (`/accounts/{accountId}/invoices`) a field per parameter
 * of its path: the property of that name when the schema has one of the same kind (Azure's
 * `location`), else a field the tool adds (`account_id`), which no body carries. The path's value
 * is stored in it when a row is created or replaced there (over what a body says), and rows are
 * listed and found under it. Returns the field of each parameter, by the parameter's name;
 * undefined when a parameter's property holds another kind of value, so the resource stays custom.
 */
export function addPathScope(entity: Entity, resource: Resource, types: SchemaTypes): Map<string, string> | undefined {
  const fields = new Map<string, string>();
  const sources = new Map<string, SourceLocation>();
  const added: Field[] = [];
  const matched: Field[] = [];
  for (const parameter of resource.scopeParams) {
    const name = scopeFieldName(entity, resource.collectionPath, parameter);
    if (name === undefined) return undefined;
    const declared = declaration(resource.operations, parameter);
    sources.set(parameter, declared.source);
    const type = pathValueType(declared.schema);
    const existing = entity.fields.find((f) => f.name === name || (f.wireName === parameter && f.name !== entity.primaryKey.field));
    if (existing) {
      if (!holdsPathValue(existing, type) || fields.has(parameter) || matched.includes(existing)) return undefined;
      matched.push(existing);
      fields.set(parameter, existing.name);
      continue;
    }
    if (added.some((f) => f.name === name)) return undefined;
    added.push({
      name,
      wireName: parameter,
      type,
      required: false,
      nullable: true,
      readOnly: true,
      writeOnly: false,
      description: `The ${parameter} of the path the row was created under (${resource.collectionPath}).`,
      constraints: types.constraintsOf(declared.schema),
      system: true,
      source: declared.source,
    });
    fields.set(parameter, name);
  }
  entity.fields.push(...added);
  for (const [parameter, name] of fields) {
    const field = entity.fields.find((f) => f.name === name)!;
    const source = sources.get(parameter)!;
    field.hints = { ...field.hints, index: true, why: { ...field.hints?.why, index: { rule: `rows are listed and found under ${resource.collectionPath}'s ${parameter}`, source } } };
  }
  if (fields.size > 0) entity.pathScope = [...fields.values()];
  return fields;
}

/**
 * `/workspaces/{workspace_id}/projects` where `/workspaces/{id}` is a Workspace's row: the
 * `workspace_id` the path gives a project is a key to Workspace, RESTRICT (a workspace with projects
 * stays; a rule may say more). Only a field the tool added for the path, stored as the parent's
 * key is, to a parent the API creates.
 */
export function keyScopesToParents(entities: ReadonlyMap<Resource, Entity>, scopes: ReadonlyMap<Resource, ReadonlyMap<string, string>>): void {
  const shape = (path: string) => path.replace(/\{[^}/]*\}/g, '{}');
  // Only a parent the API creates: rows of a read-only one (`GET /servers` alone) come from elsewhere, and no key could name one.
  const creates = (resource: Resource) => resource.operations.some((op) => op.method === 'post' && op.path === resource.collectionPath);
  const byItem = new Map([...entities].flatMap(([resource, entity]) => (resource.itemPath !== undefined && creates(resource) ? [[shape(resource.itemPath), entity] as const] : [])));
  for (const [resource, entity] of entities) {
    for (const [parameter, name] of scopes.get(resource) ?? []) {
      const field = entity.fields.find((f) => f.name === name);
      const at = resource.collectionPath.indexOf(`{${parameter}}`);
      const parent = at < 0 ? undefined : byItem.get(shape(resource.collectionPath.slice(0, at + parameter.length + 2)));
      const key = parent?.fields.find((f) => f.name === parent.primaryKey.field);
      // Stored exactly as the parent's key (MySQL refuses a BIGINT key to an INT column).
      const sameType = key !== undefined && field !== undefined && JSON.stringify(key.type) === JSON.stringify(field.type);
      if (!field?.system || field.hints?.references !== undefined || !parent || parent === entity || !sameType) continue;
      const why = { rule: `rows are created under ${resource.collectionPath}, a ${parent.name}'s`, source: field.source };
      field.hints = { ...field.hints, references: parent.name, onDelete: 'RESTRICT', why: { ...field.hints?.why, references: why, onDelete: why } };
    }
  }
}

/**
 * The key the tool adds to an entity (no `id` in its schema) is a UUID where the item path names
 * the row by one (telnyx's porting orders): assigned on create, as the route reads it, not an
 * integer that no UUID the path takes could name. Any other text the path takes may carry a
 * pattern or a length no assigned key would keep to: the key stays an integer, which it reads as text.
 */
export function typeAddedKeyAsPath(entity: Entity, resource: Resource): void {
  const key = entity.fields.find((f) => f.name === entity.primaryKey.field);
  if (!key?.system || resource.keyParam === undefined) return;
  const type = scalarTypeOf(declaration(resource.operations, resource.keyParam).schema);
  if (type?.kind !== 'string' || type.format !== 'uuid') return;
  key.type = { kind: 'string', format: 'uuid' };
  entity.primaryKey = { ...entity.primaryKey, type: key.type };
}

/**
 * The field a path parameter sets: its own name, unless that names the entity's key (`/stories/{id}/messages`:
 * the story's id is no message's), then the key of the segment before it (`story_id`).
 */
export function scopeFieldName(entity: Entity, collectionPath: string, parameter: string): string | undefined {
  const name = toSnake(parameter);
  if (name !== '' && name !== entity.primaryKey.field) return name;
  const segments = collectionPath.split('/');
  const before = segments[segments.indexOf(`{${parameter}}`) - 1];
  if (before === undefined || before === '' || before.includes('{')) return undefined;
  const keyOf = (stem: string) => `${toSnake(stem)}_${name === '' ? 'id' : name}`;
  // `/tutores/{id}/mascotas`: the entity's `tutor_id`, the singular another language gives, where it has that field.
  const written = [...romanceSingulars(before), ...germanSingulars(before)].map(keyOf).find((key) => entity.fields.some((f) => f.name === key));
  const owner = written ?? keyOf(singular(before));
  return owner === entity.primaryKey.field || /^_|_$/.test(owner) ? undefined : owner;
}

/**
 * What a path parameter carries, as the row stores it: the parameter's own type (codat's UUID
 * `companyId` a UUID column, not a text one the route's UUID would not bind to), an integer the
 * document does not bound to 32 bits widened to 64 so every value the path allows names a row.
 * Only integers and texts scope rows (scopesRows in ./resources.ts).
 */
function pathValueType(schema: SchemaNode): TypeRef {
  const scalar = scalarTypeOf(schema);
  if (scalar?.kind === 'integer') return { kind: 'integer', format: schema.format === 'int32' ? 'int32' : 'int64' };
  return scalar?.kind === 'string' ? scalar : { kind: 'string' };
}

/**
 * A property can hold what a path parameter names when both are integers, or both values of one
 * kind and format, or the property is text (the route then reads the path as text).
 */
function holdsPathValue(field: Field, type: TypeRef): boolean {
  if (field.relation !== undefined) return false;
  if (field.type.kind === 'string' && field.type.format === undefined) return true;
  return sameStoredKind(field.type, type);
}

export function declaration(operations: readonly ApiOperation[], parameter: string) {
  const operation = operations.find((op) => op.parameters.some((p) => p.in === 'path' && p.name === parameter))!;
  const declared = operation.parameters.find((p) => p.in === 'path' && p.name === parameter)!;
  return {
    schema: declared.schema,
    type: declared.schema.type,
    format: declared.schema.format,
    source: { ...operation.source, pointer: `${operation.source.pointer}/parameters` },
  };
}
