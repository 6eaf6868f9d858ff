import { parentPort } from 'node:worker_threads';
import { completeImports } from './import-resolver.js';

/** One module to complete; the answer is its completed text, `null` when it came back unchanged (nothing to copy back), or why it failed. */
export interface ImportRequest {
  path: string;
  text: string;
}
export type ImportAnswer = { text: string | null } | { error: string };

/** The import thread's side (see import-thread.ts): completes the modules of each message, in order. */
parentPort?.on('message', ({ id, items }: { id: number; items: ImportRequest[] }) => {
  const answers = items.map(({ path, text }): ImportAnswer => {
    try {
      const completed = completeImports(path, text);
      return { text: completed === text ? null : completed };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
  parentPort!.postMessage({ id, answers });
});
