import type { SchemaNode } from '../../model/api-document.js';

/**
 * The type of a field known only by its name (listed in a response line or a query line):
 * `id`/`*_id` integer, `*_at` date-time, `*_on`/`*_date` date, `is_*`/`has_*` boolean, else string.
 */
export function schemaFromFieldName(name: string): SchemaNode {
  const lower = name.toLowerCase();
  if (lower === 'id' || lower.endsWith('_id')) return { type: 'integer' };
  if (lower.endsWith('_at')) return { type: 'string', format: 'date-time' };
  if (lower.endsWith('_on') || lower.endsWith('_date') || lower === 'date') return { type: 'string', format: 'date' };
  if (lower.startsWith('is_') || lower.startsWith('has_')) return { type: 'boolean' };
  return { type: 'string' };
}

/** A path parameter: integer when it names a key (`id`, `user_id`), else string. */
export function schemaFromPathParameter(name: string): SchemaNode {
  const lower = name.toLowerCase();
  const namesKey = lower === 'id' || lower.endsWith('_id') || /[a-z]Id$/.test(name);
  return namesKey ? { type: 'integer' } : { type: 'string' };
}
