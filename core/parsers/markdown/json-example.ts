import { InfraStackError } from '../../errors.js';
import { readFieldRow, type FieldRow, type FieldTable } from './field-table.js';
import { parseExampleValue, withoutJsonComments } from './json-comments.js';
import { rowOfEnvelopedExample } from './response-envelope.js';
import { parseTypeExpression } from './type-expression.js';

/** A comment saying the field is required, or that it is not, in the languages of the lists. */
const REQUIRED_SAID = /required|mandatory|必填|必须|必需|필수|obligatori|obrigatóri|pflicht|bắt buộc/iu;
const OPTIONAL_SAID = /optional|not\s+required|可选|选填|非必填|선택|facultati|opcional|opzional|tùy chọn|không bắt buộc/iu;

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
export function fieldTableFromJsonExample(written: string, firstLine: number, file = ''): FieldTable | undefined {
  const { json: text, comments } = withoutJsonComments(written);
  const value = parseExampleValue(text);
  // An answer in its envelope (`{"code": 0, "msg": "ok", "data": {...}}`) shows the row in its data.
  const example = rowOfEnvelopedExample(value) ?? (Array.isArray(value) ? value[0] : value);
  if (example === null || typeof example !== 'object' || Array.isArray(example)) return undefined;
  const rows: FieldRow[] = [];
  // `"rent": 1250.00`: written with a fraction, an amount, though JSON reads the number whole.
  const fractional = new Set([...text.matchAll(/"([^"\\]+)"\s*:\s*-?\d+\.\d+/g)].map((match) => match[1]!));
  for (const [name, field] of Object.entries(example as Record<string, unknown>)) {
    if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) return undefined;
    const keyLine = lineOfKey(text, name);
    const typeWord = field === null ? 'string | null' : typeof field === 'number' && fractional.has(name) ? 'number' : typeWordOf(field);
    // `"title": "Hello", // 必填，最多50字`: the comment on the field's line is its notes.
    const comment = comments.get(keyLine);
    const row = comment === undefined ? undefined : notedRow(name, typeWord, comment, field !== null, file, firstLine + keyLine);
    rows.push(row ?? { name, type: parseTypeExpression(typeWord)!, required: field !== null, hints: {}, line: firstLine + keyLine });
  }
  return rows.length > 0 ? { rows, line: firstLine, fromExample: true } : undefined;
}

/** The field as its comment describes it, read as a table row's notes; undefined when the notes do not read (the value's type stays). */
function notedRow(name: string, type: string, comment: string, shown: boolean, file: string, line: number): FieldRow | undefined {
  try {
    const row = readFieldRow({ name, type, description: comment }, file, line);
    // An example shows a field it sends: required, unless null or its comment says otherwise.
    const said = OPTIONAL_SAID.test(comment) ? false : REQUIRED_SAID.test(comment) ? true : undefined;
    return { ...row, required: said ?? shown };
  } catch (error) {
    if (error instanceof InfraStackError) return undefined;
    throw error;
  }
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
