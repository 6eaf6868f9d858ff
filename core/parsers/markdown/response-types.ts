import type { DocumentOutline } from './document-outline.js';

/**
 * `响应：List<OrderItemVO>` with a table right under it: the table defines the type the line names,
 * where nothing else in the document does (a `OrderItemVO:` label, a heading).
 */
export function withResponseTypesDefined(outline: DocumentOutline): DocumentOutline {
  const named = new Set(outline.namedTables.map((table) => table.name));
  for (const endpoint of outline.endpoints) {
    for (const response of endpoint.responses) {
      const typeName = response.body?.typeName;
      if (typeName === undefined || response.table === undefined || named.has(typeName)) continue;
      named.add(typeName);
      outline.namedTables.push({ name: typeName, line: response.line, table: response.table });
    }
  }
  return outline;
}
