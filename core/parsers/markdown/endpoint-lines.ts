import { markdownError } from './errors.js';
import type { FieldTable } from './field-table.js';
import { parseTypeExpression, EXPECTED_TYPES } from './type-expression.js';

/** What a `Response 200: page of User — id, email` line says. */
export interface ResponseLine {
  status: string;
  /** The body: a named type, an array of one, a page of one; absent for no body. */
  body?: { shape: 'single' | 'array' | 'page'; typeName: string };
  /** Field names listed after the dash. */
  fields: string[];
  /** A field table right below the line: the fields of the response type, with their types. */
  table?: FieldTable;
  line: number;
}

export interface QueryItem {
  name: string;
  /** The text in parentheses after the name (`filter`, `price, -price`). */
  note?: string;
}

export interface QueryLine {
  items: QueryItem[];
  line: number;
}

const RESPONSE = /^responses?\s+(\d{3}|[1-5]xx)\b\s*(?::\s*(.*))?$/i;
const QUERY = /^query(?:\s+param(?:eter)?s?)?\s*:\s*(.*)$/i;
const BODY_LABEL = /^(?:request\s+)?body\s*:?\s*$/i;
const DASH = /\s+(?:—|–|-)\s+|\s*(?:—|–)\s*/;
const PAGE_OF = /^(?:page|paged\s+list|paginated\s+list)\s+of\s+(.+)$/i;

/** Splits at commas outside parentheses: `a, b (x, y)` → `a`, `b (x, y)`. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

export function isBodyLabel(text: string): boolean {
  return BODY_LABEL.test(text);
}

export function readResponseLine(text: string, file: string, line: number): ResponseLine | undefined {
  const match = RESPONSE.exec(text);
  if (!match) return undefined;
  const status = match[1]!.toUpperCase();
  const [typeText = '', fieldText = ''] = (match[2] ?? '').split(DASH, 2).map((part) => part.trim());
  const fields = splitTopLevel(fieldText).map((field) => field.replace(/[.;]$/, ''));
  if (typeText === '') return { status, fields, line };
  const page = PAGE_OF.exec(typeText);
  const expression = parseTypeExpression(page ? page[1]! : typeText);
  const named = expression?.kind === 'named' ? expression.name : expression?.kind === 'array' && expression.items.kind === 'named' ? expression.items.name : undefined;
  if (!expression || named === undefined) {
    throw markdownError(file, line, `cannot read the response type "${typeText}": expected a named type (User), \`page of User\`, \`list of User\` or \`User[]\`; field types are ${EXPECTED_TYPES}`);
  }
  const shape = page ? 'page' : expression.kind === 'array' ? 'array' : 'single';
  return { status, body: { shape, typeName: named }, fields, line };
}

/** `Query: page, limit, email (filter), sort (price, -price)`. */
export function readQueryLine(text: string, line: number): QueryLine | undefined {
  const match = QUERY.exec(text);
  if (!match) return undefined;
  const items = splitTopLevel(match[1]!.replace(/[.]$/, '')).map((item) => {
    const parts = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?/.exec(item);
    const name = parts?.[1] ?? item;
    const note = parts?.[2]?.trim();
    return { name, ...(note ? { note } : {}) };
  });
  return { items, line };
}
