import type { Entity, Field } from '../model/domain-model.js';
import { CREATED_NAMES, UPDATED_NAMES } from '../model/stamp-names.js';

/**
 * The row's moments under the document's own names: a date-time the server gives (read-only, never
 * null) named as when the row was made or changed is kept by the database, as `created_at` and
 * `updated_at` are, and stands for them: rows then carry one creation time, the one the document
 * shows, instead of a column the document never fills beside one it never sees.
 */
export function adoptDeclaredStamps(entity: Entity): void {
  const adopted: Field[] = [];
  for (const [kind, names, own] of [['created', CREATED_NAMES, 'created_at'], ['updated', UPDATED_NAMES, 'updated_at']] as const) {
    if (entity.fields.some((f) => f.name === own || f.stamp === kind)) continue;
    const field = entity.fields.find((f) => names.has(f.name) && isServerMoment(f));
    if (!field) continue;
    field.stamp = kind;
    field.required = true;
    adopted.push(field);
  }
  if (adopted.length === 0) return;
  entity.reasons.stamps = {
    rule: `${adopted.map((f) => f.wireName).join(' and ')}: a date-time the server gives, named as when the row was ${adopted.map((f) => (f.stamp === 'created' ? 'made' : 'changed')).join(' and ')}; kept by the database in place of created_at/updated_at`,
    source: adopted[0]!.source,
  };
}

function isServerMoment(field: Field): boolean {
  return !field.system && field.readOnly && !field.writeOnly && !field.nullable && field.relation === undefined && field.type.kind === 'string' && field.type.format === 'date-time';
}
