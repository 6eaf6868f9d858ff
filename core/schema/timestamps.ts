import type { Field } from '../model/domain-model.js';

/** Which row timestamp a field is: kept by the database layer, not sent by clients. */
export type StorageTimestamp = 'created' | 'updated' | 'deleted';

const TIMESTAMPS: Readonly<Record<string, StorageTimestamp>> = { created_at: 'created', updated_at: 'updated', deleted_at: 'deleted' };

/** `created_at`/`updated_at`/`deleted_at` or a field the derivation made a stamp, holding a date-time; undefined for any other field. */
export function storageTimestamp(field: Field): StorageTimestamp | undefined {
  const kind = field.stamp ?? (Object.hasOwn(TIMESTAMPS, field.name) ? TIMESTAMPS[field.name] : undefined);
  return kind && field.type.kind === 'string' && field.type.format === 'date-time' ? kind : undefined;
}
