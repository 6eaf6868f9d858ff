/**
 * The one table of `yo infra-stack` / `infra-stack` options. It feeds the Yeoman option
 * declarations, the prompts asked for missing values, the bin's argv parser and its usage text.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { isDeepStrictEqual, type ParseArgsConfig } from 'node:util';
import type { CliOptionSpec, PromptQuestion } from 'yeoman-generator';
import { InfraStackError, unreadableReason } from '../../core/errors.js';
import { DATABASE_ALIASES, DATABASE_AUTO, DATABASE_KINDS, DDL_AUTO, DDL_DIALECTS, DEFAULT_STACK, type DatabaseKind, type GenerateOptions } from '../../core/options.js';
import { ddlChoicesText, DDL_NONE, parseDdlChoices, type DdlChoice } from '../../plugins/ddl/choices.js';

/** A database, or `auto`: the documents' choice, else SQLite. */
export type DatabaseSetting = DatabaseKind | typeof DATABASE_AUTO;

const DATABASE_SETTINGS: readonly DatabaseSetting[] = [DATABASE_AUTO, ...DATABASE_KINDS];

/** Everything one run needs, after options, `.yo-rc.json` and prompts are merged. */
export interface RunSettings {
  /** Absolute paths of the API documents. */
  api: string[];
  /** Absolute output folder (also where `.yo-rc.json` lives). */
  out: string;
  db: DatabaseSetting;
  /** SQL schemas to write (`auto`: the backend's database); empty: none. */
  ddl: DdlChoice[];
  force: boolean;
  /** Rebuild the manifest from the files on disk (confirmed first when a terminal is attached). */
  rebuildManifest: boolean;
  acceptDataLoss: boolean;
  dryRun: boolean;
  /** Write nothing; fail when the generated code is out of date with the documents. */
  check: boolean;
  /** Print unified diffs of the changes. */
  diff: boolean;
  /** Write the documents of `<out>/output` (`--no-docs`: not). */
  docs: boolean;
  /** URL under which the output folder is published (raw URLs written back into class definitions). */
  rawUrlBase?: string;
  /** `--no-write-back`: leave class definitions files as they are (no code_path/test_path written). */
  writeBack?: boolean;
  /** Run the stack's validation gate on the generated backend after a (non-dry) run. */
  verify: boolean;
  /** The stack that generates the code; absent: the default one. */
  stack?: string;
  /** Installed plugins to use, in order (empty: none, `--no-plugins`); absent: every plugin found. */
  plugins?: string[];
  /** `--plugins ''`: the list recorded in `.yo-rc.json` is forgotten (every plugin found is used, and recorded). */
  forgetPlugins?: boolean;
  /** Use plugins whose declared engine range excludes this version. */
  skipChecks?: boolean;
  /** Plugin settings (`--set <plugin>.<name>=<value>`, `.yo-rc.json`), by plugin name then setting. */
  pluginSettings?: PluginSettings;
}

/** Plugin settings by plugin name then setting: text from `--set`, typed from `.yo-rc.json`. */
export type PluginSettings = Record<string, Record<string, unknown>>;

/** What `.yo-rc.json` records under the generator's key; api paths are relative to the out folder. */
export interface StoredAnswers {
  api?: string[];
  db?: string;
  docs?: boolean;
  verify?: boolean;
  /** As `--ddl` takes it: `auto`, `none`, `postgresql,sqlite`. */
  ddl?: string;
  /** Recorded when not the default stack. */
  stack?: string;
  /** The installed plugins the last run used, in order; recorded when there were some, or when the run chose none (`--no-plugins`: `[]`). */
  plugins?: string[];
  /** The plugin settings given, typed, by full plugin name. */
  pluginSettings?: PluginSettings;
}

type SettingKey = keyof RunSettings;

export interface OptionEntry {
  /** Name on the command line, without `--`. */
  readonly name: string;
  readonly key: SettingKey;
  /** `paths`: a repeatable string option, also accepted comma-separated; `choices`: the same, of `choices`; `settings`: repeatable `<plugin>.<name>=<value>`. */
  readonly kind: 'paths' | 'string' | 'choice' | 'choices' | 'boolean' | 'settings';
  readonly description: string;
  /** Placeholder in the usage text: `--api <file>`. */
  readonly valueName?: string;
  readonly choices?: readonly string[];
  /** Used when the value is missing and nothing is asked (`'true'`/`'false'` for booleans). */
  readonly defaultValue?: string;
  /** A boolean that is on by default or remembered: the command line turns it off with `--no-<name>`. */
  readonly negatable?: boolean;
  /** No default: missing without a terminal is an error. */
  readonly required?: boolean;
  /** Question asked when the value is missing and a terminal is attached. */
  readonly prompt?: string;
}

export const OPTIONS: readonly OptionEntry[] = [
  {
    name: 'api',
    key: 'api',
    kind: 'paths',
    valueName: 'file',
    description: 'API document to read (OpenAPI, or a JSON array of class definitions); repeat the option for several documents',
    required: true,
    prompt: 'API document path(s), comma-separated',
  },
  {
    name: 'out',
    key: 'out',
    kind: 'string',
    valueName: 'dir',
    description: 'Folder that receives backend/, output/ and .yo-rc.json (default: the current folder)',
    defaultValue: '.',
    prompt: 'Output folder',
  },
  {
    name: 'db',
    key: 'db',
    kind: 'choice',
    valueName: 'kind',
    choices: DATABASE_SETTINGS,
    description: `Database of the generated backend: ${DATABASE_KINDS.join(', ')} (mariadb is mysql), or ${DATABASE_AUTO} (default): the one the documents' tech-stack table names, else sqlite`,
    defaultValue: DATABASE_AUTO,
    prompt: 'Database',
  },
  {
    name: 'ddl',
    key: 'ddl',
    kind: 'choices',
    valueName: 'dialects',
    choices: [DDL_AUTO, ...DDL_DIALECTS],
    description:
      `SQL schema and seed script to write per dialect (backend/db/schema.<dialect>.sql): a comma-separated list of ${DDL_DIALECTS.join(', ')}, ` +
      `or ${DDL_AUTO} (default): the backend's database; ${DDL_NONE} writes none`,
    defaultValue: DDL_AUTO,
    prompt: `SQL schemas to write (${DDL_AUTO}: the backend's database; none checked: no schema)`,
  },
  {
    name: 'force',
    key: 'force',
    kind: 'boolean',
    description: 'Overwrite generated files you edited since they were generated (their text is kept in a backup folder the summary names)',
  },
  {
    name: 'rebuild-manifest',
    key: 'rebuildManifest',
    kind: 'boolean',
    description:
      'The manifest (.infra-stack/manifest.json) is damaged or lost: take the files on disk as the last generation and rebuild it; ' +
      'files you edited are replaced by the new generation (their text backed up). Asks first at a terminal',
  },
  {
    name: 'accept-data-loss',
    key: 'acceptDataLoss',
    kind: 'boolean',
    description:
      'Write a migration that may destroy data (drops a table or a column, narrows a type, removes an enum value, makes a column required); ' +
      'without it such a run stops before writing anything and lists what would be lost',
  },
  {
    name: 'dry-run',
    key: 'dryRun',
    kind: 'boolean',
    description: 'Report what would be created, updated, merged, conflicted or deleted; write nothing',
  },
  {
    name: 'check',
    key: 'check',
    kind: 'boolean',
    description: 'Write nothing; exit non-zero and list the files when the generated code is out of date with the documents (for CI)',
  },
  {
    name: 'diff',
    key: 'diff',
    kind: 'boolean',
    description: 'Print a unified diff of every change (with --dry-run or --check: of what would change)',
  },
  {
    name: 'docs',
    key: 'docs',
    kind: 'boolean',
    description: 'Write the docs into <out>/output: data model, API mapping, infrastructure plan, project structure (default; --no-docs: none)',
    defaultValue: 'true',
    negatable: true,
    prompt: 'Write the docs (output/)?',
  },
  {
    name: 'raw-url-base',
    key: 'rawUrlBase',
    kind: 'string',
    valueName: 'url',
    description: 'URL where the output folder is published: class definitions get code_raw_url/test_raw_url under it',
  },
  {
    name: 'write-back',
    key: 'writeBack',
    kind: 'boolean',
    description: 'Write code_path/test_path (and raw URLs) of the generated files into class definitions files (default; --no-write-back: leave them read-only)',
    defaultValue: 'true',
    negatable: true,
  },
  {
    name: 'verify',
    key: 'verify',
    kind: 'boolean',
    description: 'After generating, check the backend (.venv, install, ruff, mypy, migrations, tests; log in <out>/logs/workflow.log); remembered in .yo-rc.json',
    defaultValue: 'false',
    negatable: true,
    prompt: 'Verify the generated backend (venv, install, ruff, mypy, tests)?',
  },
  {
    name: 'stack',
    key: 'stack',
    kind: 'string',
    valueName: 'name',
    description: 'The stack that generates the code: fastapi-sqlalchemy (default) or one an installed plugin adds',
  },
  {
    name: 'plugins',
    key: 'plugins',
    kind: 'paths',
    valueName: 'names',
    description:
      "Installed plugins to use, in this order (infra-stack-plugin-<name> packages, written <name>); default: the ones recorded in .yo-rc.json, else every one found; " +
      "--plugins '' forgets the recorded list (every one found), --no-plugins uses none (and records that)",
    negatable: true,
  },
  {
    name: 'skip-checks',
    key: 'skipChecks',
    kind: 'boolean',
    description: 'Use installed plugins even when the generator-infra-stack versions they declare exclude this one',
  },
  {
    name: 'set',
    key: 'pluginSettings',
    kind: 'settings',
    valueName: 'plugin.name=value',
    description: 'A setting of a plugin (audit.userField=created_by; the plugin written <name> or in full), as the plugin declares it; repeat for several; remembered in .yo-rc.json',
  },
];

function entry(key: SettingKey): OptionEntry {
  const found = OPTIONS.find((option) => option.key === key);
  if (!found) throw new Error(`no option for setting ${key}`);
  return found;
}

/** `['a.yaml', 'b.yaml,c.yaml']` or `'a.yaml'` → `['a.yaml', 'b.yaml', 'c.yaml']`. */
export function toPathList(value: unknown): string[] {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values
    .filter((item) => item !== undefined && item !== null && item !== true && item !== false)
    .flatMap((item) => String(item).split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Yeoman option declarations (`this.option(yeomanOptions())`); defaults are applied later, so a missing value stays missing. */
export function yeomanOptions(): CliOptionSpec[] {
  return OPTIONS.map((option) => ({
    name: option.name,
    type:
      option.kind === 'boolean'
        ? Boolean
        : option.key === 'plugins'
          ? pluginsOption
          : option.kind === 'settings'
            ? settingTexts
            : option.kind === 'paths' || option.kind === 'choices'
              ? toPathList
              : String,
    description: option.description,
  }));
}

/** The texts of a repeatable option, as given (a value may hold commas). */
function settingTexts(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
}

/** `['audit.userField=created_by', '@acme/x.ttl=5']` → `{ audit: { userField: 'created_by' }, '@acme/x': { ttl: '5' } }`; later ones win. */
export function parsePluginSettings(texts: readonly string[]): PluginSettings {
  const settings: PluginSettings = {};
  for (const text of texts) {
    const match = /^(.+)\.([A-Za-z][\w-]*)=(.*)$/s.exec(text);
    if (!match) throw new InfraStackError(`--set takes <plugin>.<setting>=<value> (audit.userField=created_by), got ${JSON.stringify(text)}`);
    const [, plugin, name, value] = match as unknown as [string, string, string, string];
    settings[plugin] = { ...settings[plugin], [name]: value };
  }
  return settings;
}

/** `--no-plugins` (false, or a list holding false as node's parseArgs gives it) stays false; anything else is a list of names. */
function pluginsOption(value: unknown): string[] | false {
  return value === false || (Array.isArray(value) && value.includes(false)) ? false : toPathList(value);
}

/** Prompts for the given settings, in table order, skipping those that have no question. */
/** Each path given at the API prompt must name a readable file: checked as it is typed, not after every question. */
function documentsProblem(input: unknown, cwd: string): string | undefined {
  for (const path of toPathList(input)) {
    const absolute = resolve(cwd, path);
    try {
      if (statSync(absolute).isDirectory()) return `${path}: this is a folder; enter the path of a document inside it`;
      accessSync(absolute, constants.R_OK);
    } catch (error) {
      return `${path}: ${unreadableReason(error)}`;
    }
  }
  return undefined;
}

export function questionsFor(keys: readonly SettingKey[], cwd = process.cwd()): PromptQuestion[] {
  return OPTIONS.filter((option) => option.prompt && keys.includes(option.key)).map((option): PromptQuestion => {
    const message = option.prompt ?? option.description;
    if (option.kind === 'choices') {
      return {
        type: 'checkbox',
        name: option.key,
        message,
        choices: (option.choices ?? []).map((choice) => ({ name: choice, value: choice, checked: choice === option.defaultValue })),
      };
    }
    if (option.kind === 'boolean') return { type: 'confirm', name: option.key, message, default: option.defaultValue === 'true' };
    if (option.kind === 'choice') {
      return {
        type: 'select',
        name: option.key,
        message,
        choices: (option.choices ?? []).map((choice) => ({ name: choice, value: choice })),
        default: option.defaultValue,
      };
    }
    return {
      type: 'input',
      name: option.key,
      message,
      default: option.defaultValue,
      validate: (input: unknown) => {
        if (toPathList(input).length === 0) return `Enter a value for --${option.name}`;
        return (option.key === 'api' ? documentsProblem(input, cwd) : undefined) ?? true;
      },
      ...(option.kind === 'paths' ? { filter: (input: string) => toPathList(input) } : {}),
    };
  });
}

/** At a terminal, `--rebuild-manifest` is confirmed before anything is read or written. */
export const REBUILD_CONFIRMATION: PromptQuestion = {
  type: 'confirm',
  name: 'rebuildConfirmed',
  message:
    'Rebuild .infra-stack/manifest.json from the files on disk? Every file the tool generates that is on disk counts as generated: ' +
    'your edits to them are replaced by the new generation (their text is backed up in .infra-stack/backup/)',
  default: false,
};

/** `--rebuild-manifest` answered no: the run stops before reading or writing anything. */
export function rebuildDeclined(): InfraStackError {
  return new InfraStackError('the manifest was not rebuilt (not confirmed); nothing was written');
}

/** The settings present in parsed Yeoman options (absent values stay absent). */
export function settingsFromOptions(options: Record<string, unknown>, cwd: string): Partial<RunSettings> {
  const settings: Partial<RunSettings> = {};
  const api = toPathList(options.api);
  if (api.length > 0) settings.api = api.map((path) => resolve(cwd, path));
  if (typeof options.out === 'string' && options.out.trim() !== '') settings.out = resolve(cwd, options.out);
  if (options.db !== undefined) settings.db = parseDatabase(options.db, '--db');
  if (options.ddl !== undefined) settings.ddl = parseDdlChoices(options.ddl, '--ddl');
  if (options.force !== undefined) settings.force = options.force === true;
  const rebuildManifest = options['rebuild-manifest'] ?? options.rebuildManifest;
  if (rebuildManifest !== undefined) settings.rebuildManifest = rebuildManifest === true;
  const acceptDataLoss = options['accept-data-loss'] ?? options.acceptDataLoss;
  if (acceptDataLoss !== undefined) settings.acceptDataLoss = acceptDataLoss === true;
  const dryRun = options['dry-run'] ?? options.dryRun;
  if (dryRun !== undefined) settings.dryRun = dryRun === true;
  if (options.check !== undefined) settings.check = options.check === true;
  if (options.diff !== undefined) settings.diff = options.diff === true;
  if (options.docs !== undefined) settings.docs = options.docs !== false;
  const rawUrlBase = options['raw-url-base'] ?? options.rawUrlBase;
  if (typeof rawUrlBase === 'string' && rawUrlBase.trim() !== '') settings.rawUrlBase = rawUrlBase.trim();
  const writeBack = options['write-back'] ?? options.writeBack;
  if (writeBack !== undefined) settings.writeBack = writeBack !== false;
  if (options.verify !== undefined) settings.verify = options.verify === true;
  if (typeof options.stack === 'string' && options.stack.trim() !== '') settings.stack = options.stack.trim();
  if (options['no-plugins'] === true) settings.plugins = [];
  else if (options.plugins !== undefined) {
    const plugins = pluginsOption(options.plugins);
    if (plugins === false) settings.plugins = [];
    else if (plugins.length > 0) settings.plugins = plugins;
    else settings.forgetPlugins = true;
  }
  const skipChecks = options['skip-checks'] ?? options.skipChecks;
  if (skipChecks !== undefined) settings.skipChecks = skipChecks === true;
  const texts = settingTexts(options.set);
  if (texts.length > 0) settings.pluginSettings = parsePluginSettings(texts);
  return settings;
}

/** The settings recorded in `.yo-rc.json` at `outDir`. */
export function settingsFromStored(stored: StoredAnswers, outDir: string): Partial<RunSettings> {
  const settings: Partial<RunSettings> = {};
  const api = toPathList(stored.api);
  if (api.length > 0) settings.api = api.map((path) => resolve(outDir, path));
  if (stored.db !== undefined) settings.db = parseDatabase(stored.db, `${resolve(outDir, '.yo-rc.json')}: db`);
  if (stored.docs !== undefined) settings.docs = parseBoolean(stored.docs, `${resolve(outDir, '.yo-rc.json')}: docs`);
  if (stored.verify !== undefined) settings.verify = parseBoolean(stored.verify, `${resolve(outDir, '.yo-rc.json')}: verify`);
  if (stored.ddl !== undefined) settings.ddl = parseDdlChoices(stored.ddl, `${resolve(outDir, '.yo-rc.json')}: ddl`);
  if (stored.stack !== undefined) settings.stack = String(stored.stack);
  if (stored.plugins !== undefined) {
    if (!Array.isArray(stored.plugins)) throw new InfraStackError(`${resolve(outDir, '.yo-rc.json')}: plugins must be a list of plugin names, got ${JSON.stringify(stored.plugins)}`);
    settings.plugins = toPathList(stored.plugins);
  }
  if (stored.pluginSettings !== undefined) {
    const recorded: unknown = stored.pluginSettings;
    const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
    if (!isRecord(recorded) || !Object.values(recorded).every(isRecord)) {
      throw new InfraStackError(`${resolve(outDir, '.yo-rc.json')}: pluginSettings must map plugin names to their settings, got ${JSON.stringify(recorded)}`);
    }
    settings.pluginSettings = recorded as PluginSettings;
  }
  return settings;
}

/** What a run that always records these answers stores. */
export type RecordedAnswers = StoredAnswers & Required<Pick<StoredAnswers, 'api' | 'db' | 'docs' | 'verify' | 'ddl'>>;

/** True when merging the answers into the recorded ones (as Yeoman's Storage#set does) and removing the forgotten ones changes nothing. */
export function answersAlreadyRecorded(recorded: object, answers: RecordedAnswers, forgotten: readonly string[] = []): boolean {
  return isDeepStrictEqual({ ...recorded, ...answers }, recorded) && forgotten.every((key) => !(key in recorded));
}

/**
 * The answers a successful run removes from `.yo-rc.json`: the list of plugins when it used none
 * without choosing none (`--plugins ''` with no plugin installed), so that the next run looks again.
 */
export function forgottenAnswers(settings: RunSettings, pluginsUsed: readonly string[] = []): (keyof StoredAnswers)[] {
  return settings.plugins === undefined && pluginsUsed.length === 0 ? ['plugins'] : [];
}

/** Settings from options override the recorded ones; `--plugins ''` drops the recorded list. */
export function mergeSettings(stored: Partial<RunSettings>, given: Partial<RunSettings>): Partial<RunSettings> {
  const merged = { ...stored, ...given };
  if (given.forgetPlugins === true) delete merged.plugins;
  // Settings given override the recorded ones one by one.
  if (stored.pluginSettings !== undefined && given.pluginSettings !== undefined) {
    const pluginSettings: PluginSettings = { ...stored.pluginSettings };
    for (const [plugin, values] of Object.entries(given.pluginSettings)) pluginSettings[plugin] = { ...pluginSettings[plugin], ...values };
    merged.pluginSettings = pluginSettings;
  }
  return merged;
}

/** What a successful run records in `.yo-rc.json`; `pluginsUsed`: the installed plugins it applied; `pluginSettings`: the settings it checked (by full plugin name). */
export function toStoredAnswers(settings: RunSettings, pluginsUsed: readonly string[] = [], pluginSettings: PluginSettings = {}): RecordedAnswers {
  return {
    api: settings.api.map((path) => {
      const fromOut = relative(settings.out, path);
      return isAbsolute(fromOut) ? path : fromOut.split(sep).join('/');
    }),
    db: settings.db,
    docs: settings.docs,
    verify: settings.verify,
    ddl: ddlChoicesText(settings.ddl),
    ...(settings.stack !== undefined && settings.stack !== DEFAULT_STACK ? { stack: settings.stack } : {}),
    // A run that chose its plugins records them, none included; one that took every plugin found, the ones it found.
    ...(pluginsUsed.length > 0 || settings.plugins !== undefined ? { plugins: [...pluginsUsed] } : {}),
    ...(Object.keys(pluginSettings).length > 0 ? { pluginSettings } : {}),
  };
}

/** Settings still missing that have a question. */
export function missingQuestionKeys(settings: Partial<RunSettings>): SettingKey[] {
  return OPTIONS.filter((option) => option.prompt && settings[option.key] === undefined).map((option) => option.key);
}

/** Fills defaults; a missing required value is an error that names its option. */
export function completeSettings(settings: Partial<RunSettings>, cwd: string): RunSettings {
  const api = settings.api ?? [];
  if (api.length === 0) {
    const option = entry('api');
    throw new InfraStackError(
      `missing required option --${option.name} <${option.valueName}>: the OpenAPI document(s) to read ` +
        `(no terminal to ask for it, and no .yo-rc.json with answers in the output folder)`,
    );
  }
  return {
    api,
    out: settings.out ?? resolve(cwd, entry('out').defaultValue ?? '.'),
    db: settings.db ?? parseDatabase(entry('db').defaultValue, '--db'),
    ddl: settings.ddl ?? parseDdlChoices(entry('ddl').defaultValue, '--ddl'),
    force: settings.force ?? false,
    rebuildManifest: settings.rebuildManifest ?? false,
    acceptDataLoss: settings.acceptDataLoss ?? false,
    dryRun: settings.dryRun ?? false,
    check: settings.check ?? false,
    diff: settings.diff ?? false,
    docs: settings.docs ?? entry('docs').defaultValue === 'true',
    ...(settings.rawUrlBase !== undefined ? { rawUrlBase: settings.rawUrlBase } : {}),
    ...(settings.writeBack !== undefined ? { writeBack: settings.writeBack } : {}),
    verify: settings.verify ?? entry('verify').defaultValue === 'true',
    ...(settings.stack !== undefined ? { stack: settings.stack } : {}),
    ...(settings.plugins !== undefined ? { plugins: settings.plugins } : {}),
    ...(settings.skipChecks !== undefined ? { skipChecks: settings.skipChecks } : {}),
    ...(settings.pluginSettings !== undefined ? { pluginSettings: settings.pluginSettings } : {}),
  };
}

export function parseDatabase(value: unknown, where: string): DatabaseSetting {
  const kind = DATABASE_SETTINGS.find((known) => known === value) ?? (typeof value === 'string' ? DATABASE_ALIASES[value] : undefined);
  if (!kind) {
    throw new InfraStackError(`${where} must be one of ${[...DATABASE_SETTINGS, ...Object.keys(DATABASE_ALIASES)].join(', ')}, got ${JSON.stringify(value)}`);
  }
  return kind;
}

function parseBoolean(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') throw new InfraStackError(`${where} must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

/** What the engine is asked to do for these settings; `--db auto` passes no database, so the documents may choose. */
export function generateOptionsFor(settings: RunSettings, cwd: string): GenerateOptions {
  return {
    apiFiles: settings.api,
    outDir: settings.out,
    ...(settings.db !== DATABASE_AUTO ? { db: settings.db } : {}),
    ddl: settings.ddl,
    force: settings.force,
    ...(settings.rebuildManifest ? { rebuildManifest: true } : {}),
    ...(settings.acceptDataLoss ? { acceptDataLoss: true } : {}),
    dryRun: settings.dryRun,
    check: settings.check,
    diff: settings.diff,
    docs: settings.docs,
    ...(settings.rawUrlBase !== undefined ? { rawUrlBase: settings.rawUrlBase } : {}),
    ...(settings.writeBack !== undefined ? { writeBack: settings.writeBack } : {}),
    ...(settings.stack !== undefined ? { stack: settings.stack } : {}),
    ...(settings.plugins !== undefined ? { pluginNames: settings.plugins } : {}),
    ...(settings.skipChecks !== undefined ? { skipChecks: settings.skipChecks } : {}),
    ...(settings.pluginSettings !== undefined ? { pluginSettings: settings.pluginSettings } : {}),
    cwd,
  };
}

/** `node:util` parseArgs options for the bin (plus --help and --version). */
export function parseArgsOptions(): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
  };
  for (const option of OPTIONS) {
    options[option.name] =
      option.kind === 'boolean' ? { type: 'boolean' } : { type: 'string', multiple: option.kind === 'paths' || option.kind === 'choices' || option.kind === 'settings' };
    // `--no-<name>` of an option that takes a value (`--no-plugins`).
    if (option.negatable && option.kind !== 'boolean') options[`no-${option.name}`] = { type: 'boolean' };
  }
  return options;
}

export function usage(binary: string): string {
  const rows = [
    ...OPTIONS.map((option) => [
      `--${option.name}${option.valueName ? ` <${option.valueName}>` : ''}${option.negatable ? `, --no-${option.name}` : ''}`,
      option.description,
    ]),
    ['--debug', "When a plugin fails, print its stack trace with file and line (also DEBUG=infra-stack)"],
    ['-h, --help', 'Print this help'],
    ['--version', 'Print the version'],
  ];
  const width = Math.max(...rows.map(([flag]) => flag?.length ?? 0));
  return [
    `Usage: ${binary} --api <file> [--api <file>...] [--out <dir>] [--db auto|sqlite|postgresql|mysql|mariadb] [--ddl auto|none|postgresql,mysql,sqlite] [--force] [--rebuild-manifest] [--dry-run] [--check] [--diff] [--no-docs] [--raw-url-base <url>] [--no-write-back] [--verify] [--stack <name>] [--plugins <names>|--no-plugins] [--skip-checks] [--set <plugin>.<name>=<value>...] [--debug]`,
    '',
    'Generates a FastAPI + SQLAlchemy backend (<out>/backend) and its docs (<out>/output) from OpenAPI documents.',
    'Answers are recorded in <out>/.yo-rc.json, so a later run in <out> needs no options.',
    '',
    'Options:',
    ...rows.map(([flag = '', text = '']) => `  ${flag.padEnd(width)}  ${text}`),
    '',
    'Commands:',
    `  ${binary} model --api <file> [--api <file>...] [--json] [--stack <name>] [--plugins <names>|--no-plugins] [--set <plugin>.<name>=<value>...]`,
    '      Prints the domain model derived from the documents (entities, fields, keys, relations, indexes)',
    `      and why each key, constraint and relation was inferred; writes nothing. See '${binary} model --help'.`,
  ].join('\n');
}

interface MaybeTerminal {
  isTTY?: boolean;
}

/**
 * Prompts need a person at a terminal: process stdin and the Yeoman adapter's stdin both
 * interactive. Otherwise (CI, pipes, `</dev/null`, test adapters) nothing is asked.
 */
export function canPrompt(adapter: unknown, stdin: MaybeTerminal = process.stdin): boolean {
  const actual = (adapter as { actualAdapter?: unknown } | undefined)?.actualAdapter ?? adapter;
  const adapterStdin = (actual as { stdin?: MaybeTerminal } | undefined)?.stdin;
  return stdin.isTTY === true && adapterStdin?.isTTY === true;
}
