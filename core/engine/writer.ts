import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { FileStager, stageFiles, type StagedFiles } from './file-commit.js';
import { InfraStackError } from '../errors.js';
import { isAbandonedTemporary, Journal, readOptional, recoverInterruptedRun } from './journal.js';
import { DamagedManifestError, hashText, MANIFEST_PATH, parseManifest, serializeManifest, type Manifest, type ManifestFile } from './manifest.js';
import { plannedAction, staleAction, type FileAction, type RenderedFile } from './reconcile.js';
import { REGENERATION_REPORT_PATH, regenerationReport } from './regeneration-report.js';
import { noFileOutcomes, type FileOutcomes } from './outcomes.js';
import type { unifiedDiff } from './unified-diff.js';
import type { RenderKey } from './render-reuse.js';

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
  /** The relational schema the files store the model in, as JSON text (see `schemaSnapshot`); absent when the stack stores nothing relational. */
  schema?: string;
  /** What the plugins said about this regeneration (a new migration...), for the report. */
  notes: string[];
}

export interface LoadedManifest {
  text?: string;
  manifest?: Manifest;
  /**
   * `--rebuild-manifest`: the manifest is not read; the files on disk where this run generates
   * one are taken as generated, so they follow the new generation (their text backed up).
   */
  rebuild?: boolean;
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
  /** What each generated text was rendered from (none on a dry run): the engine records them once the files are in place. */
  renderKeys?: ReadonlyMap<string, RenderKey>;
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

/**
 * The last run's manifest; a damaged one is an error naming it, unless it is to be rebuilt. A
 * run stopped earlier is finished or cleaned up first (see `recoverInterruptedRun`).
 */
export async function loadManifest(outDir: string, options: { rebuild?: boolean; dryRun?: boolean } = {}): Promise<LoadedManifest> {
  await recoverInterruptedRun(outDir, { dryRun: options.dryRun ?? false });
  const file = path.join(outDir, MANIFEST_PATH);
  const text = await readOptional(file);
  if (options.rebuild === true) return { ...(text !== undefined ? { text } : {}), rebuild: true };
  let manifest: Manifest | undefined;
  try {
    manifest = parseManifest(text);
  } catch (error) {
    if (!(error instanceof DamagedManifestError)) throw error;
    throw new InfraStackError(
      `the manifest of the last run ${error.message}; nothing was written. Restore it (from version control or a copy), ` +
        'or run again with --rebuild-manifest to take the generated files on disk as the last generation (files you edited are then replaced by the new generation, their text backed up)',
      { file },
    );
  }
  return { ...(text !== undefined ? { text } : {}), ...(manifest ? { manifest } : {}) };
}

/** Compares, writes and commits at once (see `WriteSession`). */
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

/** Every file at once through a `WriteSession`. */
export async function prepareWrite(outDir: string, files: RenderedFile[], options: WriteOptions): Promise<PreparedWrite> {
  const session = new WriteSession(outDir, { ...options, previous: options.previous ?? (await loadManifest(outDir, { dryRun: options.dryRun })) });
  try {
    session.expect(files.map((file) => file.path));
    for (const file of files) session.add(file);
    return await session.prepare(options);
  } catch (error) {
    await session.discard();
    throw error;
  }
}

/**
 * A write that starts while files are still being rendered: each file added is compared with
 * the disk and the last run's manifest (see `plannedAction`) and, when it changes, written at
 * once under a temporary name beside its target, so the disk works while the next files render.
 * `prepare` then settles the files no longer generated, the backups, the report and the manifest.
 * A dry run writes nothing.
 */
export class WriteSession {
  private readonly planned: RenderedFile[] = [];
  private readonly actions: Promise<FileAction>[] = [];
  private readonly journal: Journal;
  private readonly stager: FileStager;
  private readonly disk: DiskReader;
  private readonly previousFiles: Readonly<Record<string, ManifestFile>>;
  /** Removals of temporary files stopped runs left in the folders read. */
  private readonly sweeps: Promise<unknown>[] = [];

  constructor(
    private readonly outDir: string,
    private readonly options: { force: boolean; dryRun: boolean; previous: LoadedManifest },
  ) {
    this.journal = new Journal(outDir);
    this.stager = new FileStager(this.journal);
    // Temporary files of runs stopped before they kept a journal go as their folders are read.
    const sweep = (folder: string, names: readonly string[]) => {
      for (const name of names) if (isAbandonedTemporary(name)) this.sweeps.push(rm(path.join(outDir, folder, name), { force: true }));
    };
    this.disk = new DiskReader(outDir, options.dryRun ? undefined : sweep);
    this.previousFiles = options.previous.manifest?.files ?? {};
  }

  /** The paths about to be rendered: their folders are created now, while the files render. Nothing for a dry run. */
  expect(paths: readonly string[]): void {
    if (this.options.dryRun) return;
    const folders = [...new Set(paths.map((file) => path.join(this.outDir, path.dirname(file))))];
    this.journal.expect(folders);
    for (const folder of folders) this.stager.prepareFolder(folder);
  }

  add(file: RenderedFile): void {
    this.planned.push(file);
    const action = this.disk.read(file.path).then((current) => {
      const entry = this.previousFiles[file.path];
      // Rebuilding, every file on disk counts as generated: replaced like an edit with --force.
      const decided = plannedAction(file, entry, current, this.options.force || (this.options.previous.rebuild === true && entry === undefined));
      if (!this.options.dryRun && 'content' in decided) {
        const before = decided.kind === 'create' ? null : decided.kind === 'update' && entry ? entry.hash : hashText(decided.previous);
        this.stager.add({ path: path.join(this.outDir, decided.path), content: decided.content, replaces: decided.kind !== 'create', before });
      }
      return decided;
    });
    // Awaited in `prepare`; a run that fails before that must not report it as unhandled.
    action.catch(() => undefined);
    this.actions.push(action);
  }

  async prepare(options: { diff?: boolean; record?: RunRecord }): Promise<PreparedWrite> {
    const { outDir } = this;
    const { previous, force, dryRun } = this.options;
    const plannedActions = await Promise.all(this.actions);
    const plannedPaths = new Set(this.planned.map((file) => file.path));
    const staleEntries = Object.entries(this.previousFiles).filter(([file]) => !plannedPaths.has(file));
    const staleTexts = await Promise.all(staleEntries.map(([file]) => this.disk.read(file)));
    const staleActions = staleEntries.flatMap(([file, entry], index) => staleAction(file, entry, staleTexts[index], force) ?? []);
    const actions = [...plannedActions, ...staleActions].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const generated = new Map<string, { owner: string; text: string }>();
    // What each recorded text was rendered from, for the next run to reuse it (see render-reuse.ts).
    const renderKeys = new Map<string, RenderKey>();
    this.planned.forEach((file, index) => {
      const action = plannedActions[index]!;
      if (action.kind === 'untracked') return;
      // A file left with the markers of an earlier conflict keeps that run's text as its base: once resolved, it merges with this generation.
      const base = action.kind === 'unresolved' ? (this.previousFiles[file.path]?.text ?? file.content) : file.content;
      generated.set(file.path, { owner: file.owner ?? '', text: base });
      if (action.kind !== 'unresolved' && file.renderKey !== undefined) renderKeys.set(file.path, { key: file.renderKey, hash: hashText(file.content) });
    });

    const backups = actions.flatMap((action) => ('backup' in action && action.backup ? [{ path: action.path, text: action.previous }] : []));
    const backupDir = backups.length > 0 ? await nextBackupDir(outDir) : undefined;
    // The diff library is loaded only when diffs are asked for.
    const diffOf = options.diff === true ? (await import('./unified-diff.js')).unifiedDiff : undefined;
    const outcome = outcomeOf(actions, backupDir, diffOf);
    const record = options.record ?? { inputs: {}, model: undefined, notes: [] };
    if (dryRun) return { outcome, commit: async () => {}, discard: async () => {} };
    for (const backup of backups) this.stager.add({ path: path.join(outDir, backupDir!, backup.path), content: backup.text, replaces: false, before: null });
    // Files left as they are (unresolved markers, deleted by you) were reported by the run that met them.
    const changesFiles = actions.some((action) => !['unchanged', 'untracked', 'unresolved', 'deleted-by-you'].includes(action.kind));
    if (previous.manifest && changesFiles) {
      const report = regenerationReport(outcome, record.notes);
      const reportPath = path.join(outDir, REGENERATION_REPORT_PATH);
      const current = await readOptional(reportPath);
      if (current !== report) this.stager.add({ path: reportPath, content: report, replaces: current !== undefined, before: current === undefined ? null : hashText(current) });
    }
    const deletions = actions.flatMap((action) => (action.kind === 'delete' ? [{ path: action.path, hash: hashText(action.previous) }] : []));
    await Promise.all(this.sweeps);

    // The manifest compresses on the thread pool while the last files are written.
    const [serialized, written] = await Promise.allSettled([serializeManifest({ inputs: record.inputs, model: record.model, ...(record.schema !== undefined ? { schema: record.schema } : {}), files: generated }), this.stager.finish()]);
    if (written.status === 'rejected') throw written.reason;
    const staged = written.value;
    let stagedManifest: StagedFiles | undefined;
    if (serialized.status === 'rejected') throw serialized.reason;
    const manifestText = serialized.value;
    if (previous.text !== manifestText) stagedManifest = await stageFiles([{ path: path.join(outDir, MANIFEST_PATH), content: manifestText, replaces: previous.text !== undefined }], this.journal);
    const { journal } = this;
    const relative = (file: string) => path.relative(outDir, file).split(path.sep).join('/');
    return {
      outcome,
      renderKeys,
      async commit() {
        const renames = [...staged.pending(), ...(stagedManifest?.pending() ?? [])];
        if (renames.length === 0 && deletions.length === 0) return;
        // From here on, a stopped run is finished by the next one (see `recoverInterruptedRun`).
        await journal.committing(
          renames.map((rename) => ({ ...rename, temporary: relative(rename.temporary), target: relative(rename.target) })),
          deletions,
        );
        await staged.commit();
        await Promise.all(deletions.map((file) => rm(path.join(outDir, file.path), { force: true })));
        await stagedManifest?.commit();
        await journal.remove();
      },
      async discard() {
        // Renames under way are finished by the next run rather than half undone.
        if (journal.state === 'committing') return;
        await staged.discard();
        await stagedManifest?.discard();
        await journal.remove(true);
      },
    };
  }

  /** Leaves the output folder as it was (what was staged is removed). */
  async discard(): Promise<void> {
    await this.stager.discard();
    await this.journal.remove(true);
  }
}

function outcomeOf(actions: FileAction[], backupDir: string | undefined, diffOf: typeof unifiedDiff | undefined): WriteOutcome {
  const outcome: WriteOutcome = { ...noFileOutcomes(), diffs: [] };
  const listOf: Record<FileAction['kind'], string[]> = {
    create: outcome.created,
    update: outcome.updated,
    overwrite: outcome.updated,
    merge: outcome.merged,
    conflict: outcome.conflicts,
    unresolved: outcome.conflicts,
    'deleted-by-you': outcome.deletedByYou,
    'delete-conflict': outcome.deleteConflicts,
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
  return [...outcome.created, ...outcome.updated, ...outcome.merged, ...outcome.conflicts, ...outcome.deleteConflicts, ...outcome.deleted, ...outcome.untracked].sort();
}

/**
 * The text on disk of paths of the output folder. Each folder is listed once and only the files
 * it holds are read: a first run into an empty folder reads nothing. A name that differs only in
 * case is read too, for a file system that ignores case.
 */
class DiskReader {
  private readonly listings = new Map<string, Promise<{ exact: Set<string>; folded: Set<string> }>>();

  /** `listed`: told of the names in each folder read. */
  constructor(
    private readonly outDir: string,
    private readonly listed?: (folder: string, names: readonly string[]) => void,
  ) {}

  async read(file: string): Promise<string | undefined> {
    const names = await this.namesIn(path.dirname(file));
    const name = path.basename(file);
    return names.exact.has(name) || names.folded.has(name.toLowerCase()) ? readOptional(path.join(this.outDir, file)) : undefined;
  }

  private namesIn(folder: string): Promise<{ exact: Set<string>; folded: Set<string> }> {
    let listing = this.listings.get(folder);
    if (!listing) {
      listing = listFolder(path.join(this.outDir, folder)).then((names) => {
        this.listed?.(folder, [...names.exact]);
        return names;
      });
      this.listings.set(folder, listing);
    }
    return listing;
  }
}

async function listFolder(folder: string): Promise<{ exact: Set<string>; folded: Set<string> }> {
  let names: string[] = [];
  try {
    names = await readdir(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
  }
  return { exact: new Set(names), folded: new Set(names.map((name) => name.toLowerCase())) };
}

