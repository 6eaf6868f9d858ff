import { camelCase } from 'change-case';
import type { DomainModel, Entity, Field, Operation } from './domain-model.js';

/** A field to add: its name and type; everything else has a default (see `addField`). */
export type NewField = Pick<Field, 'name' | 'type'> & Partial<Omit<Field, 'name' | 'type'>>;

/**
 * The model with `field` added to the entity named `entityName` as if the documents had declared
 * it, every structure derived from the entity kept consistent:
 * - the entity's fields;
 * - unless the field is `system` (set by the server, never on the wire): the entity's wire object
 *   type (the object type named `entity.schemaName`, through which an owned child's rows travel
 *   inside its parent);
 * - unless it is `system` or `readOnly`: the body of each create, update and patch of the entity
 *   that carries the whole entity (`input.fields`, and `input.required` for a required field on a
 *   create or an update).
 * Defaults: `wireName` spelled as the entity's other fields of several words are on the wire
 * (`createdBy` beside `orderId`, else `name` as it is), not required, nullable unless required, neither read- nor
 * write-only, no constraints, the entity's source. The model given is not changed.
 * Throws when the entity does not exist or already has a field of that name.
 */
export function addField(model: DomainModel, entityName: string, newField: NewField): DomainModel {
  const entity = model.entities.find((e) => e.name === entityName);
  if (!entity) throw new Error(`addField: the model has no entity ${entityName}`);
  if (entity.fields.some((f) => f.name === newField.name)) throw new Error(`addField: ${entityName} already has a field named ${newField.name}`);
  const field = completeField(newField, entity);
  const onWire = field.system !== true;
  const sent = onWire && !field.readOnly;
  const writable = writableFields(entity);
  return {
    ...model,
    entities: model.entities.map((e) => (e === entity ? { ...e, fields: [...e.fields, field] } : e)),
    objectTypes: model.objectTypes.map((o) =>
      onWire && o.name === entity.schemaName && !o.fields.some((f) => f.name === field.name) ? { ...o, fields: [...o.fields, field] } : o,
    ),
    operations: model.operations.map((op) => (sent && op.entity === entityName && carriesWholeEntity(op, writable) ? withInputField(op, field) : op)),
  };
}

function completeField(field: NewField, entity: Entity): Field {
  const required = field.required ?? false;
  return {
    wireName: wireStyleOf(entity) === 'camel' ? camelCase(field.name) : field.name,
    required,
    nullable: !required,
    readOnly: false,
    writeOnly: false,
    constraints: {},
    source: entity.source,
    ...field,
  };
}

/**
 * How the entity's fields of several words are named on the wire: `camel` when most of them are
 * their name in camelCase (`order_id` sent as `orderId`), else `as-is`.
 */
function wireStyleOf(entity: Entity): 'camel' | 'as-is' {
  const worded = entity.fields.filter((f) => !f.system && f.name.includes('_'));
  const camel = worded.filter((f) => f.wireName === camelCase(f.name)).length;
  return camel > worded.length / 2 ? 'camel' : 'as-is';
}

/** The fields a client may send for the entity (not read-only, not a generated key). */
function writableFields(entity: Entity): string[] {
  return entity.fields.filter((f) => !f.readOnly && !f.system && !(f.name === entity.primaryKey.field && entity.primaryKey.generated)).map((f) => f.name);
}

function carriesWholeEntity(op: Operation, writable: readonly string[]): boolean {
  return op.input !== undefined && ['create', 'update', 'patch'].includes(op.kind) && writable.every((name) => op.input!.fields.includes(name));
}

function withInputField(op: Operation, field: Field): Operation {
  const input = op.input!;
  const required = field.required && op.kind !== 'patch' ? [...input.required, field.name] : input.required;
  const ignored = input.ignored?.filter((name) => name !== field.name);
  return { ...op, input: { fields: [...input.fields, field.name], required, ...(ignored !== undefined && ignored.length > 0 ? { ignored } : {}) } };
}
