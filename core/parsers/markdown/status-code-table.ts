import type { MarkdownTable } from './markdown-tree.js';
import { cellTexts } from './markdown-tree.js';

/** `200`, `404 Not Found`, `4xx`: a row of a table of response statuses. */
const STATUS_CELL = /^(?:[1-5]\d\d|[1-5]xx)\b/i;

/**
 * A table of the statuses an endpoint answers (`| 状态码 | 说明 |`, `| Status | Meaning |`, `| Code |
 * Description |`): every row opens with an HTTP status. It says what the responses mean, not which
 * fields they carry.
 */
export function isStatusCodeTable(table: MarkdownTable): boolean {
  const [header, ...rows] = table.children;
  if (!header || rows.length === 0) return false;
  return rows.every((row) => STATUS_CELL.test((cellTexts(row)[0] ?? '').replace(/[`*_]/g, '').trim()));
}
