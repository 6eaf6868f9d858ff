import type { Worker } from 'node:worker_threads';

/**
 * A worker thread asked for lists of items, answered with a list each (one answer per item, in
 * order). The lists asked for until the event loop next turns (several files rendered ahead, see
 * the engine's `render`) go in one message, `{ id, items }`, answered by `{ id, answers }`: a
 * message costs a third of a millisecond whatever it carries. The thread keeps the process alive
 * only while it has work; once it fails or stops, every pending request fails and `onStop` runs.
 */
export class BatchedThread<Item, Answer> {
  private readonly pending = new Map<number, Queued<Item, Answer>[]>();
  private nextId = 0;
  private queued: Queued<Item, Answer>[] = [];

  constructor(
    private readonly worker: Worker,
    name: string,
    onStop: () => void,
  ) {
    worker.unref();
    // An unref before the thread is online does not hold in Node 20: again once it is.
    worker.once('online', () => {
      if (this.pending.size === 0) worker.unref();
    });
    worker.on('message', ({ id, answers }: { id: number; answers: Answer[] }) => {
      const batch = this.pending.get(id) ?? [];
      this.pending.delete(id);
      if (this.pending.size === 0) worker.unref();
      let from = 0;
      for (const request of batch) {
        request.resolve(answers.slice(from, from + request.items.length));
        from += request.items.length;
      }
    });
    const failAll = (error: Error) => {
      for (const batch of this.pending.values()) for (const request of batch) request.reject(error);
      this.pending.clear();
      onStop();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`the ${name} thread stopped (exit code ${code})`)));
  }

  ask(items: Item[]): Promise<Answer[]> {
    return new Promise<Answer[]>((resolve, reject) => {
      this.queued.push({ items, resolve, reject });
      if (this.queued.length === 1) setImmediate(() => this.send());
    });
  }

  private send(): void {
    const batch = this.queued;
    this.queued = [];
    const id = this.nextId++;
    this.pending.set(id, batch);
    // A thread with work to do keeps the process alive until it answers.
    this.worker.ref();
    this.worker.postMessage({ id, items: batch.flatMap((request) => request.items) });
  }
}

interface Queued<Item, Answer> {
  items: Item[];
  resolve(answers: Answer[]): void;
  reject(error: Error): void;
}
