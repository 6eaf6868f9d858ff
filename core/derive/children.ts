import type { Entity, Field, ObjectType, Relation, TypeRef } from '../model/domain-model.js';
import { toSnake, toTableName } from '../naming.js';
import { keyAssignment } from './entities.js';
import { sameKeyType } from './keys.js';

/**
 * Arrays of nested objects on an entity (`items: OrderItem[]`) become child tables owned by
 * it: rows written and deleted with their parent, through a key to it. An object listed under
 * two parents has no single owner and stays a JSON value.
 */
export function ownedChildren(entities: Entity[], objectTypes: ObjectType[]): { children: Entity[]; relations: Relation[] } {
  const entityNames = new Set(entities.map((e) => e.name));
  const objects = new Map(objectTypes.map((o) => [o.name, o]));
  const parentsOf = new Map<string, { entity: Entity; field: Field }[]>();
  for (const entity of entities) {
    for (const field of entity.fields) {
      const item = arrayItemObject(field.type);
      if (item === undefined || entityNames.has(item) || !objects.has(item) || objects.get(item)!.fields.length === 0) continue;
      parentsOf.set(item, [...(parentsOf.get(item) ?? []), { entity, field }]);
    }
  }
  const children: Entity[] = [];
  const relations: Relation[] = [];
  for (const [name, parents] of parentsOf) {
    if (parents.length !== 1) continue;
    const { entity: parent, field } = parents[0]!;
    const objectType = objects.get(name)!;
    const child = childEntity(objectType, parent);
    const relationName = `${parent.slug}_${field.name}`;
    field.relation = relationName;
    child.foreignKeys.push({
      field: child.owner!.field,
      target: parent.name,
      targetField: parent.primaryKey.field,
      onDelete: 'CASCADE',
      reason: { rule: `owned by ${parent.table}: deleted with it (CASCADE)`, source: field.source },
    });
    children.push(child);
    relations.push({
      name: relationName,
      kind: 'many-to-one',
      from: child.name,
      to: parent.name,
      field: child.owner!.field,
      attribute: parent.slug,
      inverse: field.name,
      onDelete: 'CASCADE',
      selfReference: false,
      owned: true,
      reason: { rule: `${parent.name}.${field.name} is a list of nested ${name} objects: a child table owned by ${parent.table}, deleted with it`, source: field.source },
    });
  }
  return { children, relations };
}

function arrayItemObject(type: TypeRef): string | undefined {
  return type.kind === 'array' && type.items.kind === 'object' ? type.items.name : undefined;
}

function childEntity(objectType: ObjectType, parent: Entity): Entity {
  const parentKey = parent.fields.find((f) => f.name === parent.primaryKey.field)!;
  const fields: Field[] = objectType.fields.map((f) => ({ ...f, constraints: { ...f.constraints } }));
  const existingId = fields.find((f) => f.name === 'id');
  if (!existingId) {
    fields.unshift({
      name: 'id', wireName: 'id', type: { kind: 'integer' }, required: true, nullable: false, readOnly: true, writeOnly: false,
      description: 'Identifier assigned by the database.', constraints: {}, system: true, source: objectType.source,
    });
  }
  // Items that already carry their parent's key (`story_id` in a story's collaborators) keep it, set by the server.
  const parentKeyName = `${parent.slug}_id`;
  const carried = fields.findIndex((f) => f.name === parentKeyName && sameKeyType(f.type, parent));
  const keyField = carried >= 0 ? parentKeyName : fields.some((f) => f.name === parentKeyName) ? `owner_${parentKeyName}` : parentKeyName;
  if (carried >= 0) {
    fields[carried] = { ...fields[carried]!, required: true, nullable: false, readOnly: true };
  } else {
    fields.splice(1, 0, {
      name: keyField, wireName: keyField, type: parentKey.type, required: true, nullable: false, readOnly: true, writeOnly: false,
      description: `The ${parent.name} this row belongs to.`, constraints: {}, system: true, source: objectType.source,
    });
  }
  const idField = fields.find((f) => f.name === 'id')!;
  const { generated, assignedText } = keyAssignment(idField);
  return {
    name: objectType.name,
    slug: toSnake(objectType.name),
    table: objectType.table ?? toTableName(objectType.name),
    schemaName: objectType.name,
    ...(objectType.description ? { description: objectType.description } : {}),
    fields,
    primaryKey: { field: 'id', type: idField.type, generated, ...(assignedText ? { assignedText } : {}) },
    foreignKeys: [],
    uniques: [],
    indexes: [],
    softDelete: false,
    owner: { entity: parent.name, field: keyField },
    layers: ['model'],
    reasons: { table: { rule: objectType.table !== undefined ? `child table of ${parent.table}: the table its schema names` : `child table of ${parent.table}: plural snake_case of ${objectType.name}`, source: objectType.source } },
    source: objectType.source,
  };
}

