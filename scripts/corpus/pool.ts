import { Worker } from 'node:worker_threads';
import type { DocumentOutcome, DocumentTask } from './check-document.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);

/**
 * Checks the documents (and generates their backends, when a task says where) on `jobs` worker
 * threads, one document per worker at a time. A worker that dies or overruns `timeoutMs` is
 * replaced and its document counted as crashed.
 */
export async function checkAll(tasks: readonly DocumentTask[], options: { jobs: number; timeoutMs: number; onOutcome(outcome: DocumentOutcome): void }): Promise<void> {
  let next = 0;
  const runLane = async (): Promise<void> => {
    let worker: Worker | undefined;
    while (next < tasks.length) {
      const task = tasks[next++]!;
      worker ??= new Worker(WORKER_URL);
      const outcome = await checkOn(worker, task, options.timeoutMs);
      if (outcome.status === 'crashed' && outcome.stack.startsWith('worker:')) {
        await worker.terminate();
        worker = undefined;
      }
      options.onOutcome(outcome);
    }
    await worker?.terminate();
  };
  await Promise.all(Array.from({ length: Math.max(1, options.jobs) }, runLane));
}

function checkOn(worker: Worker, task: DocumentTask, timeoutMs: number): Promise<DocumentOutcome> {
  const { file } = task;
  const started = performance.now();
  return new Promise((resolve) => {
    const finish = (outcome: DocumentOutcome) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(outcome);
    };
    const crashed = (why: string) => finish({ file, status: 'crashed', stack: `worker: ${why}`, ms: Math.round(performance.now() - started) });
    const onMessage = (outcome: DocumentOutcome) => finish(outcome);
    const onError = (error: Error) => crashed(error.stack ?? error.message);
    const onExit = (code: number) => crashed(`exited with code ${code}`);
    const timer = setTimeout(() => crashed(`no answer within ${timeoutMs} ms`), timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(task);
  });
}
