/**
 * `infra-stack` at a terminal, as a person answers it: `script` gives the command a
 * pseudo-terminal, the test types into it. A missing API document is refused at its prompt,
 * before any other question; Ctrl-C ends the run quietly with exit code 130.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { REPO_ROOT } from '../support/python-backend.js';

const BIN = join(REPO_ROOT, 'dist/bin/infra-stack.js');
const PLAIN = (text: string) => text.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '');

/** The command in a pseudo-terminal: `type` sends keys once `waitFor` appears in what it printed. */
function atTerminal(cwd: string) {
  const child = spawn('script', ['-qfec', `${process.execPath} ${BIN}`, '/dev/null'], { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TERM: 'xterm' } });
  let screen = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    screen += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    screen: () => PLAIN(screen),
    exited,
    async type(waitFor: string, keys: string): Promise<void> {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`"${waitFor}" never appeared; the screen:\n${PLAIN(screen)}`)), 60_000);
        const check = () => {
          if (!PLAIN(screen).includes(waitFor)) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        check();
      });
      child.stdin.write(keys);
    },
  };
}

describe('infra-stack at a terminal', () => {
  let work: string | undefined;

  beforeAll(async () => {
    work = await makeTempDir('terminal');
  });

  afterAll(async () => {
    await removeTempDir(work);
  });

  it('refuses a missing document at its prompt, and Ctrl-C ends the run quietly with 130', async () => {
    const terminal = atTerminal(work!);
    await terminal.type('Output folder', 'gen\r');
    await terminal.type('API document', 'nothere.yaml\r');
    await terminal.type('nothere.yaml: no such file', '\u0003');
    expect(await terminal.exited, terminal.screen()).toBe(130);
    const screen = terminal.screen();
    expect(screen).not.toMatch(/Database|internal error|Error|^\s+at /m);
    expect(existsSync(join(work!, 'gen'))).toBe(false);
  });
});
