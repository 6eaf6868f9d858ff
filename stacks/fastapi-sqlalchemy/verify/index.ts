/**
 * The validation gate of a generated backend: in `<out>/backend`, a virtualenv (`.venv`, kept
 * between runs), the package installed with its dev extras, then `ruff check`, `ruff format
 * --check`, `mypy`, `alembic upgrade head` on a throwaway SQLite database and `pytest`. Every
 * command's output goes to `<out>/logs/workflow.log`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InfraStackError } from '../../../core/index.js';
import { runGate } from './gate.js';
import type { StepOutcome, VerificationReport } from '../../../core/index.js';
import { spawnRunner, type CommandRunner } from './process-runner.js';
import { planGate, projectNameOf, venvDirOf } from './steps.js';
import { pythonFor, uvFor } from './toolchain.js';
import { WORKFLOW_LOG_PATH, WorkflowLog } from './workflow-log.js';

export { WORKFLOW_LOG_PATH } from './workflow-log.js';

export interface VerifyOptions {
  /** The output folder of a generation (holds `backend/`). */
  outDir: string;
  /** Told of each step as it ends. */
  onStep?: (outcome: StepOutcome) => void;
  /** Where INFRA_STACK_UV, INFRA_STACK_PYTHON and PATH are read; the commands inherit it. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Runs the commands; the default spawns them. */
  runner?: CommandRunner;
}

export async function verifyBackend(options: VerifyOptions): Promise<VerificationReport> {
  const env = options.env ?? process.env;
  const backendDir = join(options.outDir, 'backend');
  const logFile = join(options.outDir, WORKFLOW_LOG_PATH);
  const python = pythonFor(env);
  const uv = uvFor(env);
  const reuseVenv = existsSync(join(venvDirOf(backendDir), 'bin', 'python'));
  const projectName = projectNameOf(await readPyproject(backendDir));
  const scratch = await mkdtemp(join(tmpdir(), 'infra-stack-verify-'));
  const log = await WorkflowLog.open(logFile);
  try {
    const steps = planGate({
      backendDir,
      python,
      ...(uv !== undefined ? { uv } : {}),
      reuseVenv,
      ...(projectName !== undefined ? { projectName } : {}),
      migrationDatabaseUrl: `sqlite+aiosqlite:///${join(scratch, 'migrations.sqlite3')}`,
      path: env.PATH ?? '',
    });
    log.runStarted('infra-stack: verifying the generated backend', [
      ['backend', backendDir],
      ['python', reuseVenv ? `${venvDirOf(backendDir)} (kept)` : python],
      ['installer', uv ?? 'pip'],
    ]);
    const outcomes = await runGate(steps, {
      cwd: backendDir,
      runner: options.runner ?? spawnRunner(env),
      log,
      ...(options.onStep ? { onStep: options.onStep } : {}),
    });
    const failed = outcomes.filter((outcome) => outcome.status === 'failed').map((outcome) => outcome.name);
    log.runFinished(failed.length === 0 ? 'verified: every step passed' : `verification failed: ${failed.join(', ')}`);
    return { ok: failed.length === 0, backendDir, logFile, steps: outcomes };
  } finally {
    await log.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

async function readPyproject(backendDir: string): Promise<string> {
  try {
    return await readFile(join(backendDir, 'pyproject.toml'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new InfraStackError('no generated backend to verify: backend/pyproject.toml is missing', { file: backendDir });
  }
}
