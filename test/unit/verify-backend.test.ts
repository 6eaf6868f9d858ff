/**
 * `verifyBackend` over a generated-looking folder with a fake command runner: the report, the
 * log in <out>/logs/workflow.log, a kept .venv, the throwaway migration database; and the lines
 * the command prints from the report.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isInfraStackError } from '../../core/errors.js';
import { colorsFor, failureLines, stepLine, verdict, verificationHeading } from '../../generators/app/verification-lines.js';
import type { StepOutcome, VerificationReport } from '../../core/index.js';
import { verifyBackend } from '../../stacks/fastapi-sqlalchemy/verify/index.js';
import type { CommandResult, CommandSpec } from '../../stacks/fastapi-sqlalchemy/verify/process-runner.js';
import { makeTempDir, removeTempDir } from '../support/files.js';

const PYPROJECT = '[project]\nname = "shop-api"\nversion = "1.0.0"\n';

describe('verifying a generated backend', () => {
  let root: string;
  let out: string;
  let backend: string;

  beforeEach(async () => {
    root = await makeTempDir('verify');
    out = path.join(root, 'out');
    backend = path.join(out, 'backend');
    await mkdir(backend, { recursive: true });
    await writeFile(path.join(backend, 'pyproject.toml'), PYPROJECT);
  });

  afterEach(async () => {
    await removeTempDir(root);
  });

  /** Every command succeeds, printing its name; `failing` names the ones that exit 1. */
  function runner(failing: string[] = []) {
    const ran: CommandSpec[] = [];
    const run = async (spec: CommandSpec, onOutput: (text: string) => void): Promise<CommandResult> => {
      ran.push(spec);
      const words = spec.command.join(' ');
      onOutput(words.includes('sys.version_info') ? '3.12.1\n' : `output of ${words}\n`);
      return { exitCode: failing.some((name) => words.includes(name)) ? 1 : 0, timedOut: false };
    };
    return { ran, run };
  }

  const env = { PATH: '/usr/bin', INFRA_STACK_UV: '/opt/uv' };

  it('runs the gate in <out>/backend and logs every command to <out>/logs/workflow.log', async () => {
    const { ran, run } = runner();
    const told: string[] = [];
    const report = await verifyBackend({ outDir: out, env, runner: run, onStep: (outcome) => told.push(outcome.name) });
    expect(report.ok).toBe(true);
    expect(report.backendDir).toBe(backend);
    expect(report.logFile).toBe(path.join(out, 'logs', 'workflow.log'));
    expect(report.steps.map((step) => [step.name, step.status])).toEqual(
      ['python', 'venv', 'lock', 'install', 'ruff check', 'ruff format', 'mypy', 'alembic', 'pytest'].map((name) => [name, 'ok']),
    );
    expect(told).toEqual(report.steps.map((step) => step.name));
    expect(ran.every((spec) => spec.cwd === backend)).toBe(true);
    expect(ran[3]?.command).toContain('shop-api');

    const log = await readFile(report.logFile, 'utf8');
    expect(log).toContain(`backend: ${backend}`);
    expect(log).toContain('installer: /opt/uv');
    for (const step of report.steps) expect(log).toContain(`$ ${step.command}\n`);
    expect(log).toContain('output of /opt/uv venv');
    expect(log).toMatch(/pytest ok, exit code 0, \d+\.\d s\n/);
    expect(log).toMatch(/verified: every step passed\n={72}\n\n$/);
  });

  it('migrates a throwaway SQLite database, removed afterwards', async () => {
    const { ran, run } = runner();
    await verifyBackend({ outDir: out, env: { ...env, DATABASE_URL: 'postgresql+asyncpg://prod/db' }, runner: run });
    const alembic = ran.find((spec) => spec.command.includes('upgrade'));
    const url = alembic?.env.DATABASE_URL ?? '';
    expect(url).toMatch(/^sqlite\+aiosqlite:\/\/\/.*infra-stack-verify-.*\/migrations\.sqlite3$/);
    expect(existsSync(path.dirname(url.replace('sqlite+aiosqlite:///', '')))).toBe(false);
    const pytest = ran.find((spec) => spec.command[0].endsWith('pytest'));
    expect(pytest?.env).toHaveProperty('DATABASE_URL', undefined);
  });

  it('keeps an existing .venv and reports what failed', async () => {
    await mkdir(path.join(backend, '.venv', 'bin'), { recursive: true });
    await writeFile(path.join(backend, '.venv', 'bin', 'python'), '');
    const { ran, run } = runner(['ruff format', 'pytest']);
    const report = await verifyBackend({ outDir: out, env, runner: run });
    expect(ran.some((spec) => spec.command.includes('venv'))).toBe(false);
    expect(report.ok).toBe(false);
    expect(report.steps.filter((step) => step.status === 'failed').map((step) => step.name)).toEqual(['ruff format', 'pytest']);
    expect(report.steps[0]?.detail).toBe('Python 3.12.1 in the existing .venv');
    const log = await readFile(report.logFile, 'utf8');
    expect(log).toContain('python: ');
    expect(log).toContain('(kept)');
    expect(log).toMatch(/verification failed: ruff format, pytest\n/);
  });

  it('refuses an output folder without a generated backend', async () => {
    const error = await verifyBackend({ outDir: root, env, runner: runner().run }).catch((caught: unknown) => caught);
    expect(isInfraStackError(error)).toBe(true);
    expect((error as Error).message).toMatch(/no generated backend to verify: backend\/pyproject\.toml is missing/);
  });
});

describe('the lines printed about the gate', () => {
  const ok: StepOutcome = { name: 'mypy', status: 'ok', command: '.venv/bin/mypy', exitCode: 0, durationMs: 17_412, outputTail: [] };
  const failed: StepOutcome = {
    name: 'ruff format',
    status: 'failed',
    command: '.venv/bin/ruff format --check .',
    exitCode: 1,
    durationMs: 40,
    detail: 'exit code 1',
    outputTail: ['Would reformat: app/main.py', '1 file would be reformatted'],
  };
  const skipped: StepOutcome = { name: 'pytest', status: 'skipped', command: '.venv/bin/pytest', durationMs: 0, detail: 'not run: install failed', outputTail: [] };
  const python: StepOutcome = { ...failed, name: 'python', command: 'python3 -c …', detail: 'Python 3.9.2 is too old', outputTail: [], hint: 'install Python 3.11+' };
  const report = (steps: StepOutcome[]): VerificationReport => ({ ok: !steps.some((s) => s.status === 'failed'), backendDir: '/w/gen/backend', logFile: '/w/gen/logs/workflow.log', steps });

  it('one aligned line per step: status, name, duration, detail; colored on request', () => {
    expect(stepLine(ok, false)).toBe('  ok       mypy          17.4 s');
    expect(stepLine(failed, false)).toBe('  failed   ruff format    0.0 s  exit code 1');
    expect(stepLine(skipped, false)).toBe('  skipped  pytest                not run: install failed');
    expect(stepLine(ok, true)).toBe('  \u001B[32mok     \u001B[39m  mypy          17.4 s');
    expect(stepLine(failed, true)).toContain('\u001B[31mfailed ');
    expect(stepLine(skipped, true)).toContain('\u001B[33mskipped');
  });

  it('the end of each failed step’s output, its hint, and a verdict naming the failures and the log', () => {
    expect(failureLines(report([ok, failed, python]))).toEqual([
      '',
      'ruff format (.venv/bin/ruff format --check .):',
      '  Would reformat: app/main.py',
      '  1 file would be reformatted',
      '',
      'python (python3 -c …):',
      '  (no output)',
      '  hint: install Python 3.11+',
    ]);
    expect(verdict(report([ok, failed, python]), '/w')).toBe('verification failed (ruff format, python): the full output is in gen/logs/workflow.log');
    expect(verdict(report([ok]), '/w')).toBe('Verified: every step passed (log: gen/logs/workflow.log).');
    expect(verdict(report([ok]), '/elsewhere')).toBe('Verified: every step passed (log: /w/gen/logs/workflow.log).');
    expect(failureLines(report([ok]))).toEqual([]);
    expect(verificationHeading('/w/gen', '/w/gen/logs/workflow.log', '/w')).toBe('\nVerifying gen/backend (full output in gen/logs/workflow.log):');
  });

  it('colors as chalk decides: NO_COLOR, FORCE_COLOR, else a terminal with colors', () => {
    const terminal = { isTTY: true, hasColors: () => true };
    expect(colorsFor(terminal, {})).toBe(true);
    expect(colorsFor(terminal, { NO_COLOR: '1' })).toBe(false);
    expect(colorsFor(terminal, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorsFor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorsFor({ isTTY: false }, {})).toBe(false);
  });
});
