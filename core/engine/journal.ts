import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InfraStackError } from '../errors.js';
import { hashText, MANIFEST_PATH, parseManifest, serializeManifest } from './manifest.js';

/**
 * `.infra-stack/journal.json`: what a run that writes is doing, so that the next run can finish
 * or clean up after it when it was stopped (Ctrl-C, a kill, a full disk). While files are staged,
 * it lists the folders that hold its temporary files; before the first rename, every rename
 * (temporary file → target, with the hash of the target it replaces) and every deletion. It is
 * removed once the manifest is in place, or once a run that failed before its renames cleaned up.
 */
export const JOURNAL_PATH = '.infra-stack/journal.json';

/** The name of a temporary file staged beside `target` (see `temporaryNameFor`). */
const TEMPORARY_NAME = /^\..+\.(\d+)-[0-9a-f]{8}\.tmp$/;

export function temporaryNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** The process that wrote a temporary file, from its name; undefined for any other name. */
function temporaryPid(name: string): number | undefined {
  const match = TEMPORARY_NAME.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** A temporary file left by a process that is gone (this one's and live ones' are theirs). */
export function isAbandonedTemporary(name: string): boolean {
  const pid = temporaryPid(name);
  if (pid === undefined || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** One rename of a commit, paths relative to the output folder. */
export interface JournalRename {
  temporary: string;
  target: string;
  /** Hash of the target's text the rename replaces; null: there was none; absent: not checked (the manifest). */
  before?: string | null;
}

interface JournalContent {
  version: 1;
  /** The process of the run: its temporary files carry it in their names. */
  pid: number;
  state: 'staging' | 'committing';
  /** Folders (relative) that may hold temporary files of the run. */
  folders: string[];
  renames?: JournalRename[];
  deletions?: { path: string; hash: string }[];
}

/** The journal of the running session (see `JOURNAL_PATH`). */
export class Journal {
  private readonly folders = new Set<string>();
  private readonly expected = new Set<string>();
  private writing: Promise<void> = Promise.resolve();
  private createdFolder: string | undefined;
  state: 'none' | 'staging' | 'committing' = 'none';

  constructor(private readonly outDir: string) {}

  /** Folders (absolute) files will be staged in: listed with the first one staged, in one write. */
  expect(folders: Iterable<string>): void {
    for (const folder of folders) this.expected.add(this.relative(folder));
  }

  /** Resolves once the journal on disk lists this folder (absolute) as holding temporary files. */
  cover(folder: string): Promise<void> {
    let added = false;
    for (const relative of [this.relative(folder), ...(this.state === 'none' ? this.expected : [])]) {
      if (this.folders.has(relative)) continue;
      this.folders.add(relative);
      added = true;
    }
    if (added && this.state !== 'committing') {
      this.state = 'staging';
      this.writing = this.writing.then(() => this.write({ version: 1, pid: process.pid, state: 'staging', folders: this.sortedFolders() }));
    }
    return this.writing;
  }

  /** Written before the first rename: from here on, a stopped run is finished by the next one. */
  async committing(renames: JournalRename[], deletions: { path: string; hash: string }[]): Promise<void> {
    await this.writing.catch(() => undefined);
    this.state = 'committing';
    this.writing = this.write({ version: 1, pid: process.pid, state: 'committing', folders: this.sortedFolders(), renames, deletions });
    await this.writing;
  }

  /** Once the run is over (committed or discarded); a discard also removes the folder the journal created. */
  async remove(discarding = false): Promise<void> {
    await this.writing.catch(() => undefined);
    if (this.state === 'none') return;
    await rm(path.join(this.outDir, JOURNAL_PATH), { force: true });
    if (discarding && this.createdFolder !== undefined) await rm(this.createdFolder, { recursive: true, force: true });
    this.state = 'none';
  }

  private relative(folder: string): string {
    return path.relative(this.outDir, folder).split(path.sep).join('/') || '.';
  }

  private sortedFolders(): string[] {
    return [...this.folders].sort();
  }

  private async write(content: JournalContent): Promise<void> {
    const file = path.join(this.outDir, JOURNAL_PATH);
    const created = await mkdir(path.dirname(file), { recursive: true });
    this.createdFolder ??= created;
    const temporary = temporaryNameFor(file);
    await writeFile(temporary, `${JSON.stringify(content)}\n`);
    await rename(temporary, file);
  }
}

/**
 * Finishes or cleans up after a run that was stopped, before anything else reads the output
 * folder. A run stopped during its renames is rolled forward: each staged file still there is
 * put in place unless its target changed since (then the manifest keeps that file's previous
 * entry), the deletions done, the manifest put in place; so the rerun sees exactly what the
 * stopped run would have left. Temporary files of stopped runs are removed. A dry run reads only:
 * it fails on a run to roll forward, and leaves temporary files for a run that writes.
 */
export async function recoverInterruptedRun(outDir: string, options: { dryRun: boolean }): Promise<void> {
  const file = path.join(outDir, JOURNAL_PATH);
  const text = await readOptional(file);
  if (text === undefined) return;
  let journal: JournalContent | undefined;
  try {
    journal = JSON.parse(text) as JournalContent;
  } catch {
    journal = undefined;
  }
  if (journal?.state === 'committing') {
    if (options.dryRun) {
      throw new InfraStackError('an earlier run was stopped while putting its files in place: run once without --dry-run or --check to complete it', { file });
    }
    await rollForward(outDir, journal);
  }
  if (options.dryRun) return;
  const folders = new Set([...(journal?.folders ?? []), path.posix.dirname(JOURNAL_PATH)]);
  // The stopped run's temporary files, and any of processes that are gone.
  const stopped = (name: string) => temporaryPid(name) === journal?.pid || isAbandonedTemporary(name);
  await Promise.all([...folders].map((folder) => removeTemporaries(path.join(outDir, folder), false, stopped)));
  await removeTemporaries(path.join(outDir, '.infra-stack/backup'), true, stopped);
  await rm(file, { force: true });
}

async function rollForward(outDir: string, journal: JournalContent): Promise<void> {
  const at = (relative: string) => path.join(outDir, relative);
  const manifestRename = (journal.renames ?? []).find((entry) => entry.target === MANIFEST_PATH);
  const kept: string[] = [];
  for (const entry of journal.renames ?? []) {
    if (entry === manifestRename) continue;
    const staged = await readOptional(at(entry.temporary));
    if (staged === undefined) continue;
    const current = await readOptional(at(entry.target));
    const unchanged = entry.before === undefined || (entry.before === null ? current === undefined : current !== undefined && hashText(current) === entry.before);
    if (unchanged) {
      await mkdir(path.dirname(at(entry.target)), { recursive: true });
      await rename(at(entry.temporary), at(entry.target));
    } else {
      await rm(at(entry.temporary), { force: true });
      kept.push(entry.target);
    }
  }
  for (const deletion of journal.deletions ?? []) {
    const current = await readOptional(at(deletion.path));
    if (current !== undefined && hashText(current) === deletion.hash) await rm(at(deletion.path), { force: true });
  }
  if (manifestRename === undefined) return;
  const staged = await readOptional(at(manifestRename.temporary));
  if (staged === undefined) return;
  if (kept.length > 0) await writeFile(at(manifestRename.temporary), await withPreviousEntries(staged, await readOptional(at(MANIFEST_PATH)), kept));
  await rename(at(manifestRename.temporary), at(MANIFEST_PATH));
}

/** The staged manifest, where the files the stopped run did not put in place keep what the previous manifest said of them. */
async function withPreviousEntries(stagedText: string, previousText: string | undefined, paths: string[]): Promise<string> {
  const staged = parseManifest(stagedText)!;
  let previous: ReturnType<typeof parseManifest>;
  try {
    previous = parseManifest(previousText);
  } catch {
    previous = undefined;
  }
  const files = new Map<string, { owner: string; text: string }>();
  for (const [file, entry] of Object.entries(staged.files)) if (entry.text !== undefined) files.set(file, { owner: entry.owner, text: entry.text });
  for (const file of paths) {
    const before = previous?.files[file];
    if (before?.text !== undefined) files.set(file, { owner: before.owner, text: before.text });
    else files.delete(file);
  }
  return serializeManifest({ inputs: staged.inputs, model: staged.model === undefined ? undefined : JSON.stringify(staged.model), files });
}

/** Removes the temporary files in `folder` (and below, when `recursive`) whose names `matches`. */
async function removeTemporaries(folder: string, recursive: boolean, matches: (name: string) => boolean): Promise<void> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return;
    throw error;
  }
  await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (recursive) await removeTemporaries(full, true, matches);
      } else if (matches(entry.name)) {
        await rm(full, { force: true });
      }
    }),
  );
}

/** A file's text, or undefined when it does not exist. */
export async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
