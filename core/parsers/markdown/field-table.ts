import type { SchemaNode } from '../../model/api-document.js';
import { markdownError } from './errors.js';
import { extractHintTokens, fieldHints } from './hint-tokens.js';
import { cellTexts, lineOf, type MarkdownTable } from './markdown-tree.js';
import { EXPECTED_TYPES, parseTypeExpression, type TypeExpression } from './type-expression.js';

/** One row of a field table. */
export interface FieldRow {
  name: string;
  type: TypeExpression;
  required: boolean;
  description?: string;
  /** `x-` hints, readOnly and writeOnly the row's hint tokens ask for. */
  hints: SchemaNode;
  line: number;
}

export interface FieldTable {
  rows: FieldRow[];
  line: number;
}

type Column = 'name' | 'type' | 'required' | 'optional' | 'description' | 'hints';

/** Header words per column, matched as whole words of the lower-cased header. */
const COLUMN_WORDS: [Column, string[]][] = [
  ['optional', ['optional']],
  ['required', ['required', 'req', 'mandatory']],
  ['hints', ['hints', 'hint', 'flags', 'constraints']],
  ['type', ['type', 'datatype', 'kind']],
  ['name', ['field', 'name', 'property', 'column', 'attribute', 'param', 'parameter', 'key']],
  ['description', ['description', 'desc', 'notes', 'note', 'comment', 'comments', 'details', 'remarks']],
];

const YES = new Set(['yes', 'y', 'true', '✓', '✔', '✅', 'x', 'required', '1']);
const NO = new Set(['', 'no', 'n', 'false', 'optional', '-', '—', '0', '✗', '✘']);
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function columnOf(header: string): Column | undefined {
  const words = header.toLowerCase().replace(/data\s+type/g, 'datatype').split(/[^a-z]+/).filter(Boolean);
  return COLUMN_WORDS.find(([, synonyms]) => synonyms.some((word) => words.includes(word)))?.[0];
}

/** Where each column is; the first header naming a column wins. */
export function columnsOf(headers: readonly string[]): Partial<Record<Column, number>> {
  const columns: Partial<Record<Column, number>> = {};
  headers.forEach((header, index) => {
    const column = columnOf(header);
    if (column !== undefined && columns[column] === undefined) columns[column] = index;
  });
  return columns;
}

/** A field table names its fields and their types; other tables (tech stack, priorities) do not. */
export function isFieldTable(table: MarkdownTable): boolean {
  const header = table.children[0];
  if (!header) return false;
  const columns = columnsOf(cellTexts(header));
  return columns.name !== undefined && columns.type !== undefined;
}

function flag(value: string, file: string, line: number): boolean {
  const normalized = value.trim().toLowerCase();
  if (YES.has(normalized)) return true;
  if (NO.has(normalized)) return false;
  throw markdownError(file, line, `cannot read "${value}" as required or not: expected yes/no, true/false, y/n, ✓, x, required/optional or an empty cell`);
}

/** An empty cell means not required, in a `required` column and in an `optional` one alike. */
function requiredOf(requiredCell: string, optionalCell: string, columns: Partial<Record<Column, number>>, file: string, line: number): boolean {
  if (columns.required !== undefined) return flag(requiredCell, file, line);
  if (columns.optional === undefined || optionalCell.trim() === '') return false;
  return !flag(optionalCell, file, line);
}

/** Reads a field table: columns in any order, header wording and case forgiven. */
export function readFieldTable(table: MarkdownTable, file: string): FieldTable {
  const [header, ...body] = table.children;
  const line = lineOf(table);
  const headers = header ? cellTexts(header) : [];
  const columns = columnsOf(headers);
  if (columns.name === undefined || columns.type === undefined) {
    const missing = [columns.name === undefined ? 'a field column (field, name, property, column or attribute)' : '', columns.type === undefined ? 'a type column (type, data type or kind)' : '']
      .filter(Boolean)
      .join(' and ');
    throw markdownError(file, line, `a field table needs ${missing}; its header is | ${headers.join(' | ')} |`);
  }
  const seen = new Map<string, number>();
  const rows: FieldRow[] = [];
  for (const row of body) {
    const cells = cellTexts(row);
    const rowLine = lineOf(row);
    const cell = (column: Column): string => (columns[column] === undefined ? '' : (cells[columns[column]!] ?? ''));
    const name = cell('name');
    if (name === '' && cells.every((c) => c === '')) continue;
    if (!FIELD_NAME.test(name)) throw markdownError(file, rowLine, `"${name}" is no field name: expected letters, digits and underscores`);
    const previous = seen.get(name);
    if (previous !== undefined) throw markdownError(file, rowLine, `field ${name} is listed twice in this table (first at line ${previous})`);
    seen.set(name, rowLine);
    const typeText = cell('type');
    const type = parseTypeExpression(typeText);
    if (!type) {
      const what = typeText === '' ? 'has no type' : `has the unknown type "${typeText}"`;
      throw markdownError(file, rowLine, `field ${name} ${what}: expected ${EXPECTED_TYPES}`);
    }
    const required = requiredOf(cell('required'), cell('optional'), columns, file, rowLine);
    const described = extractHintTokens(cell('description'));
    const hinted = extractHintTokens(cell('hints'));
    rows.push({
      name,
      type,
      required,
      ...(described.text !== '' ? { description: described.text } : {}),
      hints: fieldHints([...described.tokens, ...hinted.tokens], file, rowLine),
      line: rowLine,
    });
  }
  return { rows, line };
}
