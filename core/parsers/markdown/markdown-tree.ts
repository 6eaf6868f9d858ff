import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';
import { gfmTable } from 'micromark-extension-gfm-table';

export type MarkdownRoot = ReturnType<typeof fromMarkdown>;
export type MarkdownBlock = MarkdownRoot['children'][number];
export type MarkdownHeading = Extract<MarkdownBlock, { type: 'heading' }>;
export type MarkdownParagraph = Extract<MarkdownBlock, { type: 'paragraph' }>;
export type MarkdownTable = Extract<MarkdownBlock, { type: 'table' }>;
export type MarkdownTableRow = MarkdownTable['children'][number];

interface Positioned {
  position?: { start: { line: number } } | undefined;
}

/** Parses CommonMark with GFM tables; positions are kept for line numbers. */
export function parseMarkdownTree(text: string): MarkdownRoot {
  return fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}

/** The 1-based line a node starts on. */
export function lineOf(node: Positioned): number {
  return node.position?.start.line ?? 1;
}

/** The text of a node without markup (`\`page\`` reads `page`), trimmed. */
export function plainText(node: Parameters<typeof toString>[0]): string {
  return toString(node).trim();
}

/** The cells of a table row as plain text. */
export function cellTexts(row: MarkdownTableRow): string[] {
  return row.children.map((cell) => plainText(cell));
}

/** The lines of a paragraph, each with its own line number (soft breaks separate them). */
export function paragraphLines(paragraph: MarkdownParagraph): { text: string; line: number }[] {
  const start = lineOf(paragraph);
  return toString(withEndpointCodeSetApart(paragraph))
    .split('\n')
    .map((text, index) => ({ text: text.trim(), line: start + index }))
    .filter((entry) => entry.text !== '');
}

/** A code span holding an endpoint and nothing else: `` `POST /students` ``. */
const ENDPOINT_CODE = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)\s+\/\S*$/i;

/**
 * The paragraph with a code span holding an endpoint set apart by a dash from the title written
 * before it on its line (`**Create student** `POST /students``): without its backticks, the
 * endpoint would run into the title as if a sentence went on.
 */
function withEndpointCodeSetApart(paragraph: MarkdownParagraph): MarkdownParagraph {
  const texts = paragraph.children.map((child) => toString(child));
  const children = paragraph.children.map((child, index) => {
    if (child.type !== 'inlineCode' || !ENDPOINT_CODE.test(child.value.trim())) return child;
    const before = texts.slice(0, index).join('').split('\n').pop()!;
    const after = texts.slice(index + 1).join('').split('\n')[0]!;
    // A title before it, and nothing after it but a separator and more title: a sentence going on is prose.
    const titled = before.trim() !== '' && (after.trim() === '' || /^\s*[—–:：|]|^\s+-\s/.test(after));
    return titled ? { ...child, type: 'text' as const, value: ` — ${child.value.trim()}` } : child;
  });
  return { ...paragraph, children };
}
