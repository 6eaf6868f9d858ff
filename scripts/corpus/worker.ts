import { parentPort } from 'node:worker_threads';
import { checkDocument, type DocumentTask } from './check-document.js';

/** Checks one document per message and answers with its outcome. */
parentPort?.on('message', (task: DocumentTask) => {
  void checkDocument(task).then((outcome) => parentPort?.postMessage(outcome));
});
