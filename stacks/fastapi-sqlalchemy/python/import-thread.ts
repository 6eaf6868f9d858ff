import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { completeImports } from './import-resolver.js';
import type { ImportAnswer, ImportRequest } from './import-worker.js';

/**
 * The thread's script, built beside this module. Run from the TypeScript sources (the unit
 * tests), there is none: the imports are then completed on the calling thread, by the same
 * function.
 */
const WORKER_SCRIPT = new URL('./import-worker.js', import.meta.url);

/**
 * `completeImports` on a thread of its own: on a large document it is the larger part of the
 * rendering (Microsoft Graph's 95 MB of Python), and it needs nothing but each module's text, so
 * the main thread renders the next templates while it runs. Started by `prepareImportThread` for
 * documents large enough to pay for a thread; never keeps the process alive.
 */
class ImportThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { requests: Queued[] }>();
  private nextId = 0;
  /** Modules asked for since the last message: sent together, one message per turn of the event loop. */
  private queued: Queued[] = [];

  constructor() {
    this.worker = new Worker(WORKER_SCRIPT);
    this.worker.unref();
    this.worker.once('online', () => {
      if (this.pending.size === 0) this.worker.unref();
    });
    this.worker.on('message', ({ id, answers }: { id: number; answers: ImportAnswer[] }) => {
      const batch = this.pending.get(id);
      this.pending.delete(id);
      if (this.pending.size === 0) this.worker.unref();
      batch?.requests.forEach((request, index) => {
        const answer = answers[index]!;
        if ('error' in answer) request.reject(new Error(answer.error));
        else request.resolve(answer.text ?? request.text);
      });
    });
    const failAll = (error: Error) => {
      for (const batch of this.pending.values()) for (const request of batch.requests) request.reject(error);
      this.pending.clear();
      thread = undefined;
    };
    this.worker.on('error', failAll);
    this.worker.on('exit', (code) => failAll(new Error(`the import thread stopped (exit code ${code})`)));
  }

  complete(path: string, text: string): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.queued.push({ path, text, resolve, reject });
      if (this.queued.length === 1) setImmediate(() => this.send());
    });
  }

  private send(): void {
    const requests = this.queued;
    this.queued = [];
    const id = this.nextId++;
    this.pending.set(id, { requests });
    // A thread with work to do keeps the process alive until it answers.
    this.worker.ref();
    this.worker.postMessage({ id, requests: requests.map(({ path, text }): ImportRequest => ({ path, text })) });
  }
}

interface Queued extends ImportRequest {
  resolve(text: string): void;
  reject(error: Error): void;
}

let thread: ImportThread | undefined;

/** Starts the import thread, when the stack runs from its build. */
export function prepareImportThread(): void {
  if (thread === undefined && existsSync(fileURLToPath(WORKER_SCRIPT))) thread = new ImportThread();
}

/** Whether modules go to the import thread (it was started, and is running). */
export function importThreadRunning(): boolean {
  return thread !== undefined;
}

/** `completeImports`, on the import thread once it was started, else here. */
export async function completeImportsOfModule(path: string, text: string): Promise<string> {
  return thread ? thread.complete(path, text) : completeImports(path, text);
}
