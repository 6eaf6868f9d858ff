import type { Entity, Operation, SoftDeleteFlag } from './domain-model.js';
import { isDeletionFlag } from './nullability.js';

/**
 * The field an item operation finds its row by when that is not the primary key
 * (`GET /users/{username}` → `username`); undefined when it finds the row by its primary key.
 * Stacks name a lookup method after it, and documents list that method.
 */
export function lookupFieldOf(operation: Operation, entity: Entity): string | undefined {
  const field = operation.keyField;
  if (field === undefined || field === entity.primaryKey.field) return undefined;
  return entity.fields.some((f) => f.name === field) ? field : undefined;
}

/** The field soft deleting a row sets: the document's own where a rule names it (`retired_at`), else the added `deleted_at`. */
export function deletionMarkOf(entity: Entity): string {
  return entity.softDeleteField ?? 'deleted_at';
}

/**
 * The values the entity's deletion mark holds while a row is live and once it is deleted, where
 * the mark is a flag (`is_deleted`: false, true; `del_flag`: `"0"`, `"2"`); undefined for a time
 * (null while live, the moment of deleting after).
 */
export function deletionFlag(entity: Entity): SoftDeleteFlag | undefined {
  if (entity.softDeleteFlag) return entity.softDeleteFlag;
  const mark = deletionMarkOf(entity);
  const field = entity.fields.find((f) => f.name === mark);
  return field !== undefined && isDeletionFlag(field) && field.type.kind === 'boolean' ? { live: false, deleted: true } : undefined;
}
