import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { validateOptions, type ValidatorOutcome } from './validate.js';

/** What the thread validates: JSON text it parses itself, a parsed document, or a file it reads with the files it references. */
export type ValidationInput = { json: string } | { document: object } | { file: string };

export interface ValidationThread {
  /** Hands the thread its document; answers once the validator has. Call it once. */
  validate(input: ValidationInput): Promise<ValidatorOutcome>;
  /** Stops a thread whose document will never come (it could not be read). */
  cancel(): void;
}

/**
 * The thread's code. Evaluated rather than loaded from a file of its own, so that it runs the
 * same from dist/ and from the TypeScript sources under test; it only calls the validator.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { validate } = require(workerData.validator);
parentPort.once('message', (input) => {
  const document = input.json !== undefined ? JSON.parse(input.json) : input.document ?? input.file;
  validate(document, input.options).then(
    (result) => parentPort.postMessage({ result }),
    (thrown) => parentPort.postMessage({ thrown }),
  );
});
`;

/** Validation threads at once: each holds its own copy of a document and of the validator. */
const MAX_THREADS = Math.max(2, availableParallelism());
let runningThreads = 0;

/**
 * Starts a thread for @readme/openapi-parser's validation, which takes about a second on a
 * large document (it dereferences the whole document, then matches it against the schema):
 * the engine spends that second deriving, planning and rendering. Started before the document
 * is read, the thread loads the validator meanwhile. Undefined when enough threads run already.
 */
export function startValidationThread(): ValidationThread | undefined {
  if (runningThreads >= MAX_THREADS) return undefined;
  runningThreads += 1;
  const validator = createRequire(import.meta.url).resolve('@readme/openapi-parser');
  const thread = new Worker(THREAD_SOURCE, { eval: true, workerData: { validator } });
  const answer = new Promise<ValidatorOutcome>((resolve, reject) => {
    thread.once('message', (outcome: ValidatorOutcome) => resolve(outcome));
    thread.once('error', reject);
    thread.once('exit', (code) => {
      runningThreads -= 1;
      // After the answer this settles nothing more.
      reject(new Error(`the OpenAPI validation thread stopped (exit code ${code}) without an answer`));
    });
  });
  // A cancelled thread's answer is never asked for.
  answer.catch(() => undefined);
  return {
    validate(input) {
      thread.postMessage({ ...input, options: validateOptions(!('file' in input)) });
      return answer;
    },
    cancel() {
      void thread.terminate();
    },
  };
}
