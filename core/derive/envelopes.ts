import type { SchemaNode } from '../model/api-document.js';
import { toSnake } from '../naming.js';
import type { SchemaTypes } from './schema-types.js';

/** Properties an envelope may carry besides its list: paging, counts, links. */
const ENVELOPE_META = new Set([
  'total', 'count', 'total_count', 'total_items', 'total_results', 'total_size', 'size', 'page', 'page_size', 'per_page', 'limit',
  'offset', 'cursor', 'next', 'previous', 'prev', 'next_page', 'next_page_token', 'next_cursor', 'has_more', 'links', 'meta', 'metadata',
  'kind', 'etag', 'self', 'first', 'last', 'current', 'pages', 'total_pages', 'page_num', 'page_no', 'page_number', 'has_next', 'has_previous',
]);

/**
 * The component listed by an envelope schema (`Employees: { Employees: Employee[] }`,
 * `{ items: Pet[], total }`): one array of a component object beside paging and count
 * properties only. Such a schema is a response shape, not an entity of its own.
 */
export function envelopeItemSchema(schemaName: string, types: SchemaTypes): string | undefined {
  const schema = types.componentSchema(schemaName);
  if (!schema) return undefined;
  let listed: string | undefined;
  for (const [wireName, property] of types.propertiesOf(schema).properties) {
    const items = property.type === 'array' ? types.componentName(property.items as SchemaNode | undefined) : undefined;
    if (items !== undefined && listed === undefined) {
      listed = items;
      continue;
    }
    if (!ENVELOPE_META.has(toSnake(wireName))) return undefined;
  }
  if (listed === undefined || listed === schemaName) return undefined;
  const itemSchema = types.componentSchema(listed);
  return itemSchema && types.propertiesOf(itemSchema).properties.size > 0 ? listed : undefined;
}
