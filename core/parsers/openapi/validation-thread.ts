import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkOpenApiSchema, schemaCheckModules } from './schema-check.js';
import type { ValidatorOutcome } from './validate.js';

/** What the thread validates: JSON text it parses itself, or a parsed (or bundled) document. */
export type ValidationInput = { json: string } | { document: object };

export interface ValidationThread {
  /** Hands the thread its document; answers once the check has. Call it once. */
  validate(input: ValidationInput): Promise<ValidatorOutcome>;
  /** Stops a thread whose document will never come (it could not be read). */
  cancel(): void;
}

/**
 * The thread's code: the check itself, as source text, so that it runs the same from dist/ and
 * from the TypeScript sources under test.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const checkOpenApiSchema = ${checkOpenApiSchema.toString()};
require(workerData.modules.schemas);
require(workerData.modules.ajvDraft4);
parentPort.once('message', (input) => {
  try {
    const document = input.json !== undefined ? JSON.parse(input.json) : input.document;
    parentPort.postMessage({ result: checkOpenApiSchema(document, workerData.modules, require, new Map()) });
  } catch (thrown) {
    parentPort.postMessage({ thrown });
  }
});
`;

/** Validation threads at once: each holds its own copy of a document and of the validator. */
const MAX_THREADS = Math.max(2, availableParallelism());
let runningThreads = 0;

/**
 * Starts a thread for the schema check, which takes a few hundred milliseconds on a large
 * document: the engine derives and plans meanwhile. Started before the document is read, the
 * thread loads the validator in the meantime. Undefined when enough threads run already.
 */
export function startValidationThread(): ValidationThread | undefined {
  if (runningThreads >= MAX_THREADS) return undefined;
  runningThreads += 1;
  const thread = new Worker(THREAD_SOURCE, { eval: true, workerData: { modules: schemaCheckModules() } });
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
      thread.postMessage(input);
      return answer;
    },
    cancel() {
      void thread.terminate();
    },
  };
}
