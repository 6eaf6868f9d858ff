/**
 * `<out>/.infra-stack/up-to-date.json`: what the last successful run depended on and left. When
 * the documents' bytes, the options, the code and every file the run wrote, owns or read are
 * still as recorded, a new run would write nothing: it can say so without parsing a document.
 * Only what is cheap to know is checked here (hashes of the documents, stats of the files), so
 * this module loads nothing of the engine.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileStateOf, sha256, stillAsRecorded, type FileState } from './file-state.js';
import { JOURNAL_PATH } from './journal.js';
import { LOCK_NAME } from './lock-name.js';
import { fileNamesIn, type OutputReads } from './output-folder.js';

export const UP_TO_DATE_PATH = '.infra-stack/up-to-date.json';
const STAMP_VERSION = 1;

/** What a run's output depends on besides its documents and its output folder. */
export interface RunIdentity {
  /** One hash of the options that change the output and of the code that generates it (generator and plugins). */
  key: string;
  /** The installed plugin packages used, in order. */
  plugins: string[];
}

/** What the stamp records of the last successful run. */
export interface UpToDateStamp {
  version: typeof STAMP_VERSION;
  key: string;
  plugins: string[];
  /** The SHA-256 of each document's bytes as the run left them (class definitions get paths written back), in the order given. */
  inputs: string[];
  /** Each file of the output folder the run wrote, owns or read (relative, posix), as the run left it. */
  files: Record<string, FileState>;
  /** The names of the files in each folder the run listed, as the run left it. */
  folders: Record<string, string[]>;
  /** The files the run generated (relative, sorted). */
  generated: string[];
}

/** What a run left in its output folder, for its stamp. */
export interface RunFiles {
  /** The files the run generated, on disk after it. */
  generated: readonly string[];
  /** Other files whose state matters (the manifest, reports, generated files the user deleted). */
  owned: readonly string[];
  reads: OutputReads;
}

/**
 * The stamp of the last run when the output folder is still what it left for these documents
 * and this identity; undefined when anything differs or cannot be read (the run then does the work).
 */
export async function upToDateStamp(outDir: string, apiFiles: readonly string[], identity: RunIdentity): Promise<UpToDateStamp | undefined> {
  try {
    const stamp = parseStamp(await readFile(path.join(outDir, UP_TO_DATE_PATH), 'utf8'));
    if (!stamp || stamp.key !== identity.key || stamp.inputs.length !== apiFiles.length) return undefined;
    // A run under way, or one stopped while committing: the folder is not what any stamp says.
    if (existsSync(path.join(outDir, LOCK_NAME)) || existsSync(path.join(outDir, JOURNAL_PATH))) return undefined;
    const inputs = await Promise.all(apiFiles.map(async (file) => sha256(await readFile(file))));
    if (inputs.some((hash, index) => hash !== stamp.inputs[index])) return undefined;
    for (const [folder, names] of Object.entries(stamp.folders)) {
      if ((await fileNamesIn(path.join(outDir, folder))).join('/') !== names.join('/')) return undefined;
    }
    const same = Object.entries(stamp.files).every(([file, state]) => stillAsRecorded(path.join(outDir, file), state));
    return same ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/** Records what a successful run depended on and left (after everything it writes is in place). */
export async function recordUpToDate(outDir: string, apiFiles: readonly string[], identity: RunIdentity, run: RunFiles): Promise<void> {
  const watched = [...new Set([...run.generated, ...run.owned, ...run.reads.files])].sort();
  const listedFolders = [...run.reads.folders].sort();
  const [inputs, folders] = await Promise.all([
    Promise.all(apiFiles.map(async (file) => sha256(await readFile(file)))),
    Promise.all(listedFolders.map((folder) => fileNamesIn(path.join(outDir, folder)))),
  ]);
  const states = watched.map((file) => fileStateOf(path.join(outDir, file)));
  const stamp: UpToDateStamp = {
    version: STAMP_VERSION,
    key: identity.key,
    plugins: identity.plugins,
    inputs,
    files: Object.fromEntries(watched.map((file, index) => [file, states[index]!])),
    folders: Object.fromEntries(listedFolders.map((folder, index) => [folder, folders[index]!])),
    generated: [...run.generated].sort(),
  };
  const target = path.join(outDir, UP_TO_DATE_PATH);
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(stamp)}\n`);
  await rename(temporary, target);
}

/** Removed after a run that cannot record what it left. */
export async function removeUpToDate(outDir: string): Promise<void> {
  await rm(path.join(outDir, UP_TO_DATE_PATH), { force: true });
}

function parseStamp(text: string): UpToDateStamp | undefined {
  const stamp = JSON.parse(text) as Partial<UpToDateStamp> | null;
  if (!stamp || typeof stamp !== 'object' || stamp.version !== STAMP_VERSION || typeof stamp.key !== 'string') return undefined;
  const { plugins, inputs, files, folders, generated } = stamp;
  if (!isStringList(plugins) || !isStringList(inputs) || !isStringList(generated)) return undefined;
  if (!isRecord(files) || !Object.values(files).every(isFileState)) return undefined;
  if (!isRecord(folders) || !Object.values(folders).every(isStringList)) return undefined;
  return stamp as UpToDateStamp;
}

function isFileState(value: unknown): value is FileState {
  return value === null || (Array.isArray(value) && value.length === 3 && typeof value[0] === 'number' && typeof value[1] === 'number' && typeof value[2] === 'string');
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
