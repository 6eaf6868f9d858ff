/**
 * The package supports Node ^20.17.0 || >=22.9.0: the command generates the same backend, byte
 * for byte, on each Node version scripts/node-versions.sh installs (22 and 24) as on the one
 * running the suite. scripts/test.sh also runs the unit project on each of them.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffTrees, makeTempDir, readTree, removeTempDir } from '../support/files.js';
import { REPO_ROOT } from '../support/python-backend.js';

const BIN = join(REPO_ROOT, 'dist/bin/infra-stack.js');
const SHOP = join(REPO_ROOT, 'examples/shop/openapi.yaml');

/** `22=/path/to/node 24=/path/to/node`, set by scripts/test.sh. */
function otherNodes(): Array<[major: string, node: string]> {
  const value = process.env.INFRA_STACK_NODE_BINARIES;
  if (!value) throw new Error('INFRA_STACK_NODE_BINARIES is not set: run through npm test, or export INFRA_STACK_NODE_BINARIES="$(bash scripts/node-versions.sh | tr \'\\n\' \' \')"');
  return value.trim().split(/\s+/).map((entry) => entry.split('=', 2) as [string, string]);
}

function generateWith(node: string, out: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [BIN, '--api', SHOP, '--out', out, '--ddl', 'postgresql,mysql,sqlite'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the command on other Node versions', () => {
  let work: string | undefined;
  let reference: Map<string, Buffer>;

  beforeAll(async () => {
    work = await makeTempDir('node-versions');
    const here = await generateWith(process.execPath, join(work, `node-${process.versions.node}`));
    expect(here.code, here.output).toBe(0);
    reference = await readTree(join(work, `node-${process.versions.node}`));
  });

  afterAll(async () => {
    await removeTempDir(work);
  });

  it.each(otherNodes())('Node %s generates the same files as this one', async (major, node) => {
    const out = join(work!, `node-${major}`);
    const result = await generateWith(node, out);
    expect(result.code, result.output).toBe(0);
    const files = await readTree(out);
    expect(files.size).toBe(reference.size);
    // Every file, the manifest and .yo-rc.json included (the two folders are siblings: same relative paths).
    expect(diffTrees(reference, files)).toEqual([]);
  });
});
