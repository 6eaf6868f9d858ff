/**
 * Word edges that know letters outside ASCII, for patterns built from strings: `\b` does not
 * (`công nghệ`, `mínimo` end or start in no word character for it).
 */
export const WORD_START = String.raw`(?<![\p{L}\p{N}_])`;
export const WORD_END = String.raw`(?![\p{L}\p{N}_])`;
