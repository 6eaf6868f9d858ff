/** File-tree helpers for tests: temp folders and byte-level comparison of generated trees. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

/** A new empty folder under the OS temp dir. */
export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `infra-stack-${prefix}-`));
}

/**
 * Removes a temp folder, unless INFRA_STACK_KEEP_TMP=1 (then it says where it is, for
 * looking at a failing backend by hand).
 */
export async function removeTempDir(dir: string | undefined): Promise<void> {
  if (!dir) return;
  if (process.env.INFRA_STACK_KEEP_TMP === '1') {
    console.log(`[test] kept ${dir}`);
    return;
  }
  await rm(dir, { recursive: true, force: true });
}

/**
 * The record a run keeps of the file states it left (sizes and modification times, to answer "up
 * to date" without parsing): it describes the disk, not the output, so two identical outputs
 * written at different moments hold different records.
 */
const RUN_RECORD = '.infra-stack/up-to-date.json';
/** The keys a run rendered its files from: they name this machine's copy of the generator, a cache as machine-bound as the record. */
const RENDER_KEYS = '.infra-stack/render-keys.json';

/**
 * Every file under `root`, by path relative to it ('/'-separated), sorted, with its bytes; the run
 * record and the render keys left out (above).
 */
export async function readTree(root: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => join(entry.parentPath, entry.name))
    .map((abs) => ({ abs, rel: relative(root, abs).split(sep).join('/') }))
    .filter(({ rel }) => ![RUN_RECORD, RENDER_KEYS].some((record) => rel === record || rel.endsWith(`/${record}`)))
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const tree = new Map<string, Buffer>();
  for (const { abs, rel } of files) tree.set(rel, await readFile(abs));
  return tree;
}

/** Human-readable differences between two trees; empty when byte-identical. */
export function diffTrees(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  for (const [path, bytes] of a) {
    const other = b.get(path);
    if (!other) problems.push(`only in first: ${path}`);
    else if (!bytes.equals(other)) problems.push(`differs: ${path}${firstDifference(bytes, other)}`);
  }
  for (const path of b.keys()) if (!a.has(path)) problems.push(`only in second: ${path}`);
  return problems;
}

function firstDifference(a: Buffer, b: Buffer): string {
  const lineA = a.toString('utf8').split('\n');
  const lineB = b.toString('utf8').split('\n');
  for (let i = 0; i < Math.max(lineA.length, lineB.length); i++) {
    if (lineA[i] !== lineB[i]) {
      return ` (line ${i + 1}: ${JSON.stringify(lineA[i] ?? '<eof>')} vs ${JSON.stringify(lineB[i] ?? '<eof>')})`;
    }
  }
  return ' (bytes differ)';
}
