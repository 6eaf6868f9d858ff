import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addOneField, copyDocument } from './one-field.js';
import type { PhaseMeasurement } from './phases.js';
import { withTempDir } from './temp-dir.js';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const CLI = fileURLToPath(new URL('../../bin/infra-stack.js', import.meta.url));

export interface CommandMeasurement {
  wallMs: number;
  peakRssBytes: number;
  /** The same command run again at once, without --force: nothing changed, nothing to write. */
  noChangeWallMs: number;
  /** Then again after one field was added to one schema of the document (one-field.ts). */
  oneFieldWallMs: number;
}

/** The phases of one generation in a fresh Node process (so documents never share a heap). */
export async function measurePhases(document: string): Promise<PhaseMeasurement> {
  return withTempDir(async (outDir) => {
    const { stdout } = await run(process.execPath, [here('./phases.js'), document, outDir]);
    return JSON.parse(stdout) as PhaseMeasurement;
  });
}

/**
 * The whole `infra-stack --api <copy> --out <tmp> --force` command on a copy of the document, timed
 * from outside; then the same command without `--force` on the folder it left, which finds nothing
 * changed; then again after one field was added to the copy, as a user regenerates after an edit.
 */
export async function measureCommand(document: string): Promise<CommandMeasurement> {
  return withTempDir(async (dir) => {
    const memoryFile = path.join(dir, '.peak-memory');
    const copy = await copyDocument(document, dir);
    const command = [CLI, '--api', copy, '--out', path.join(dir, 'out')];
    const timed = async (args: string[], env: Record<string, string> = {}) => {
      const started = performance.now();
      const { stderr } = await run(process.execPath, args, env);
      return { ms: performance.now() - started, stderr };
    };
    const full = await timed(['--import', here('./peak-memory.js'), ...command, '--force'], { BENCH_PEAK_MEMORY_FILE: memoryFile });
    const unchanged = await timed(command);
    if (!/^Up to date: /m.test(unchanged.stderr)) throw new Error(`the run without changes did the whole work: ${unchanged.stderr}`);
    await addOneField(copy);
    const oneField = await timed(command);
    return { wallMs: full.ms, peakRssBytes: Number(await readFile(memoryFile, 'utf8')), noChangeWallMs: unchanged.ms, oneFieldWallMs: oneField.ms };
  });
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ stdout, stderr }) : reject(new Error(`${path.basename(args.at(-1) ?? command)} exited with ${code}: ${stderr || stdout}`))));
  });
}
