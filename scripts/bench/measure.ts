import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PhaseMeasurement } from './phases.js';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const CLI = fileURLToPath(new URL('../../bin/infra-stack.js', import.meta.url));

export interface CommandMeasurement {
  wallMs: number;
  peakRssBytes: number;
  /** The same command run again at once, without --force: nothing changed, nothing to write. */
  noChangeWallMs: number;
}

/** The phases of one generation in a fresh Node process (so documents never share a heap). */
export async function measurePhases(document: string): Promise<PhaseMeasurement> {
  return withTempDir(async (outDir) => {
    const { stdout } = await run(process.execPath, [here('./phases.js'), document, outDir]);
    return JSON.parse(stdout) as PhaseMeasurement;
  });
}

/**
 * The whole `infra-stack --api <document> --out <tmp> --force` command, timed from outside; then
 * the same command without `--force` on the folder it left, which finds nothing changed.
 */
export async function measureCommand(document: string): Promise<CommandMeasurement> {
  return withTempDir(async (outDir) => {
    const memoryFile = path.join(outDir, '.peak-memory');
    const command = [CLI, '--api', document, '--out', path.join(outDir, 'out')];
    const started = performance.now();
    await run(process.execPath, ['--import', here('./peak-memory.js'), ...command, '--force'], { BENCH_PEAK_MEMORY_FILE: memoryFile });
    const wallMs = performance.now() - started;
    const again = performance.now();
    const { stderr } = await run(process.execPath, command);
    const noChangeWallMs = performance.now() - again;
    if (!/^Up to date: /m.test(stderr)) throw new Error(`the run without changes did the whole work: ${stderr}`);
    return { wallMs, peakRssBytes: Number(await readFile(memoryFile, 'utf8')), noChangeWallMs };
  });
}

async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-bench-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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
