import { createRequire } from 'node:module';

const LINE_LENGTH = 100;

/** A line the formatter cannot split either: one string, docstring or name (with its comma). */
const UNSPLITTABLE = /^\s*(?:"(?:[^"\\]|\\.)*"|"""(?:[^"]|"(?!""))*"""|[\w.]+),?\s*$/;

interface RuffWorkspace {
  format(contents: string): string;
}

interface RuffModule {
  Workspace: new (options: object, positionEncoding: number) => RuffWorkspace;
  PositionEncoding: { Utf16: number };
}

let workspace: RuffWorkspace | undefined;

/**
 * The templates and view layouts write formatted Python; names from real documents can still
 * push a line past the limit (a long class or operation name). Only such files go through
 * ruff's own formatter (its WebAssembly build, the version the generated pyproject pins), loaded
 * on first need, so the output passes `ruff format --check` without a formatter pass per file.
 */
export function formatLongLines(path: string, content: string): string {
  if (!path.endsWith('.py') || !hasSplittableLongLine(content)) return content;
  try {
    return ruffFormat(content);
  } catch (error) {
    throw new Error(`ruff could not format ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** The text as `ruff format` writes it with the generated backend's settings. */
export function ruffFormat(content: string): string {
  return ruffWorkspace().format(content);
}

function hasSplittableLongLine(content: string): boolean {
  let start = 0;
  while (start < content.length) {
    let end = content.indexOf('\n', start);
    if (end === -1) end = content.length;
    if (end - start > LINE_LENGTH && !UNSPLITTABLE.test(content.slice(start, end))) return true;
    start = end + 1;
  }
  return false;
}

function ruffWorkspace(): RuffWorkspace {
  if (!workspace) {
    const ruff = createRequire(import.meta.url)('@astral-sh/ruff-wasm-nodejs') as RuffModule;
    workspace = new ruff.Workspace({ 'line-length': LINE_LENGTH, 'target-version': 'py311' }, ruff.PositionEncoding.Utf16);
  }
  return workspace;
}
