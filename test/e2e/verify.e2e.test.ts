/**
 * End to end: the real `infra-stack --api examples/shop/openapi.yaml --out TMP --verify` makes the
 * backend's .venv with uv, installs it, and passes ruff, mypy, the migrations and the tests, all
 * logged to TMP/logs/workflow.log. Then a hand-written test module with a lint error and a
 * failing assertion: the next run (verify remembered) keeps the .venv, fails, and says where.
 *
 * Needs dist/ (npm run build) and uv (INFRA_STACK_UV, else scripts/python-env.sh installs it);
 * wheels come from the shared cache in .cache/uv.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { REPO_ROOT, uvPath } from '../support/python-backend.js';

const BIN = join(REPO_ROOT, 'dist/bin/infra-stack.js');
const SHOP = join(REPO_ROOT, 'examples/shop/openapi.yaml');
const STEPS = ['python', 'venv', 'lock', 'install', 'ruff check', 'ruff format', 'mypy', 'alembic', 'pytest'];

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function infraStack(args: string[], cwd: string): Promise<Outcome> {
  const env = {
    ...process.env,
    INFRA_STACK_UV: uvPath(),
    UV_CACHE_DIR: process.env.UV_CACHE_DIR ?? join(REPO_ROOT, '.cache/uv'),
    FORCE_COLOR: '0',
    // Must never reach the gate: the generated tests drop the tables of their database.
    DATABASE_URL: 'postgresql+asyncpg://nobody@127.0.0.1:1/not_this_one',
    TEST_DATABASE_URL: 'postgresql+asyncpg://nobody@127.0.0.1:1/not_this_one_test',
    ALLOW_DESTRUCTIVE_TESTS: '1',
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function describeOutcome(what: string, outcome: Outcome): string {
  return `${what} exited ${outcome.code}\n--- stdout\n${outcome.stdout}\n--- stderr\n${outcome.stderr}`;
}

/** The log's sections, one per run of the gate. */
function runsIn(log: string): string[] {
  return log.split(/^={72}\n/m).filter((section) => section.trim() !== '');
}

/** `name status` from each step's closing line of one section of the log. */
function stepEnds(section: string): string[] {
  return [...section.matchAll(/^--- \[[^\]]+\] (.+?) (ok|failed|skipped)(?:, exit code \d+)?, \d+\.\d s/gm)].map((match) => `${match[1]} ${match[2]}`);
}

describe('infra-stack --verify on the shop example', () => {
  let work: string | undefined;
  let out: string;
  let logFile: string;
  let first: Outcome;

  beforeAll(async () => {
    work = await makeTempDir('verify');
    out = join(work, 'shop');
    logFile = join(out, 'logs', 'workflow.log');
    first = await infraStack(['--api', SHOP, '--out', 'shop', '--verify'], work);
  });

  afterAll(async () => {
    await removeTempDir(work);
  });

  it('generates, passes every step, and says so', async () => {
    expect(first.code, describeOutcome('infra-stack --verify', first)).toBe(0);
    expect(first.stderr).toMatch(/Generated in shop: \d+ created, 0 updated, 0 unchanged\./);
    expect(first.stderr).toContain('Verifying shop/backend (full output in shop/logs/workflow.log):');
    for (const step of STEPS) expect(first.stderr).toMatch(new RegExp(`^ {2}ok {7}${step} +\\d+\\.\\d s`, 'm'));
    expect(first.stderr).toMatch(/^ {2}ok {7}python +\d+\.\d s {2}Python 3\.\d+\.\d+$/m);
    expect(first.stderr).toMatch(/^ {2}ok {7}venv +\d+\.\d s {2}uv$/m);
    expect(first.stderr).toContain('Verified: every step passed (log: shop/logs/workflow.log).');
    const answers = JSON.parse(await readFile(join(out, '.yo-rc.json'), 'utf8')) as Record<string, { verify?: boolean }>;
    expect(answers['generator-infra-stack']?.verify).toBe(true);
  });

  it('logs every command with its output, exit code and duration', async () => {
    const log = await readFile(logFile, 'utf8');
    const [run] = runsIn(log);
    expect(stepEnds(run ?? '')).toEqual(STEPS.map((step) => `${step} ok`));
    expect(run).toContain(`backend: ${join(out, 'backend')}`);
    expect(run).toMatch(/^\$ \S*uv venv --clear --seed --python python3 \.venv$/m);
    expect(run).toMatch(/^\$ \S*uv lock$/m);
    expect(run).toMatch(/^\$ \S*uv sync --locked --inexact --extra dev --reinstall-package shop-api$/m);
    // The lock the README asks to commit is left in the backend.
    expect(await readFile(join(out, 'backend', 'uv.lock'), 'utf8')).toMatch(/^name = "fastapi"$/m);
    for (const command of ['.venv/bin/ruff check .', '.venv/bin/ruff format --check .', '.venv/bin/mypy', '.venv/bin/alembic upgrade head', '.venv/bin/pytest --cov']) {
      expect(run).toContain(`\n$ ${command}\n`);
    }
    expect(run).toContain('All checks passed!');
    expect(run).toMatch(/Success: no issues found in \d+ source files/);
    expect(run).toContain('Running upgrade  -> ');
    // Unit and integration tests, the latter on SQLite although DATABASE_URL and TEST_DATABASE_URL named a PostgreSQL server.
    expect(run).toMatch(/tests\/integration\/test_order_repository\.py \.+/);
    expect(run).toMatch(/=+ \d+ passed in [\d.]+s =+/);
    expect(run).toMatch(/Required test coverage of 85(\.0)?% reached/);
    expect(run).toMatch(/verified: every step passed\n$/);
    // Timestamps stay in the log.
    expect(await readFile(join(out, 'backend', 'pyproject.toml'), 'utf8')).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
  });

  it('fails on a lint error and a failing test, keeps the .venv, and names the steps, the output and the log', async () => {
    await writeFile(
      join(out, 'backend', 'tests', 'unit', 'test_hand_written.py'),
      'import os\n\n\ndef test_hand_written() -> None:\n    assert 1 + 1 == 3\n',
    );
    // Verify is remembered: the answers in .yo-rc.json are enough.
    const second = await infraStack(['--out', 'shop'], dirname(out));
    expect(second.code, describeOutcome('second infra-stack run', second)).toBe(1);
    // The log and the hand-written module are no generated files: nothing conflicts, nothing is rewritten.
    expect(second.stderr).toMatch(/Up to date: nothing written in shop \(\d+ unchanged\)\./);
    expect(second.stderr).toMatch(/^ {2}ok {7}python +\d+\.\d s {2}Python 3\.\d+\.\d+ in the existing \.venv$/m);
    expect(second.stderr).not.toMatch(/^ {2}\S+ +venv /m);
    expect(second.stderr).toMatch(/^ {2}failed {3}ruff check +\d+\.\d s {2}exit code 1$/m);
    expect(second.stderr).toMatch(/^ {2}failed {3}pytest +\d+\.\d s {2}exit code 1$/m);
    for (const step of ['lock', 'install', 'ruff format', 'mypy', 'alembic']) expect(second.stderr).toMatch(new RegExp(`^ {2}ok {7}${step} `, 'm'));
    expect(second.stderr).toContain('ruff check (.venv/bin/ruff check .):');
    expect(second.stderr).toContain('tests/unit/test_hand_written.py:1:8');
    expect(second.stderr).toContain('FAILED tests/unit/test_hand_written.py::test_hand_written');
    expect(second.stderr).toMatch(/^infra-stack: verification failed \(ruff check, pytest\): the full output is in shop\/logs\/workflow\.log$/m);

    const runs = runsIn(await readFile(logFile, 'utf8'));
    expect(runs).toHaveLength(2);
    const [, rerun = ''] = runs;
    expect(stepEnds(rerun)).toEqual(['python ok', 'lock ok', 'install ok', 'ruff check failed', 'ruff format ok', 'mypy ok', 'alembic ok', 'pytest failed']);
    expect(rerun).toContain('F401 [*] `os` imported but unused');
    expect(rerun).toMatch(/E +assert \(1 \+ 1\) == 3/);
    expect(rerun).toMatch(/verification failed: ruff check, pytest\n$/);
  });
});
