/** The model a set of documents derives, as the CLI would read them from one folder. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DomainModel } from '../../core/model/domain-model.js';
import { deriveModel } from '../../lib/index.js';

/** Writes the documents under their names (`api.md`, `requirements.md`, `openapi.yaml`) and derives their model. */
export async function modelOfDocuments(documents: Record<string, string>): Promise<DomainModel> {
  const dir = await mkdtemp(path.join(tmpdir(), 'infra-stack-documents-'));
  try {
    const files = Object.keys(documents).map((name) => path.join(dir, name));
    await Promise.all(Object.entries(documents).map(([name, text]) => writeFile(path.join(dir, name), text)));
    return await deriveModel({ apiFiles: files, discoverPlugins: false });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
