/**
 * The generator inside a real yeoman-environment, with the engine replaced by a fake:
 * no terminal (piped stdin), so nothing may be asked.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { TestAdapter } from '@yeoman/adapter/testing';
import { createEnv } from 'yeoman-environment';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GenerateOptions, GenerateResult } from '../../core/options.js';
import type { StepOutcome, VerificationReport } from '../../core/index.js';
import type { VerifyOptions } from '../../stacks/fastapi-sqlalchemy/verify/index.js';

const generate = vi.hoisted(() => vi.fn<(options: GenerateOptions) => Promise<GenerateResult>>());
const verifyBackend = vi.hoisted(() => vi.fn<(options: VerifyOptions) => Promise<VerificationReport>>());

vi.mock('../../lib/index.js', async () => ({
  ...(await import('../../core/errors.js')),
  ...(await import('../../core/options.js')),
  generate,
  // The run's stack as --verify finds it: its gate is the mock.
  stackOf: async () => ({ name: 'fastapi-sqlalchemy', outputDir: 'backend', databases: [], verify: { logPath: 'logs/workflow.log', run: verifyBackend } }),
}));

const { default: InfraStackGenerator } = await import('../../generators/app/generator.js');
const { InfraStackError } = await import('../../core/errors.js');

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const generatorFile = fileURLToPath(new URL('../../generators/app/generator.ts', import.meta.url));

function result(options: GenerateOptions, overrides: Partial<GenerateResult> = {}): GenerateResult {
  return {
    outDir: options.outDir,
    dryRun: options.dryRun ?? false,
    created: ['backend/pyproject.toml', 'output/README.md'],
    plugins: [], warnings: [],
    updated: [],
    unchanged: [],
    conflicts: [],
    merged: [], deleted: [], keptStale: [], deletedByYou: [], deleteConflicts: [], untracked: [], check: false, outOfDate: [], diffs: [], regeneration: [],
    notes: ['Database: postgresql (--db).'],
    toImplement: ['POST /pets/{petId}/adopt (adoptPet)'],
    nextSteps: ['cd backend && uv pip install -e .'],
    ...overrides,
  };
}

/** Runs `infra-stack:app` in `cwd` like `yo` does (options as an object); returns what it printed. */
async function runGenerator(cwd: string, options: Record<string, unknown>): Promise<string> {
  const stdout = new PassThrough();
  let printed = '';
  stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  // Any stream will do (the types ask for tty streams); a PassThrough stdin is not a terminal.
  const env = createEnv({
    cwd,
    stdin: new PassThrough() as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stdout as unknown as NodeJS.WriteStream,
  });
  env.register(InfraStackGenerator, { namespace: 'infra-stack:app', resolved: generatorFile, packagePath: packageRoot });
  await env.run(['infra-stack:app'], options);
  return printed;
}

/** A gate whose steps all pass, except the ones named. */
function fakeGate(failing: string[] = []) {
  return async (options: VerifyOptions): Promise<VerificationReport> => {
    const steps = ['python', 'install', 'ruff check', 'pytest'].map(
      (name): StepOutcome => ({
        name,
        status: failing.includes(name) ? 'failed' : 'ok',
        command: `.venv/bin/${name}`,
        exitCode: failing.includes(name) ? 1 : 0,
        durationMs: 1500,
        outputTail: failing.includes(name) ? [`${name} found a problem`] : [],
      }),
    );
    for (const step of steps) options.onStep?.(step);
    return { ok: failing.length === 0, backendDir: join(options.outDir, 'backend'), logFile: join(options.outDir, 'logs/workflow.log'), steps };
  };
}

async function readYoRc(dir: string): Promise<unknown> {
  return JSON.parse(await readFile(join(dir, '.yo-rc.json'), 'utf8'));
}

describe('yo infra-stack generator without a terminal', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'infra-stack-generator-'));
    await writeFile(join(root, 'petstore.yaml'), 'openapi: 3.0.0\n');
    generate.mockReset();
    generate.mockImplementation(async (options) => result(options));
    verifyBackend.mockReset();
    verifyBackend.mockImplementation(fakeGate());
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('fails on a missing --api, naming the option, and writes nothing', async () => {
    const run = runGenerator(root, { out: 'gen' });
    await expect(run).rejects.toBeInstanceOf(InfraStackError);
    await expect(run).rejects.toThrow(/missing required option --api/);
    expect(generate).not.toHaveBeenCalled();
    expect(existsSync(join(root, 'gen'))).toBe(false);
    expect(existsSync(join(root, '.yo-rc.json'))).toBe(false);
  });

  it('rejects an unknown --db naming the option', async () => {
    await expect(runGenerator(root, { api: 'petstore.yaml', db: 'oracle' })).rejects.toThrow(/--db must be one of/);
  });

  it('runs the engine, records the answers in <out>/.yo-rc.json, and reuses them on a second run', async () => {
    const out = join(root, 'gen');
    const printed = await runGenerator(root, { api: ['petstore.yaml'], out: 'gen', db: 'postgresql' });
    expect(generate).toHaveBeenCalledWith({
      apiFiles: [join(root, 'petstore.yaml')],
      outDir: out,
      db: 'postgresql',
      ddl: ['auto'],
      force: false,
      dryRun: false,
      check: false,
      diff: false,
      docs: true,
      cwd: root,
    });
    expect(printed).toContain('Generated in gen: 2 created, 0 updated, 0 unchanged.');
    expect(printed).toContain('Database: postgresql (--db).');
    expect(printed).toContain('POST /pets/{petId}/adopt (adoptPet)');
    expect(printed).toContain('cd backend && uv pip install -e .');
    expect(await readYoRc(out)).toEqual({ 'generator-infra-stack': { api: ['../petstore.yaml'], db: 'postgresql', ddl: 'auto', docs: true, verify: false } });
    expect(verifyBackend).not.toHaveBeenCalled();

    generate.mockClear();
    await runGenerator(out, {});
    expect(generate).toHaveBeenCalledWith(
      expect.objectContaining({ apiFiles: [join(root, 'petstore.yaml')], outDir: out, db: 'postgresql' }),
    );
  });

  it('asks before rebuilding the manifest when a terminal is attached: no runs nothing, yes runs with it', async () => {
    const atTerminal = async (confirmed: boolean) => {
      const adapter = Object.assign(new TestAdapter({ mockedAnswers: { rebuildConfirmed: confirmed } }), { stdin: { isTTY: true } });
      const env = createEnv({ cwd: root, adapter });
      env.register(InfraStackGenerator, { namespace: 'infra-stack:app', resolved: generatorFile, packagePath: packageRoot });
      const terminal = Object.getOwnPropertyDescriptor(process.stdin, 'isTTY');
      Object.defineProperty(process.stdin, 'isTTY', { value: true, configurable: true });
      try {
        const options: Record<string, unknown> = { api: 'petstore.yaml', out: 'gen', db: 'sqlite', ddl: 'none', docs: false, verify: false, 'rebuild-manifest': true };
        await env.run(['infra-stack:app'], options);
      } finally {
        if (terminal) Object.defineProperty(process.stdin, 'isTTY', terminal);
        else delete (process.stdin as { isTTY?: boolean }).isTTY;
      }
      return adapter.calls.map((call) => call.question.name);
    };
    await expect(atTerminal(false)).rejects.toThrow('the manifest was not rebuilt (not confirmed); nothing was written');
    expect(generate).not.toHaveBeenCalled();
    expect(await atTerminal(true)).toEqual(['rebuildConfirmed']);
    expect(generate).toHaveBeenCalledWith(expect.objectContaining({ rebuildManifest: true }));
  });

  it('lets options override the recorded answers', async () => {
    await mkdir(join(root, 'gen'));
    await writeFile(
      join(root, 'gen', '.yo-rc.json'),
      JSON.stringify({ 'generator-infra-stack': { api: ['../petstore.yaml'], db: 'postgresql' } }),
    );
    await runGenerator(join(root, 'gen'), { db: 'sqlite', force: true, ddl: 'mysql,postgresql' });
    expect(generate).toHaveBeenCalledWith(expect.objectContaining({ db: 'sqlite', force: true, ddl: ['postgresql', 'mysql'] }));
    expect(await readYoRc(join(root, 'gen'))).toEqual({
      'generator-infra-stack': { api: ['../petstore.yaml'], db: 'sqlite', ddl: 'postgresql,mysql', docs: true, verify: false },
    });
  });

  it('verifies the backend after the summary with --verify, and remembers to do so', async () => {
    const out = join(root, 'gen');
    const printed = await runGenerator(root, { api: 'petstore.yaml', out: 'gen', verify: true });
    expect(verifyBackend).toHaveBeenCalledWith(expect.objectContaining({ outDir: out }));
    expect(printed.indexOf('Verifying gen/backend (full output in gen/logs/workflow.log):')).toBeGreaterThan(printed.indexOf('Next steps:'));
    expect(printed).toMatch(/ {2}ok {7}ruff check {5}1\.5 s\n/);
    expect(printed).toContain('Verified: every step passed (log: gen/logs/workflow.log).');
    expect(await readYoRc(out)).toEqual({ 'generator-infra-stack': { api: ['../petstore.yaml'], db: 'auto', ddl: 'auto', docs: true, verify: true } });

    verifyBackend.mockClear();
    await runGenerator(out, {});
    expect(verifyBackend).toHaveBeenCalledTimes(1);
    await runGenerator(out, { verify: false });
    expect(verifyBackend).toHaveBeenCalledTimes(1);
    expect(await readYoRc(out)).toEqual({ 'generator-infra-stack': { api: ['../petstore.yaml'], db: 'auto', ddl: 'auto', docs: true, verify: false } });
  });

  it('fails when a step fails, naming the steps and the log, after printing their output; the answers stay recorded', async () => {
    verifyBackend.mockImplementation(fakeGate(['ruff check', 'pytest']));
    const run = runGenerator(root, { api: 'petstore.yaml', out: 'gen', verify: true });
    await expect(run).rejects.toBeInstanceOf(InfraStackError);
    await expect(run).rejects.toThrow(/^verification failed \(ruff check, pytest\): the full output is in gen\/logs\/workflow\.log$/);
    expect(await readYoRc(join(root, 'gen'))).toEqual({ 'generator-infra-stack': { api: ['../petstore.yaml'], db: 'auto', ddl: 'auto', docs: true, verify: true } });
  });

  it('does not verify a dry run, and says so', async () => {
    const printed = await runGenerator(root, { api: 'petstore.yaml', 'dry-run': true, dryRun: true, verify: true });
    expect(verifyBackend).not.toHaveBeenCalled();
    expect(printed).toContain('Not verified: a dry run writes nothing.');
  });

  it('writes no .yo-rc.json on a dry run', async () => {
    const printed = await runGenerator(root, { api: 'petstore.yaml', 'dry-run': true, dryRun: true });
    expect(generate).toHaveBeenCalledWith(expect.objectContaining({ dryRun: true }));
    expect(printed).toContain('Dry run, nothing written in .: 2 would be created');
    expect(existsSync(join(root, '.yo-rc.json'))).toBe(false);

    await runGenerator(root, { api: 'petstore.yaml', out: 'gen', 'dry-run': true });
    expect(existsSync(join(root, 'gen'))).toBe(false);
  });

  it('turns an engine error into one `file:location: message` line and records nothing', async () => {
    generate.mockRejectedValue(
      new InfraStackError('expected a schema', { file: 'petstore.yaml', location: 'line 3 (#/paths)' }),
    );
    const run = runGenerator(root, { api: 'petstore.yaml' });
    await expect(run).rejects.toBeInstanceOf(InfraStackError);
    await expect(run).rejects.toThrow(/^petstore\.yaml:line 3 \(#\/paths\): expected a schema$/);
    expect(existsSync(join(root, '.yo-rc.json'))).toBe(false);
  });
});
