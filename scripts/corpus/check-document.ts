import { deriveModel } from '../../core/derive/derive.js';
import { isInfraStackError } from '../../core/errors.js';
import { parseOpenApiFile } from '../../core/parsers/openapi/index.js';
import { generate } from '../../lib/index.js';

/** What became of one document: a model (and, when asked, a generated backend), a clear rejection, or a crash. */
export type DocumentOutcome =
  /** `entities` and `operations` are -1 when the backend was generated (the engine does not hand its model back). */
  | { file: string; status: 'derived'; entities: number; operations: number; ms: number; outDir?: string }
  | { file: string; status: 'rejected'; message: string; where: string; ms: number }
  | { file: string; status: 'crashed'; stack: string; ms: number };

/** One document to check; with `outDir`, its backend is generated there (nothing else: no SQL, no docs). */
export interface DocumentTask {
  file: string;
  outDir?: string;
}

/** Parses the document and derives its model, as the engine's first two phases do; with `outDir`, runs the whole generation. */
export async function checkDocument(task: DocumentTask): Promise<DocumentOutcome> {
  const { file, outDir } = task;
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    if (outDir !== undefined) {
      const result = await generate({ apiFiles: [file], outDir, docs: false, ddl: [], discoverPlugins: false, force: true });
      return { file, status: 'derived', entities: -1, operations: -1, ms: ms(), outDir: result.outDir };
    }
    const model = deriveModel(await parseOpenApiFile(file));
    return { file, status: 'derived', entities: model.entities.length, operations: model.operations.length, ms: ms() };
  } catch (error) {
    if (isInfraStackError(error)) {
      return { file, status: 'rejected', message: error.message, where: [error.file, error.location].filter(Boolean).join(':'), ms: ms() };
    }
    return { file, status: 'crashed', stack: error instanceof Error ? (error.stack ?? error.message) : String(error), ms: ms() };
  }
}
