/**
 * Long-lived Python workers (import_worker.py in the shared venv) that byte-compile and import
 * generated backends one after the other: no process per document. A worker that overruns its
 * time or dies is replaced; one that has served `recycleAfter` backends is restarted, so the
 * classes of earlier backends do not pile up in its memory.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from './python-env.js';

const WORKER_SCRIPT = path.join(REPO_ROOT, 'scripts/corpus/import_worker.py');

export interface ImportAnswer {
  /** Files that do not compile: `file:line: message`. */
  compile: { file: string; line: number | null; message: string }[];
  /** Each module imported, with null or the error it raised. */
  imports: Record<string, string | null>;
  /** The SQLAlchemy mappers' configuration error, if any. */
  mappers: string | null;
  /** The worker itself failed on this backend (timed out, died, or a bug of the worker). */
  worker?: string;
}

class PythonWorker {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterator<string>;
  private stderr = '';
  served = 0;

  constructor(python: string, cwd: string, env: Record<string, string>) {
    this.child = spawn(python, [WORKER_SCRIPT], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
    this.child.on('error', () => undefined);
    this.lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
  }

  async check(backendDir: string, timeoutMs: number): Promise<ImportAnswer> {
    this.served += 1;
    this.stderr = '';
    this.child.stdin.write(`${JSON.stringify({ dir: backendDir })}\n`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const next = await Promise.race([this.lines.next(), timeout]);
    clearTimeout(timer);
    if (next === 'timeout') return this.failed(`no answer within ${timeoutMs} ms`);
    if (next.done) return this.failed(`the worker exited${this.stderr ? `:\n${this.stderr}` : ''}`);
    return JSON.parse(next.value) as ImportAnswer;
  }

  private failed(why: string): ImportAnswer {
    return { compile: [], imports: {}, mappers: null, worker: why };
  }

  get healthy(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  stop(): void {
    this.child.stdin.end();
    this.child.kill('SIGKILL');
  }
}

export interface ImportPoolOptions {
  python: string;
  /** Where the workers run (their cwd; the backends' settings may read a .env there). */
  scratchDir: string;
  workers: number;
  timeoutMs?: number;
  recycleAfter?: number;
}

export class ImportPool {
  private readonly idle: PythonWorker[] = [];
  private readonly env: Record<string, string>;

  constructor(private readonly options: ImportPoolOptions) {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'VIRTUAL_ENV' && key !== 'PYTHONPATH') env[key] = value;
    // The backends read their database from the environment; importing must not touch a real one.
    env.DATABASE_URL = `sqlite+aiosqlite:///${path.join(options.scratchDir, 'import.sqlite3')}`;
    // Bytecode of the libraries is kept (imports are several times faster), outside the backends.
    delete env.PYTHONDONTWRITEBYTECODE;
    env.PYTHONPYCACHEPREFIX = path.join(options.scratchDir, 'pycache');
    this.env = env;
  }

  /** Byte-compiles and imports each backend, `workers` at a time; `onAnswer` hears each as it comes. */
  async checkAll(backendDirs: readonly string[], onAnswer: (dir: string, answer: ImportAnswer) => void): Promise<void> {
    let next = 0;
    const lane = async () => {
      while (next < backendDirs.length) {
        const dir = backendDirs[next++]!;
        const worker = this.take();
        const answer = await worker.check(dir, this.options.timeoutMs ?? 600_000);
        if (answer.worker !== undefined || !worker.healthy || worker.served >= (this.options.recycleAfter ?? 150)) worker.stop();
        else this.idle.push(worker);
        onAnswer(dir, answer);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.workers) }, lane));
  }

  private take(): PythonWorker {
    return this.idle.pop() ?? new PythonWorker(this.options.python, this.options.scratchDir, this.env);
  }

  close(): void {
    for (const worker of this.idle.splice(0)) worker.stop();
  }
}
