import { AsyncSeriesBailHook, AsyncSeriesHook, AsyncSeriesWaterfallHook, HookMap, SyncHook, SyncWaterfallHook } from 'tapable';
import type { StackDescriptor } from '../stack/descriptor.js';
import type { Table } from '../schema/relational-schema.js';
import type { ApiDocument } from '../model/api-document.js';
import type { DomainModel } from '../model/domain-model.js';
import type { DatabaseKind } from '../options.js';
import type { FilePlan, PlannedFile } from './plan.js';
import type { PluginSettingsInput } from './plugin-settings.js';
import type { Diagnostics, RunReport } from './report.js';
import type { FileOutcomes } from './outcomes.js';
import type { OutputFolder } from './output-folder.js';

/** Resolved settings of one run; plugins may add their own keys in `configure`. */
export interface EngineConfig {
  apiFiles: string[];
  outDir: string;
  /** The database the run asks for; when absent, the documents' choice applies (`model.database`). */
  db?: DatabaseKind;
  stack: string;
  force: boolean;
  dryRun: boolean;
  /** Ignore the manifest and take the files on disk as the last generation (`--rebuild-manifest`). */
  rebuildManifest?: boolean;
  /** A migration that may destroy data may be written (`--accept-data-loss`). */
  acceptDataLoss?: boolean;
  /** Unified diffs of every change in the outcome (`--diff`). */
  diff?: boolean;
  /** URL under which the output folder is published; class definitions get raw URLs of their files from it. */
  rawUrlBase?: string;
  /** False: class definitions files are left as they are after the run. */
  writeBack?: boolean;
  /** Plugin settings as given (`--set`, `.yo-rc.json`), by plugin name; a plugin reads its own, typed, with `api.settings()`. */
  pluginSettings?: PluginSettingsInput;
  [key: string]: unknown;
}

export interface ParseRequest {
  file: string;
  config: EngineConfig;
  /**
   * Hands the engine a check of this document still running (a validation on another thread):
   * nothing is written before it passed, and its failure is reported ahead of any error met
   * meanwhile.
   */
  defer(check: Promise<void>): void;
}

export interface DeriveContext {
  api: ApiDocument;
  config: EngineConfig;
}

export interface PlanContext {
  model: DomainModel;
  config: EngineConfig;
  report: RunReport;
  /** What the last run in the output folder generated (empty on a first run). */
  previous: PreviousRun;
  /** The output folder as it is now (files the user wrote included), to read while planning. */
  output: OutputFolder;
  /** The descriptor of the run's stack (`config.stack`); absent when no plugin declared it (core only). */
  stack?: StackDescriptor;
  /**
   * The model's tables as the run's stack names and stores them (`relationalSchema`): derived
   * once, on first read; empty when the stack stores nothing relational.
   */
  readonly schema: readonly Table[];
}

/** The last run as its manifest recorded it: stacks plan incremental changes (migrations) from it. */
export interface PreviousRun {
  /** The persistent part of the model the files were generated from (see `modelSnapshot`); absent on a first run. */
  model?: DomainModel;
  /**
   * The relational schema the last run recorded (its stack's tables, as `context.schema` was);
   * from a manifest of an older version, the previous model's tables under today's stack.
   * Absent on a first run, or when the stack stores nothing relational.
   */
  readonly schema?: readonly Table[];
  /** Every file generated, with the text generated for it (absent in manifests of older versions). */
  files: ReadonlyMap<string, { owner: string; text?: string }>;
}

/** What the summary tells of a planned file. */
export type EmittedFile = Omit<PlannedFile, 'data' | 'content'>;

export interface EmitSummary extends FileOutcomes {
  config: EngineConfig;
  model: DomainModel;
  report: RunReport;
  /**
   * Every file of the plan (written or already up to date), with its origin when it has one;
   * without the view or content it was rendered from, let go as it rendered.
   */
  files: EmittedFile[];
}

export function createHooks() {
  return Object.freeze({
    configure: new AsyncSeriesWaterfallHook<[EngineConfig]>(['config']),
    parse: new HookMap(() => new AsyncSeriesBailHook<[ParseRequest], ApiDocument | undefined>(['request'])),
    deriveModel: new SyncWaterfallHook<[DomainModel, DeriveContext]>(['model', 'context']),
    validateModel: new SyncHook<[DomainModel, Diagnostics]>(['model', 'diagnostics']),
    planFiles: new AsyncSeriesWaterfallHook<[FilePlan, PlanContext]>(['plan', 'context']),
    // A function of the text and the planned file only: a file whose view did not change takes the last run's text unrendered (render-reuse.ts).
    renderFile: new AsyncSeriesWaterfallHook<[string, PlannedFile]>(['content', 'file']),
    afterEmit: new AsyncSeriesHook<[EmitSummary]>(['summary']),
  });
}

export type EngineHooks = ReturnType<typeof createHooks>;
