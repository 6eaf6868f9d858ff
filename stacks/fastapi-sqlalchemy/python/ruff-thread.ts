import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export const LINE_LENGTH = 100;
export const TARGET_VERSION = 'py311';

/** What ruff answered for one text: the formatted text, or why it could not format it. */
export type RuffAnswer = { text: string } | { error: string };

/**
 * The thread's code. It loads ruff's formatter (its WebAssembly build, the version the generated
 * pyproject pins) as soon as it starts, compiled by V8's baseline compiler only: it formats a
 * few statements, and optimizing 10 MB of WebAssembly would cost ~0.5 s of CPU and ~60 MB.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require('node:v8').setFlagsFromString('--liftoff-only');
const ruff = require(workerData.ruff);
const workspace = new ruff.Workspace(workerData.settings, ruff.PositionEncoding.Utf16);
parentPort.on('message', ({ id, texts }) => {
  const answers = texts.map((text) => {
    try {
      return { text: workspace.format(text) };
    } catch (error) {
      return { error: String(error && error.message ? error.message : error) };
    }
  });
  parentPort.postMessage({ id, answers });
});
`;

/**
 * ruff's formatter on a thread of its own, started once per process: the engine starts it when
 * planning begins, so ruff is compiled on the other core while templates render, and the few
 * statements that need it do not wait for it on the main thread. It never keeps the process alive.
 */
class RuffThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (answers: RuffAnswer[]) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  /** Texts asked for since the last message: sent together, one message per turn of the event loop. */
  private queued: { texts: string[]; resolve: (answers: RuffAnswer[]) => void; reject: (error: Error) => void }[] = [];

  constructor() {
    const settings = { 'line-length': LINE_LENGTH, 'target-version': TARGET_VERSION };
    this.worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { ruff: createRequire(import.meta.url).resolve('@astral-sh/ruff-wasm-nodejs'), settings } });
    this.worker.unref();
    // An unref before the thread is online does not hold in Node 20: again once it is.
    this.worker.once('online', () => {
      if (this.pending.size === 0) this.worker.unref();
    });
    this.worker.on('message', ({ id, answers }: { id: number; answers: RuffAnswer[] }) => {
      const request = this.pending.get(id);
      this.pending.delete(id);
      request?.resolve(answers);
    });
    const failAll = (error: Error) => {
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
      thread = undefined;
    };
    this.worker.on('error', failAll);
    this.worker.on('exit', (code) => failAll(new Error(`the ruff formatting thread stopped (exit code ${code})`)));
  }

  /**
   * Formats `texts`. The requests made until the event loop next turns (several files rendered
   * ahead, see the engine's `render`) go in one message: a message costs a third of a
   * millisecond whatever it carries.
   */
  format(texts: string[]): Promise<RuffAnswer[]> {
    return new Promise<RuffAnswer[]>((resolve, reject) => {
      this.queued.push({ texts, resolve, reject });
      if (this.queued.length === 1) setImmediate(() => this.send());
    });
  }

  private send(): void {
    const batch = this.queued;
    this.queued = [];
    const id = this.nextId++;
    const resolve = (answers: RuffAnswer[]) => {
      let from = 0;
      for (const request of batch) {
        request.resolve(answers.slice(from, from + request.texts.length));
        from += request.texts.length;
      }
      if (this.pending.size === 0) this.worker.unref();
    };
    const reject = (error: Error) => {
      for (const request of batch) request.reject(error);
    };
    this.pending.set(id, { resolve, reject });
    // A thread with work to do keeps the process alive until it answers.
    this.worker.ref();
    this.worker.postMessage({ id, texts: batch.flatMap((request) => request.texts) });
  }
}

let thread: RuffThread | undefined;

/** The process's formatting thread, started on first use. */
export function ruffThread(): RuffThread {
  thread ??= new RuffThread();
  return thread;
}
