/** `logs/workflow.log`: plain text, appended run after run, each step's command, output, exit code and duration. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkflowLog, WORKFLOW_LOG_PATH } from '../../stacks/fastapi-sqlalchemy/verify/workflow-log.js';
import { makeTempDir, removeTempDir } from '../support/files.js';

function fixedClock(): () => Date {
  let seconds = 0;
  return () => new Date(Date.UTC(2025, 0, 2, 3, 4, seconds++));
}

describe('the workflow log', () => {
  let root: string;
  let file: string;

  beforeEach(async () => {
    root = await makeTempDir('workflow-log');
    file = path.join(root, WORKFLOW_LOG_PATH);
  });

  afterEach(async () => {
    await removeTempDir(root);
  });

  it('creates logs/ and writes each step: command, output as it came, then its end on a line of its own', async () => {
    const log = await WorkflowLog.open(file, fixedClock());
    log.runStarted('verifying', [['backend', '/out/backend']]);
    log.stepStarted('ruff check', '.venv/bin/ruff check .', '/out/backend');
    log.output('F401 `os` imported');
    log.output(' but unused\nFound 1 error.');
    log.stepFinished({ name: 'ruff check', status: 'failed', command: '.venv/bin/ruff check .', exitCode: 1, durationMs: 1234, detail: 'exit code 1', outputTail: [] });
    log.stepStarted('mypy', '.venv/bin/mypy', '/out/backend');
    log.stepFinished({ name: 'mypy', status: 'ok', command: '.venv/bin/mypy', exitCode: 0, durationMs: 50, outputTail: [] });
    log.runFinished('verification failed: ruff check');
    await log.close();
    const rule = '='.repeat(72);
    expect(await readFile(file, 'utf8')).toBe(
      [
        rule,
        '[2025-01-02T03:04:00.000Z] verifying',
        'backend: /out/backend',
        '',
        '--- [2025-01-02T03:04:01.000Z] ruff check',
        '$ .venv/bin/ruff check .',
        '  (in /out/backend)',
        'F401 `os` imported but unused',
        'Found 1 error.',
        '--- [2025-01-02T03:04:02.000Z] ruff check failed, exit code 1, 1.2 s: exit code 1',
        '',
        '--- [2025-01-02T03:04:03.000Z] mypy',
        '$ .venv/bin/mypy',
        '  (in /out/backend)',
        '--- [2025-01-02T03:04:04.000Z] mypy ok, exit code 0, 0.1 s',
        '',
        '[2025-01-02T03:04:05.000Z] verification failed: ruff check',
        rule,
        '',
        '',
      ].join('\n'),
    );
  });

  it('appends: an earlier run stays in the log', async () => {
    for (const verdict of ['first run', 'second run']) {
      const log = await WorkflowLog.open(file, fixedClock());
      log.runStarted(verdict, []);
      log.runFinished('done');
      await log.close();
    }
    const text = await readFile(file, 'utf8');
    expect(text.indexOf('first run')).toBeGreaterThan(-1);
    expect(text.indexOf('second run')).toBeGreaterThan(text.indexOf('first run'));
  });
});
