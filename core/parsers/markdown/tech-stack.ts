import type { DatabaseChoice, DocumentSettings } from '../../model/api-document.js';
import type { OtherTable, Sentence } from './document-outline.js';
import { markdownError } from './errors.js';
import { cellTexts, lineOf } from './markdown-tree.js';

/** Word boundaries that know letters outside ASCII (`\b` does not: `công nghệ` ends in no word character for it). */
const START = String.raw`(?<![\p{L}\p{N}_])`;
const END = String.raw`(?![\p{L}\p{N}_])`;

const STACK_HEADER = new RegExp(String.raw`${START}(?:choices?|technolog(?:y|ies)|tech|selection|stack|tools?|value|option|elección|tecnología|choix|technologie|wahl|công nghệ)${END}|选型|选择|技术|方案|技術|選定`, 'iu');
const STACK_HEADING = new RegExp(String.raw`${START}(?:tech(?:nology)?|stack|tecnología|technologie|công nghệ)${END}|技术|选型|技術`, 'iu');
const DATABASE_ROW = /\b(?:database|db|rdbms|base de datos|base de données|datenbank|cơ sở dữ liệu)\b|数据库|データベース/iu;

const DATABASES: [RegExp, DatabaseChoice][] = [
  [/\bpostgre(?:s|sql)?\b/i, 'postgresql'],
  [/\b(?:mysql|mariadb)\b/i, 'mysql'],
  [/\bsqlite\d*\b/i, 'sqlite'],
];

/** A tech-stack table: its header or the heading above it speaks of technology choices. */
function isTechStackTable({ table, heading }: OtherTable): boolean {
  const header = table.children[0];
  if (!header || header.children.length < 2) return false;
  return cellTexts(header).some((cell) => STACK_HEADER.test(cell)) || (heading !== undefined && STACK_HEADING.test(heading));
}

/** `Database: PostgreSQL`, `- **DB** — MySQL 8`, `数据库：MySQL`, `Cơ sở dữ liệu: PostgreSQL`: a database chosen on a line of its own. */
const DATABASE_LINE = new RegExp(`^\\W*(?:${DATABASE_ROW.source})\\W*?\\s*[:：=\\-–—]\\s*(.+)$`, 'iu');
/** A value that short is a choice, not a sentence about the database. */
const CHOICE_WORDS = 4;

/**
 * The database a tech-stack table chooses (its row whose first cell mentions a database), or a
 * line naming it (`Database: PostgreSQL`).
 */
export function readTechStack(tables: readonly OtherTable[], sentences: readonly Sentence[], file: string): { settings: DocumentSettings; found: boolean } {
  let settings: DocumentSettings = {};
  let found = false;
  const choose = (written: string, line: number) => {
    const database = DATABASES.find(([pattern]) => pattern.test(written))?.[1];
    if (!database) throw markdownError(file, line, `unsupported database "${written}": expected PostgreSQL, MySQL (or MariaDB) or SQLite`);
    if (settings.database !== undefined && settings.database !== database) {
      throw markdownError(file, line, `database ${database} contradicts ${settings.database} chosen at line ${settings.source?.line ?? '?'}`);
    }
    settings = { database, source: { file, pointer: '/x-tech-stack/database', line } };
  };
  for (const sentence of sentences) {
    const value = DATABASE_LINE.exec(sentence.text)?.[1]?.replace(/[*_`]/g, '').trim();
    if (value === undefined || value.split(/\s+/).length > CHOICE_WORDS) continue;
    found = true;
    choose(value, sentence.line);
  }
  for (const entry of tables) {
    if (!isTechStackTable(entry)) continue;
    found = true;
    const [header, ...rows] = entry.table.children;
    const headers = cellTexts(header!);
    const choiceColumn = Math.max(1, headers.findIndex((cell, index) => index > 0 && STACK_HEADER.test(cell)));
    for (const row of rows) {
      const cells = cellTexts(row);
      if (!DATABASE_ROW.test(cells[0] ?? '')) continue;
      choose(cells[choiceColumn] ?? '', lineOf(row));
    }
  }
  return { settings, found };
}
