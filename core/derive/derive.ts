import type { ApiDocument, ApiOperation } from '../model/api-document.js';
import { ENTITY_LAYERS, type DomainModel, type Entity, type Field, type PrimaryKey } from '../model/domain-model.js';
import { toSnake, toTableName } from '../naming.js';
import { OperationBuilder } from './operations.js';
import { findResources, type Resource } from './resources.js';
import { SchemaTypes } from './schema-types.js';

/**
 * The first derivation: component schemas behind resource paths become entities, their
 * operations CRUD; everything else stays a typed custom operation.
 */
export function deriveModel(api: ApiDocument): DomainModel {
  const types = new SchemaTypes(api);
  const resources = findResources(api, types);
  const entityByPath = new Map<string, { entity: Entity; resource: Resource }>();
  const entities: Entity[] = [];
  for (const resource of resources) {
    const entity = entityOf(resource, api, types);
    entities.push(entity);
    for (const operation of resource.operations) entityByPath.set(operation.path, { entity, resource });
  }
  const groupOf = (operation: ApiOperation): string => {
    const owner = resources.find((r) => operation.path.startsWith(`${r.collectionPath}/`));
    if (owner) return entityByPath.get(owner.collectionPath)?.entity.slug ?? toSnake(owner.schemaName);
    const tag = operation.tags[0];
    if (tag) return toSnake(tag);
    const segment = operation.path.split('/').find((s) => s !== '' && !s.startsWith('{'));
    return segment ? toSnake(segment) : 'default';
  };
  const builder = new OperationBuilder(types);
  const operations = api.operations.map((operation) => builder.build(operation, entityByPath.get(operation.path), groupOf));
  for (const name of api.schemas.keys()) types.resolve({ $ref: `#/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}` }, name, api.schemas.get(name)!.source);
  return {
    title: api.title,
    version: api.version,
    ...(api.description ? { description: api.description } : {}),
    basePath: api.basePath,
    entities,
    objectTypes: [...types.objectTypes.values()],
    enums: [...types.enums.values()],
    relations: [],
    operations,
  };
}

function entityOf(resource: Resource, api: ApiDocument, types: SchemaTypes): Entity {
  const { schema, source } = api.schemas.get(resource.schemaName)!;
  types.resolve({ $ref: `#/components/schemas/${resource.schemaName}` }, resource.schemaName, source);
  const name = types.nameOf(resource.schemaName)!;
  const fields = types.fieldsOf(schema, name, source);
  const primaryKey = primaryKeyOf(fields, source);
  return {
    name,
    slug: toSnake(name),
    table: toTableName(name),
    schemaName: resource.schemaName,
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    fields,
    primaryKey,
    foreignKeys: [],
    uniques: [],
    indexes: [],
    softDelete: false,
    layers: [...ENTITY_LAYERS],
    reasons: { table: { rule: 'table name: plural snake_case of the entity name', source } },
    source,
  };
}

/** `id` when the schema has one (made required and non-null), else a generated integer `id`. */
function primaryKeyOf(fields: Field[], source: Entity['source']): PrimaryKey {
  const existing = fields.find((f) => f.name === 'id');
  if (existing) {
    existing.required = true;
    existing.nullable = false;
    const generated = existing.type.kind === 'integer' || (existing.type.kind === 'string' && (existing.type.format === undefined || existing.type.format === 'uuid'));
    if (generated) existing.readOnly = true;
    return { field: 'id', type: existing.type, generated };
  }
  fields.unshift({
    name: 'id',
    wireName: 'id',
    type: { kind: 'integer' },
    required: true,
    nullable: false,
    readOnly: true,
    writeOnly: false,
    description: 'Identifier assigned by the database.',
    constraints: {},
    source,
  });
  return { field: 'id', type: { kind: 'integer' }, generated: true };
}
