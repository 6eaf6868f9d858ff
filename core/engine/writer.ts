import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { stageFiles, type FileToWrite, type StagedFiles } from './file-commit.js';
import { MANIFEST_PATH, parseManifest, serializeManifest, type Manifest } from './manifest.js';
import { reconcile, type FileAction, type RenderedFile } from './reconcile.js';
import { REGENERATION_REPORT_PATH, regenerationReport } from './regeneration-report.js';
import type { FileOutcomes } from './outcomes.js';
import type { unifiedDiff } from './unified-diff.js';

export type { RenderedFile } from './reconcile.js';

/** What a run did (or, dry, would do) per path, and the diffs when asked for. */
export interface WriteOutcome extends FileOutcomes {
  /** Unified diffs of every change (when asked for). */
  diffs: string[];
}

/** What the manifest records besides the files. */
export interface RunRecord {
  inputs: Record<string, string>;
  /** The model the files were generated from, as JSON text (see `modelSnapshot`). */
  model: string | undefined;
  /** What the plugins said about this regeneration (a new migration...), for the report. */
  notes: string[];
}

export interface LoadedManifest {
  text?: string;
  manifest?: Manifest;
}

interface WriteOptions {
  force: boolean;
  dryRun: boolean;
  diff?: boolean;
  record?: RunRecord;
  /** The manifest as read before planning; read here when absent. */
  previous?: LoadedManifest;
}

/** The changed files written under temporary names beside their targets, to be put in place or dropped. */
export interface PreparedWrite {
  outcome: WriteOutcome;
  /**
   * Puts the files in place, removes the stale ones, then puts the manifest in place: a run
   * stopped half-way leaves the previous manifest, and its rerun finds the files already
   * written up to date.
   */
  commit(): Promise<void>;
  /** Leaves the output folder as it was. */
  discard(): Promise<void>;
}

const BACKUP_ROOT = '.infra-stack/backup';

export async function loadManifest(outDir: string): Promise<LoadedManifest> {
  const text = await readOptional(path.join(outDir, MANIFEST_PATH));
  const manifest = parseManifest(text);
  return { ...(text !== undefined ? { text } : {}), ...(manifest ? { manifest } : {}) };
}

/** Compares, writes and commits at once (see `prepareWrite`). */
export async function writeFiles(outDir: string, files: RenderedFile[], options: WriteOptions): Promise<WriteOutcome> {
  const prepared = await prepareWrite(outDir, files, options);
  try {
    await prepared.commit();
  } catch (error) {
    await prepared.discard();
    throw error;
  }
  return prepared.outcome;
}

/**
 * Reconciles the rendered files with the disk and the last run's manifest (see `reconcile`)
 * and writes what changes under temporary names beside the targets. A dry run writes nothing.
 */
export async function prepareWrite(outDir: string, files: RenderedFile[], options: WriteOptions): Promise<PreparedWrite> {
  const previous = options.previous ?? (await loadManifest(outDir));
  const previousFiles = previous.manifest?.files ?? {};
  const paths = [...new Set([...files.map((file) => file.path), ...Object.keys(previousFiles)])];
  const texts = await Promise.all(paths.map((file) => readOptional(path.join(outDir, file))));
  const disk = new Map(paths.map((file, index) => [file, texts[index]]));
  const { actions, generated } = reconcile({ planned: files, previous: previousFiles, disk, force: options.force });

  const backups = actions.flatMap((action) => ('backup' in action && action.backup ? [{ path: action.path, text: action.previous }] : []));
  const backupDir = backups.length > 0 ? await nextBackupDir(outDir) : undefined;
  // The diff library is loaded only when diffs are asked for.
  const diffOf = options.diff === true ? (await import('./unified-diff.js')).unifiedDiff : undefined;
  const outcome = outcomeOf(actions, backupDir, diffOf);
  const record = options.record ?? { inputs: {}, model: undefined, notes: [] };
  if (options.dryRun) return { outcome, commit: async () => {}, discard: async () => {} };
  const writes: FileToWrite[] = actions.flatMap((action) =>
    'content' in action ? [{ path: path.join(outDir, action.path), content: action.content, replaces: action.kind !== 'create' }] : [],
  );
  for (const backup of backups) writes.push({ path: path.join(outDir, backupDir!, backup.path), content: backup.text, replaces: false });
  const changesFiles = actions.some((action) => !['unchanged', 'untracked'].includes(action.kind));
  if (previous.manifest && changesFiles) {
    const report = regenerationReport(outcome, record.notes);
    const reportPath = path.join(outDir, REGENERATION_REPORT_PATH);
    const current = await readOptional(reportPath);
    if (current !== report) writes.push({ path: reportPath, content: report, replaces: current !== undefined });
  }
  const deletions = actions.flatMap((action) => (action.kind === 'delete' ? [path.join(outDir, action.path)] : []));

  // The manifest compresses on the thread pool while the files are written.
  const [serialized, written] = await Promise.allSettled([serializeManifest({ inputs: record.inputs, model: record.model, files: generated }), stageFiles(writes)]);
  if (written.status === 'rejected') throw written.reason;
  const staged = written.value;
  let stagedManifest: StagedFiles | undefined;
  try {
    if (serialized.status === 'rejected') throw serialized.reason;
    const manifestText = serialized.value;
    if (previous.text !== manifestText) stagedManifest = await stageFiles([{ path: path.join(outDir, MANIFEST_PATH), content: manifestText, replaces: previous.text !== undefined }]);
  } catch (error) {
    await staged.discard();
    throw error;
  }
  return {
    outcome,
    async commit() {
      await staged.commit();
      await Promise.all(deletions.map((file) => rm(file, { force: true })));
      await stagedManifest?.commit();
    },
    async discard() {
      await staged.discard();
      await stagedManifest?.discard();
    },
  };
}

function outcomeOf(actions: FileAction[], backupDir: string | undefined, diffOf: typeof unifiedDiff | undefined): WriteOutcome {
  const outcome: WriteOutcome = { created: [], updated: [], unchanged: [], merged: [], conflicts: [], deleted: [], keptStale: [], untracked: [], diffs: [] };
  const listOf: Record<FileAction['kind'], string[]> = {
    create: outcome.created,
    update: outcome.updated,
    overwrite: outcome.updated,
    merge: outcome.merged,
    conflict: outcome.conflicts,
    delete: outcome.deleted,
    unchanged: outcome.unchanged,
    untracked: outcome.untracked,
    'keep-stale': outcome.keptStale,
  };
  for (const action of actions) {
    listOf[action.kind].push(action.path);
    if (!diffOf) continue;
    const before = 'previous' in action ? action.previous : '';
    const after = 'content' in action ? action.content : action.kind === 'delete' ? '' : undefined;
    if (after !== undefined && after !== before) outcome.diffs.push(diffOf(action.path, before, after, action.kind));
  }
  return { ...outcome, ...(backupDir !== undefined ? { backupDir } : {}) };
}

/** `.infra-stack/backup/<n>`, numbered after the backups of earlier runs so that none is overwritten. */
async function nextBackupDir(outDir: string): Promise<string> {
  let names: string[] = [];
  try {
    names = await readdir(path.join(outDir, BACKUP_ROOT));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const highest = Math.max(0, ...names.filter((name) => /^\d+$/.test(name)).map(Number));
  return `${BACKUP_ROOT}/${highest + 1}`;
}

/** Paths whose generated code is out of date with the documents: what a run would write or delete. */
export function outOfDate(outcome: WriteOutcome): string[] {
  return [...outcome.created, ...outcome.updated, ...outcome.merged, ...outcome.conflicts, ...outcome.deleted, ...outcome.untracked].sort();
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
