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

/** Files written beside their targets under temporary names, not yet in place. */
export interface StagedFiles {
  /** Renames every staged file over its target: none is ever seen half-written. */
  commit(): Promise<void>;
  /** Removes what is still staged, and, unless a commit started, the folders staging created. */
  discard(): Promise<void>;
}

/** Files being written at once: enough to keep the disk busy, few enough to bound open handles. */
const FILES_IN_FLIGHT = 32;

/**
 * Writes each file to a temporary file in its target's folder, creating each folder once.
 * Nothing is in place before `commit`, which puts `last` in place after all the others; a
 * failure discards what was staged and is rethrown.
 */
export async function stageFiles(files: readonly FileToWrite[], last?: FileToWrite): Promise<StagedFiles> {
  const all = last ? [...files, last] : [...files];
  const staged = all.map((file) => ({ file, temporary: temporaryNameFor(file.path) }));
  const createdFolders: string[] = [];
  let committing = false;
  const discard = async () => {
    await forEachLimited(staged, ({ temporary }) => rm(temporary, { force: true }));
    if (!committing) await Promise.all(createdFolders.map((folder) => rm(folder, { recursive: true, force: true })));
  };
  try {
    await forEachLimited([...new Set(all.map((file) => path.dirname(file.path)))], async (folder) => {
      const firstCreated = await mkdir(folder, { recursive: true });
      if (firstCreated !== undefined) createdFolders.push(firstCreated);
    });
    await forEachLimited(staged, async ({ file, temporary }) => {
      const mode = file.replaces ? await existingMode(file.path) : undefined;
      await writeFile(temporary, file.content, { flag: 'wx' });
      if (mode !== undefined) await chmod(temporary, mode);
    });
  } catch (error) {
    await discard();
    throw error;
  }
  return {
    async commit() {
      committing = true;
      const putLast = last ? staged.pop() : undefined;
      await forEachLimited(staged, ({ file, temporary }) => rename(temporary, file.path));
      if (putLast) await rename(putLast.temporary, putLast.file.path);
      staged.length = 0;
    },
    discard,
  };
}

function temporaryNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

async function existingMode(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Runs `work` on every item, a bounded number at a time; after a failure no new item starts, and the first error is thrown once the others are done. */
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
