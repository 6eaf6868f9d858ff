import type { GlossaryEntry } from '../../model/api-document.js';
import { cellTexts, lineOf, type MarkdownTable } from './markdown-tree.js';

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;
/** A name in words: short, with no sentence's punctuation. */
const NAME_IN_WORDS = /^[^。．.,，、;；:：!?！？()（）]{1,16}$/u;

/**
 * A table naming things twice, `| エンティティ | 論理名 | 概要 |` with `| venue | 会場 | … |`, `| 表名 |
 * 中文名 |`: each row's identifier and its name in words, for rules that use the words. Empty when
 * the table has no column of identifiers beside one of short names.
 */
export function glossaryRows(table: MarkdownTable, file: string): GlossaryEntry[] {
  const [, ...body] = table.children;
  const rows = body.map((row) => ({ cells: cellTexts(row).map((cell) => cell.replace(/`/g, '').trim()), line: lineOf(row) }));
  if (rows.length === 0) return [];
  const width = Math.max(...rows.map((row) => row.cells.length));
  const every = (index: number, test: (cell: string) => boolean) => rows.every((row) => test(row.cells[index] ?? '')) && rows.some((row) => (row.cells[index] ?? '') !== '');
  const identifiers = [...Array(width).keys()].find((index) => every(index, (cell) => cell === '' || IDENTIFIER.test(cell)));
  if (identifiers === undefined) return [];
  const words = [...Array(width).keys()].find((index) => index !== identifiers && every(index, (cell) => cell === '' || (NAME_IN_WORDS.test(cell) && !IDENTIFIER.test(cell) && /[^\x00-\x7f]/u.test(cell))));
  if (words === undefined) return [];
  return rows.flatMap(({ cells, line }): GlossaryEntry[] => {
    const [identifier, name] = [cells[identifiers] ?? '', cells[words] ?? ''];
    return identifier !== '' && name !== '' ? [{ names: [name, identifier], source: { file, pointer: '', line } }] : [];
  });
}
