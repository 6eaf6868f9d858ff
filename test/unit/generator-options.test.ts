import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isInfraStackError } from '../../core/errors.js';
import {
  OPTIONS,
  canPrompt,
  completeSettings,
  generateOptionsFor,
  missingQuestionKeys,
  parseArgsOptions,
  questionsFor,
  settingsFromOptions,
  settingsFromStored,
  toPathList,
  toStoredAnswers,
  usage,
  yeomanOptions,
} from '../../generators/app/options.js';

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('generator option table', () => {
  it('declares every table entry as a Yeoman option, without defaults', () => {
    const specs = yeomanOptions();
    expect(specs.map((spec) => spec.name)).toEqual(['api', 'out', 'db', 'force', 'dry-run', 'docs', 'raw-url-base', 'stack', 'plugins', 'skip-checks']);
    const byName = new Map(specs.map((spec) => [spec.name, spec]));
    expect(byName.get('force')?.type).toBe(Boolean);
    expect(byName.get('dry-run')?.type).toBe(Boolean);
    expect(byName.get('docs')?.type).toBe(Boolean);
    expect(byName.get('out')?.type).toBe(String);
    expect(byName.get('db')?.type).toBe(String);
    expect(byName.get('api')?.type).toBe(toPathList);
    expect(byName.get('raw-url-base')?.type).toBe(String);
    for (const spec of specs) {
      expect(spec).not.toHaveProperty('default');
      expect(spec.description).toBeTruthy();
    }
  });

  it('passes --raw-url-base through, and leaves it out when not given', () => {
    const cwd = resolve('/work/project');
    const given = settingsFromOptions({ api: 'classes.json', 'raw-url-base': 'https://raw.example.com/o/r/main/gen' }, cwd);
    expect(given.rawUrlBase).toBe('https://raw.example.com/o/r/main/gen');
    expect(completeSettings(given, cwd).rawUrlBase).toBe('https://raw.example.com/o/r/main/gen');
    expect(completeSettings({ api: ['/a.json'] }, cwd)).not.toHaveProperty('rawUrlBase');
  });

  it('turns repeated, single and comma-separated --api values into a list', () => {
    expect(toPathList(['a.yaml', 'b.yaml, c.json'])).toEqual(['a.yaml', 'b.yaml', 'c.json']);
    expect(toPathList('a.yaml')).toEqual(['a.yaml']);
    expect(toPathList(undefined)).toEqual([]);
    expect(toPathList(true)).toEqual([]);
  });

  it('asks for api, out, db and docs, and only for those', () => {
    expect(missingQuestionKeys({})).toEqual(['api', 'out', 'db', 'docs']);
    expect(missingQuestionKeys({ api: ['/a.yaml'], db: 'sqlite', docs: true })).toEqual(['out']);
    expect(questionsFor(['docs'])).toEqual([{ type: 'confirm', name: 'docs', message: 'Write the docs (output/)?', default: true }]);
    expect(questionsFor(['force', 'dryRun'])).toEqual([]);

    const [api, db] = questionsFor(['db', 'api']);
    expect(api).toMatchObject({ type: 'input', name: 'api' });
    expect(db).toMatchObject({
      type: 'select',
      name: 'db',
      default: 'auto',
      choices: [
        { name: 'auto', value: 'auto' },
        { name: 'sqlite', value: 'sqlite' },
        { name: 'postgresql', value: 'postgresql' },
      ],
    });
    const filter = (api as { filter?: (input: string) => unknown }).filter;
    expect(filter?.('a.yaml, b.yaml')).toEqual(['a.yaml', 'b.yaml']);
    const validate = (api as { validate?: (input: unknown) => unknown }).validate;
    expect(validate?.('  ')).toMatch(/--api/);
    expect(validate?.(['a.yaml'])).toBe(true);
  });

  it('reads options as yo (camelCase + dashed, arrays) and the bin pass them', () => {
    const cwd = resolve('/work/project');
    expect(
      settingsFromOptions({ api: ['a.yaml', '/abs/b.yaml'], out: 'gen', db: 'postgresql', dryRun: true, 'dry-run': true }, cwd),
    ).toEqual({ api: [resolve(cwd, 'a.yaml'), '/abs/b.yaml'], out: resolve(cwd, 'gen'), db: 'postgresql', dryRun: true });
    expect(settingsFromOptions({ force: true, 'dry-run': false }, cwd)).toEqual({ force: true, dryRun: false });
    expect(settingsFromOptions({}, cwd)).toEqual({});
    expect(String(thrown(() => settingsFromOptions({ db: 'mysql' }, cwd)))).toMatch(/--db must be one of auto, sqlite, postgresql/);
  });

  it('stores api paths relative to the output folder and reads them back', () => {
    const out = resolve('/work/gen');
    const stored = toStoredAnswers({
      api: [resolve(out, 'petstore.yaml'), resolve('/work/specs/users.yaml')],
      out,
      db: 'sqlite',
      force: true,
      dryRun: false,
      docs: false,
    });
    expect(stored).toEqual({ api: ['petstore.yaml', '../specs/users.yaml'], db: 'sqlite', docs: false });
    expect(settingsFromStored(stored, out)).toEqual({
      api: [resolve(out, 'petstore.yaml'), resolve('/work/specs/users.yaml')],
      db: 'sqlite',
      docs: false,
    });
    expect(String(thrown(() => settingsFromStored({ docs: 'no' as unknown as boolean }, out)))).toMatch(/\.yo-rc\.json: docs must be true or false, got "no"/);
  });

  it('reads --stack, --plugins and --skip-checks, and stores the plugins used and a stack other than the default', () => {
    const cwd = resolve('/work/project');
    const given = settingsFromOptions({ api: 'a.yaml', stack: 'sqlmodel', plugins: ['cache,@acme/audit'], 'skip-checks': true }, cwd);
    expect(given).toMatchObject({ stack: 'sqlmodel', plugins: ['cache', '@acme/audit'], skipChecks: true });
    const settings = completeSettings(given, cwd);
    expect(generateOptionsFor(settings, cwd)).toMatchObject({ stack: 'sqlmodel', pluginNames: ['cache', '@acme/audit'], skipChecks: true });
    const stored = toStoredAnswers(settings, ['infra-stack-plugin-cache', '@acme/infra-stack-plugin-audit']);
    expect(stored).toEqual({ api: ['a.yaml'], db: 'auto', docs: true, stack: 'sqlmodel', plugins: ['infra-stack-plugin-cache', '@acme/infra-stack-plugin-audit'] });
    expect(settingsFromStored(stored, cwd)).toMatchObject({ stack: 'sqlmodel', plugins: ['infra-stack-plugin-cache', '@acme/infra-stack-plugin-audit'] });
    expect(toStoredAnswers({ ...settings, stack: 'fastapi-sqlalchemy' }, [])).toEqual({ api: ['a.yaml'], db: 'auto', docs: true });
    expect(String(thrown(() => settingsFromStored({ plugins: 'cache' as unknown as string[] }, cwd)))).toMatch(/\.yo-rc\.json: plugins must be a list/);
  });

  it('fills defaults, and a missing --api is an error naming the option', () => {
    const cwd = resolve('/work/project');
    expect(completeSettings({ api: ['/a.yaml'] }, cwd)).toEqual({
      api: ['/a.yaml'],
      out: cwd,
      db: 'auto',
      force: false,
      dryRun: false,
      docs: true,
    });
    const error = thrown(() => completeSettings({ db: 'postgresql' }, cwd));
    expect(isInfraStackError(error)).toBe(true);
    expect((error as Error).message).toMatch(/missing required option --api <file>/);
  });

  it('prompts only when process stdin and the adapter stdin are terminals', () => {
    const terminal = { isTTY: true };
    const pipe = { isTTY: false };
    expect(canPrompt({ actualAdapter: { stdin: terminal } }, terminal)).toBe(true);
    expect(canPrompt({ stdin: terminal }, terminal)).toBe(true);
    expect(canPrompt({ actualAdapter: { stdin: terminal } }, pipe)).toBe(false);
    expect(canPrompt({ actualAdapter: { stdin: pipe } }, terminal)).toBe(false);
    expect(canPrompt({ actualAdapter: {} }, terminal)).toBe(false);
    expect(canPrompt(undefined, terminal)).toBe(false);
  });

  it('feeds the bin argv parser and usage text from the same table', () => {
    const parse = parseArgsOptions();
    expect(parse.api).toEqual({ type: 'string', multiple: true });
    expect(parse.db).toEqual({ type: 'string', multiple: false });
    expect(parse['dry-run']).toEqual({ type: 'boolean' });
    expect(parse.docs).toEqual({ type: 'boolean' });
    expect(parse.help).toEqual({ type: 'boolean', short: 'h' });
    const text = usage('infra-stack');
    for (const option of OPTIONS) expect(text).toContain(`--${option.name}`);
    expect(text).toContain('infra-stack model --api <file> [--api <file>...] [--json]');
    expect(text).toContain('--docs, --no-docs');
  });

  it('reads --no-docs (and --docs) from the bin and yo alike; docs are on unless turned off', () => {
    const cwd = resolve('/work/project');
    const { values } = parseArgs({ args: ['--api', 'a.yaml', '--no-docs'], options: parseArgsOptions(), strict: true, allowNegative: true });
    expect(settingsFromOptions(values, cwd).docs).toBe(false);
    expect(settingsFromOptions({ docs: true }, cwd).docs).toBe(true);
    expect(completeSettings(settingsFromOptions({ api: 'a.yaml', docs: false }, cwd), cwd).docs).toBe(false);
    expect(generateOptionsFor(completeSettings({ api: ['/a.yaml'] }, cwd), cwd).docs).toBe(true);
  });
});
