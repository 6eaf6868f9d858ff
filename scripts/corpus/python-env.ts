/**
 * The Python side of the sweep: uv, and one venv holding the dependencies every generated backend
 * declares (installed once, added to when a backend declares one more), in which the import
 * workers and the batched ruff run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './run.js';

/** The repository (dist/scripts/corpus/ is three levels below it). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** uv: INFRA_STACK_UV, else what scripts/python-env.sh installs and prints. */
export function uvPath(): string {
  const given = process.env.INFRA_STACK_UV;
  if (given) return given;
  const printed = execFileSync('bash', [path.join(REPO_ROOT, 'scripts/python-env.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  process.env.INFRA_STACK_UV = printed;
  return printed;
}

/** What uv needs: the shared wheel cache, never a downloaded Python, no venv of the caller. */
export function uvEnv(): Record<string, string | undefined> {
  return {
    UV_CACHE_DIR: process.env.UV_CACHE_DIR ?? path.join(REPO_ROOT, '.cache/uv'),
    UV_PYTHON_DOWNLOADS: 'never',
    UV_NO_PROGRESS: '1',
    VIRTUAL_ENV: undefined,
  };
}

/** The requirement strings of a pyproject.toml: `[project] dependencies` and every optional extra. */
export function requirementsOf(pyproject: string): string[] {
  const found: string[] = [];
  let table = '';
  for (const chunk of pyproject.split(/^(\[[^\]\n]+\])\s*$/m)) {
    if (/^\[[^\]]+\]$/.test(chunk)) {
      table = chunk;
      continue;
    }
    const arrays = table === '[project]' ? /^dependencies\s*=\s*\[([\s\S]*?)^\]/gm : table === '[project.optional-dependencies]' ? /^[A-Za-z0-9_-]+\s*=\s*\[([\s\S]*?)^\]/gm : undefined;
    if (arrays === undefined) continue;
    for (const array of chunk.matchAll(arrays)) for (const item of array[1]!.matchAll(/"([^"]+)"/g)) found.push(item[1]!);
  }
  return found;
}

export class SharedVenv {
  private readonly installed = new Set<string>();

  constructor(readonly dir: string) {}

  bin(name: string): string {
    return path.join(this.dir, 'bin', name);
  }

  /** Creates the venv when missing. */
  async create(): Promise<void> {
    if (existsSync(this.bin('python'))) return;
    const made = await run(uvPath(), ['venv', '--python', 'python3', this.dir], { cwd: REPO_ROOT, env: uvEnv() });
    if (made.code !== 0) throw new Error(`uv venv ${this.dir} failed:\n${made.stderr}`);
  }

  /** Installs what the backend's pyproject.toml requires and the venv does not have yet. */
  async provideFor(backendDir: string): Promise<void> {
    const wanted = requirementsOf(await readFile(path.join(backendDir, 'pyproject.toml'), 'utf8')).filter((r) => !this.installed.has(r));
    if (wanted.length === 0) return;
    const result = await run(uvPath(), ['pip', 'install', '--python', this.bin('python'), ...wanted], { cwd: REPO_ROOT, env: uvEnv() });
    if (result.code !== 0) throw new Error(`uv pip install ${wanted.join(' ')} failed:\n${result.stderr}`);
    for (const requirement of wanted) this.installed.add(requirement);
  }
}
