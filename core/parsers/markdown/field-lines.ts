import { InfraStackError } from '../../errors.js';
import { readFieldRow, type FieldRow, type FieldTable, type WrittenField } from './field-table.js';
import { readsAsReference } from './field-notes.js';
import { parseTypeExpression } from './type-expression.js';

/**
 * Fields listed as people write them outside a table: lines of a fenced block under a `Name:`
 * label (`vin*   string(17)   unique`, `capacity: int`), a paragraph `FuelLog: vehicle_id* int,
 * liters* decimal(6,2)` and an endpoint's braces `{name*, city*, capacity: int}`. Each reader
 * gives a field table only when every entry reads as a field, so prose and code are left alone.
 */

const NAME = /^`?[A-Za-z_][A-Za-z0-9_]*`?\s*[*?]?$/;

/** `name*  type  notes`, `name: type  // notes`, `name type notes` (the longest type that reads). */
function splitEntry(text: string, typeOptional: boolean): Omit<WrittenField, 'hints' | 'defaultText'> | undefined {
  const bracketed = BRACKETED.exec(text.trim());
  if (bracketed) return bracketedEntry(bracketed[1]!, bracketed[2]!, bracketed[3] ?? '');
  const entry = text.replace(/\s*(?:\/\/|#)\s*/, '  ').trim();
  // `author_id -> authors.id (on delete restrict), required`: a key named by the column it points at.
  const pointing = /^(`?[A-Za-z_][A-Za-z0-9_]*`?\s*[*?]?)\s*(?:->|→|=>)\s*([A-Za-z_][A-Za-z0-9_]*)\.[A-Za-z_][A-Za-z0-9_]*\s*(.*)$/u.exec(entry);
  if (pointing) return { name: pointing[1]!, type: `references ${pointing[2]!}`, description: pointing[3]!.replace(/^[,;]\s*/, '') };
  // `name: type, notes` and, as Notion and wiki exports write it, `name — type, notes`.
  const colon = /^(`?[A-Za-z_][A-Za-z0-9_]*`?\s*[*?]?)(?:\s*:|\s+[—–-]{1,2})\s*(.+)$/.exec(entry);
  if (colon && NAME.test(colon[1]!)) return withType(colon[1]!, colon[2]!.split(/\s{2,}|\t+/), typeOptional);
  const columns = entry.split(/\s{2,}|\t+/);
  if (columns.length >= 2 && NAME.test(columns[0]!)) return withType(columns[0]!, columns.slice(1), typeOptional);
  const [name = '', ...words] = entry.split(/\s+/);
  if (!NAME.test(name)) return undefined;
  if (words.length === 0) return typeOptional ? { name, type: 'string', description: '' } : undefined;
  // The longest start of the rest that reads as a type; a capitalized word alone (`Unique`) is a named type only at the end.
  for (let end = words.length; end > 0; end -= 1) {
    const type = words.slice(0, end).join(' ');
    const parsed = parseTypeExpression(type);
    if (parsed !== undefined && (parsed.kind !== 'named' || end === words.length)) return { name, type, description: words.slice(end).join(' ') };
  }
  return undefined;
}

/** `` `nome` (testo, obbligatorio) – es. "Navigli" ``, `email (string, required): the login`: the type and notes in brackets after the name. */
const BRACKETED = /^(`?[A-Za-z_][A-Za-z0-9_]*`?\s*[*?]?)\s*[(（]((?:[^()（）]|\([^()]*\))+)[)）]\s*(?:(?:[-–—:：→]|->)\s*(.*))?$/su;
/** `perro, gato, ave`, `macho / hembra`: words listed after the brackets, the values of a field whose brackets give no type. */
const LISTED_VALUES = /^\s*[`"']?[\p{L}_][\p{L}\p{N}_-]*[`"']?(?:\s*(?:,|\/|\||、)\s*[`"']?[\p{L}_][\p{L}\p{N}_-]*[`"']?)+\s*\.?\s*$/u;

/** The longest start of the bracket's first part that reads as a type (`testo di 16 caratteri`: `testo`); the rest are notes. */
function bracketedEntry(name: string, inside: string, description: string): Omit<WrittenField, 'hints' | 'defaultText'> | undefined {
  const [first = '', ...notes] = splitAtFirstComma(inside.trim());
  const words = first.split(/\s+/);
  for (let end = words.length; end > 0; end -= 1) {
    const type = words.slice(0, end).join(' ');
    if (parseTypeExpression(type) === undefined) continue;
    return { name, type, description: [words.slice(end).join(' '), ...notes, description.trim()].filter((part) => part !== '').join('; ') };
  }
  // `` `first_name` (required): string ``: the brackets hold notes only, the type follows them.
  const [typeAfter = '', ...notesAfter] = splitAtFirstComma(description.trim());
  if (typeAfter !== '' && parseTypeExpression(typeAfter) !== undefined) return { name, type: typeAfter, description: [inside.trim(), ...notesAfter].filter((part) => part !== '').join('; ') };
  // `especie (obligatorio): perro, gato, ave`: no type in the brackets, the values after them.
  if (LISTED_VALUES.test(description)) return { name, type: `enum(${description.trim().replace(/\.$/, '').split(/\s*(?:,|\/|\||、)\s*/).join(', ')})`, description: inside.trim() };
  return undefined;
}

/**
 * `` `nome`, `cognome` (testo, obbligatori) ``: fields sharing a type and notes, each an entry of its
 * own; another entry as it is.
 */
export function sharedEntries(entries: { text: string; line: number }[]): { text: string; line: number }[] {
  return entries.flatMap((entry) => {
    // `nome, cognome (testo)`, `created_at / updated_at: timestamp`.
    const shared = /^((?:`?[A-Za-z_][A-Za-z0-9_]*`?\s*(?:,|、|\/|\s(?:and|e|y|et|und|và)\s)\s*)+`?[A-Za-z_][A-Za-z0-9_]*`?)\s*([(（].*|[:：].*|[—–]\s.*)$/su.exec(entry.text.trim());
    if (!shared) return [entry];
    const names = shared[1]!.split(/\s*(?:,|、|\/|\s(?:and|e|y|et|und|và)\s)\s*/);
    return names.map((name) => ({ text: `${name} ${shared[2]!}`, line: entry.line }));
  });
}

function withType(name: string, rest: string[], typeOptional: boolean): Omit<WrittenField, 'hints' | 'defaultText'> | undefined {
  const [written = '', ...notes] = rest.map((part) => part.trim()).filter((part) => part !== '');
  if (written === '') return typeOptional ? { name, type: 'string', description: '' } : undefined;
  // `name: varchar(100), required`: the type up to a comma outside its brackets, notes after it.
  const [first, ...after] = parseTypeExpression(written) !== undefined ? [written] : splitAtFirstComma(written);
  // `team_id: uuid → Team`: the key's type, then the row it points at.
  const pointed = first === undefined ? null : /^(.+?)\s*((?:→|->|=>)\s*\S.*)$/u.exec(first);
  const [type, pointer] = pointed && parseTypeExpression(pointed[1]!) !== undefined ? [pointed[1]!, pointed[2]!] : [first, undefined];
  if (type === undefined || (parseTypeExpression(type) === undefined && !readsAsReference(type))) return undefined;
  return { name, type, description: [...(pointer !== undefined ? [pointer] : []), ...after, ...notes].join('; ') };
}

/** `varchar(100), required` as `varchar(100)` and `required`; the text alone when no comma stands outside brackets. */
function splitAtFirstComma(text: string): string[] {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if ('([<'.includes(char)) depth += 1;
    else if (')]>'.includes(char)) depth -= 1;
    else if (char === ',' && depth === 0) return [text.slice(0, index).trim(), text.slice(index + 1).trim()];
  }
  return [text];
}

/** A field listed outside a table says it is required in its notes, there being no column to: `name: text, required`. */
const REQUIRED_NOTE = /(?<![\p{L}])(?<!not\s)(?<!non[\s-])(?:required|mandatory|obligatori[oa]s?|obrigatóri[oa]s?|obligatoires?|pflicht|erforderlich|obbligatori[oae]?|bắt buộc)(?![\p{L}])|必填|必须|필수/iu;

function tableOf(entries: { text: string; line: number }[], file: string, typeOptional: boolean): FieldTable | undefined {
  const written = entries.filter((entry) => entry.text.trim() !== '').map((entry) => ({ entry, field: splitEntry(entry.text, typeOptional) }));
  if (written.length === 0 || written.some(({ field }) => field === undefined)) return undefined;
  const rows: FieldRow[] = [];
  const seen = new Set<string>();
  for (const { entry, field } of written) {
    let row: FieldRow;
    try {
      row = readFieldRow({ ...field!, required: REQUIRED_NOTE.test(field!.description) }, file, entry.line);
    } catch (error) {
      if (error instanceof InfraStackError) return undefined;
      throw error;
    }
    if (seen.has(row.name)) return undefined;
    seen.add(row.name);
    rows.push(row);
  }
  return { rows, line: entries[0]!.line };
}

/** `relations:`, `indexes:` closing a YAML-like schema: sentences on the fields, not fields. */
const SCHEMA_EXTRAS = /^\s*(?:relations|relationships|associations|indexes|constraints|uniques|rules|notes)\s*:\s*$/i;

/**
 * A schema written as YAML in a fenced block: `Member:` (optional) over its fields indented
 * (`membership_no:  string(12), unique, required    # e.g. "M-00041873"`), then maybe a
 * `relations:` list whose items are sentences (`- member has many loans`). Undefined unless every
 * field line reads as a field.
 */
export function fieldTableFromSchemaBlock(text: string, firstLine: number, file: string): { name?: string; table: FieldTable; sentences: { text: string; line: number }[] } | undefined {
  const lines = text
    .split('\n')
    .map((line, index) => ({ text: line, line: firstLine + index }))
    .filter((line) => line.text.trim() !== '' && !/^\s*#/.test(line.text));
  const head = /^([A-Z][A-Za-z0-9_]*)\s*:\s*$/.exec(lines[0]?.text ?? '');
  const fields: { text: string; line: number }[] = [];
  const sentences: { text: string; line: number }[] = [];
  let extras = false;
  for (const line of lines.slice(head ? 1 : 0)) {
    if (SCHEMA_EXTRAS.test(line.text)) extras = true;
    else if (extras) {
      const item = /^\s*-\s+(.+)$/.exec(line.text);
      if (!item) return undefined;
      sentences.push({ text: item[1]!.trim(), line: line.line });
    } else fields.push({ text: line.text.trim(), line: line.line });
  }
  const table = fields.length > 0 ? tableOf(fields, file, false) : undefined;
  return table ? { ...(head ? { name: head[1]! } : {}), table, sentences } : undefined;
}

/**
 * The items of a bulleted list under a `Name:` label or a type's heading, when each is a field
 * (`- name: varchar(100), required`), or when most are and the others say something of them
 * (`- (team_id, user_id) is unique`): those come back as `rest`, to be read as sentences.
 */
export function fieldTableFromItems(items: { text: string; line: number }[], file: string): { table: FieldTable; rest: { text: string; line: number }[] } | undefined {
  if (items.length === 0) return undefined;
  const entries = sharedEntries(items);
  const whole = tableOf(entries, file, false);
  if (whole) return { table: whole, rest: [] };
  const fields = entries.filter((entry) => tableOf([entry], file, false) !== undefined);
  if (fields.length < 2 || fields.length * 2 <= entries.length) return undefined;
  const table = tableOf(fields, file, false);
  return table ? { table, rest: entries.filter((entry) => !fields.includes(entry)) } : undefined;
}

/** The lines of a fenced block, when each is a field: `vin*   string(17)   unique`. */
export function fieldTableFromLines(text: string, firstLine: number, file: string): FieldTable | undefined {
  const lines = text.split('\n').map((line, index) => ({ text: line, line: firstLine + index }));
  return tableOf(lines, file, false);
}

/** `vehicle_id* int, liters* decimal(6,2)`: entries split at commas outside parentheses and brackets. */
export function fieldTableFromList(text: string, line: number, file: string, typeOptional: boolean): FieldTable | undefined {
  const entries: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if ('([<'.includes(char)) depth += 1;
    if (')]>'.includes(char)) depth -= 1;
    if ((char === ',' || char === '，') && depth === 0) {
      entries.push(current);
      current = '';
    } else current += char;
  }
  entries.push(current);
  if (entries.length < 2 && !typeOptional) return undefined;
  return tableOf(entries.map((entry) => ({ text: entry, line })), file, typeOptional);
}
