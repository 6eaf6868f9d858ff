import { deriveModel } from '../../core/derive/derive.js';
import { isInfraStackError } from '../../core/errors.js';
import { parseOpenApiFile } from '../../core/parsers/openapi/index.js';

/** What became of one document: a model, a clear rejection, or a crash. */
export type DocumentOutcome =
  | { file: string; status: 'derived'; entities: number; operations: number; ms: number }
  | { file: string; status: 'rejected'; message: string; where: string; ms: number }
  | { file: string; status: 'crashed'; stack: string; ms: number };

/** Parses the document and derives its model, as the engine's first two phases do. */
export async function checkDocument(file: string): Promise<DocumentOutcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const model = deriveModel(await parseOpenApiFile(file));
    return { file, status: 'derived', entities: model.entities.length, operations: model.operations.length, ms: ms() };
  } catch (error) {
    if (isInfraStackError(error)) {
      return { file, status: 'rejected', message: error.message, where: [error.file, error.location].filter(Boolean).join(':'), ms: ms() };
    }
    return { file, status: 'crashed', stack: error instanceof Error ? (error.stack ?? error.message) : String(error), ms: ms() };
  }
}
