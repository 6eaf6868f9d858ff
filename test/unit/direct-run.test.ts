/**
 * The bin's run without Yeoman against the generator inside a real yeoman-environment, both
 * with the engine replaced by a fake: the same `.yo-rc.json` byte for byte, the same output,
 * the same errors; and a hand-over to Yeoman whenever something would have to be asked.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
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
// The bin imports `generate` from its own light module, which the library re-exports.
vi.mock('../../lib/generate.js', () => ({ generate }));

const { default: InfraStackGenerator } = await import('../../generators/app/generator.js');
const { runWithoutYeoman } = await import('../../bin/direct-run.js');
const { InfraStackError } = await import('../../core/errors.js');
const { pluginPackageName } = await import('../../core/plugins/names.js');

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const generatorFile = fileURLToPath(new URL('../../generators/app/generator.ts', import.meta.url));

interface Run {
  printed: string;
  error?: unknown;
  yoRc?: string;
  calls: GenerateOptions[];
}

function fakeResult(options: GenerateOptions): GenerateResult {
  return {
    outDir: options.outDir,
    dryRun: options.dryRun ?? false,
    created: ['backend/pyproject.toml'],
    updated: [],
    unchanged: ['output/README.md'],
    conflicts: [],
    merged: [], deleted: [], keptStale: [], deletedByYou: [], deleteConflicts: [], untracked: [], check: false, outOfDate: [], diffs: [], regeneration: [],
    notes: ['Database: sqlite (the default).'],
    toImplement: ['POST /pets/{petId}/adopt (adoptPet)'],
    nextSteps: ['cd backend && uv pip install -e .'],
    plugins: (options.pluginNames ?? []).map((name) => pluginPackageName(name)),
    warnings: [],
    // The engine records settings by full plugin name.
    ...(options.pluginSettings ? { pluginSettings: Object.fromEntries(Object.entries(options.pluginSettings).map(([name, values]) => [pluginPackageName(name), values as Record<string, string | number>])) } : {}),
  };
}

/** A gate whose steps all pass, except the ones named (the first fails with a hint). */
function fakeGate(failing: string[] = []) {
  return async (options: VerifyOptions): Promise<VerificationReport> => {
    const steps = ['python', 'install', 'mypy', 'pytest'].map((name): StepOutcome => {
      const failed = failing.includes(name);
      return {
        name,
        status: failed ? 'failed' : 'ok',
        command: `.venv/bin/${name}`,
        exitCode: failed ? 1 : 0,
        durationMs: 2500,
        ...(failed ? { detail: 'exit code 1', hint: 'look closer' } : {}),
        outputTail: failed ? [`${name}: 1 error`] : [],
      };
    });
    for (const step of steps) options.onStep?.(step);
    return { ok: failing.length === 0, backendDir: join(options.outDir, 'backend'), logFile: join(options.outDir, 'logs/workflow.log'), steps };
  };
}

async function throughYeoman(cwd: string, options: Record<string, unknown>): Promise<Pick<Run, 'printed' | 'error'>> {
  const stream = new PassThrough();
  let printed = '';
  stream.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const env = createEnv({
    cwd,
    stdin: new PassThrough() as unknown as NodeJS.ReadStream,
    stdout: stream as unknown as NodeJS.WriteStream,
    stderr: stream as unknown as NodeJS.WriteStream,
  });
  env.register(InfraStackGenerator, { namespace: 'infra-stack:app', resolved: generatorFile, packagePath: packageRoot });
  try {
    await env.run(['infra-stack:app'], options);
    return { printed };
  } catch (error) {
    return { printed, error };
  }
}

async function withoutYeoman(cwd: string, options: Record<string, unknown>): Promise<Pick<Run, 'printed' | 'error'>> {
  let printed = '';
  const stderr = { write: (text: string) => (printed += text) };
  try {
    expect(await runWithoutYeoman(options, { cwd, canPrompt: false, stderr, stdout: stderr })).toBe('done');
    return { printed };
  } catch (error) {
    return { printed, error };
  }
}

/** One scenario, set up afresh in its own folder, run one way. */
async function scenario(
  runner: typeof throughYeoman,
  setup: (root: string) => Promise<void>,
  cwdOf: (root: string) => string,
  options: Record<string, unknown>,
  yoRcOf: (root: string) => string,
): Promise<Run> {
  const root = await mkdtemp(join(tmpdir(), 'infra-stack-direct-'));
  try {
    await writeFile(join(root, 'petstore.yaml'), 'openapi: 3.0.0\n');
    await setup(root);
    generate.mockClear();
    const outcome = await runner(cwdOf(root), options);
    const yoRcPath = yoRcOf(root);
    const yoRc = existsSync(yoRcPath) ? await readFile(yoRcPath, 'utf8') : undefined;
    const normalize = (text: string) => text.split(root).join('<root>');
    return {
      printed: normalize(outcome.printed),
      ...(outcome.error !== undefined ? { error: normalize(describeError(outcome.error)) } : {}),
      ...(yoRc !== undefined ? { yoRc } : {}),
      calls: generate.mock.calls.map(([options]) => JSON.parse(normalize(JSON.stringify(options))) as GenerateOptions),
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function describeError(error: unknown): string {
  return error instanceof InfraStackError ? `InfraStackError: ${error.describe()}` : String(error);
}

const nothing = async () => {};

const cases: Array<{
  name: string;
  setup?: (root: string) => Promise<void>;
  cwd?: (root: string) => string;
  options: Record<string, unknown>;
  yoRc?: (root: string) => string;
  /** The one line the bin prints after `infra-stack: `. */
  error?: RegExp;
}> = [
  { name: 'a first run into a new folder', options: { api: ['petstore.yaml'], out: 'gen', db: 'postgresql' } },
  { name: 'a run into the current folder', options: { api: ['petstore.yaml'] }, yoRc: (root) => join(root, '.yo-rc.json') },
  {
    name: 'a second run from the recorded answers',
    setup: async (root) => {
      await mkdir(join(root, 'gen'));
      await writeFile(join(root, 'gen', '.yo-rc.json'), '{"generator-infra-stack":{"api":["../petstore.yaml"],"db":"postgresql"}}');
    },
    cwd: (root) => join(root, 'gen'),
    options: {},
  },
  {
    name: 'options over recorded answers, other keys kept in place',
    setup: async (root) => {
      await mkdir(join(root, 'gen'));
      await writeFile(
        join(root, 'gen', '.yo-rc.json'),
        '{"other":{"a":1},"generator-infra-stack":{"extra":true,"db":"postgresql"},"last":[1,2]}',
      );
    },
    options: { api: 'petstore.yaml', out: 'gen', db: 'sqlite', force: true },
  },
  {
    name: 'an output folder outside the current one',
    setup: async (root) => {
      await mkdir(join(root, 'deep', 'er'), { recursive: true });
    },
    cwd: (root) => join(root, 'deep', 'er'),
    options: { api: '../../petstore.yaml', out: '../../up' },
    yoRc: (root) => join(root, 'up', '.yo-rc.json'),
  },
  { name: 'a dry run', options: { api: 'petstore.yaml', out: 'gen', 'dry-run': true } },
  { name: 'a manifest rebuilt without a terminal (the flag is the confirmation)', options: { api: 'petstore.yaml', out: 'gen', 'rebuild-manifest': true } },
  { name: 'a run without docs', options: { api: 'petstore.yaml', out: 'gen', docs: false } },
  {
    name: 'a run without docs, as recorded',
    setup: async (root) => {
      await mkdir(join(root, 'gen'));
      await writeFile(join(root, 'gen', '.yo-rc.json'), '{"generator-infra-stack":{"api":["../petstore.yaml"],"db":"sqlite","docs":false}}');
    },
    cwd: (root) => join(root, 'gen'),
    options: {},
  },
  { name: 'DDL dialects, repeated and comma-separated', options: { api: 'petstore.yaml', out: 'gen', ddl: ['sqlite,postgresql', 'mysql'] } },
  { name: 'no DDL', options: { api: 'petstore.yaml', out: 'gen', ddl: 'none' } },
  {
    name: 'recorded DDL dialects',
    setup: async (root) => {
      await mkdir(join(root, 'gen'));
      await writeFile(join(root, 'gen', '.yo-rc.json'), '{"generator-infra-stack":{"api":["../petstore.yaml"],"db":"auto","ddl":"auto,mysql"}}');
    },
    cwd: (root) => join(root, 'gen'),
    options: {},
  },
  { name: 'a verified run', options: { api: 'petstore.yaml', out: 'gen', verify: true } },
  { name: 'a dry run with --verify', options: { api: 'petstore.yaml', out: 'gen', 'dry-run': true, verify: true } },
  {
    name: '--no-verify over a recorded yes',
    setup: async (root) => {
      await mkdir(join(root, 'gen'));
      await writeFile(join(root, 'gen', '.yo-rc.json'), '{"generator-infra-stack":{"api":["../petstore.yaml"],"db":"auto","verify":true}}');
    },
    options: { out: 'gen', verify: false },
  },
  {
    name: 'an unreadable recorded verify',
    setup: async (root) => {
      await mkdir(join(root, 'gen'));
      await writeFile(join(root, 'gen', '.yo-rc.json'), '{"generator-infra-stack":{"api":["../petstore.yaml"],"verify":"yes"}}');
    },
    options: { out: 'gen' },
    error: /^InfraStackError: <root>\/gen\/.yo-rc.json: verify must be true or false, got "yes"$/,
  },
  { name: 'an unknown --ddl dialect', options: { api: 'petstore.yaml', ddl: 'postgresql,oracle' }, error: /^InfraStackError: --ddl takes a comma-separated list of auto, postgresql, mysql, sqlite, or none; got "oracle"$/ },
  { name: 'a run with plugins and a stack of theirs', options: { api: 'petstore.yaml', out: 'gen', plugins: 'sqlmodel,@acme/audit', stack: 'sqlmodel', 'skip-checks': true } },
  {
    name: 'a run with the plugins recorded',
    setup: async (root) => {
      await mkdir(join(root, 'gen'));
      await writeFile(join(root, 'gen', '.yo-rc.json'), '{"generator-infra-stack":{"api":["../petstore.yaml"],"db":"sqlite","plugins":["infra-stack-plugin-cache"]}}');
    },
    cwd: (root) => join(root, 'gen'),
    options: {},
  },
  { name: 'a missing --api', options: { out: 'gen' }, error: /^InfraStackError: missing required option --api <file>: the OpenAPI document\(s\) to read \(no terminal/ },
  { name: 'an unknown --db', options: { api: 'petstore.yaml', db: 'oracle' }, error: /^InfraStackError: --db must be one of auto, sqlite, postgresql, mysql, mariadb, got "oracle"$/ },
  {
    name: 'an unknown recorded db',
    setup: async (root) => {
      await mkdir(join(root, 'gen'));
      await writeFile(join(root, 'gen', '.yo-rc.json'), '{"generator-infra-stack":{"api":["../petstore.yaml"],"db":"oracle"}}');
    },
    options: { out: 'gen' },
    error: /^InfraStackError: <root>\/gen\/.yo-rc.json: db must be one of/,
  },
];

describe('infra-stack without Yeoman', () => {
  beforeEach(() => {
    generate.mockReset();
    generate.mockImplementation(async (options) => fakeResult(options));
    verifyBackend.mockReset();
    verifyBackend.mockImplementation(fakeGate());
  });

  for (const { name, setup = nothing, cwd = (root: string) => root, options, yoRc = (root: string) => join(root, 'gen', '.yo-rc.json'), error } of cases) {
    it(`does what yo infra-stack does: ${name}`, async () => {
      const yeoman = await scenario(throughYeoman, setup, cwd, options, yoRc);
      const direct = await scenario(withoutYeoman, setup, cwd, options, yoRc);
      expect(direct).toEqual(yeoman);
      if (error) {
        expect(direct.error).toMatch(error);
        expect(direct.calls).toEqual([]);
      } else {
        expect(direct.error).toBeUndefined();
      }
    });
  }

  it('leaves a .yo-rc.json that already records the answers as it is, and says nothing of it', async () => {
    const recorded = '{"generator-infra-stack":{"api":["../petstore.yaml"],"db":"auto","ddl":"auto","docs":true,"verify":false}}';
    const setup = async (root: string) => {
      await mkdir(join(root, 'gen'));
      await writeFile(join(root, 'gen', '.yo-rc.json'), recorded);
    };
    const yoRc = (root: string) => join(root, 'gen', '.yo-rc.json');
    const yeoman = await scenario(throughYeoman, setup, (root) => join(root, 'gen'), {}, yoRc);
    const direct = await scenario(withoutYeoman, setup, (root) => join(root, 'gen'), {}, yoRc);
    expect(direct).toEqual(yeoman);
    expect(direct.yoRc).toBe(recorded);
    expect(direct.printed).not.toMatch(/force|yo-rc/);
    expect(direct.calls).toHaveLength(1);
  });

  it('records the plugins used, in order, and a stack other than the default', async () => {
    const direct = await scenario(withoutYeoman, nothing, (root) => root, { api: 'petstore.yaml', out: 'gen', plugins: ['sqlmodel', '@acme/audit'], stack: 'sqlmodel' }, (root) => join(root, 'gen', '.yo-rc.json'));
    expect(direct.calls.map((call) => [call.pluginNames, call.stack])).toEqual([[['sqlmodel', '@acme/audit'], 'sqlmodel']]);
    expect(JSON.parse(direct.yoRc ?? '{}')).toEqual({
      'generator-infra-stack': { api: ['../petstore.yaml'], db: 'auto', ddl: 'auto', docs: true, verify: false, stack: 'sqlmodel', plugins: ['infra-stack-plugin-sqlmodel', '@acme/infra-stack-plugin-audit'] },
    });
  });

  it('passes --set to the engine over the recorded settings, and records what the engine checked, as the generator does', async () => {
    const setup = async (root: string) => {
      await mkdir(join(root, 'gen'));
      await writeFile(join(root, 'gen', '.yo-rc.json'), '{"generator-infra-stack":{"api":["../petstore.yaml"],"pluginSettings":{"audit":{"userField":"author","maxLength":40}}}}');
    };
    const options = { set: ['audit.userField=created_by', 'cache.keys=a,b'] };
    const yoRc = (root: string) => join(root, 'gen', '.yo-rc.json');
    const yeoman = await scenario(throughYeoman, setup, (root) => join(root, 'gen'), options, yoRc);
    const direct = await scenario(withoutYeoman, setup, (root) => join(root, 'gen'), options, yoRc);
    expect(direct).toEqual(yeoman);
    expect(direct.calls.map((call) => call.pluginSettings)).toEqual([{ audit: { userField: 'created_by', maxLength: 40 }, cache: { keys: 'a,b' } }]);
    // What the engine checked replaces what was recorded: one entry per plugin, by its full name.
    expect(JSON.parse(direct.yoRc ?? '{}')['generator-infra-stack'].pluginSettings).toEqual({
      'infra-stack-plugin-audit': { userField: 'created_by', maxLength: 40 },
      'infra-stack-plugin-cache': { keys: 'a,b' },
    });
  });

  describe('clears the recorded plugins, as the generator does', () => {
    const recorded = (root: string) => async () => {
      await mkdir(join(root, 'gen'));
      await writeFile(join(root, 'gen', '.yo-rc.json'), '{"generator-infra-stack":{"api":["../petstore.yaml"],"db":"auto","ddl":"auto","docs":true,"verify":false,"plugins":["infra-stack-plugin-cache"]}}');
    };
    const both = async (options: Record<string, unknown>) => {
      const runs = [];
      for (const runner of [throughYeoman, withoutYeoman]) runs.push(await scenario(runner, (root) => recorded(root)(), (root) => join(root, 'gen'), options, (root) => join(root, 'gen', '.yo-rc.json')));
      expect(runs[1]).toEqual(runs[0]);
      return runs[1]!;
    };

    it("--plugins '': the recorded list is forgotten, every plugin found is used, and none found leaves no list", async () => {
      const direct = await both({ plugins: [''] });
      expect(direct.calls.map((call) => call.pluginNames)).toEqual([undefined]);
      expect(JSON.parse(direct.yoRc ?? '{}')).toEqual({ 'generator-infra-stack': { api: ['../petstore.yaml'], db: 'auto', ddl: 'auto', docs: true, verify: false } });
    });

    it('--no-plugins: no installed plugin is used, and an empty list is recorded for the next runs', async () => {
      // node's parseArgs gives `--no-plugins` of a string option as [false].
      const direct = await both({ plugins: [false] });
      expect(direct.calls.map((call) => call.pluginNames)).toEqual([[]]);
      expect(JSON.parse(direct.yoRc ?? '{}')).toEqual({ 'generator-infra-stack': { api: ['../petstore.yaml'], db: 'auto', ddl: 'auto', docs: true, verify: false, plugins: [] } });
    });
  });

  it('fails like the generator when the engine fails, and records nothing', async () => {
    const failure = new InfraStackError('expected a schema', { file: 'petstore.yaml', location: 'line 3 (#/paths)' });
    generate.mockRejectedValue(failure);
    const yoRc = (root: string) => join(root, 'gen', '.yo-rc.json');
    const yeoman = await scenario(throughYeoman, nothing, (root) => root, { api: 'petstore.yaml', out: 'gen' }, yoRc);
    const direct = await scenario(withoutYeoman, nothing, (root) => root, { api: 'petstore.yaml', out: 'gen' }, yoRc);
    expect(direct).toEqual(yeoman);
    expect(direct.error).toBe('InfraStackError: petstore.yaml:line 3 (#/paths): expected a schema');
    // The error alone, in one line: no Yeoman announcement of the failing method before it.
    expect(direct.printed).not.toMatch(/error occured|infra-stack:app#/);
    expect(direct.yoRc).toBeUndefined();
  });

  it('fails like the generator when verification fails, after the report; the answers stay recorded', async () => {
    verifyBackend.mockImplementation(fakeGate(['mypy', 'pytest']));
    const yoRc = (root: string) => join(root, 'gen', '.yo-rc.json');
    const options = { api: 'petstore.yaml', out: 'gen', verify: true };
    const yeoman = await scenario(throughYeoman, nothing, (root) => root, options, yoRc);
    const direct = await scenario(withoutYeoman, nothing, (root) => root, options, yoRc);
    expect(direct).toEqual(yeoman);
    expect(direct.error).toBe('InfraStackError: verification failed (mypy, pytest): the full output is in gen/logs/workflow.log');
    expect(direct.printed).toContain(
      ['  failed   mypy           2.5 s  exit code 1', '  failed   pytest         2.5 s  exit code 1', '', 'mypy (.venv/bin/mypy):', '  mypy: 1 error', '  hint: look closer', ''].join('\n'),
    );
    expect(direct.printed).not.toMatch(/error occured|infra-stack:app#/);
    expect(JSON.parse(direct.yoRc ?? '{}')).toEqual({ 'generator-infra-stack': { api: ['../petstore.yaml'], db: 'auto', ddl: 'auto', docs: true, verify: true } });
  });

  describe('hands over to Yeoman', () => {
    let root: string;
    const stderr = { write: () => true };

    beforeEach(async () => {
      root = await mkdtemp(join(tmpdir(), 'infra-stack-direct-'));
    });

    afterEach(async () => {
      await rm(root, { recursive: true, force: true });
    });

    it('when a terminal could answer a missing setting', async () => {
      const ask = { cwd: root, canPrompt: true, stderr, stdout: stderr };
      expect(await runWithoutYeoman({ out: 'gen' }, ask)).toBe('needs-yeoman');
      expect(await runWithoutYeoman({ api: 'petstore.yaml', out: 'gen' }, ask)).toBe('needs-yeoman');
      expect(await runWithoutYeoman({ api: 'petstore.yaml' }, ask)).toBe('needs-yeoman');
      expect(await runWithoutYeoman({ api: 'petstore.yaml', out: 'gen', db: 'sqlite' }, ask)).toBe('needs-yeoman');
      expect(generate).not.toHaveBeenCalled();
      expect(await runWithoutYeoman({ api: 'petstore.yaml', out: 'gen', db: 'sqlite' }, ask)).toBe('needs-yeoman');
      expect(generate).not.toHaveBeenCalled();
      expect(await runWithoutYeoman({ api: 'petstore.yaml', out: 'gen', db: 'sqlite', docs: false }, ask)).toBe('needs-yeoman');
      expect(generate).not.toHaveBeenCalled();
      expect(await runWithoutYeoman({ api: 'petstore.yaml', out: 'gen', db: 'sqlite', docs: false, verify: false }, ask)).toBe('needs-yeoman');
      expect(generate).not.toHaveBeenCalled();
      expect(await runWithoutYeoman({ api: 'petstore.yaml', out: 'gen', db: 'sqlite', ddl: ['none'], docs: false, verify: false, 'rebuild-manifest': true }, ask)).toBe('needs-yeoman');
      expect(generate).not.toHaveBeenCalled();
      expect(await runWithoutYeoman({ api: 'petstore.yaml', out: 'gen', db: 'sqlite', ddl: ['none'], docs: false, verify: false }, ask)).toBe('done');
    });

    it('when a .yo-rc.json is not what Yeoman stores', async () => {
      const noTerminal = { cwd: root, canPrompt: false, stderr, stdout: stderr };
      for (const text of ['{"generator-infra-stack": ', 'null', '[1]', '{"generator-infra-stack": 5}']) {
        await writeFile(join(root, '.yo-rc.json'), text);
        expect(await runWithoutYeoman({ api: 'petstore.yaml' }, noTerminal)).toBe('needs-yeoman');
        expect(await runWithoutYeoman({ api: 'petstore.yaml', out: 'gen' }, noTerminal)).toBe('needs-yeoman');
        // Yeoman fails on it before it reads the flags.
        expect(await runWithoutYeoman({ api: 'petstore.yaml', db: 'oracle' }, noTerminal)).toBe('needs-yeoman');
      }
      expect(generate).not.toHaveBeenCalled();
    });
  });
});
