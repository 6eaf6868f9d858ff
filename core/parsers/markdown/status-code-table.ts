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
 * The codes that name what any error of a status is, as opposed to one cause of it (`EVENT_SOLD_OUT`
 * and `SLOT_TAKEN` are 409s too, but the app's 409 for a taken unique value is neither).
 */
const GENERIC_CODES: Readonly<Record<number, RegExp>> = {
  400: /^(?:BAD_REQUEST|INVALID_(?:REQUEST|INPUT|PARAMS?|PARAMETERS?|ARGUMENTS?)|VALIDATION(?:_\w+)?|PARAM(?:ETER)?S?_(?:ERROR|INVALID))$/,
  401: /^(?:UNAUTHORI[SZ]ED|UNAUTHENTICATED|AUTH(?:ENTICATION)?_(?:REQUIRED|FAILED|ERROR)|NOT_AUTHENTICATED)$/,
  403: /^(?:FORBIDDEN|PERMISSION_DENIED|ACCESS_DENIED|NO_PERMISSION)$/,
  404: /^(?:NOT_FOUND|RESOURCE_NOT_FOUND|\w+_NOT_FOUND)$/,
  405: /^(?:METHOD_NOT_ALLOWED)$/,
  409: /^(?:CONFLICT|DUPLICATE(?:_\w+)?|\w*_?ALREADY_EXISTS?|\w+_EXISTS|UNIQUE_\w+|RESOURCE_CONFLICT)$/,
  422: /^(?:VALIDATION(?:_\w+)?|UNPROCESSABLE(?:_\w+)?|INVALID_(?:REQUEST|INPUT|PARAMS?|PARAMETERS?|BODY|ENTITY))$/,
  429: /^(?:TOO_MANY_REQUESTS|RATE_LIMIT(?:ED|_EXCEEDED)?|THROTTLED)$/,
  500: /^(?:INTERNAL(?:_\w+)?|SERVER_ERROR|UNKNOWN(?:_ERROR)?|UNEXPECTED(?:_ERROR)?)$/,
  503: /^(?:SERVICE_UNAVAILABLE|UNAVAILABLE)$/,
};

/**
 * The error code each status's rows name (`| 404 | \`NOT_FOUND\` | Resource does not exist |`): a
 * word in capitals in a cell after the status, one naming any error of that status (`CONFLICT`,
 * `DUPLICATE`, not `EVENT_SOLD_OUT`). A status whose rows name none is left out, and the app names it.
 */
export function statusErrorCodes(table: MarkdownTable): Map<number, string> {
  const codes = new Map<number, string>();
  for (const row of table.children.slice(1)) {
    const [status, ...rest] = cellTexts(row).map((cell) => cell.trim().replace(/^[`*_]+|[`*_]+$/g, ''));
    const number = Number(/^([1-5]\d\d)\b/.exec(status ?? '')?.[1]);
    const code = rest.find((cell) => ERROR_CODE.test(cell) && GENERIC_CODES[number]?.test(cell) === true);
    if (code !== undefined && !codes.has(number)) codes.set(number, code);
  }
  return codes;
}
