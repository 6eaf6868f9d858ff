/**
 * `ruff check` and `ruff format --check` over many generated backends in one run each (ruff
 * reads every backend's own pyproject.toml), the findings handed back per backend.
 */
import path from 'node:path';
import { run } from './run.js';

export interface RuffFinding {
  /** Path inside the backend. */
  file: string;
  line: number | null;
  /** The rule (`F821`), or `format` for a file `ruff format` would change, or `error` when ruff could not read it. */
  code: string;
  message: string;
}

interface RuffJsonDiagnostic {
  code: string | null;
  message: string;
  filename: string;
  location: { row: number } | null;
}

async function ruffFormatOnly(ruff: string, dir: string, cwd: string): Promise<Map<string, RuffFinding[]>> {
  const all = await ruffBatch(ruff, [dir], cwd);
  return new Map([[dir, all.get(dir)!.filter((finding) => finding.code === 'format')]]);
}

/** Runs ruff on the backends; the findings of each (an empty list when clean). */
export async function ruffBatch(ruff: string, backendDirs: readonly string[], cwd: string): Promise<Map<string, RuffFinding[]>> {
  const findings = new Map<string, RuffFinding[]>(backendDirs.map((dir) => [dir, []]));
  if (backendDirs.length === 0) return findings;
  const owner = (file: string) => backendDirs.find((dir) => file.startsWith(dir + path.sep));
  const add = (file: string, finding: Omit<RuffFinding, 'file'>) => {
    const dir = owner(path.resolve(cwd, file));
    if (dir === undefined) throw new Error(`ruff reported a file outside the backends: ${file}`);
    findings.get(dir)!.push({ file: path.relative(dir, path.resolve(cwd, file)), ...finding });
  };

  const check = await run(ruff, ['check', '--no-cache', '--output-format', 'json', '--exit-zero', ...backendDirs], { cwd, timeoutMs: 30 * 60_000 });
  if (check.code !== 0) throw new Error(`ruff check failed to run (exit ${check.code}):\n${check.stderr.slice(-4000)}`);
  for (const diagnostic of JSON.parse(check.stdout) as RuffJsonDiagnostic[]) {
    add(diagnostic.filename, { line: diagnostic.location?.row ?? null, code: diagnostic.code ?? 'error', message: diagnostic.message });
  }

  const format = await run(ruff, ['format', '--no-cache', '--check', ...backendDirs], { cwd, timeoutMs: 30 * 60_000 });
  let attributed = 0;
  let message = '';
  for (const line of `${format.stdout}\n${format.stderr}`.split('\n')) {
    const file = /^Would reformat: (.+)$/.exec(line)?.[1];
    // A file ruff cannot read: `error: Failed to parse f.py:1:2: msg`, or `invalid-syntax: msg` then ` --> f.py:1:2`.
    const failed = /^error: Failed to (?:parse|format) (.+?\.pyi?)(?::(\d+):\d+)?: (.*)$/.exec(line);
    const pointer = /^\s*--> (.+?\.pyi?):(\d+):\d+$/.exec(line);
    if (/^\S/.test(line) && !file && !failed) message = line;
    if (file !== undefined) add(file, { line: null, code: 'format', message: 'ruff format would change the file' });
    else if (failed) add(failed[1]!, { line: failed[2] === undefined ? null : Number(failed[2]), code: 'format', message: `cannot be formatted: ${failed[3]}` });
    else if (pointer) add(pointer[1]!, { line: Number(pointer[2]), code: 'format', message: message.startsWith('unformatted:') ? 'ruff format would change the file' : `cannot be formatted: ${message}` });
    else continue;
    attributed += 1;
  }
  if (format.code > 1 && attributed === 0) {
    // ruff stopped without naming a file: find the backend it stops on by running them one by one.
    if (backendDirs.length === 1) findings.get(backendDirs[0]!)!.push({ file: '.', line: null, code: 'format', message: `ruff format --check exited with ${format.code}: ${(format.stderr || format.stdout).trim().split('\n')[0] ?? ''}` });
    else for (const dir of backendDirs) for (const finding of (await ruffFormatOnly(ruff, dir, cwd)).get(dir)!) findings.get(dir)!.push(finding);
  }
  return findings;
}
