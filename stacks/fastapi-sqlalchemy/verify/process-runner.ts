/**
 * Runs one command of the gate: no shell, stdin closed, stdout and stderr handed on as they
 * arrive, stopped when it outlives its time.
 */
import { spawn } from 'node:child_process';

export interface CommandSpec {
  command: readonly [string, ...string[]];
  cwd: string;
  /** Variables set (a string) or removed (`undefined`) on top of `baseEnv`. */
  env: Readonly<Record<string, string | undefined>>;
  timeoutMs: number;
}

export interface CommandResult {
  /** Null when the command did not exit by itself (not started, killed). */
  exitCode: number | null;
  timedOut: boolean;
  /** Why it could not be started (`not found`, `permission denied`, ...). */
  startError?: string;
}

/** How the gate runs a command; tests substitute their own. */
export type CommandRunner = (spec: CommandSpec, onOutput: (text: string) => void) => Promise<CommandResult>;

/** After SIGTERM on a time-out, how long a command may take to stop before SIGKILL. */
const KILL_GRACE_MS = 5_000;

export function spawnRunner(baseEnv: NodeJS.ProcessEnv = process.env): CommandRunner {
  return (spec, onOutput) =>
    new Promise((resolve) => {
      const [executable, ...args] = spec.command;
      const child = spawn(executable, args, { cwd: spec.cwd, env: mergedEnv(baseEnv, spec.env), stdio: ['ignore', 'pipe', 'pipe'] });
      let timedOut = false;
      let killer: NodeJS.Timeout | undefined;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGTERM');
        killer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
      }, spec.timeoutMs);
      const stopTimers = () => {
        clearTimeout(timer);
        clearTimeout(killer);
      };
      child.stdout.setEncoding('utf8').on('data', onOutput);
      child.stderr.setEncoding('utf8').on('data', onOutput);
      child.on('error', (error: NodeJS.ErrnoException) => {
        stopTimers();
        resolve({ exitCode: null, timedOut: false, startError: startProblem(executable, error) });
      });
      child.on('close', (code) => {
        stopTimers();
        resolve({ exitCode: timedOut ? null : code, timedOut });
      });
    });
}

function mergedEnv(base: NodeJS.ProcessEnv, changes: CommandSpec['env']): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...base, ...changes })) {
    if (value !== undefined) env[key] = value;
  }
  return env;
}

function startProblem(executable: string, error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return `${executable} not found`;
  if (error.code === 'EACCES') return `${executable} is not executable`;
  return `${executable} could not be started: ${error.message}`;
}
