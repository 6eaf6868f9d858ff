/**
 * The checks a user runs on a generated backend, one after the other: install it into its own
 * venv, ruff (when asked), mypy --strict, pytest and alembic (up, then down) on SQLite and, when asked, on
 * PostgreSQL. mypy shares one cache folder between the backends checked one after another, so the
 * libraries are analysed once; never between backends checked at once, whose processes would write
 * one module's cache together. mypy takes a cached module as it is when its path, size and mtime
 * (in whole seconds) are those it cached: two backends written in one second with a module of one
 * size at one relative path (keralapsc's and jnrmand's `app/domain/enums.py`) would share a check.
 * So each backend's folders are given by their absolute paths, which no other backend has.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createDatabase } from './postgres.js';
import { uvEnv, uvPath } from './python-env.js';
import { run, type Ran } from './run.js';

/** The absolute paths of what the backend's pyproject.toml has mypy check (`[tool.mypy] files`), those that exist. */
async function mypyTargets(backendDir: string): Promise<string[]> {
  const pyproject = await readFile(path.join(backendDir, 'pyproject.toml'), 'utf8');
  const section = pyproject.split(/^\[/m).find((part) => part.startsWith('tool.mypy]')) ?? '';
  const listed = /^files\s*=\s*\[([^\]]*)\]/m.exec(section)?.[1] ?? '';
  const folders = [...listed.matchAll(/"([^"]+)"/g)].map(([, folder]) => path.join(backendDir, folder!));
  const present = await Promise.all(folders.map(async (folder) => ((await stat(folder).catch(() => undefined)) ? [folder] : [])));
  return present.flat();
}

/** What any command gets; a test suite gets more per test it holds (see `suiteTimeoutMs`). */
const COMMAND_TIMEOUT_MS = 10 * 60_000;
/** Per generated test: Microsoft Graph's 14,352 ran in 12 minutes on a busy 2-core machine (~50 ms each). */
const TIMEOUT_PER_TEST_MS = 50;

/**
 * The time the backend's pytest gets: the commands' limit and 50 ms per test function in its
 * tests/ folder, so that the limit stops a hung suite, not a large document's long one.
 */
async function suiteTimeoutMs(backendDir: string): Promise<number> {
  const files = await readdir(path.join(backendDir, 'tests'), { recursive: true }).catch(() => [] as string[]);
  const texts = await Promise.all(files.filter((file) => file.endsWith('.py')).map((file) => readFile(path.join(backendDir, 'tests', file), 'utf8')));
  const tests = texts.reduce((sum, text) => sum + (text.match(/^(?:async )?def test_/gm)?.length ?? 0), 0);
  return COMMAND_TIMEOUT_MS + tests * TIMEOUT_PER_TEST_MS;
}

export const BACKEND_STEPS = ['install', 'ruff check', 'ruff format', 'mypy', 'pytest (SQLite)', 'alembic (SQLite)', 'pytest (PostgreSQL)', 'alembic (PostgreSQL)'] as const;
export type BackendStep = (typeof BACKEND_STEPS)[number];

export interface StepResult {
  step: BackendStep;
  ok: boolean;
  ms: number;
  /** The command's output (stdout, then stderr), cut to its last 20,000 characters. */
  output: string;
}

export interface BackendCheckOptions {
  /** Shared mypy cache folder. */
  mypyCacheDir: string;
  /** Also run `ruff check` and `ruff format --check` (the sweep runs them batched instead). */
  ruff: boolean;
  /** Also run pytest and alembic on a fresh PostgreSQL database each (INFRA_STACK_PG_URL). */
  postgres: boolean;
  /**
   * A venv that already holds the backends' dependencies: the backend is installed into it
   * (only the backend itself is then built and installed), checked, and uninstalled again. One
   * backend at a time. Without it, each backend gets its own `.venv`.
   */
  sharedVenv?: string;
  /** A scratch folder for the SQLite files and the bytecode of the libraries. */
  scratchDir: string;
  /** Hears each step as it ends. */
  onStep?(result: StepResult): void;
}

const TAIL = 20_000;

function outputOf(ran: Ran): string {
  const text = `${ran.stdout}${ran.stdout && ran.stderr ? '\n' : ''}${ran.stderr}`;
  return text.length > TAIL ? text.slice(-TAIL) : text;
}

/** Runs the steps; after a failed install nothing else runs. Resolves to the steps that ran. */
export async function checkBackend(backendDir: string, options: BackendCheckOptions): Promise<StepResult[]> {
  const results: StepResult[] = [];
  const record = (step: BackendStep, ran: Ran): boolean => {
    const result = { step, ok: ran.code === 0, ms: ran.ms, output: outputOf(ran) };
    results.push(result);
    options.onStep?.(result);
    return result.ok;
  };
  const uv = uvPath();
  const venv = options.sharedVenv ?? path.join(backendDir, '.venv');
  const bin = (name: string) => path.join(venv, 'bin', name);
  const pyproject = await readFile(path.join(backendDir, 'pyproject.toml'), 'utf8');
  const distribution = /^name\s*=\s*"([^"]+)"/m.exec(pyproject)?.[1];
  const made = options.sharedVenv !== undefined ? undefined : await run(uv, ['venv', '--python', 'python3', venv], { cwd: backendDir, env: uvEnv() });
  const installed = made === undefined || made.code === 0 ? await run(uv, ['pip', 'install', '--python', bin('python'), '-e', '.[dev]'], { cwd: backendDir, env: uvEnv() }) : made;
  if (!record('install', { ...installed, ms: (made?.ms ?? 0) + (made === installed ? 0 : installed.ms) })) return results;
  try {
    await checkInstalled();
  } finally {
    // In a shared venv the backend is taken out again: the next one brings its own `app` package.
    if (options.sharedVenv !== undefined && distribution !== undefined) await run(uv, ['pip', 'uninstall', '--python', bin('python'), distribution], { cwd: backendDir, env: uvEnv() });
  }
  return results;

  async function checkInstalled(): Promise<void> {
    const tool = (name: string, args: string[], env: Record<string, string | undefined> = {}, timeoutMs = COMMAND_TIMEOUT_MS) =>
      run(bin(name), args, {
        cwd: backendDir,
        env: { VIRTUAL_ENV: venv, PATH: `${path.join(venv, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`, PYTHONDONTWRITEBYTECODE: undefined, PYTHONPYCACHEPREFIX: path.join(options.scratchDir, 'pycache'), ...env },
        timeoutMs,
      });
    const suiteTimeout = await suiteTimeoutMs(backendDir);
    /** The generated tests read the database URL from these (DATABASE_URL; TEST_DATABASE_URL where a conftest prefers it). */
    const testDatabase = (url: string | undefined) => ({ DATABASE_URL: url, TEST_DATABASE_URL: url });
    const alembic = async (url: string): Promise<Ran> => {
      const up = await tool('alembic', ['upgrade', 'head'], { DATABASE_URL: url });
      if (up.code !== 0) return up;
      const down = await tool('alembic', ['downgrade', 'base'], { DATABASE_URL: url });
      return { ...down, stdout: `${up.stdout}${down.stdout}`, stderr: `${up.stderr}${down.stderr}`, ms: up.ms + down.ms };
    };

    if (options.ruff) {
      record('ruff check', await tool('ruff', ['check', '--no-cache', '.']));
      record('ruff format', await tool('ruff', ['format', '--no-cache', '--check', '.']));
    }
    record('mypy', await tool('mypy', ['--cache-dir', options.mypyCacheDir, ...(await mypyTargets(backendDir))]));
    record('pytest (SQLite)', await tool('pytest', ['-p', 'no:cacheprovider', '-q'], testDatabase(undefined), suiteTimeout));
    const sqliteFile = path.join(options.scratchDir, `${path.basename(path.dirname(backendDir))}-${Date.now()}.sqlite3`);
    record('alembic (SQLite)', await alembic(`sqlite+aiosqlite:///${sqliteFile}`));
    if (!options.postgres) return;

    const label = path.basename(path.dirname(backendDir)).replace(/[^A-Za-z0-9]+/g, '_');
    const forTests = await createDatabase(`corpus_${label}`);
    try {
      record('pytest (PostgreSQL)', await tool('pytest', ['-p', 'no:cacheprovider', '-q'], testDatabase(forTests.asyncUrl), suiteTimeout));
    } finally {
      await forTests.drop();
    }
    const forMigrations = await createDatabase(`corpus_${label}`);
    try {
      record('alembic (PostgreSQL)', await alembic(forMigrations.asyncUrl));
    } finally {
      await forMigrations.drop();
    }
  }
}
