/**
 * `generator-infra-stack/testing`: runs plugins through the real generator for plugin authors' tests.
 *
 *   const run = await runPlugins([myPlugin], { api: 'test/fixtures/openapi.yaml' });
 *   expect(run.files).toContain('backend/app/infrastructure/cache/__init__.py');
 *   expect(await run.read('backend/README.md')).toContain('## Cache');
 *   await run.cleanup();
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseKind, DomainModel, GenerateResult, InfraStackPlugin } from '../core/index.js';
import { deriveModel, generate } from './index.js';

export interface PluginRunOptions {
  /** The API document(s) to generate from. */
  api: string | string[];
  /** Where to generate; default: a new temporary folder (removed by `cleanup`). */
  outDir?: string;
  db?: DatabaseKind;
  stack?: string;
  /** Write `output/` too (default false: the backend only). */
  docs?: boolean;
  /** Plugin settings, as `--set <plugin>.<name>=<value>` gives them: `{ audit: { userField: 'created_by' } }`. */
  settings?: Record<string, Record<string, unknown>>;
}

export interface PluginRun {
  outDir: string;
  result: GenerateResult;
  /** Every file under `outDir`, relative, with `/` separators, sorted. */
  files: string[];
  read(file: string): Promise<string>;
  /** Removes the temporary output folder (nothing when `outDir` was given). */
  cleanup(): Promise<void>;
}

/** Generates with the first-party plugins and then `plugins`, in order; installed plugins are not looked for. */
export async function runPlugins(plugins: InfraStackPlugin[], options: PluginRunOptions): Promise<PluginRun> {
  const temporary = options.outDir === undefined ? await mkdtemp(path.join(os.tmpdir(), 'infra-stack-plugin-run-')) : undefined;
  const outDir = path.resolve(options.outDir ?? temporary ?? '.');
  const result = await generate({
    apiFiles: [options.api].flat(),
    outDir,
    plugins,
    discoverPlugins: false,
    docs: options.docs ?? false,
    ...(options.db !== undefined ? { db: options.db } : {}),
    ...(options.stack !== undefined ? { stack: options.stack } : {}),
    ...(options.settings !== undefined ? { pluginSettings: options.settings } : {}),
  });
  const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  return {
    outDir,
    result,
    files,
    read: (file) => readFile(path.join(outDir, file), 'utf8'),
    cleanup: async () => {
      if (temporary !== undefined) await rm(temporary, { recursive: true, force: true });
    },
  };
}

/** The domain model the generator derives with `plugins` applied (for plugins that refine it or read new formats). */
export function deriveModelWith(plugins: InfraStackPlugin[], options: { api: string | string[]; stack?: string; settings?: Record<string, Record<string, unknown>> }): Promise<DomainModel> {
  return deriveModel({
    apiFiles: [options.api].flat(),
    plugins,
    discoverPlugins: false,
    ...(options.stack !== undefined ? { stack: options.stack } : {}),
    ...(options.settings !== undefined ? { pluginSettings: options.settings } : {}),
  });
}
