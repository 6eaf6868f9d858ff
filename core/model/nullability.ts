import type { Entity, Field } from './domain-model.js';

/**
 * Whether a field always holds a value: required, and not nullable. Where a field's value may be
 * missing is decided here and only here: the columns that store it, the ER diagram's cardinality,
 * the infrastructure plan, the mappers and the test data all ask.
 */
export function alwaysHasValue(field: Field): boolean {
  return field.required && !field.nullable;
}

/**
 * Whether the column storing `field` of `entity` takes NULL: every column but the primary key's
 * whose field may lack a value, and one the document makes read-only though required (gsmtasks'
 * `sent_at`, `url`: drf-spectacular marks every read-only property required): no client sends it,
 * so a row created through the API has none until something the document does not describe fills it.
 */
export function isNullableColumn(entity: Entity, field: Field): boolean {
  return field.name !== entity.primaryKey.field && (!alwaysHasValue(field) || (field.readOnly && !field.system && !isDeletionFlag(field)));
}

/**
 * A soft delete's flag (`is_deleted`, `del_flag`) rather than its time: read-only, yet never
 * empty: live (false, `0`) from the row's creation until deleting sets it.
 */
export function isDeletionFlag(field: Field): boolean {
  return field.stamp === 'deleted' && !(field.type.kind === 'string' && field.type.format === 'date-time');
}

/** Whether a field may be left out but never be null: optional, and not nullable. Unset, it is left out. */
export function omittedWhenUnset(field: Field): boolean {
  return !field.required && !field.nullable;
}
