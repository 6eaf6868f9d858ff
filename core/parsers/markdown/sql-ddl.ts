import { InfraStackError } from '../../errors.js';
import { readFieldRow, type FieldRow } from './field-table.js';

/** One `CREATE TABLE` of a fenced block: its columns as field rows, and the columns unique together. */
export interface CreatedTable {
  table: string;
  line: number;
  rows: FieldRow[];
  uniques: string[][];
}

const CREATE_TABLE = /create\s+table\s+(?:if\s+not\s+exists\s+)?(?:[`"[]?\w+[`"\]]?\.)?[`"[]?(\w+)[`"\]]?\s*\(/gi;
const TABLE_CONSTRAINT = /^(?:constraint\s+\S+\s+)?(unique|primary\s+key|foreign\s+key|check|index|key|unique\s+key|unique\s+index|exclude)\b/i;
const ON_DELETE = /\bon\s+delete\s+(cascade|restrict|set\s+null|no\s+action)\b/i;
const NAME = /^[`"[]?([A-Za-z_][A-Za-z0-9_]*)[`"\]]?$/;

/**
 * The tables a data model written as SQL declares (`CREATE TABLE stock_levels (…)` in a fenced
 * block, as DBAs and many design documents write it): each column a field, its type and
 * constraints read as a type cell's (`BIGINT NOT NULL REFERENCES warehouses(id) ON DELETE
 * CASCADE`, `VARCHAR(20) UNIQUE`, `DEFAULT 0`), a `-- comment` its notes, a check on it
 * (`CHECK (qty >= 0)`) its bound; `UNIQUE (a, b)`, `FOREIGN KEY (a) REFERENCES t(id) ON DELETE …`
 * as table constraints. Empty when the text declares no table.
 */
export function readCreateTables(text: string, firstLine: number, file: string): CreatedTable[] {
  const tables: CreatedTable[] = [];
  for (const match of text.matchAll(CREATE_TABLE)) {
    const start = match.index + match[0].length;
    const end = closingParen(text, start);
    if (end === undefined) continue;
    const line = firstLine + lineAt(text, match.index);
    const items = itemsOf(text.slice(start, end), firstLine + lineAt(text, start));
    const columns: { name: string; definition: string; comment: string; line: number }[] = [];
    const uniques: string[][] = [];
    const keys = new Map<string, string>();
    const checks = new Map<string, string>();
    for (const item of items) {
      const constraint = TABLE_CONSTRAINT.exec(item.text);
      if (constraint) {
        const kind = constraint[1]!.toLowerCase().replace(/\s+/g, ' ');
        const listed = /\(([^()]*)\)/.exec(item.text.slice(constraint.index + constraint[0].length))?.[1];
        const names = listed?.split(',').map((name) => NAME.exec(name.trim())?.[1]).filter((name): name is string => name !== undefined) ?? [];
        if (kind.startsWith('unique') && names.length > 0) uniques.push(names);
        // `CONSTRAINT stock_levels_qty_nonneg CHECK (qty >= 0)`: a bound of its column.
        const bound = kind === 'check' ? /\(\s*[`"]?(\w+)[`"]?\s*(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)\s*\)/.exec(item.text) : null;
        if (bound) checks.set(bound[1]!, `${bound[2]} ${bound[3]}`);
        if (kind === 'foreign key' && names.length === 1) {
          const target = /\breferences\s+[`"]?(\w+)/i.exec(item.text)?.[1];
          const onDelete = ON_DELETE.exec(item.text)?.[1];
          if (target) keys.set(names[0]!, `references ${target}${onDelete ? `; on delete ${onDelete}` : ''}`);
        }
        continue;
      }
      const [first = '', ...rest] = item.text.split(/\s+/);
      const name = NAME.exec(first)?.[1];
      if (!name || rest.length === 0) continue;
      columns.push({ name, definition: rest.join(' '), comment: item.comment, line: item.line });
    }
    const rows = columns.flatMap(({ name, definition, comment, line: rowLine }) => {
      const onDelete = ON_DELETE.exec(definition)?.[1];
      const check = new RegExp(String.raw`\bcheck\s*\(\s*${name}\s*(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)\s*\)`, 'i').exec(definition);
      const notes = [comment, onDelete ? `on delete ${onDelete}` : '', check ? `${check[1]} ${check[2]}` : (checks.get(name) ?? ''), keys.get(name) ?? ''].filter((part) => part !== '').join('; ');
      const type = definition.replace(ON_DELETE, '').replace(/\bcheck\s*\((?:[^()]|\([^()]*\))*\)/gi, '').trim();
      try {
        return [readFieldRow({ name, type, description: notes }, file, rowLine)];
      } catch (error) {
        if (error instanceof InfraStackError) return [];
        throw error;
      }
    });
    if (rows.length > 0) tables.push({ table: match[1]!, line, rows, uniques });
  }
  return tables;
}

/** The index of the `)` closing the `(` just before `start`. */
function closingParen(text: string, start: number): number | undefined {
  let depth = 1;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return undefined;
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length - 1;
}

/** The table body's items, split at commas outside parentheses, each with its `-- comment` and line. */
function itemsOf(body: string, firstLine: number): { text: string; comment: string; line: number }[] {
  const items: { text: string; comment: string; line: number }[] = [];
  let current = '';
  let comment = '';
  let line = firstLine;
  let depth = 0;
  const lines = body.split('\n');
  const flush = () => {
    if (current.trim() !== '') items.push({ text: current.trim(), comment: comment.trim(), line });
    current = '';
    comment = '';
  };
  for (const [offset, raw] of lines.entries()) {
    const at = raw.indexOf('--');
    const code = at >= 0 ? raw.slice(0, at) : raw;
    const remark = at >= 0 ? raw.slice(at + 2).trim() : '';
    if (current.trim() === '' && code.trim() !== '') line = firstLine + offset;
    // A comment after a column's comma is that column's.
    let used = false;
    for (const char of code) {
      if (char === '(') depth += 1;
      else if (char === ')') depth -= 1;
      if (char === ',' && depth === 0) {
        if (remark !== '' && !used) {
          comment = remark;
          used = true;
        }
        flush();
        line = firstLine + offset;
        continue;
      }
      current += char;
    }
    current += ' ';
    if (remark !== '' && !used) comment = remark;
  }
  flush();
  return items;
}
