import path from 'node:path';
import { corePlugins } from './builtins.js';
import { Engine } from './engine/engine.js';
import type { InfraStackPlugin } from './engine/plugin.js';
import { InfraStackError } from './errors.js';
import { DATABASE_KINDS, type GenerateOptions, type GenerateResult } from './options.js';

/** Runs the engine with the core plugins and the given ones (stacks first, then extras). */
export async function runEngine(options: GenerateOptions, plugins: readonly InfraStackPlugin[]): Promise<GenerateResult> {
  const cwd = options.cwd ?? process.cwd();
  if (options.apiFiles.length === 0) throw new InfraStackError('no API document given: pass at least one with --api');
  const db = options.db;
  if (db !== undefined && !DATABASE_KINDS.includes(db)) throw new InfraStackError(`unknown database "${String(db)}": expected one of ${DATABASE_KINDS.join(', ')} (--db)`);
  const engine = new Engine(options.onPhase ? { onPhase: options.onPhase } : {});
  for (const plugin of [...corePlugins, ...plugins, ...(options.plugins ?? [])]) engine.use(plugin);
  const outDir = path.resolve(cwd, options.outDir);
  const rawUrlBase = options.rawUrlBase === undefined ? undefined : checkedRawUrlBase(options.rawUrlBase);
  const outcome = await engine.run({
    apiFiles: options.apiFiles.map((file) => path.resolve(cwd, file)),
    outDir,
    ...(db !== undefined ? { db } : {}),
    stack: 'fastapi-sqlalchemy',
    force: options.force ?? false,
    dryRun: options.dryRun ?? false,
    ...(rawUrlBase !== undefined ? { rawUrlBase } : {}),
  });
  return {
    outDir,
    dryRun: options.dryRun ?? false,
    created: outcome.created,
    updated: outcome.updated,
    unchanged: outcome.unchanged,
    conflicts: outcome.conflicts,
    notes: outcome.report.notes,
    toImplement: outcome.report.toImplement,
    nextSteps: outcome.report.nextSteps,
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
