import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isInfraStackError } from '../../core/errors.js';
import {
  OPTIONS,
  canPrompt,
  completeSettings,
  forgottenAnswers,
  mergeSettings,
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
  type StoredAnswers,
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
    expect(specs.map((spec) => spec.name)).toEqual(['api', 'out', 'db', 'ddl', 'force', 'rebuild-manifest', 'accept-data-loss', 'dry-run', 'check', 'diff', 'docs', 'raw-url-base', 'write-back', 'verify', 'stack', 'plugins', 'skip-checks', 'set']);
    const byName = new Map(specs.map((spec) => [spec.name, spec]));
    expect(byName.get('force')?.type).toBe(Boolean);
    expect(byName.get('dry-run')?.type).toBe(Boolean);
    expect(byName.get('check')?.type).toBe(Boolean);
    expect(byName.get('diff')?.type).toBe(Boolean);
    expect(byName.get('docs')?.type).toBe(Boolean);
    expect(byName.get('out')?.type).toBe(String);
    expect(byName.get('db')?.type).toBe(String);
    expect(byName.get('api')?.type).toBe(toPathList);
    expect(byName.get('ddl')?.type).toBe(toPathList);
    expect(byName.get('raw-url-base')?.type).toBe(String);
    expect(byName.get('write-back')?.type).toBe(Boolean);
    expect(byName.get('verify')?.type).toBe(Boolean);
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

  it('passes --no-write-back through to the run, and leaves write-back on by default', () => {
    const cwd = resolve('/work/project');
    const off = completeSettings(settingsFromOptions({ api: 'classes.json', 'write-back': false }, cwd), cwd);
    expect(generateOptionsFor(off, cwd).writeBack).toBe(false);
    expect(generateOptionsFor(completeSettings({ api: ['/a.json'] }, cwd), cwd)).not.toHaveProperty('writeBack');
  });

  it('turns repeated, single and comma-separated --api values into a list', () => {
    expect(toPathList(['a.yaml', 'b.yaml, c.json'])).toEqual(['a.yaml', 'b.yaml', 'c.json']);
    expect(toPathList('a.yaml')).toEqual(['a.yaml']);
    expect(toPathList(undefined)).toEqual([]);
    expect(toPathList(true)).toEqual([]);
  });

  it('asks for api, out, db, ddl, docs and verify, and only for those', () => {
    expect(missingQuestionKeys({})).toEqual(['api', 'out', 'db', 'ddl', 'docs', 'verify']);
    expect(missingQuestionKeys({ api: ['/a.yaml'], db: 'sqlite', ddl: [], docs: true, verify: false })).toEqual(['out']);
    expect(questionsFor(['docs'])).toEqual([{ type: 'confirm', name: 'docs', message: 'Write the docs (output/)?', default: true }]);
    expect(questionsFor(['verify'])).toEqual([
      { type: 'confirm', name: 'verify', message: 'Verify the generated backend (venv, install, ruff, mypy, tests)?', default: false },
    ]);
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
        { name: 'mysql', value: 'mysql' },
      ],
    });
    const [ddl] = questionsFor(['ddl']);
    expect(ddl).toMatchObject({
      type: 'checkbox',
      name: 'ddl',
      choices: [
        { name: 'auto', value: 'auto', checked: true },
        { name: 'postgresql', value: 'postgresql', checked: false },
        { name: 'mysql', value: 'mysql', checked: false },
        { name: 'sqlite', value: 'sqlite', checked: false },
      ],
    });
    const filter = (api as { filter?: (input: string) => unknown }).filter;
    expect(filter?.('a.yaml, b.yaml')).toEqual(['a.yaml', 'b.yaml']);
    const validate = (api as { validate?: (input: unknown) => unknown }).validate;
    expect(validate?.('  ')).toMatch(/--api/);
  });

  it('checks each API path as it is answered: a missing file or a folder is refused at once, in words', () => {
    const cwd = fileURLToPath(new URL('../fixtures/', import.meta.url));
    const [api] = questionsFor(['api'], cwd);
    const validate = (api as { validate: (input: unknown) => unknown }).validate;
    expect(validate('malformed.yaml')).toBe(true);
    expect(validate('malformed.yaml, invalid-openapi.yaml')).toBe(true);
    expect(validate('malformed.yaml, missing.yaml')).toBe('missing.yaml: no such file');
    expect(validate('classes')).toBe('classes: this is a folder; enter the path of a document inside it');
  });

  it('reads options as yo (camelCase + dashed, arrays) and the bin pass them', () => {
    const cwd = resolve('/work/project');
    expect(
      settingsFromOptions({ api: ['a.yaml', '/abs/b.yaml'], out: 'gen', db: 'postgresql', dryRun: true, 'dry-run': true }, cwd),
    ).toEqual({ api: [resolve(cwd, 'a.yaml'), '/abs/b.yaml'], out: resolve(cwd, 'gen'), db: 'postgresql', dryRun: true });
    expect(settingsFromOptions({ force: true, 'dry-run': false }, cwd)).toEqual({ force: true, dryRun: false });
    expect(settingsFromOptions({ check: true, diff: true }, cwd)).toEqual({ check: true, diff: true });
    expect(settingsFromOptions({}, cwd)).toEqual({});
    expect(settingsFromOptions({ db: 'mysql' }, cwd)).toEqual({ db: 'mysql' });
    expect(settingsFromOptions({ db: 'mariadb' }, cwd)).toEqual({ db: 'mysql' });
    expect(String(thrown(() => settingsFromOptions({ db: 'oracle' }, cwd)))).toMatch(/--db must be one of auto, sqlite, postgresql, mysql, mariadb, got "oracle"/);
  });

  it('reads --ddl as a list of dialects: repeated, comma-separated, checked in a prompt, none or empty', () => {
    const cwd = resolve('/work/project');
    expect(settingsFromOptions({ ddl: ['sqlite, postgresql', 'MySQL'] }, cwd)).toEqual({ ddl: ['postgresql', 'mysql', 'sqlite'] });
    expect(settingsFromOptions({ ddl: ['auto', 'mysql', 'auto'] }, cwd)).toEqual({ ddl: ['auto', 'mysql'] });
    expect(settingsFromOptions({ ddl: 'none' }, cwd)).toEqual({ ddl: [] });
    expect(settingsFromOptions({ ddl: [''] }, cwd)).toEqual({ ddl: [] });
    expect(settingsFromOptions({ ddl: [] }, cwd)).toEqual({ ddl: [] });
    const error = thrown(() => settingsFromOptions({ ddl: 'postgresql,none' }, cwd));
    expect(isInfraStackError(error)).toBe(true);
    expect((error as Error).message).toBe('--ddl takes a comma-separated list of auto, postgresql, mysql, sqlite, or none; got "none"');
    expect(String(thrown(() => settingsFromStored({ ddl: 'oracle' }, resolve('/work/gen'))))).toContain(`${resolve('/work/gen/.yo-rc.json')}: ddl takes`);
  });

  it('stores api paths relative to the output folder and reads them back', () => {
    const out = resolve('/work/gen');
    const stored = toStoredAnswers({
      api: [resolve(out, 'petstore.yaml'), resolve('/work/specs/users.yaml')],
      out,
      db: 'sqlite',
      ddl: ['auto', 'mysql'],
      force: true,
      rebuildManifest: false,
      acceptDataLoss: false,
      dryRun: false,
      check: false,
      diff: false,
      docs: false,
      verify: true,
    });
    expect(stored).toEqual({ api: ['petstore.yaml', '../specs/users.yaml'], db: 'sqlite', ddl: 'auto,mysql', docs: false, verify: true });
    expect(settingsFromStored(stored, out)).toEqual({
      api: [resolve(out, 'petstore.yaml'), resolve('/work/specs/users.yaml')],
      db: 'sqlite',
      ddl: ['auto', 'mysql'],
      docs: false,
      verify: true,
    });
    expect(String(thrown(() => settingsFromStored({ docs: 'no' as unknown as boolean }, out)))).toMatch(/\.yo-rc\.json: docs must be true or false, got "no"/);
    expect(String(thrown(() => settingsFromStored({ verify: 'yes' as unknown as boolean }, out)))).toMatch(/\.yo-rc\.json: verify must be true or false, got "yes"/);
    expect(toStoredAnswers({ api: [], out, db: 'auto', ddl: [], force: false, rebuildManifest: false, acceptDataLoss: false, dryRun: false, docs: true, verify: false, check: false, diff: false }).ddl).toBe('none');
    expect(settingsFromStored({ ddl: 'none' }, out)).toEqual({ ddl: [] });
  });

  it('reads --stack, --plugins and --skip-checks, and stores the plugins used and a stack other than the default', () => {
    const cwd = resolve('/work/project');
    const given = settingsFromOptions({ api: 'a.yaml', stack: 'sqlmodel', plugins: ['cache,@acme/audit'], 'skip-checks': true }, cwd);
    expect(given).toMatchObject({ stack: 'sqlmodel', plugins: ['cache', '@acme/audit'], skipChecks: true });
    const settings = completeSettings(given, cwd);
    expect(generateOptionsFor(settings, cwd)).toMatchObject({ stack: 'sqlmodel', pluginNames: ['cache', '@acme/audit'], skipChecks: true });
    const stored = toStoredAnswers(settings, ['infra-stack-plugin-cache', '@acme/infra-stack-plugin-audit']);
    expect(stored).toEqual({ api: ['a.yaml'], db: 'auto', docs: true, verify: false, ddl: 'auto', stack: 'sqlmodel', plugins: ['infra-stack-plugin-cache', '@acme/infra-stack-plugin-audit'] });
    expect(settingsFromStored(stored, cwd)).toMatchObject({ stack: 'sqlmodel', plugins: ['infra-stack-plugin-cache', '@acme/infra-stack-plugin-audit'] });
    const { plugins: _selected, ...discovering } = settings;
    expect(toStoredAnswers({ ...discovering, stack: 'fastapi-sqlalchemy' }, [])).toEqual({ api: ['a.yaml'], db: 'auto', docs: true, verify: false, ddl: 'auto' });
    expect(String(thrown(() => settingsFromStored({ plugins: 'cache' as unknown as string[] }, cwd)))).toMatch(/\.yo-rc\.json: plugins must be a list/);
  });

  it('reads --set <plugin>.<name>=<value> (repeated, a value may hold commas and equals signs), over the recorded settings, and records the checked ones', () => {
    const cwd = resolve('/work/project');
    const { values } = parseArgs({ args: ['--set', 'audit.userField=created_by', '--set', '@acme/cache.keys=a,b=c'], options: parseArgsOptions(), strict: true, allowNegative: true });
    const given = settingsFromOptions(values, cwd);
    expect(given).toEqual({ pluginSettings: { audit: { userField: 'created_by' }, '@acme/cache': { keys: 'a,b=c' } } });
    const merged = completeSettings(mergeSettings({ api: ['/a.yaml'], pluginSettings: { audit: { userField: 'author', maxLength: 40 } } }, given), cwd);
    expect(generateOptionsFor(merged, cwd).pluginSettings).toEqual({ audit: { userField: 'created_by', maxLength: 40 }, '@acme/cache': { keys: 'a,b=c' } });
    expect(toStoredAnswers(merged, [], { 'infra-stack-plugin-audit': { maxLength: 40 } })).toMatchObject({ pluginSettings: { 'infra-stack-plugin-audit': { maxLength: 40 } } });
    expect(toStoredAnswers(merged, [], {})).not.toHaveProperty('pluginSettings');
    expect(settingsFromStored({ pluginSettings: { audit: { maxLength: 40 } } }, cwd)).toEqual({ pluginSettings: { audit: { maxLength: 40 } } });
    expect(String(thrown(() => settingsFromOptions({ set: ['userField=created_by'] }, cwd)))).toMatch(/--set takes <plugin>\.<setting>=<value> \(audit\.userField=created_by\), got "userField=created_by"/);
    expect(String(thrown(() => settingsFromStored({ pluginSettings: { audit: 3 } } as unknown as StoredAnswers, cwd)))).toMatch(/\.yo-rc\.json: pluginSettings must map plugin names to their settings/);
    expect(usage('infra-stack')).toContain('--set <plugin.name=value>');
  });

  it("takes --no-plugins as no installed plugin (recorded) and --plugins '' as forgetting the recorded list", () => {
    const cwd = resolve('/work/project');
    const { values } = parseArgs({ args: ['--no-plugins'], options: parseArgsOptions(), strict: true, allowNegative: true });
    for (const options of [values, { plugins: false }, { 'no-plugins': true }]) expect(settingsFromOptions(options, cwd)).toEqual({ plugins: [] });
    const none = completeSettings({ api: ['/a.yaml'], ...settingsFromOptions({ plugins: false }, cwd) }, cwd);
    expect(generateOptionsFor(none, cwd)).toMatchObject({ pluginNames: [] });
    expect(toStoredAnswers(none, [])).toMatchObject({ plugins: [] });
    expect(forgottenAnswers(none, [])).toEqual([]);

    const forget = settingsFromOptions(parseArgs({ args: ['--plugins', ''], options: parseArgsOptions(), strict: true, allowNegative: true }).values, cwd);
    expect(forget).toEqual({ forgetPlugins: true });
    const merged = completeSettings(mergeSettings({ api: ['/a.yaml'], plugins: ['infra-stack-plugin-cache'] }, forget), cwd);
    expect(merged.plugins).toBeUndefined();
    expect(toStoredAnswers(merged, [])).not.toHaveProperty('plugins');
    expect(forgottenAnswers(merged, [])).toEqual(['plugins']);
    expect(toStoredAnswers(merged, ['infra-stack-plugin-audit'])).toMatchObject({ plugins: ['infra-stack-plugin-audit'] });
    expect(forgottenAnswers(merged, ['infra-stack-plugin-audit'])).toEqual([]);
    expect(usage('infra-stack')).toContain('--plugins <names>, --no-plugins');
  });

  it('fills defaults, and a missing --api is an error naming the option', () => {
    const cwd = resolve('/work/project');
    expect(completeSettings({ api: ['/a.yaml'] }, cwd)).toEqual({
      api: ['/a.yaml'],
      out: cwd,
      db: 'auto',
      ddl: ['auto'],
      force: false,
      rebuildManifest: false,
      acceptDataLoss: false,
      dryRun: false,
      check: false,
      diff: false,
      docs: true,
      verify: false,
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
    expect(parse.ddl).toEqual({ type: 'string', multiple: true });
    expect(parse['dry-run']).toEqual({ type: 'boolean' });
    expect(parse.docs).toEqual({ type: 'boolean' });
    expect(parse.help).toEqual({ type: 'boolean', short: 'h' });
    const text = usage('infra-stack');
    for (const option of OPTIONS) expect(text).toContain(`--${option.name}`);
    expect(text).toContain('infra-stack model --api <file> [--api <file>...] [--json]');
    expect(text).toContain('--docs, --no-docs');
    expect(text).toMatch(/^ {2}--verify, --no-verify {2,}After generating, check the backend/m);
  });

  it('reads --verify and --no-verify from the bin and yo alike; off unless asked or remembered', () => {
    const cwd = resolve('/work/project');
    const parsed = (...args: string[]) => parseArgs({ args, options: parseArgsOptions(), strict: true, allowNegative: true }).values;
    expect(settingsFromOptions(parsed('--verify'), cwd).verify).toBe(true);
    expect(settingsFromOptions(parsed('--verify', '--no-verify'), cwd).verify).toBe(false);
    expect(settingsFromOptions(parsed(), cwd)).not.toHaveProperty('verify');
    expect(settingsFromOptions({ verify: false }, cwd).verify).toBe(false);
    expect(completeSettings({ api: ['/a.yaml'] }, cwd).verify).toBe(false);
    expect(completeSettings({ ...settingsFromStored({ verify: true }, cwd), api: ['/a.yaml'] }, cwd).verify).toBe(true);
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
