/** Where generated Python and `ruff format`'s version of it first differ, for test messages. */
export { ruffFormat } from '../../stacks/fastapi-sqlalchemy/python/formatter.js';

/** The first line where `actual` and `expected` differ, with a few lines of each. */
export function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const b = expected.split('\n');
  let line = 0;
  while (line < a.length && line < b.length && a[line] === b[line]) line += 1;
  const show = (lines: string[]) => lines.slice(Math.max(0, line - 1), line + 4).join('\n');
  return `line ${line + 1}:\n--- generated\n${show(a)}\n--- ruff format\n${show(b)}`;
}
