import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BatchedThread } from './batched-thread.js';
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
  private readonly thread: BatchedThread<ImportRequest, ImportAnswer>;

  constructor() {
    this.thread = new BatchedThread(new Worker(WORKER_SCRIPT), 'import', () => (thread = undefined));
  }

  async complete(path: string, text: string): Promise<string> {
    const [answer] = await this.thread.ask([{ path, text }]);
    if (answer === undefined || 'error' in answer) throw new Error(answer?.error ?? `${path}: the import thread gave no answer`);
    return answer.text ?? text;
  }
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
