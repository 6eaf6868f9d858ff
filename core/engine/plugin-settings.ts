import { InfraStackError } from '../errors.js';
import { pluginPackageName } from '../plugins/names.js';

/** The types a plugin's setting may have. */
export type PluginOptionType = 'string' | 'number' | 'boolean';

type ValueOf<T extends PluginOptionType> = T extends 'string' ? string : T extends 'number' ? number : boolean;

/** One setting a plugin declares in its descriptor (`InfraStackPlugin.options`). */
export interface PluginOption<T extends PluginOptionType = PluginOptionType> {
  /** Written after the plugin's name: `--set audit.userField=created_by`. */
  name: string;
  type: T;
  default?: ValueOf<T>;
  description: string;
}

/** A setting's value once resolved. */
export type PluginSettingValue = string | number | boolean;

/** Settings as given (`--set`, `.yo-rc.json`), by plugin name (short, scoped or full) then option. */
export type PluginSettingsInput = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export interface ResolvedPluginSettings {
  /** Per applied plugin that declares settings: every declared setting, its default when not given, typed. */
  values: Map<string, Readonly<Record<string, PluginSettingValue>>>;
  /** What was given, by full plugin name, typed (defaults left out): what `.yo-rc.json` records. */
  given: Record<string, Record<string, PluginSettingValue>>;
  /** Settings given for plugins that are not applied (kept, not used). */
  warnings: string[];
}

/** The plugin a settings key names: its name as written, or the package name of a short one (`audit`). */
function pluginNamed(key: string, plugins: ReadonlyMap<string, readonly PluginOption[]>): string | undefined {
  if (plugins.has(key)) return key;
  const full = pluginPackageName(key);
  return plugins.has(full) ? full : undefined;
}

/**
 * Checks the settings given against what each applied plugin declares and types them: a setting a
 * plugin does not declare, or a value of the wrong type, is an error naming the plugin; settings of
 * a plugin that is not applied are a warning (and kept as they were).
 */
export function resolvePluginSettings(declared: ReadonlyMap<string, readonly PluginOption[]>, input: PluginSettingsInput = {}): ResolvedPluginSettings {
  const given: Record<string, Record<string, PluginSettingValue>> = {};
  const warnings: string[] = [];
  for (const [key, settings] of Object.entries(input)) {
    const plugin = pluginNamed(key, declared);
    if (plugin === undefined) {
      warnings.push(`settings of plugin "${key}" (--set or .yo-rc.json) are not used: no plugin of that name is applied`);
      given[key] = { ...(settings as Record<string, PluginSettingValue>) };
      continue;
    }
    const options = declared.get(plugin)!;
    for (const [name, raw] of Object.entries(settings)) {
      const option = options.find((o) => o.name === name);
      if (!option) {
        const known = options.length > 0 ? `its settings are ${options.map((o) => `${o.name} (${o.type})`).join(', ')}` : 'it declares none';
        throw new InfraStackError(`plugin "${plugin}" has no setting "${name}" (--set ${key}.${name} or .yo-rc.json): ${known}`);
      }
      given[plugin] = { ...given[plugin], [name]: typed(raw, option, plugin, key) };
    }
  }
  const values = new Map<string, Readonly<Record<string, PluginSettingValue>>>();
  for (const [plugin, options] of declared) {
    const resolved: Record<string, PluginSettingValue> = {};
    for (const option of options) {
      const value = given[plugin]?.[option.name] ?? option.default;
      if (value !== undefined) resolved[option.name] = value;
    }
    values.set(plugin, Object.freeze(resolved));
  }
  return { values, given, warnings };
}

/** `raw` as the option's type: a value of that type, or its text (`--set` gives text); `key` is the settings key it was given under, none for a declared default. */
function typed(raw: unknown, option: PluginOption, plugin: string, key?: string): PluginSettingValue {
  const where = key === undefined ? 'as the default the plugin declares' : `given as --set ${key}.${option.name}=…, or under "pluginSettings" in .yo-rc.json`;
  const wrong = () => new InfraStackError(`plugin "${plugin}": setting ${option.name} must be a ${option.type}, got ${JSON.stringify(raw)} (${where})`);
  switch (option.type) {
    case 'string':
      if (typeof raw !== 'string') throw wrong();
      return raw;
    case 'number': {
      const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
      if (!Number.isFinite(value)) throw wrong();
      return value;
    }
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw wrong();
  }
}

/** Checks a plugin's declarations when it is applied: names unique, types known, defaults of their type. */
export function checkDeclaredOptions(plugin: string, options: unknown): PluginOption[] {
  if (options === undefined) return [];
  if (!Array.isArray(options)) throw new InfraStackError(`plugin "${plugin}" declares its options as ${JSON.stringify(options)}: expected a list of { name, type, default?, description }`);
  const seen = new Set<string>();
  return options.map((option: Partial<PluginOption>) => {
    if (typeof option?.name !== 'string' || !/^[A-Za-z][\w-]*$/.test(option.name)) throw new InfraStackError(`plugin "${plugin}" declares an option without a valid name: ${JSON.stringify(option)}`);
    if (seen.has(option.name)) throw new InfraStackError(`plugin "${plugin}" declares option ${option.name} twice`);
    seen.add(option.name);
    if (!['string', 'number', 'boolean'].includes(option.type as string)) throw new InfraStackError(`plugin "${plugin}": option ${option.name} has type ${JSON.stringify(option.type)}; expected string, number or boolean`);
    const checked = { name: option.name, type: option.type!, description: String(option.description ?? '') } as PluginOption;
    if (option.default !== undefined) checked.default = typed(option.default, checked, plugin);
    return checked;
  });
}
