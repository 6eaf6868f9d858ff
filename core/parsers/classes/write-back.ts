import { isMap, isPair, isScalar, isSeq, parseDocument, type Pair, type ParsedNode } from 'yaml';
import { WRITTEN_BACK_KEYS } from './items.js';

export type WrittenBackKey = (typeof WRITTEN_BACK_KEYS)[number];

/** What one item gets written back, by key; keys left out are not touched. */
export type ItemPaths = Partial<Record<WrittenBackKey, string>>;

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Adds or updates `code_path`, `code_raw_url`, `test_path`, `test_raw_url` in the items of a
 * class definitions text, by class name, editing only those values: every other byte (key
 * order, unknown keys, indentation, line endings, the final newline) stays as it was.
 * New keys go after the item's last key, indented like it, or on its line when the item is
 * written on one line.
 */
export function withWrittenBackPaths(text: string, pathsByItem: ReadonlyMap<string, ItemPaths>): string {
  const document = parseDocument(text, { keepSourceTokens: false });
  if (!isSeq(document.contents)) return text;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const edits: Edit[] = [];
  for (const item of document.contents.items) {
    if (!isMap(item)) continue;
    const pairs = item.items.filter((pair): pair is Pair<ParsedNode, ParsedNode> => isPair(pair) && isScalar(pair.key) && pair.value !== null);
    const className = pairs.find((pair) => (pair.key as { value?: unknown }).value === 'class_name')?.value;
    const paths = isScalar(className) ? pathsByItem.get(String(className.value)) : undefined;
    if (!paths) continue;
    const last = pairs[pairs.length - 1];
    if (!last?.value?.range || !last.key.range) continue;
    const separator = sameLine(text, item.range?.[0] ?? 0, last.key.range[0]) ? ' ' : `${newline}${indentationAt(text, last.key.range[0])}`;
    let appended = '';
    for (const key of WRITTEN_BACK_KEYS) {
      const value = paths[key];
      if (value === undefined) continue;
      const existing = pairs.find((pair) => (pair.key as { value?: unknown }).value === key);
      if (existing?.value?.range) edits.push({ start: existing.value.range[0], end: existing.value.range[1], text: JSON.stringify(value) });
      else appended += `,${separator}${JSON.stringify(key)}: ${JSON.stringify(value)}`;
    }
    if (appended !== '') edits.push({ start: last.value.range[1], end: last.value.range[1], text: appended });
  }
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

function sameLine(text: string, from: number, to: number): boolean {
  return !text.slice(from, to).includes('\n');
}

/** The whitespace before the first character of the line holding `offset`. */
function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}
