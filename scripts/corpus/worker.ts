import { parentPort } from 'node:worker_threads';
import { checkDocument } from './check-document.js';

/** Checks one document per message and answers with its outcome. */
parentPort?.on('message', (file: string) => {
  void checkDocument(file).then((outcome) => parentPort?.postMessage(outcome));
});
