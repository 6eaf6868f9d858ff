import { lineWidth } from './display-width.js';
import { LINE_LENGTH, ruffThread, type RuffAnswer } from './ruff-thread.js';

const STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const ATOM = String.raw`(?:${STRING}|[\w.]+)`;

/**
 * A line the formatter cannot split either: one string, docstring or name, a keyword argument
 * or dict entry of such atoms (each with its comma), an attribute annotated with one name and no
 * value (`access: AVeryLongClassName`, which ruff leaves as it is in a class body), or a head
 * already split at its only bracket (`async def a_very_long_name(`).
 */
const UNSPLITTABLE = new RegExp(
  String.raw`^\s*(?:(?:"""(?:[^"]|"(?!""))*"""|${ATOM}|\w+=${ATOM}|${STRING}: ${ATOM}),?|\w+: [\w.]+|(?:async def |def |class )?[\w.]+[([{])\s*$`,
);

/** Starts ruff's formatter on its thread ahead of the first file that may need it. */
export function prepareFormatter(): void {
  ruffThread();
}

/**
 * The templates and view layouts write formatted Python; names from real documents can still
 * push a statement past the limit (a long class, operation or enum name). Each such statement
 * alone goes through ruff's own formatter (on its thread, see ruff-thread.ts), with the width
 * its indentation leaves; only when a statement cannot stand alone (an odd indentation) is the
 * whole file formatted. So the output passes `ruff format --check` without a formatter pass over
 * every file.
 */
export async function formatLongLines(path: string, content: string): Promise<string> {
  if (!path.endsWith('.py') || !hasSplittableLongLine(content)) return content;
  const lines = content.split('\n');
  const long: number[] = [];
  lines.forEach((line, index) => {
    if (lineWidth(line) > LINE_LENGTH && !UNSPLITTABLE.test(line)) long.push(index);
  });
  const statements = statementRanges(lines, long.at(-1)!);
  const touched: Array<[number, number]> = [];
  let next = 0;
  for (const range of statements) {
    while (next < long.length && long[next]! < range[0]) next += 1;
    if (next < long.length && long[next]! <= range[1]) touched.push(range);
  }
  const wrapped = touched.map(([first, last]) => standAlone(lines.slice(first, last + 1)));
  if (wrapped.some((statement) => statement === undefined)) return formatWhole(path, content);
  const answers = await ruffThread().format(wrapped.map((statement) => statement!.text));
  const formatted = answers.map((answer, index) => ('text' in answer ? wrapped[index]!.unwrap(answer.text) : undefined));
  if (formatted.some((statement) => statement === undefined)) return formatWhole(path, content);
  for (let index = touched.length - 1; index >= 0; index -= 1) {
    const [first, last] = touched[index]!;
    lines.splice(first, last - first + 1, ...formatted[index]!);
  }
  return lines.join('\n');
}

function hasSplittableLongLine(content: string): boolean {
  let start = 0;
  while (start < content.length) {
    let end = content.indexOf('\n', start);
    if (end === -1) end = content.length;
    if (end - start > LINE_LENGTH / 2 && lineWidth(content.slice(start, end)) > LINE_LENGTH && !UNSPLITTABLE.test(content.slice(start, end))) return true;
    start = end + 1;
  }
  return false;
}

/**
 * A statement's lines as a file of their own, nested in `if _:` blocks up to their indentation
 * so that the formatter with the file's settings sees them where they stand, and how to take
 * the statement back out of the formatted text; undefined when they cannot stand alone.
 */
function standAlone(statement: string[]): { text: string; unwrap(formatted: string): string[] } | undefined {
  const first = statement[0]!;
  const indent = first.length - first.trimStart().length;
  if (indent % 4 !== 0) return undefined;
  const levels = indent / 4;
  const wrapper = Array.from({ length: levels }, (_, level) => `${' '.repeat(level * 4)}if _:`);
  // A decorator stands only above a definition, and a block opener only with a body: lend them one.
  const decorator = first.trimStart().startsWith('@');
  const opensBlock = !decorator && statement.at(-1)!.trimEnd().endsWith(':');
  const pad = ' '.repeat(indent);
  const lent = decorator ? [`${pad}def _() -> None:`, `${pad}    pass`] : opensBlock ? [`${pad}    pass`] : [];
  return {
    text: `${[...wrapper, ...statement, ...lent].join('\n')}\n`,
    unwrap(formatted) {
      const lines = formatted.replace(/\n$/, '').split('\n').slice(levels);
      // A definition right after `if _:` gets an empty line first; the statement itself starts with none.
      while (lines[0] === '') lines.shift();
      return lines.slice(0, lines.length - lent.length);
    },
  };
}

/**
 * The logical statements of a file as [first line, last line]: a statement goes on while a
 * bracket or a triple-quoted string it opened is open.
 */
function statementRanges(lines: readonly string[], through: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  // The characters that open or close a bracket, a string or a comment: the scan jumps from one to the next.
  const significant = /["'#()[\]{}]/g;
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (depth === 0 && quote === '') {
      if (index > through) break;
      start = index;
    }
    let at = 0;
    while (at < line.length) {
      if (quote !== '') {
        const end = closingQuote(line, quote, at);
        if (end === -1) break;
        at = end + quote.length;
        quote = '';
        continue;
      }
      significant.lastIndex = at;
      const found = significant.exec(line);
      if (!found) break;
      const char = found[0];
      at = found.index + 1;
      if (char === '#') break;
      if (char === '"' || char === "'") {
        quote = line.startsWith(char.repeat(3), found.index) ? char.repeat(3) : char;
        at = found.index + quote.length;
      } else if (char === '(' || char === '[' || char === '{') depth += 1;
      else depth -= 1;
    }
    if (quote.length === 1) quote = '';
    if (depth <= 0 && quote === '') {
      depth = 0;
      ranges.push([start, index]);
    }
  }
  return ranges;
}

/** Where `quote` closes on `line` from `from` (a backslash escapes the next character), or -1. */
function closingQuote(line: string, quote: string, from: number): number {
  for (let at = from; at < line.length; at += 1) {
    const code = line.charCodeAt(at);
    if (code === 92 /* \\ */) at += 1;
    else if (line.startsWith(quote, at)) return at;
  }
  return -1;
}

async function formatWhole(path: string, content: string): Promise<string> {
  const [answer] = await ruffThread().format([content]);
  if (answer && 'text' in answer) return answer.text;
  throw new Error(`ruff could not format ${path}: ${(answer as Extract<RuffAnswer, { error: string }> | undefined)?.error ?? 'no answer'}`);
}
