import type { FieldRow, FieldTable } from './field-table.js';
import { parseTypeExpression, type TypeExpression } from './type-expression.js';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * The fields an example JSON body shows (a fenced block under an endpoint, as many API lists give a
 * request or a response instead of a table), typed by their values: `45` an integer, `4.5` a
 * number, `"2024-01-01T10:00:00Z"` a date-time, `["a"]` a list of text, an object any JSON. A
 * field the example shows is required unless its value is `null`, which makes it nullable text. Undefined when the block is no
 * JSON object (nor a list of objects, whose first is read).
 */
export function fieldTableFromJsonExample(text: string, firstLine: number): FieldTable | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const example = Array.isArray(value) ? value[0] : value;
  if (example === null || typeof example !== 'object' || Array.isArray(example)) return undefined;
  const rows: FieldRow[] = [];
  // `"rent": 1250.00`: written with a fraction, an amount, though JSON reads the number whole.
  const fractional = new Set([...text.matchAll(/"([^"\\]+)"\s*:\s*-?\d+\.\d+/g)].map((match) => match[1]!));
  for (const [name, field] of Object.entries(example as Record<string, unknown>)) {
    if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) return undefined;
    const type = typeof field === 'number' && fractional.has(name) ? parseTypeExpression('number')! : typeOfExample(field);
    rows.push({ name, type, required: field !== null, hints: {}, line: firstLine + lineOfKey(text, name) });
  }
  return rows.length > 0 ? { rows, line: firstLine, fromExample: true } : undefined;
}

/** A value's type; `null` says the field may be null (of a type the example does not show: text). */
function typeOfExample(value: unknown): TypeExpression {
  return parseTypeExpression(value === null ? 'string | null' : typeWordOf(value))!;
}

function typeWordOf(value: unknown): string {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string') {
    if (DATE_TIME.test(value)) return 'datetime';
    if (DATE.test(value)) return 'date';
    if (UUID.test(value)) return 'uuid';
    if (EMAIL.test(value)) return 'email';
    return 'string';
  }
  if (Array.isArray(value)) {
    const items = value.filter((item) => item !== null);
    const words = new Set(items.map(typeWordOf));
    const [word] = words;
    return words.size === 1 && word !== 'json' && !word!.endsWith('[]') ? `${word}[]` : 'json';
  }
  return value === null ? 'string' : 'json';
}

/** The line of a key within the block (0 for the first), for the field's source. */
function lineOfKey(text: string, name: string): number {
  const at = text.indexOf(JSON.stringify(name));
  return at === -1 ? 0 : text.slice(0, at).split('\n').length - 1;
}
