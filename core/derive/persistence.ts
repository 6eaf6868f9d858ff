import { InfraStackError } from '../errors.js';
import { locationOf, type ApiDocument } from '../model/api-document.js';
import type { Entity, ObjectType, Operation, Relation } from '../model/domain-model.js';
import { ownedChildren } from './children.js';
import { addConstraints, addSystemFields } from './constraints.js';
import { inferKeys } from './keys.js';

/**
 * How the entities are stored: owned child tables, system fields, foreign keys and relations,
 * uniques and indexes. Adds the child entities to `entities` and returns the relations.
 */
export function derivePersistence(entities: Entity[], objectTypes: ObjectType[], operations: Operation[], api: ApiDocument): Relation[] {
  const { children, relations: owned } = ownedChildren(entities, objectTypes);
  entities.push(...children);
  checkTables(entities);
  const schemaOf = (entity: Entity) => (entity.owner ? undefined : api.schemas.get(entity.schemaName)?.schema);
  for (const entity of entities) addSystemFields(entity, schemaOf(entity));
  const relations = [...owned, ...inferKeys(entities, schemaOf)];
  for (const entity of entities) addConstraints(entity, schemaOf(entity), operations);
  return relations;
}

/** Two entities may not share a table: the error names both sources. */
function checkTables(entities: Entity[]): void {
  const byTable = new Map<string, Entity>();
  for (const entity of entities) {
    const other = byTable.get(entity.table);
    if (other) {
      throw new InfraStackError(`${other.name} (${other.source.file}#${other.source.pointer}) and ${entity.name} both map to the table ${entity.table}; set x-table-name on one of them`, {
        file: entity.source.file,
        location: locationOf(entity.source),
      });
    }
    byTable.set(entity.table, entity);
  }
}
