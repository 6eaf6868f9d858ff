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

interface RuffDiagnostic {
  code: string | null;
  message: string;
  start_location: { row: number; column: number };
}

let linter: { check(contents: string): RuffDiagnostic[] } | undefined;

/** `ruff check` findings for one file, with the rules the generated pyproject selects. */
export async function ruffCheck(text: string): Promise<string[]> {
  if (!linter) {
    const { createRequire } = await import('node:module');
    const ruff = createRequire(import.meta.url)('@astral-sh/ruff-wasm-nodejs') as {
      Workspace: new (options: object, encoding: number) => { check(contents: string): RuffDiagnostic[] };
      PositionEncoding: { Utf16: number };
    };
    linter = new ruff.Workspace(
      {
        'line-length': 100,
        'target-version': 'py311',
        lint: { select: ['E4', 'E7', 'E9', 'F', 'I', 'UP', 'B', 'SIM'], isort: { 'known-first-party': ['app', 'tests', 'migrations'] } },
      },
      ruff.PositionEncoding.Utf16,
    );
  }
  return linter.check(text).map((d) => `${d.start_location.row}:${d.start_location.column} ${d.code ?? ''} ${d.message}`);
}
