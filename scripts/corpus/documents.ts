import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every `.json`/`.yaml` file under `root`, sorted, optionally filtered by a path substring. */
export async function findApiDocuments(root: string, filter?: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(json|ya?ml)$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => filter === undefined || file.includes(filter))
    .sort();
}
