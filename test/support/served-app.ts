import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { BackendEnv } from './python-backend.js';

/** A generated app served by `fastapi run` (as its README says) on a free local port. */
export interface ServedApp {
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** What the server printed so far (its log included). */
  output(): string;
  stop(): void;
}

/** Starts `fastapi run` (which finds app/main.py) in the backend's venv with `env` added, and waits until it answers. */
export async function serveApp(backend: BackendEnv, env: Record<string, string>): Promise<ServedApp> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const server: ChildProcess = spawn(join(backend.venvDir, 'bin', 'fastapi'), ['run', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: backend.dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const app: ServedApp = { base, output: () => output, stop: () => server.kill('SIGTERM') };
  try {
    await waitUntilServing(`${base}/openapi.json`, app.output);
  } catch (error) {
    app.stop();
    throw error;
  }
  return app;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilServing(url: string, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the generated app did not start within ${timeoutMs} ms:\n${output()}`);
}
