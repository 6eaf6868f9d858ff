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
}

/** The phases of one generation in a fresh Node process (so documents never share a heap). */
export async function measurePhases(document: string): Promise<PhaseMeasurement> {
  return withTempDir(async (outDir) => {
    const { stdout } = await run(process.execPath, [here('./phases.js'), document, outDir]);
    return JSON.parse(stdout) as PhaseMeasurement;
  });
}

/** The whole `infra-stack --api <document> --out <tmp> --force` command, timed from outside. */
export async function measureCommand(document: string): Promise<CommandMeasurement> {
  return withTempDir(async (outDir) => {
    const memoryFile = path.join(outDir, '.peak-memory');
    const started = performance.now();
    await run(process.execPath, ['--import', here('./peak-memory.js'), CLI, '--api', document, '--out', path.join(outDir, 'out'), '--force'], {
      BENCH_PEAK_MEMORY_FILE: memoryFile,
    });
    const wallMs = performance.now() - started;
    return { wallMs, peakRssBytes: Number(await readFile(memoryFile, 'utf8')) };
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

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ stdout }) : reject(new Error(`${path.basename(args.at(-1) ?? command)} exited with ${code}: ${stderr || stdout}`))));
  });
}
