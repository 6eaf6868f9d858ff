import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { LINE_LENGTH, TARGET_VERSION } from '../../stacks/fastapi-sqlalchemy/python/ruff-thread.js';

interface RuffWorkspace {
  format(contents: string): string;
  check(contents: string): RuffDiagnostic[];
}

const ruff = createRequire(import.meta.url)('@astral-sh/ruff-wasm-nodejs') as {
  Workspace: new (options: object, encoding: number) => RuffWorkspace;
  PositionEncoding: { Utf16: number };
};

let formatter: RuffWorkspace | undefined;

/** The text as `ruff format` writes it with the generated backend's settings (the version it pins). */
export function ruffFormat(content: string): string {
  formatter ??= new ruff.Workspace({ 'line-length': LINE_LENGTH, 'target-version': TARGET_VERSION }, ruff.PositionEncoding.Utf16);
  return formatter.format(content);
}

/** Where generated Python and `ruff format`'s version of it first differ, for test messages. */
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

let linter: RuffWorkspace | undefined;

/** The rules the generated pyproject selects, read from its template so the two cannot drift apart. */
function selectedRules(): string[] {
  const template = readFileSync(fileURLToPath(new URL('../../stacks/fastapi-sqlalchemy/templates/backend/pyproject.toml.njk', import.meta.url)), 'utf8');
  const select = /^select = (\[.*\])$/m.exec(template);
  if (!select) throw new Error('the pyproject template selects no ruff rules');
  return JSON.parse(select[1]!) as string[];
}

/** `ruff check` findings for one file, with the rules the generated pyproject selects. */
export async function ruffCheck(text: string): Promise<string[]> {
  if (!linter) {
    linter = new ruff.Workspace(
      {
        'line-length': LINE_LENGTH,
        'target-version': TARGET_VERSION,
        lint: { select: selectedRules(), isort: { 'known-first-party': ['app', 'tests', 'migrations'] } },
      },
      ruff.PositionEncoding.Utf16,
    );
  }
  return linter.check(text).map((d) => `${d.start_location.row}:${d.start_location.column} ${d.code ?? ''} ${d.message}`);
}
