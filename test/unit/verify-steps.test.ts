/** The plan of the validation gate: which commands, with which environment, for uv, pip and a kept .venv. */
import { delimiter } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMUM_PYTHON, planGate, projectNameOf, type GateSetup, type GateStep } from '../../stacks/fastapi-sqlalchemy/verify/steps.js';
import { pythonFor, uvFor } from '../../stacks/fastapi-sqlalchemy/verify/toolchain.js';

const BACKEND = '/work/out/backend';
const VENV = `${BACKEND}/.venv`;
const MIGRATION_DB = 'sqlite+aiosqlite:////tmp/scratch/migrations.sqlite3';

const base: GateSetup = {
  backendDir: BACKEND,
  python: 'python3',
  reuseVenv: false,
  projectName: 'shop-api',
  migrationDatabaseUrl: MIGRATION_DB,
  path: '/usr/bin:/bin',
};

function byName(steps: GateStep[]): Map<string, GateStep> {
  return new Map(steps.map((step) => [step.name, step]));
}

describe('the plan of the validation gate', () => {
  it('with uv: checks python, makes the venv with uv, locks, syncs what the lock pins (the package again), then runs the checks', () => {
    const steps = planGate({ ...base, uv: '/opt/uv' });
    expect(steps.map((step) => [step.stage, step.name, step.command.join(' ')])).toEqual([
      ['setup', 'python', `python3 -c import sys; print("%d.%d.%d" % sys.version_info[:3])`],
      ['setup', 'venv', `/opt/uv venv --clear --seed --python python3 ${VENV}`],
      ['setup', 'lock', '/opt/uv lock'],
      ['setup', 'install', '/opt/uv sync --locked --inexact --extra dev --reinstall-package shop-api'],
      ['check', 'ruff check', `${VENV}/bin/ruff check .`],
      ['check', 'ruff format', `${VENV}/bin/ruff format --check .`],
      ['check', 'mypy', `${VENV}/bin/mypy`],
      ['check', 'alembic', `${VENV}/bin/alembic upgrade head`],
      ['check', 'pytest', `${VENV}/bin/pytest --cov`],
    ]);
  });

  it('without uv: python -m venv and pip', () => {
    const steps = byName(planGate(base));
    expect(steps.get('venv')?.command).toEqual(['python3', '-m', 'venv', '--clear', VENV]);
    expect(steps.get('venv')?.hint).toMatch(/python3-venv/);
    expect(steps.get('install')?.command).toEqual([`${VENV}/bin/python`, '-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--progress-bar', 'off', '-e', '.[dev]']);
  });

  it('keeps an existing .venv: no venv step, its own interpreter is the one checked', () => {
    const steps = planGate({ ...base, uv: '/opt/uv', reuseVenv: true });
    expect(steps.map((step) => step.name)).toEqual(['python', 'lock', 'install', 'ruff check', 'ruff format', 'mypy', 'alembic', 'pytest']);
    expect(steps[0]?.command[0]).toBe(`${VENV}/bin/python`);
    expect(steps[0]?.inspect?.('3.10.4\n')).toEqual({ problem: 'Python 3.10.4 in the existing .venv is too old: the backend needs 3.11+' });
    expect(steps[0]?.hint).toMatch(/remove backend\/\.venv/);
  });

  it('requires Python 3.11 or later', () => {
    expect(MINIMUM_PYTHON).toEqual([3, 11]);
    const python = planGate(base)[0];
    expect(python?.inspect?.('3.11.0\n')).toEqual({ detail: 'Python 3.11.0' });
    expect(python?.inspect?.('3.13.2')).toEqual({ detail: 'Python 3.13.2' });
    expect(python?.inspect?.('2.7.18\n')).toEqual({ problem: 'Python 2.7.18 is too old: the backend needs 3.11+' });
    expect(python?.inspect?.('hello')).toEqual({ problem: 'could not read the Python version from "hello"' });
    expect(python?.hint).toMatch(/INFRA_STACK_PYTHON/);
  });

  it("isolates the commands from the caller's virtualenv, colors and database", () => {
    for (const step of planGate({ ...base, uv: '/opt/uv' })) {
      expect(step.env, step.name).toMatchObject({ PYTHONHOME: undefined, FORCE_COLOR: undefined, NO_COLOR: '1' });
      expect(step.timeoutMs, step.name).toBeGreaterThanOrEqual(60_000);
      if (step.name !== 'alembic') expect(step.env, step.name).toHaveProperty('DATABASE_URL', undefined);
      expect(step.env, step.name).toMatchObject({ TEST_DATABASE_URL: undefined, ALLOW_DESTRUCTIVE_TESTS: undefined });
      expect(step.env, step.name).toHaveProperty('TEST_DATABASE_URL');
    }
    const steps = byName(planGate(base));
    expect(steps.get('alembic')?.env.DATABASE_URL).toBe(MIGRATION_DB);
    expect(steps.get('pytest')?.env).toMatchObject({ VIRTUAL_ENV: VENV, PATH: `${VENV}/bin${delimiter}/usr/bin:/bin` });
    expect(steps.get('python')?.env.VIRTUAL_ENV).toBeUndefined();
  });

  it('reads the distribution name from the [project] table only', () => {
    const pyproject = '[build-system]\nrequires = ["hatchling"]\n\n[project]\nname = "shop-api"\nversion = "1.0.0"\n\n[tool.x]\nname = "other"\n';
    expect(projectNameOf(pyproject)).toBe('shop-api');
    expect(projectNameOf('[tool.x]\nname = "other"\n')).toBeUndefined();
    expect(planGate({ ...base, uv: '/opt/uv', projectName: undefined } as GateSetup).find((step) => step.name === 'install')?.command).not.toContain('--reinstall-package');
  });
});

describe('the toolchain', () => {
  it('takes INFRA_STACK_PYTHON, else python3', () => {
    expect(pythonFor({})).toBe('python3');
    expect(pythonFor({ INFRA_STACK_PYTHON: ' /opt/python3.12 ' })).toBe('/opt/python3.12');
  });

  it('takes INFRA_STACK_UV, else uv on PATH, else nothing', () => {
    expect(uvFor({ INFRA_STACK_UV: '/opt/tools/uv', PATH: '' })).toBe('/opt/tools/uv');
    expect(uvFor({ PATH: '/nowhere' })).toBeUndefined();
    // `node` stands in for an executable found on PATH.
    const nodeDir = process.execPath.slice(0, process.execPath.lastIndexOf('/'));
    expect(uvFor({ INFRA_STACK_UV: 'node', PATH: `/nowhere${delimiter}${nodeDir}` })).toBe(`${nodeDir}/node`);
  });
});
