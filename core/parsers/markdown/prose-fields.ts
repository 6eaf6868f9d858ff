import { InfraStackError } from '../../errors.js';
import { toSnake } from '../../naming.js';
import { schemaFromFieldName } from './field-name-types.js';
import { readFieldRow, type FieldRow, type FieldTable } from './field-table.js';
import { lineOf, plainText, type MarkdownBlock } from './markdown-tree.js';

/**
 * Fields described in sentences, one a bullet, the name in bold or in a code span (`- a **name**
 * (required, up to 120 characters),`, `- an **address line** (optional)`, `- a **capacity**, which
 * is a whole number and must be at least 1`): the name, a type the words say (else the one the
 * name says), and the rest as the field's notes, which read its bounds, default and required-ness.
 * Undefined unless every item of the list (two at least) is such a sentence.
 */
export function fieldTableFromProse(items: readonly MarkdownBlock[], file: string): FieldTable | undefined {
  if (items.length < 2) return undefined;
  const rows: FieldRow[] = [];
  for (const item of items) {
    const row = proseField(item, file);
    if (!row || rows.some((other) => other.name === row.name)) return undefined;
    rows.push(row);
  }
  return { rows, line: lineOf(items[0]!) };
}

/** The words that name a type in a sentence about a field, most specific first. */
const TYPE_WORDS: [RegExp, string][] = [
  [/\bwhole\s+numbers?\b|\bintegers?\b|\bcounts?\b/i, 'int'],
  [/\bdecimals?\b|\bmoney\b|\bamounts?\s+of\s+money\b|\bcurrency\b/i, 'decimal'],
  [/\bdate[\s-]?times?\b|\btimestamps?\b|\bpoints?\s+in\s+time\b/i, 'datetime'],
  [/\bdates?\b|\bday\b/i, 'date'],
  [/\bnumbers?\b/i, 'float'],
  [/\be-?mail\s+address(?:es)?\b/i, 'email'],
  [/\burls?\b|\blinks?\b|\bweb\s+address(?:es)?\b/i, 'url'],
  [/\byes\/no\b|\btrue\/false\b|\bbooleans?\b|\bflags?\b/i, 'bool'],
  [/\buuids?\b/i, 'uuid'],
];

const NAME = /^[A-Za-z][A-Za-z0-9_]*(?:[\s-]+[A-Za-z0-9_]+)*$/;

function proseField(item: MarkdownBlock, file: string): FieldRow | undefined {
  if (item.type !== 'listItem') return undefined;
  const [first, ...rest] = item.children;
  if (first?.type !== 'paragraph' || rest.length > 0) return undefined;
  const named = first.children.filter((child) => child.type === 'strong' || child.type === 'inlineCode');
  const [nameNode] = named;
  if (named.length !== 1 || !nameNode) return undefined;
  const written = plainText(nameNode).trim();
  if (!NAME.test(written)) return undefined;
  const text = plainText(first).replace(/\s+/g, ' ').trim();
  const at = text.indexOf(written);
  // `a name`, `and a timezone`: the words before the name are no more than an article.
  if (at < 0 || !/^(?:(?:and|or|plus|also)\s+)?(?:(?:a|an|the|its|their|one|some)\s+)?$/i.test(text.slice(0, at))) return undefined;
  const notes = text.slice(at + written.length).replace(/^[\s,:;—–-]+/, '').replace(/^(?:which|that)\s+(?:is|are)\s+/i, '').replace(/[\s,;.]+$/, '');
  const name = toSnake(written);
  const type = (/\be-?mail\b/i.test(written) ? 'email' : undefined) ?? TYPE_WORDS.find(([pattern]) => pattern.test(notes) || pattern.test(written))?.[1] ?? nameType(name);
  try {
    return readFieldRow({ name, type, description: notes, required: /\brequired\b|\bmandatory\b|\bmust\s+(?:be\s+)?(?:given|provided|set)\b/i.test(notes) && !/\boptional\b/i.test(notes) }, file, lineOf(item));
  } catch (error) {
    if (error instanceof InfraStackError) return undefined;
    throw error;
  }
}

/** The type a field's name says (`*_id` a key, `*_at` a moment), as a table without a type would give it. */
function nameType(name: string): string {
  const schema = schemaFromFieldName(name);
  return schema.format === 'date-time' ? 'datetime' : typeof schema.format === 'string' ? schema.format : String(schema.type);
}
