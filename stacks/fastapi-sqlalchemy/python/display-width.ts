/**
 * The width of a line as ruff measures it (Unicode's East Asian width): a CJK character, a
 * full-width form or an emoji takes two columns. `删除文章` is 8 columns, not 4, so a route whose
 * summary is Chinese can pass the line length by `.length` and still exceed it for ruff.
 */
const WIDE = /[\u{1100}-\u{115F}\u{2E80}-\u{303E}\u{3041}-\u{33FF}\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{A000}-\u{A4CF}\u{AC00}-\u{D7A3}\u{F900}-\u{FAFF}\u{FE30}-\u{FE4F}\u{FF00}-\u{FF60}\u{FFE0}-\u{FFE6}\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;
/** Combining marks and joiners take no column. */
const ZERO = /[\p{Mn}\p{Me}\u{200B}-\u{200F}]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += ZERO.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
  return width;
}

/** Fast path: a line of ASCII is as wide as it is long. */
export function lineWidth(line: string): number {
  return /^[\x00-\x7F]*$/.test(line) ? line.length : displayWidth(line);
}
