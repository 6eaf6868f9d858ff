import type { Entity } from '../model/domain-model.js';
import { toSnake } from '../naming.js';
import type { Resource } from './resources.js';

/**
 * A row's own key under its own name (`deptId` of `/depts/{deptId}`, `empId` of an employee):
 * where the document gives the entity no `id` but a property the item path finds rows by, which
 * the server gives (read-only: a response's field, no request's), that property is the key. The
 * key the tool would add takes its wire name, type and notes instead of standing beside it: else
 * rows would carry two keys, the one the path names never filled, and a create could not name
 * the rows it makes (it would stay a stub).
 */
export function adoptKeyNamedByPath(entity: Entity, resource: Resource): void {
  const added = entity.fields.find((f) => f.name === entity.primaryKey.field);
  const param = resource.keyParam;
  if (!added?.system || param === undefined) return;
  const snake = toSnake(param);
  const named = entity.fields.find((f) => !f.system && (f.wireName === param || f.name === snake));
  if (!named || !named.readOnly || named.writeOnly || named.nullable || named.relation !== undefined || named.hints?.references !== undefined) return;
  // A number the database counts or a UUID: a text the server gives (Google's output-only `name`,
  // `projects/…/contacts/…`) means more than any text the app could make up.
  if (!(named.type.kind === 'integer' || (named.type.kind === 'string' && named.type.format === 'uuid'))) return;
  Object.assign(added, {
    wireName: named.wireName,
    type: named.type,
    constraints: named.constraints,
    source: named.source,
    system: false,
    ...(named.description !== undefined ? { description: named.description } : {}),
  });
  entity.fields.splice(entity.fields.indexOf(named), 1);
  entity.primaryKey = { field: added.name, type: added.type, generated: true };
  entity.reasons.primaryKey = {
    rule: `${named.wireName} is the key: ${resource.itemPath} finds rows by it, and the document has the server give it (read-only); it is column ${added.name}`,
    source: named.source,
  };
}
