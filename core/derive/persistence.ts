import { InfraStackError } from '../errors.js';
import { locationOf, type ApiDocument } from '../model/api-document.js';
import type { Entity, ObjectType, Operation, Relation } from '../model/domain-model.js';
import { SCHEMA_HINTS } from '../model/hints.js';
import { boundedIdentifier, MAX_IDENTIFIER_BYTES, singular, toSnake } from '../naming.js';
import { ownedChildren } from './children.js';
import { addConstraints, addSystemFields } from './constraints.js';
import { inferKeys } from './keys.js';
import { lookupFieldOf } from '../model/lookups.js';

/**
 * How the entities are stored: owned child tables, system fields, foreign keys and relations,
 * uniques and indexes. Adds the child entities to `entities` and returns the relations.
 */
export function derivePersistence(entities: Entity[], objectTypes: ObjectType[], operations: Operation[], api: ApiDocument): Relation[] {
  const { children, relations: owned } = ownedChildren(entities, objectTypes);
  entities.push(...children);
  checkTables(entities, (entity) => api.schemas.get(entity.schemaName)?.schema[SCHEMA_HINTS.tableName] !== undefined);
  const schemaOf = (entity: Entity) => (entity.owner ? undefined : api.schemas.get(entity.schemaName)?.schema);
  for (const entity of entities) addSystemFields(entity, schemaOf(entity));
  const operationsOf = new Map<string | undefined, Operation[]>();
  for (const operation of operations) {
    const known = operationsOf.get(operation.entity);
    if (known) known.push(operation);
    else operationsOf.set(operation.entity, [operation]);
  }
  const identifiers = (entity: Entity) => new Set((operationsOf.get(entity.name) ?? []).flatMap((op) => lookupFieldOf(op, entity) ?? []));
  const relations = [...owned, ...inferKeys(entities, schemaOf, owned, identifiers)];
  for (const entity of entities) addConstraints(entity, schemaOf(entity), operationsOf.get(entity.name) ?? []);
  boundTableNames(entities, relations);
  return relations;
}

/** Tables, and a join table's key columns, named within the length every database keeps whole. */
function boundTableNames(entities: Entity[], relations: Relation[]): void {
  for (const entity of entities) {
    const bounded = boundedIdentifier(entity.table);
    if (bounded === entity.table) continue;
    entity.reasons.table = { ...entity.reasons.table, rule: `${entity.reasons.table.rule}; longer than ${MAX_IDENTIFIER_BYTES} bytes, shortened with a hash of the whole name` };
    entity.table = bounded;
  }
  for (const relation of relations) {
    const join = relation.joinTable;
    if (join) relation.joinTable = { table: boundedIdentifier(join.table), fromColumn: boundedIdentifier(join.fromColumn), toColumn: boundedIdentifier(join.toColumn) };
  }
}

/**
 * Two entities may not share a table. When the names alone collide (`Permissions`, a container
 * with a list of `Permission`), the plural-named one is a collection and takes `permission_collections`;
 * otherwise the error names both sources.
 */
function checkTables(entities: Entity[], tableHinted: (entity: Entity) => boolean): void {
  const byTable = new Map<string, Entity>();
  for (const entity of entities) {
    const other = byTable.get(entity.table);
    if (other && !tableHinted(entity) && !tableHinted(other)) {
      const collection = [entity, other].find((e) => isPluralName(e.name) && !isPluralName((e === entity ? other : entity)!.name));
      if (collection) {
        const table = `${toSnake(singular(collection.name))}_collections`;
        if (!byTable.has(table)) {
          collection.reasons.table = {
            rule: `${entity.name} and ${other.name} both pluralize to ${entity.table}: ${collection.name}, named in the plural, holds a collection`,
            source: collection.source,
          };
          byTable.set(entity.table, collection === entity ? other : entity);
          collection.table = table;
          byTable.set(table, collection);
          continue;
        }
      }
    }
    if (other) {
      throw new InfraStackError(`${other.name} (${other.source.file}#${other.source.pointer}) and ${entity.name} both map to the table ${entity.table}; set x-table-name on one of them`, {
        file: entity.source.file,
        location: locationOf(entity.source),
      });
    }
    byTable.set(entity.table, entity);
  }
}

function isPluralName(name: string): boolean {
  const lastWord = toSnake(name).split('_').pop() ?? name;
  return singular(lastWord) !== lastWord;
}
