import type { ApiDocument } from '../model/api-document.js';
import { assignableText } from '../model/assigned-text.js';
import type { Entity } from '../model/domain-model.js';
import { keyFieldOf } from './operations.js';
import { declaration } from './path-scope.js';
import type { Resource } from './resources.js';
import type { SchemaTypes } from './schema-types.js';

/**
 * A text key the app assigns is one the item path takes: the path parameter that finds rows by it
 * may bound it more than the field does (appconfig's `{DeploymentStrategyId}` takes 4 to 7
 * characters, its `Id` any), and a row the app keyed otherwise could never be read back (422).
 * The key gets the text both take; where none of the texts the app makes up fits, clients send the
 * key (a create whose body lacks it stays custom), with the reason.
 */
export function fitAssignedKeyToPath(entity: Entity, resource: Resource, api: ApiDocument, types: SchemaTypes): void {
  const { primaryKey } = entity;
  if (primaryKey.assignedText === undefined || resource.keyParam === undefined) return;
  if (keyFieldOf(entity, resource.keyParam) !== primaryKey.field) return;
  const declared = declaration(resource.operations, resource.keyParam);
  if (declared.type !== undefined && declared.type !== 'string') return;
  const key = entity.fields.find((f) => f.name === primaryKey.field)!;
  const assigned = assignableText([key.constraints, types.constraintsOf(declared.schema)], 'hex');
  if (assigned) {
    entity.primaryKey = { ...primaryKey, assignedText: assigned };
    return;
  }
  entity.primaryKey = { field: primaryKey.field, type: primaryKey.type, generated: false };
  const schema = api.schemas.get(entity.schemaName)?.schema;
  const property = schema ? types.propertiesOf(schema).properties.get(key.wireName) : undefined;
  key.readOnly = property !== undefined && types.readOnlyOf(property);
  entity.reasons.primaryKey = {
    rule: `${key.wireName} is given by the client: ${resource.itemPath}'s ${resource.keyParam} takes no text the app could make up (a UUID's, or 8 to 32 of its hex digits)`,
    source: declared.source,
  };
}
