import { spawn } from 'node:child_process';

export interface Ran {
  /** Exit code; 124 when killed for overrunning its time, 127 when it could not be started. */
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  cwd: string;
  /** Added to the environment; `undefined` removes a variable. */
  env?: Readonly<Record<string, string | undefined>>;
  timeoutMs?: number;
}

/** Runs a command to its end (no shell, stdin closed) and collects its output; never throws. */
export function run(exe: string, args: readonly string[], options: RunOptions): Promise<Ran> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...options.env })) if (value !== undefined) env[key] = value;
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  return new Promise((resolve) => {
    const child = spawn(exe, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const ms = () => Math.round(performance.now() - started);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout, stderr: `${stderr}could not start ${exe}: ${error.message}`, ms: ms() });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) stderr += `\n[killed after ${timeoutMs} ms]`;
      else if (signal) stderr += `\n[killed by ${signal}]`;
      resolve({ code: timedOut ? 124 : (code ?? 128), stdout, stderr, ms: ms() });
    });
  });
}
