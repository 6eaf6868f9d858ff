import type { Entity, Field } from '../model/domain-model.js';

/** How documents name the moment a row was made, snake_case (`createTime`, `gmt_create`, `dateCreated`). */
const CREATED_NAMES = new Set([
  'created', 'create_time', 'created_time', 'creation_time', 'create_at', 'created_on', 'create_date', 'created_date', 'creation_date',
  'date_created', 'created_datetime', 'create_datetime', 'gmt_create', 'inserted_at', 'insert_time', 'add_time', 'added_at',
]);
/** How documents name the moment a row last changed (`updateTime`, `lastModified`, `gmt_modified`). */
const UPDATED_NAMES = new Set([
  'updated', 'update_time', 'updated_time', 'update_at', 'updated_on', 'update_date', 'updated_date', 'updated_datetime', 'update_datetime',
  'modified', 'modified_at', 'modified_on', 'modified_time', 'modify_time', 'modification_time', 'modification_date', 'modified_date',
  'last_modified', 'last_modified_at', 'last_modified_time', 'last_modified_date', 'last_updated', 'last_updated_at', 'last_update_time',
  'date_modified', 'date_updated', 'gmt_modified', 'changed_at', 'edit_time', 'edited_at',
]);

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
