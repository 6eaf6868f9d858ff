import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface FileToWrite {
  /** Absolute path. */
  path: string;
  content: string;
  /** The file is already on disk: it keeps its permission bits. */
  replaces: boolean;
}

/** Files being written at once: enough to keep the disk busy, few enough to bound open handles. */
const FILES_IN_FLIGHT = 32;

/**
 * Puts files on disk so that none is ever seen half-written: each is written to a temporary
 * file beside it and renamed over its target. Each folder is created once. After a failure no
 * further file is started; the ones under way finish, then the first error is thrown.
 */
export async function commitFiles(files: readonly FileToWrite[]): Promise<void> {
  const folders = [...new Set(files.map((file) => path.dirname(file.path)))];
  await forEachLimited(folders, (folder) => mkdir(folder, { recursive: true }));
  await forEachLimited(files, replaceFile);
}

/** Writes the content to a temporary file in the target's folder, then renames it over the target. */
async function replaceFile(file: FileToWrite): Promise<void> {
  const temporary = path.join(path.dirname(file.path), `.${path.basename(file.path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const mode = file.replaces ? await existingMode(file.path) : undefined;
    await writeFile(temporary, file.content, { flag: 'wx' });
    if (mode !== undefined) await chmod(temporary, mode);
    await rename(temporary, file.path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function existingMode(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function forEachLimited<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (errors.length === 0 && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(FILES_IN_FLIGHT, items.length) }, worker));
  if (errors.length > 0) throw errors[0];
}
