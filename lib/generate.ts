/**
 * `generate`, which loads the engine only when there is work to do: a run whose documents,
 * options, code and output folder are those the last run recorded answers from its stamp
 * (see `core/engine/up-to-date.ts`) without parsing anything. Kept light: the bin imports it.
 */
import path from 'node:path';
import { generatorCodePaths } from '../core/engine/code-identity.js';
import { noFileOutcomes } from '../core/engine/outcomes.js';
import { upToDateStamp, type RunIdentity, type UpToDateStamp } from '../core/engine/up-to-date.js';
import type { GenerateOptions, GenerateResult } from '../core/options.js';
import { mayBeUpToDate, runIdentity } from '../core/run-identity.js';
import { chosenPluginsFor } from './plugin-request.js';

/** Generates a backend from API documents: the engine with the first-party stack and plugins, then the installed ones. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const identity = await identityOf(options);
  if (identity && mayBeUpToDate(options)) {
    const cwd = options.cwd ?? process.cwd();
    const outDir = path.resolve(cwd, options.outDir);
    const stamp = await upToDateStamp(outDir, options.apiFiles.map((file) => path.resolve(cwd, file)), identity);
    if (stamp) return upToDateResult(outDir, stamp, options.check === true);
  }
  const { generateFully } = await import('./full-generation.js');
  return generateFully(options, identity);
}

/** The run's identity; undefined when it has none a stamp can hold (plugins handed over as objects) or it cannot be told. */
async function identityOf(options: GenerateOptions): Promise<RunIdentity | undefined> {
  if ((options.plugins ?? []).length > 0 || options.apiFiles.length === 0) return undefined;
  try {
    const installed = await chosenPluginsFor(options);
    const pluginPaths = installed ? [...installed.chosen.map((plugin) => plugin.dir), installed.localDir] : [];
    return runIdentity(options, [...generatorCodePaths(), ...pluginPaths], installed?.chosen.map((plugin) => plugin.name) ?? []);
  } catch {
    // A plugin selected but not installed, say: the whole run reports it.
    return undefined;
  }
}

function upToDateResult(outDir: string, stamp: UpToDateStamp, check: boolean): GenerateResult {
  return {
    outDir,
    upToDate: true,
    dryRun: check,
    check,
    ...noFileOutcomes(),
    unchanged: stamp.generated,
    outOfDate: [],
    diffs: [],
    regeneration: [],
    notes: [],
    toImplement: [],
    nextSteps: [],
    plugins: stamp.plugins,
    warnings: [],
  };
}
