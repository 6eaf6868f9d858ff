/**
 * The commands of the validation gate for a generated backend, in order: the interpreter, the
 * virtualenv, the lock (with uv), the install, then ruff, mypy, the migrations and the tests. Planning runs
 * nothing; `gate.ts` runs the steps.
 */
import { delimiter, join } from 'node:path';

/** Python the generated `pyproject.toml` requires. */
export const MINIMUM_PYTHON: readonly [number, number] = [3, 11];

const MINUTE = 60_000;

/** One command of the gate, run in the backend folder. */
export interface GateStep {
  /** Short name shown in the summary: `ruff check`. */
  name: string;
  /** A failed `setup` step stops the gate; every `check` runs whatever the others did. */
  stage: 'setup' | 'check';
  command: readonly [string, ...string[]];
  /** Variables set (a string) or removed (`undefined`) for this command. */
  env: Readonly<Record<string, string | undefined>>;
  timeoutMs: number;
  /** Reads the output of a command that exited 0: a `problem` fails the step, a `detail` is shown beside it. */
  inspect?(output: string): { problem?: string; detail?: string };
  /** What to try when the step fails. */
  hint?: string;
}

/** What the plan depends on, found out before anything runs. */
export interface GateSetup {
  backendDir: string;
  /** Interpreter the virtualenv is made from (a name on PATH or a path). */
  python: string;
  /** Path of uv when it is to be used; otherwise `python -m venv` and pip. */
  uv?: string;
  /** `.venv` already holds an interpreter: it is kept, only the package is installed again. */
  reuseVenv: boolean;
  /** The distribution name in `pyproject.toml`, for uv to reinstall it. */
  projectName?: string;
  /** A throwaway database for `alembic upgrade head`. */
  migrationDatabaseUrl: string;
  /** PATH of the calling process: the venv's bin folder goes in front of it. */
  path: string;
}

const PRINT_VERSION = 'import sys; print("%d.%d.%d" % sys.version_info[:3])';

/**
 * Variables of the caller that would leak into the gate: another activated virtualenv, forced
 * colors (the log is plain text), and the databases: the gate's tests run on their own temporary
 * SQLite files, never on a TEST_DATABASE_URL (or DATABASE_URL) of the caller's.
 */
const ISOLATED: Record<string, string | undefined> = {
  VIRTUAL_ENV: undefined,
  PYTHONHOME: undefined,
  DATABASE_URL: undefined,
  TEST_DATABASE_URL: undefined,
  ALLOW_DESTRUCTIVE_TESTS: undefined,
  FORCE_COLOR: undefined,
  CLICOLOR_FORCE: undefined,
  PY_COLORS: undefined,
  MYPY_FORCE_COLOR: undefined,
  NO_COLOR: '1',
};

export function venvDirOf(backendDir: string): string {
  return join(backendDir, '.venv');
}

export function planGate(setup: GateSetup): GateStep[] {
  const venvDir = venvDirOf(setup.backendDir);
  const venvBin = join(venvDir, 'bin');
  const venvPython = join(venvBin, 'python');
  const inVenv: GateStep['env'] = { ...ISOLATED, VIRTUAL_ENV: venvDir, PATH: `${venvBin}${delimiter}${setup.path}` };
  const tool = (name: string, [executable, ...args]: [string, ...string[]], timeoutMs: number, env = inVenv): GateStep => ({
    name,
    stage: 'check',
    command: [join(venvBin, executable), ...args],
    env,
    timeoutMs,
  });
  return [
    pythonStep(setup.reuseVenv ? venvPython : setup.python, setup.reuseVenv),
    ...(setup.reuseVenv ? [] : [venvStep(setup, venvDir)]),
    ...(setup.uv ? [lockStep(setup.uv, inVenv)] : []),
    installStep(setup, venvPython, inVenv),
    tool('ruff check', ['ruff', 'check', '.'], 5 * MINUTE),
    tool('ruff format', ['ruff', 'format', '--check', '.'], 5 * MINUTE),
    tool('mypy', ['mypy'], 20 * MINUTE),
    tool('alembic', ['alembic', 'upgrade', 'head'], 5 * MINUTE, { ...inVenv, DATABASE_URL: setup.migrationDatabaseUrl }),
    // TEST_DATABASE_URL stays unset: the generated conftest then gives each integration test a fresh SQLite file.
    // --cov: pyproject.toml's coverage fail_under is part of the gate.
    tool('pytest', ['pytest', '--cov'], 30 * MINUTE),
  ];
}

function pythonStep(python: string, inExistingVenv: boolean): GateStep {
  const [major, minor] = MINIMUM_PYTHON;
  return {
    name: 'python',
    stage: 'setup',
    command: [python, '-c', PRINT_VERSION],
    env: ISOLATED,
    timeoutMs: MINUTE,
    inspect(output) {
      const version = /(\d+)\.(\d+)\.(\d+)\s*$/.exec(output.trim());
      if (!version) return { problem: `could not read the Python version from ${JSON.stringify(output.trim())}` };
      const [found, foundMajor, foundMinor] = [version[0], Number(version[1]), Number(version[2])];
      const where = inExistingVenv ? ' in the existing .venv' : '';
      if (foundMajor < major || (foundMajor === major && foundMinor < minor)) {
        return { problem: `Python ${found}${where} is too old: the backend needs ${major}.${minor}+` };
      }
      return { detail: `Python ${found}${where}` };
    },
    hint: inExistingVenv
      ? `remove backend/.venv to have it made again from python3 (or from INFRA_STACK_PYTHON)`
      : `install Python ${major}.${minor}+, or set INFRA_STACK_PYTHON to one (a name on PATH or a path)`,
  };
}

function venvStep(setup: GateSetup, venvDir: string): GateStep {
  // --clear: a .venv without a working interpreter is made again. --seed: pip in it, for later runs without uv.
  if (setup.uv) {
    return {
      name: 'venv',
      stage: 'setup',
      command: [setup.uv, 'venv', '--clear', '--seed', '--python', setup.python, venvDir],
      env: { ...ISOLATED, UV_NO_PROGRESS: '1' },
      timeoutMs: 5 * MINUTE,
      inspect: () => ({ detail: 'uv' }),
      hint: 'check the uv that INFRA_STACK_UV names, or the one found on PATH',
    };
  }
  return {
    name: 'venv',
    stage: 'setup',
    command: [setup.python, '-m', 'venv', '--clear', venvDir],
    env: ISOLATED,
    timeoutMs: 5 * MINUTE,
    inspect: () => ({ detail: `${setup.python} -m venv` }),
    hint: 'Debian and Ubuntu ship venv apart: apt-get install python3-venv (or put uv on PATH)',
  };
}

/**
 * `uv lock`: writes `uv.lock` (or brings it up to date with pyproject.toml, keeping its other pins),
 * the file the generated README asks to commit and the Dockerfile installs from.
 */
function lockStep(uv: string, env: GateStep['env']): GateStep {
  return {
    name: 'lock',
    stage: 'setup',
    command: [uv, 'lock'],
    env: { ...env, UV_NO_PROGRESS: '1' },
    timeoutMs: 10 * MINUTE,
    hint: 'uv resolves the dependencies from the package index: check the network, or UV_INDEX_URL',
  };
}

function installStep(setup: GateSetup, venvPython: string, env: GateStep['env']): GateStep {
  if (setup.uv) {
    // What uv.lock pins, into .venv (uv's project environment), as `uv sync --extra dev` of the
    // README installs it; --inexact leaves packages someone added to the .venv by hand where they are.
    const reinstall = setup.projectName ? ['--reinstall-package', setup.projectName] : [];
    return {
      name: 'install',
      stage: 'setup',
      command: [setup.uv, 'sync', '--locked', '--inexact', '--extra', 'dev', ...reinstall],
      env: { ...env, UV_NO_PROGRESS: '1' },
      timeoutMs: 20 * MINUTE,
    };
  }
  const editable = ['-e', '.[dev]'];
  // pip always builds and installs a local project again.
  return {
    name: 'install',
    stage: 'setup',
    command: [venvPython, '-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--progress-bar', 'off', ...editable],
    env,
    timeoutMs: 20 * MINUTE,
  };
}

/** The `name` of the `[project]` table of a `pyproject.toml`. */
export function projectNameOf(pyproject: string): string | undefined {
  const project = /^\[project\][^\S\n]*\n([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(pyproject)?.[1] ?? '';
  return /^name\s*=\s*"([^"]+)"/m.exec(project)?.[1];
}
