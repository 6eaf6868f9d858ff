import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';

/** A file as a run left it: size, modification time and the SHA-256 of its bytes; null when there was no file. */
export type FileState = [size: number, mtimeMs: number, sha256: string] | null;

/** The state of `file` now. */
export async function fileStateOf(file: string): Promise<FileState> {
  const info = await statOrAbsent(file);
  if (!info) return null;
  return [info.size, info.mtimeMs, sha256(await readFile(file))];
}

/**
 * Whether `file` still is as `recorded`. The size and mtime settle it when they match; a file
 * only touched (its mtime changed, its bytes not) still matches, so its bytes are hashed only then.
 */
export async function stillAsRecorded(file: string, recorded: FileState): Promise<boolean> {
  const info = await statOrAbsent(file);
  if (recorded === null || !info) return recorded === null && !info;
  const [size, mtimeMs, hash] = recorded;
  if (info.size !== size) return false;
  if (info.mtimeMs === mtimeMs) return true;
  return sha256(await readFile(file)) === hash;
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function statOrAbsent(file: string): Promise<{ size: number; mtimeMs: number } | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() ? info : undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}
