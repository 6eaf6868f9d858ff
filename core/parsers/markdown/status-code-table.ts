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

/** `NOT_FOUND`, `VALIDATION_ERROR`: an error's code as lists name it, in capitals. */
const ERROR_CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/**
 * The error code each status's row names (`| 404 | \`NOT_FOUND\` | Resource does not exist |`): the
 * first cell after the status holding one word in capitals. Statuses whose row names none are left out.
 */
export function statusErrorCodes(table: MarkdownTable): Map<number, string> {
  const codes = new Map<number, string>();
  for (const row of table.children.slice(1)) {
    const [status, ...rest] = cellTexts(row).map((cell) => cell.trim().replace(/^[`*_]+|[`*_]+$/g, ''));
    const number = /^([1-5]\d\d)\b/.exec(status ?? '')?.[1];
    const code = rest.find((cell) => ERROR_CODE.test(cell) && cell.length >= 3);
    if (number !== undefined && code !== undefined) codes.set(Number(number), code);
  }
  return codes;
}
