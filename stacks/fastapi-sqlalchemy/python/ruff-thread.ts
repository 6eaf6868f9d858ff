import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { BatchedThread } from './batched-thread.js';

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
parentPort.on('message', ({ id, items }) => {
  const answers = items.map((text) => {
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
  private readonly thread: BatchedThread<string, RuffAnswer>;

  constructor() {
    const settings = { 'line-length': LINE_LENGTH, 'target-version': TARGET_VERSION };
    const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { ruff: createRequire(import.meta.url).resolve('@astral-sh/ruff-wasm-nodejs'), settings } });
    this.thread = new BatchedThread(worker, 'ruff formatting', () => (thread = undefined));
  }

  /** Formats `texts`, in one message with the other requests of this turn of the event loop. */
  format(texts: string[]): Promise<RuffAnswer[]> {
    return this.thread.ask(texts);
  }
}

let thread: RuffThread | undefined;

/** The process's formatting thread, started on first use. */
export function ruffThread(): RuffThread {
  thread ??= new RuffThread();
  return thread;
}
