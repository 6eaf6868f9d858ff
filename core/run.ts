import path from 'node:path';
import { corePlugins } from './builtins.js';
import { Engine } from './engine/engine.js';
import type { EngineConfig } from './engine/hooks.js';
import type { InfraStackPlugin } from './engine/plugin.js';
import { fileOutcomesOf } from './engine/outcomes.js';
import { lockOutputFolder } from './engine/output-lock.js';
import { outOfDate } from './engine/writer.js';
import { MANIFEST_PATH } from './engine/manifest.js';
import { REGENERATION_REPORT_PATH } from './engine/regeneration-report.js';
import { recordUpToDate, removeUpToDate, type RunIdentity } from './engine/up-to-date.js';
import { InfraStackError } from './errors.js';
import type { DomainModel } from './model/domain-model.js';
import type { StackDescriptor } from './stack/descriptor.js';
import { DATABASE_KINDS, DEFAULT_STACK, type DeriveOptions, type GenerateOptions, type GenerateResult } from './options.js';

/**
 * Runs the engine with the core plugins and the given ones (stacks first, then extras). With an
 * `identity`, a run that writes leaves a stamp saying what it depended on and left (see
 * `up-to-date.ts`), once all is in place. A run that fails leaves the stamp of the last one as it
 * was (a damaged manifest is reported with nothing written): every claim of a stamp is checked
 * against the folder before it is believed, and a run stopped while committing leaves its journal,
 * which no stamp is believed beside.
 */
export async function runEngine(options: GenerateOptions, plugins: readonly InfraStackPlugin[], identity?: RunIdentity): Promise<GenerateResult> {
  const cwd = options.cwd ?? process.cwd();
  const engine = createEngine(options, plugins, identity?.key);
  const outDir = path.resolve(cwd, options.outDir);
  const rawUrlBase = options.rawUrlBase === undefined ? undefined : checkedRawUrlBase(options.rawUrlBase);
  const check = options.check ?? false;
  // A check writes nothing, like a dry run.
  const dryRun = (options.dryRun ?? false) || check;
  const config = {
    ...engineConfig(options, outDir),
    // Read and checked by the DDL plugin (plugins/ddl); the engine only passes it on.
    ...(options.ddl !== undefined ? { ddl: options.ddl } : {}),
    force: options.force ?? false,
    ...(options.rebuildManifest === true ? { rebuildManifest: true } : {}),
    ...(options.acceptDataLoss === true ? { acceptDataLoss: true } : {}),
    dryRun,
    diff: options.diff ?? false,
    ...(options.docs !== undefined ? { docs: options.docs } : {}),
    ...(rawUrlBase !== undefined ? { rawUrlBase } : {}),
    ...(options.writeBack === false ? { writeBack: false } : {}),
  };
  // Even a dry run waits for a run that is writing the folder: it would read half of its files.
  const lock = await lockOutputFolder(outDir, { create: !dryRun });
  let outcome: Awaited<ReturnType<Engine['run']>>;
  try {
    outcome = await engine.run(config);
    if (!dryRun) await (identity ? recordStamp(outcome, identity) : removeUpToDate(outDir));
  } catch (error) {
    await lock.release().catch(() => {});
    throw error;
  }
  await lock.release();
  return {
    outDir,
    dryRun,
    ...fileOutcomesOf(outcome),
    check,
    outOfDate: check ? outOfDate(outcome) : [],
    diffs: outcome.diffs,
    regeneration: outcome.report.regeneration,
    notes: outcome.report.notes,
    toImplement: outcome.report.toImplement,
    nextSteps: outcome.report.nextSteps,
    plugins: [],
    warnings: outcome.warnings,
    ...(Object.keys(outcome.pluginSettings).length > 0 ? { pluginSettings: outcome.pluginSettings } : {}),
  };
}

/**
 * The stamp of a run that left the folder as a rerun would leave it. Not when it left something
 * for the user to settle (a conflict, a file it did not write where it generates one), which a
 * rerun and `--check` must report again, nor when the documents read other files, whose bytes
 * the stamp does not hold.
 */
async function recordStamp(outcome: Awaited<ReturnType<Engine['run']>>, identity: RunIdentity): Promise<void> {
  const unsettled = outcome.conflicts.length + outcome.deleteConflicts.length + outcome.untracked.length > 0;
  const { config } = outcome;
  if (unsettled || outcome.readsOtherFiles) {
    await removeUpToDate(config.outDir);
    return;
  }
  try {
    await recordUpToDate(config.outDir, config.apiFiles, identity, {
      generated: [...outcome.created, ...outcome.updated, ...outcome.unchanged, ...outcome.merged],
      owned: [MANIFEST_PATH, REGENERATION_REPORT_PATH, ...outcome.deletedByYou],
      reads: outcome.outputReads,
    });
  } catch {
    // The files are in place: without a stamp the next run only does all the work again.
    await removeUpToDate(config.outDir).catch(() => undefined);
  }
}

/**
 * Reads the documents and derives their domain model with the same engine and plugins as
 * `runEngine`, without planning, rendering or writing anything.
 */
export async function deriveDomainModel(options: DeriveOptions, plugins: readonly InfraStackPlugin[] = []): Promise<DomainModel> {
  const engine = createEngine(options, plugins);
  // Nothing is written: the output folder is only there for plugins that read the config.
  const { model } = await engine.derive({ ...engineConfig(options, path.resolve(options.cwd ?? process.cwd())), force: false, dryRun: true });
  return model;
}

/**
 * The descriptor of the stack `options` select (`stack`, else the default), as the plugins
 * declare it; undefined when none declares it. Reads no document: for what comes after a run
 * (`--verify`), which a run answered from its stamp may not have applied the plugins for.
 */
export function declaredStack(options: Pick<DeriveOptions, 'stack' | 'plugins'>, plugins: readonly InfraStackPlugin[]): StackDescriptor | undefined {
  const engine = new Engine();
  for (const plugin of [...corePlugins, ...plugins, ...(options.plugins ?? [])]) engine.use(plugin);
  return engine.declaredStack(options.stack ?? DEFAULT_STACK);
}

function createEngine(options: DeriveOptions, plugins: readonly InfraStackPlugin[], runKey?: string): Engine {
  if (options.apiFiles.length === 0) throw new InfraStackError('no API document given: pass at least one with --api');
  const engine = new Engine({ ...(options.onPhase ? { onPhase: options.onPhase } : {}), ...(runKey !== undefined ? { runKey } : {}) });
  for (const plugin of [...corePlugins, ...plugins, ...(options.plugins ?? [])]) engine.use(plugin);
  return engine;
}

function engineConfig(options: DeriveOptions, outDir: string): Pick<EngineConfig, 'apiFiles' | 'outDir' | 'db' | 'stack' | 'pluginSettings'> {
  const cwd = options.cwd ?? process.cwd();
  const db = options.db;
  if (db !== undefined && !DATABASE_KINDS.includes(db)) throw new InfraStackError(`unknown database "${String(db)}": expected one of ${DATABASE_KINDS.join(', ')} (--db)`);
  return {
    apiFiles: options.apiFiles.map((file) => path.resolve(cwd, file)),
    outDir,
    ...(db !== undefined ? { db } : {}),
    stack: options.stack ?? DEFAULT_STACK,
    ...(options.pluginSettings !== undefined ? { pluginSettings: options.pluginSettings } : {}),
  };
}

/** An http(s) URL, without its trailing slashes. */
function checkedRawUrlBase(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw new InfraStackError(`--raw-url-base must be an http(s) URL, got ${JSON.stringify(value)}`);
  }
  return value.replace(/\/+$/, '');
}
