import { defineConfig } from 'vitest/config';
import LongestFirst from './test/support/longest-first.js';
import SummaryReporter from './test/support/summary-reporter.js';

// `npx vitest run` runs both projects; `npx vitest run --project unit` only the fast one.
// scripts/test.sh (npm test) builds dist/, prepares uv and PostgreSQL first: the e2e
// project needs INFRA_STACK_UV and INFRA_STACK_PG_URL (see test/support/).
export default defineConfig({
  test: {
    reporters: ['default', new SummaryReporter()],
    // The long e2e files first (see the sequencer), so both cores stay busy to the end.
    sequence: { sequencer: LongestFirst },
    // On Node 24 only, yeoman's TestAdapter (used to answer prompts in generator-run.test.ts)
    // destroys its internal prompt streams with an AbortError no one listens to when the
    // environment closes it, after the test has passed. That one error is not ours: ignored.
    onUnhandledError(error) {
      const abort = error as Error & { code?: string };
      return !(abort.name === 'AbortError' && abort.code === 'ABORT_ERR' && /streams\/destroy/.test(abort.stack ?? ''));
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Generous: a whole generation in a hook or test takes seconds on a loaded 2-core machine.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // The fast project first: a broken unit fails the run before the slow one starts.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts', 'test/yo/**/*.test.ts'],
          environment: 'node',
          // Generating + installing a Python backend, then pytest/mypy/alembic: slow.
          testTimeout: 15 * 60_000,
          hookTimeout: 15 * 60_000,
          // Two files at a time: most of their time is spent in one single-threaded child process
          // (uv, mypy, pytest, a database server), so two of them keep both cores of a CI machine
          // busy. Every file works in its own temp folder, databases and ports. The tests of a file
          // stay in order.
          maxWorkers: 2,
          sequence: { concurrent: false, groupOrder: 1 },
        },
      },
    ],
  },
});
