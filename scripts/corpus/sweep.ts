/**
 * The full-pipeline sweep (`npm run corpus -- --generate`): every document's backend generated,
 * byte-compiled, imported and linted; a seeded sample also installed, type-checked, tested and
 * migrated, part of it on PostgreSQL.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkBackend, type BackendStep } from './backend-checks.js';
import type { DocumentOutcome } from './check-document.js';
import { alembicFailures, generationFailure, importFailures, lastLineFailure, mypyFailures, pytestFailures, ruffFailures, type FailureInstance } from './failure-kinds.js';
import { ImportPool } from './import-pool.js';
import { checkAll } from './pool.js';
import { REPO_ROOT, SharedVenv } from './python-env.js';
import { ruffBatch } from './ruff-batch.js';
import { seededOrder } from './sample.js';

export const SWEEP_STAGES = ['generate', 'compile', 'import', 'ruff check', 'ruff format', 'install', 'mypy', 'pytest (SQLite)', 'alembic (SQLite)', 'pytest (PostgreSQL)', 'alembic (PostgreSQL)'] as const;
export type SweepStage = (typeof SWEEP_STAGES)[number];

export interface SweepOptions {
  root: string;
  files: readonly string[];
  jobs: number;
  sample: number;
  pg: number;
  seed: number;
  timeoutMs: number;
  /** Keep the generated backends (the folder is printed). */
  keep: boolean;
  /** How many documents are generated and checked together. */
  batch?: number;
  /** Generate and check only the documents the sample may draw (the first twice `sample` of the seeded order). */
  sampleOnly?: boolean;
  /** Told the results so far after each batch and each sampled document (to write a report an interrupted run leaves). */
  onProgress?(result: SweepResult): Promise<void>;
  log(line: string): void;
}

export interface DocumentRecord {
  file: string;
  /** `rejected`: the document was refused with a clear error (not a failure of the tool). */
  rejected?: string;
  sampled?: boolean;
  postgres?: boolean;
  stages: Partial<Record<SweepStage, { ok: boolean; ms?: number; failures?: FailureInstance[]; logged?: boolean }>>;
}

export interface SweepResult {
  /** False while the sweep runs (a report written then is partial). */
  complete: boolean;
  seed: number;
  sample: number;
  pg: number;
  root: string;
  documents: DocumentRecord[];
  wallMs: number;
  phaseMs: { generateAndLint: number; sample: number };
  workDir: string;
}

export async function runSweep(options: SweepOptions): Promise<SweepResult> {
  const started = performance.now();
  const venv = new SharedVenv(path.join(REPO_ROOT, '.cache/corpus/venv'));
  await venv.create();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-corpus-'));
  const scratch = path.join(workDir, 'scratch');
  await mkdir(scratch);
  options.log(`generated backends go to ${workDir}`);
  const order = seededOrder(options.files, options.seed);
  const keep = new Set(order.slice(0, Math.max(options.sample * 2, options.sample + 100)));
  const records = new Map(options.files.map((file) => [file, { file, stages: {} } as DocumentRecord]));
  const outDirOf = new Map(options.files.map((file, index) => [file, path.join(workDir, String(index).padStart(4, '0'))]));
  const backendOf = (file: string) => path.join(outDirOf.get(file)!, 'backend');
  const fileOfBackend = new Map(options.files.map((file) => [backendOf(file), file]));
  const pool = new ImportPool({ python: venv.bin('python'), scratchDir: scratch, workers: options.jobs });
  const stop = () => {
    pool.close();
    process.exit(130);
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
  const batchSize = options.batch ?? 100;
  const stageOne = options.sampleOnly === true ? options.files.filter((file) => keep.has(file)) : options.files;
  const processed: string[] = [];
  let firstPhase: number | undefined;
  let sampleSize = 0;
  let postgresSize = 0;
  const snapshot = (complete: boolean): SweepResult => {
    const wallMs = performance.now() - started;
    return {
      complete,
      seed: options.seed,
      sample: sampleSize,
      pg: postgresSize,
      root: options.root,
      documents: processed.map((file) => records.get(file)!),
      wallMs,
      phaseMs: { generateAndLint: firstPhase ?? wallMs, sample: firstPhase === undefined ? 0 : wallMs - firstPhase },
      workDir,
    };
  };
  let done = 0;
  try {
    for (let start = 0; start < stageOne.length; start += batchSize) {
      const batch = stageOne.slice(start, start + batchSize);
      const generated: string[] = [];
      await checkAll(
        batch.map((file) => ({ file, outDir: outDirOf.get(file)! })),
        {
          jobs: options.jobs,
          timeoutMs: options.timeoutMs,
          onOutcome: (outcome: DocumentOutcome) => {
            const record = records.get(outcome.file)!;
            if (outcome.status === 'derived') {
              record.stages.generate = { ok: true, ms: outcome.ms };
              generated.push(backendOf(outcome.file));
            } else if (outcome.status === 'rejected') {
              record.rejected = `${outcome.where}: ${outcome.message.split('\n')[0]}`;
            } else {
              record.stages.generate = { ok: false, ms: outcome.ms, failures: [generationFailure(outcome.stack)] };
            }
          },
        },
      );
      generated.sort();
      for (const dir of generated) await venv.provideFor(dir);
      await pool.checkAll(generated, (dir, answer) => {
        const record = records.get(fileOfBackend.get(dir)!)!;
        const failures = importFailures(answer);
        record.stages.compile = { ok: failures.compile.length === 0, ...(failures.compile.length > 0 ? { failures: failures.compile } : {}) };
        if (failures.compile.length === 0) record.stages.import = { ok: failures.import.length === 0, ...(failures.import.length > 0 ? { failures: failures.import } : {}) };
      });
      const ruff = await ruffBatch(venv.bin('ruff'), generated, workDir);
      for (const [dir, findings] of ruff) {
        const record = records.get(fileOfBackend.get(dir)!)!;
        const lint = findings.filter((finding) => finding.code !== 'format');
        const format = findings.filter((finding) => finding.code === 'format');
        record.stages['ruff check'] = { ok: lint.length === 0, ...(lint.length > 0 ? { failures: ruffFailures(lint) } : {}) };
        record.stages['ruff format'] = { ok: format.length === 0, ...(format.length > 0 ? { failures: ruffFailures(format) } : {}) };
      }
      for (const file of batch) logFailures(records.get(file)!, options);
      if (!options.keep) await Promise.all(batch.filter((file) => !keep.has(file)).map((file) => rm(outDirOf.get(file)!, { recursive: true, force: true })));
      done += batch.length;
      processed.push(...batch);
      options.log(`${done}/${stageOne.length} generated and checked (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      await options.onProgress?.(snapshot(false));
    }
  } finally {
    pool.close();
  }
  firstPhase = performance.now() - started;

  const sample = order.filter((file) => records.get(file)!.stages.generate?.ok === true).slice(0, options.sample);
  const postgres = new Set(sample.slice(0, options.pg));
  sampleSize = sample.length;
  postgresSize = postgres.size;
  let next = 0;
  let checked = 0;
  // One mypy cache per lane: every backend has the same module names (app.presentation.api.v1.security),
  // and two mypy processes writing one cache at once let a backend read another's modules (a
  // `require_hmac` "missing" from a security module that defines it, in the seed-2037 sample).
  const lane = async (index: number) => {
    const mypyCacheDir = path.join(workDir, `mypy-cache-${index}`);
    while (next < sample.length) {
      const file = sample[next++]!;
      const record = records.get(file)!;
      record.sampled = true;
      if (postgres.has(file)) record.postgres = true;
      const results = await checkBackend(backendOf(file), { mypyCacheDir, postgres: postgres.has(file), ruff: false, scratchDir: scratch });
      for (const result of results) {
        record.stages[result.step] = { ok: result.ok, ms: result.ms, ...(result.ok ? {} : { failures: stepFailures(result.step, result.output) }) };
      }
      checked += 1;
      logFailures(record, options);
      const failed = results.filter((result) => !result.ok).map((result) => result.step);
      options.log(`sample ${checked}/${sample.length} ${path.relative(options.root, file)}: ${failed.length === 0 ? 'ok' : `failed ${failed.join(', ')}`}`);
      await options.onProgress?.(snapshot(false));
      if (!options.keep) await rm(path.join(backendOf(file), '.venv'), { recursive: true, force: true });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.jobs) }, (_, index) => lane(index)));
  process.off('SIGINT', stop).off('SIGTERM', stop);
  const result = snapshot(true);
  if (!options.keep) await rm(workDir, { recursive: true, force: true });
  return result;
}

/** Names each failed stage of a document and its kinds, as soon as they are known. */
function logFailures(record: DocumentRecord, options: SweepOptions): void {
  for (const [stage, outcome] of Object.entries(record.stages)) {
    if (outcome.ok || outcome.logged) continue;
    outcome.logged = true;
    for (const failure of outcome.failures ?? []) options.log(`  FAILED ${stage}: ${path.relative(options.root, record.file)}: ${failure.detail.split('\n')[0]}`);
  }
}

function stepFailures(step: BackendStep, output: string): FailureInstance[] {
  if (step === 'mypy') return mypyFailures(output);
  if (step.startsWith('pytest')) return pytestFailures(output);
  if (step.startsWith('alembic')) return alembicFailures(output);
  if (step.startsWith('ruff')) return [lastLineFailure(output)];
  return [lastLineFailure(output)];
}

/** Where the sweep writes its JSON report by default. */
export const DEFAULT_REPORT = path.join(REPO_ROOT, '.cache/corpus/report.json');

export async function writeReport(file: string, report: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, (key, value: unknown) => (key === "logged" ? undefined : value), 2)}\n`);
}
