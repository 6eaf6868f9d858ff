import { defineConfig } from 'vitest/config';
import SummaryReporter from './test/support/summary-reporter.js';

// `npx vitest run` runs both projects; `npx vitest run --project unit` only the fast one.
// scripts/test.sh (npm test) builds dist/, prepares uv and PostgreSQL first: the e2e
// project needs INFRA_STACK_UV and INFRA_STACK_PG_URL (see test/support/).
export default defineConfig({
  test: {
    reporters: ['default', new SummaryReporter()],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
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
          // 2 cores: one test file at a time, and the tests of a file in order.
          fileParallelism: false,
          sequence: { concurrent: false },
        },
      },
    ],
  },
});
