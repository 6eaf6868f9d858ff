import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { temporaryNameFor, type Journal } from './journal.js';

export interface FileToWrite {
  /** Absolute path. */
  path: string;
  content: string;
  /** The file is already on disk: it keeps its permission bits. */
  replaces: boolean;
  /** Hash of the text the file replaces (null: none), checked before a stopped commit is finished; absent: not checked. */
  before?: string | null;
}

/** Files written beside their targets under temporary names, not yet in place. */
export interface StagedFiles {
  /** What `commit` will rename. */
  pending(): { temporary: string; target: string; before?: string | null }[];
  /** Renames every staged file over its target: none is ever seen half-written. */
  commit(): Promise<void>;
  /** Removes what is still staged, and, unless a commit started, the folders staging created. */
  discard(): Promise<void>;
}

/** Files being written at once: enough to keep the disk busy, few enough to bound open handles. */
const FILES_IN_FLIGHT = 32;

/**
 * Writes files to temporary files in their targets' folders as they are added, a bounded number
 * at a time, creating each folder once; so the disk works while the caller is still producing
 * the next files. Nothing is in place before `commit`.
 */
export class FileStager implements StagedFiles {
  private readonly staged: { file: FileToWrite; temporary: string }[] = [];
  private readonly waiting: FileToWrite[] = [];
  private readonly folders = new Map<string, Promise<void>>();
  private readonly createdFolders: string[] = [];
  private readonly whenIdle: (() => void)[] = [];
  private next = 0;
  private active = 0;
  private failure: { error: unknown } | undefined;
  private stopped = false;
  private committing = false;

  /** `journal`: told of each folder before a temporary file is written there. */
  constructor(private readonly journal?: Journal) {}

  add(file: FileToWrite): void {
    if (this.stopped) return;
    this.waiting.push(file);
    this.pump();
  }

  /** Waits for every file added; after a failure, discards what was staged and throws the first error. */
  async finish(): Promise<StagedFiles> {
    await this.idle();
    if (this.failure) {
      const { error } = this.failure;
      await this.discard();
      throw error;
    }
    return this;
  }

  pending(): { temporary: string; target: string; before?: string | null }[] {
    return this.staged.map(({ file, temporary }) => ({ temporary, target: file.path, ...(file.before !== undefined ? { before: file.before } : {}) }));
  }

  async commit(): Promise<void> {
    this.committing = true;
    await forEachLimited(this.staged, ({ file, temporary }) => rename(temporary, file.path));
    this.staged.length = 0;
  }

  async discard(): Promise<void> {
    this.stopped = true;
    await this.idle();
    await Promise.allSettled(this.folders.values());
    await forEachLimited(this.staged, ({ temporary }) => rm(temporary, { force: true }));
    this.staged.length = 0;
    if (!this.committing) await Promise.all(this.createdFolders.map((folder) => rm(folder, { recursive: true, force: true })));
  }

  private pump(): void {
    while (!this.stopped && this.active < FILES_IN_FLIGHT && this.next < this.waiting.length) {
      const file = this.waiting[this.next++]!;
      this.active += 1;
      this.stage(file)
        .catch((error: unknown) => {
          this.failure ??= { error };
          this.stopped = true;
        })
        .finally(() => {
          this.active -= 1;
          this.pump();
          if (this.active === 0) this.whenIdle.splice(0).forEach((resolve) => resolve());
        });
    }
  }

  private idle(): Promise<void> {
    return this.active === 0 ? Promise.resolve() : new Promise((resolve) => this.whenIdle.push(resolve));
  }

  private async stage(file: FileToWrite): Promise<void> {
    const folder = path.dirname(file.path);
    await Promise.all([this.folder(folder), this.journal?.cover(folder)]);
    const temporary = temporaryNameFor(file.path);
    const mode = file.replaces ? await existingMode(file.path) : undefined;
    this.staged.push({ file, temporary });
    await writeFile(temporary, file.content, { flag: 'wx' });
    if (mode !== undefined) await chmod(temporary, mode);
  }

  /** Creates a folder files will be written to, ahead of them (once; a failure surfaces with the files). */
  prepareFolder(folder: string): void {
    if (!this.stopped) this.folder(folder).catch(() => undefined);
  }

  private folder(folder: string): Promise<void> {
    let ready = this.folders.get(folder);
    if (!ready) {
      ready = mkdir(folder, { recursive: true }).then((firstCreated) => {
        if (firstCreated !== undefined) this.createdFolders.push(firstCreated);
      });
      this.folders.set(folder, ready);
    }
    return ready;
  }
}

/** Writes every file under a temporary name beside its target (see `FileStager`); a failure discards what was staged and is rethrown. */
export async function stageFiles(files: readonly FileToWrite[], journal?: Journal): Promise<StagedFiles> {
  const stager = new FileStager(journal);
  for (const file of files) stager.add(file);
  return stager.finish();
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
