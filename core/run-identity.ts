import { createHash } from 'node:crypto';
import path from 'node:path';
import { codeIdentity } from './engine/code-identity.js';
import type { RunIdentity } from './engine/up-to-date.js';
import { DEFAULT_STACK, type GenerateOptions } from './options.js';

/** Options that change how a run goes, not what it generates (the output folder holds the stamp itself). */
type RunOnlyOption = 'outDir' | 'force' | 'dryRun' | 'check' | 'diff' | 'acceptDataLoss' | 'rebuildManifest' | 'cwd' | 'onPhase';

/**
 * Whether a run may answer from the last run's stamp. `force` rewrites what the user changed,
 * a dry run and `--diff` ask what a run would do file by file, and plugins handed over as objects
 * are code no stamp can identify: each of those does the whole run.
 */
export function mayBeUpToDate(options: GenerateOptions): boolean {
  return !options.force && !options.dryRun && !options.diff && (options.plugins ?? []).length === 0;
}

/**
 * The identity of a run (see `RunIdentity`): the options that change what is generated, and
 * the code under `codePaths` (the generator's, the plugins'). Options that only change how the
 * run goes (force, dry run, diff, check, data loss accepted, manifest rebuilt, timings) are left out.
 */
export function runIdentity(options: GenerateOptions, codePaths: readonly string[], installedPlugins: readonly string[]): RunIdentity {
  const cwd = options.cwd ?? process.cwd();
  const outDir = path.resolve(cwd, options.outDir);
  // Every option is either here or named a run-only option: a new option must choose.
  const outputOptions: Record<Exclude<keyof GenerateOptions, RunOnlyOption>, unknown> & { installedPlugins: readonly string[] } = {
    apiFiles: options.apiFiles.map((file) => path.relative(outDir, path.resolve(cwd, file))),
    db: options.db ?? null,
    ddl: options.ddl ?? null,
    docs: options.docs !== false,
    rawUrlBase: options.rawUrlBase ?? null,
    writeBack: options.writeBack !== false,
    stack: options.stack ?? DEFAULT_STACK,
    pluginNames: options.pluginNames ?? null,
    pluginSettings: options.pluginSettings ?? null,
    skipChecks: options.skipChecks === true,
    discoverPlugins: options.discoverPlugins !== false,
    plugins: (options.plugins ?? []).map((plugin) => plugin.name),
    installedPlugins,
  };
  const code = codeIdentity(codePaths);
  return { key: createHash('sha256').update(JSON.stringify(outputOptions)).update(code).digest('hex'), plugins: [...installedPlugins] };
}
