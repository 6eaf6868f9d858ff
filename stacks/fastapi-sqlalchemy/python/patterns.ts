import { ecmaRegex } from '../../../core/index.js';

/**
 * A document's `pattern` (ECMA-262, as JSON Schema reads it) as Pydantic checks it. Pydantic has
 * two engines, each reading a part of ECMA-262: Rust's `regex` (its default: no lookaround, no
 * backreference, a size limit that a long repetition of a Unicode class passes: `\S{1,8192}`) and
 * Python's `re` (`regex_engine="python-re"`: no `\p{…}` classes). Both search, unanchored, as JSON
 * Schema does. The text is rewritten where the dialects spell one meaning differently (rewrite).
 */
export type RegexEngine = 'rust-regex' | 'python-re';

export interface PythonPattern {
  source: string;
  /** The engines that read it as the document means it. */
  engines: RegexEngine[];
}

export function pythonPattern(pattern: string): PythonPattern | undefined {
  // Outside ECMA-262's Unicode mode `\p{L}` is the letters `p{L}`: surely not what was meant.
  if (/\\[pP]/.test(pattern) && ecmaRegex(pattern)?.unicode !== true) return undefined;
  const properties = [...pattern.matchAll(/\\[pP]\{([^}]*)\}/g)].map((match) => match[1]!);
  if (properties.some((name) => !SHARED_PROPERTIES.has(name))) return undefined;
  // `\A`, `\z`, `\Z`: Ruby's anchors, which the authors mean and ECMA-262 reads as the letters.
  if (/\\[AzZ]/.test(pattern)) return undefined;
  const needsRust = properties.length > 0;
  const repeated = [...pattern.matchAll(/\{(\d+)(?:,(\d*))?\}/g)].reduce((total, match) => total + Number(match[2] || match[1]), 0);
  const needsPython =
    /\(\?<[=!]|\(\?[=!]|\\[1-9]|\\k</.test(pattern) ||
    // A lone surrogate, which Rust reads as no character at all.
    /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/.test(pattern) ||
    // Long repetitions: past Rust's compiled size as soon as what they repeat is a Unicode class (`\w`).
    repeated >= LONG_REPETITION;
  if (needsPython && needsRust) return undefined;
  const source = rewrite(pattern);
  if (source === undefined) return undefined;
  if (needsPython) return { source, engines: ['python-re'] };
  if (needsRust) return { source, engines: ['rust-regex'] };
  return { source, engines: ['rust-regex', 'python-re'] };
}

/**
 * The engine a class checks its fields' patterns with: Python's where one of them needs it (a
 * lookahead) and none needs Rust's (a `\p{L}` class), else Pydantic's default.
 */
export function classRegexEngine(patterns: readonly (PythonPattern | undefined)[]): RegexEngine {
  const only = (engine: RegexEngine) => patterns.some((found) => found?.engines.length === 1 && found.engines[0] === engine);
  return only('python-re') && !only('rust-regex') ? 'python-re' : 'rust-regex';
}

const LONG_REPETITION = 100;

/** Unicode properties ECMA-262 and Rust's regex both know by these names (general categories, some scripts and binary properties). */
const SHARED_PROPERTIES = new Set([
  ...'L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Co Cn'.split(' '),
  ...'Letter Mark Number Punctuation Symbol Separator Other Uppercase_Letter Lowercase_Letter Decimal_Number Space_Separator Control'.split(' '),
  ...'ASCII Alphabetic Any White_Space Uppercase Lowercase'.split(' '),
  ...'Latin Greek Cyrillic Han Hiragana Katakana Hangul Arabic Hebrew Thai Devanagari'.split(' ').flatMap((script) => [`Script=${script}`, `sc=${script}`]),
]);

/**
 * The pattern as Python and Rust spell what ECMA-262 means by it:
 * - a brace that starts no quantifier is a literal (`{id}`, `a{,3}`): escaped;
 * - inside a class, `[` is a literal (Rust nests classes, Python warns) and so is a `-` beside a
 *   class escape (`[\w-.]`): escaped; so are doubled `&`, `|`, `~` (set operations to come in Python);
 * - `\x{60}`, `\u{e9}`, the legacy octal `\012` and the control `\cJ`: written `\x60`, `\u00e9`, `\x0a`;
 * - `\/`, `\<`, `\>` and other escaped punctuation that is no operator: unescaped (`\<` is a word
 *   boundary in Rust);
 * - named groups as Python spells them (`(?P<name>…)`, `(?P=name)`), which Rust reads too.
 * Undefined past a dangling escape.
 */
function rewrite(pattern: string): string | undefined {
  let out = '';
  let inClass = false;
  let previousWasClassEscape = false;
  for (let at = 0; at < pattern.length; at += 1) {
    const char = pattern[at]!;
    const rest = pattern.slice(at);
    if (char === '\\') {
      const escape = escapeAt(rest);
      if (escape === undefined) return undefined;
      out += escape.text;
      at += escape.length - 1;
      previousWasClassEscape = inClass && /^\\[wdsWDS]$/.test(escape.text);
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      if (char === '[') out += '\\[';
      else if (char === '-' && (previousWasClassEscape || /^-\\[wdsWDS]/.test(rest))) out += '\\-';
      else if ('&|~'.includes(char) && pattern[at + 1] === char) out += `\\${char}\\${pattern[++at]!}`;
      else out += char;
      previousWasClassEscape = false;
      continue;
    }
    if (char === '[') {
      inClass = true;
      out += char;
      // A `]` or `-` right after the opening stays as it is: Python and Rust read it as ECMA-262 does.
      continue;
    }
    if (char === '{') {
      const quantifier = /^\{\d+(?:,\d*)?\}/.exec(rest);
      if (quantifier && at > 0) {
        out += quantifier[0];
        at += quantifier[0].length - 1;
        continue;
      }
      out += '\\{';
      continue;
    }
    if (char === '}') out += '\\}';
    else if (rest.startsWith('(?<') && /^\(\?<[A-Za-z_]/.test(rest)) {
      out += '(?P<';
      at += 2;
    } else out += char;
  }
  return out;
}

/** The escape at the start of `text`, as Python and Rust spell it, and how many characters of `text` it takes. */
function escapeAt(text: string): { text: string; length: number } | undefined {
  if (text.length < 2) return undefined;
  const braced = /^\\([xu])\{([0-9a-fA-F]{1,6})\}/.exec(text);
  if (braced) return { text: codePointEscape(parseInt(braced[2]!, 16)), length: braced[0].length };
  const property = /^\\[pP]\{[^}]*\}/.exec(text);
  if (property) return { text: property[0], length: property[0].length };
  const octal = /^\\0([0-7]{0,2})/.exec(text);
  if (octal) return { text: codePointEscape(parseInt(octal[1] || '0', 8)), length: octal[0].length };
  const control = /^\\c([A-Za-z])/.exec(text);
  if (control) return { text: codePointEscape(control[1]!.charCodeAt(0) % 32), length: 3 };
  const named = /^\\k<([A-Za-z_]\w*)>/.exec(text);
  if (named) return { text: `(?P=${named[1]!})`, length: named[0].length };
  const next = text[1]!;
  if ('/<>"\':@%=!,&~`;#'.includes(next)) return { text: next, length: 2 };
  return { text: text.slice(0, 2), length: 2 };
}

function codePointEscape(codePoint: number): string {
  const hex = codePoint.toString(16);
  return codePoint <= 0xff ? `\\x${hex.padStart(2, '0')}` : codePoint <= 0xffff ? `\\u${hex.padStart(4, '0')}` : `\\U${hex.padStart(8, '0')}`;
}
