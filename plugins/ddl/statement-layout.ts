import type { DdlDialect } from '../../core/index.js';

/** `create table "t" (a, b)` → one column or constraint per line. */
export function layoutCreateTable(statement: string, dialect: DdlDialect): string {
  const parts = topLevelParts(statement, dialect);
  const { start: open, end: close } = parts;
  if (open < 0 || close < 0) return statement;
  const items = splitAt(statement, parts.commasAtDepth(1), open + 1, close);
  return `${statement.slice(0, open)}(\n${items.map((item) => `  ${item}`).join(',\n')}\n)${statement.slice(close + 1)}`;
}

/** `insert into "t" (a, b) values (1, 2), (3, 4)` → one row per line. */
export function layoutInsert(statement: string, dialect: DdlDialect): string {
  const keyword = ' values ';
  const parts = topLevelParts(statement, dialect);
  const at = parts.outsideQuotes.find((index) => statement.startsWith(keyword, index));
  if (at === undefined) return statement;
  const start = at + keyword.length;
  const rows = splitAt(statement, parts.commasAtDepth(0).filter((index) => index > start), start, statement.length);
  return `${statement.slice(0, at)} values\n${rows.map((row) => `  ${row}`).join(',\n')}`;
}

function splitAt(text: string, commas: number[], start: number, end: number): string[] {
  const cuts = commas.filter((index) => index > start && index < end);
  const bounds = [start, ...cuts.map((index) => index + 1), end + 1];
  return bounds.slice(0, -1).map((from, i) => text.slice(from, bounds[i + 1]! - 1).trim());
}

/**
 * Where the text is outside string literals and quoted identifiers, the depth of parentheses at
 * each comma, and the indexes of the first parenthesis opened and of the one closing it.
 */
function topLevelParts(text: string, dialect: DdlDialect) {
  const identifierQuote = dialect === 'mysql' ? '`' : '"';
  const outsideQuotes: number[] = [];
  const commas: { index: number; depth: number }[] = [];
  let depth = 0;
  let start = -1;
  let end = -1;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quote !== undefined) {
      if (quote === "'" && dialect === 'mysql' && char === '\\') i += 1;
      else if (char === quote) {
        if (text[i + 1] === quote) i += 1;
        else quote = undefined;
      }
      continue;
    }
    outsideQuotes.push(i);
    if (char === "'" || char === identifierQuote) quote = char;
    else if (char === '(') {
      if (start < 0) start = i;
      depth += 1;
    }
    else if (char === ')') {
      depth -= 1;
      if (depth === 0 && end < 0) end = i;
    } else if (char === ',') commas.push({ index: i, depth });
  }
  return { outsideQuotes, start, end, commasAtDepth: (wanted: number) => commas.filter((c) => c.depth === wanted).map((c) => c.index) };
}
