import { InfraStackError } from '../errors.js';
import { guardTap, type WrappableTap } from './guard.js';
import type { EngineHooks } from './hooks.js';
import { nameOnlyStack, type StackDescriptor } from '../stack/descriptor.js';
import type { PluginOption, PluginSettingValue } from './plugin-settings.js';
import type { TemplateRegistry } from './templates.js';

/** A hook without its call methods: what plugins other than its owner receive. */
export type Tappable<H> = Omit<H, 'call' | 'callAsync' | 'promise'>;

/** Tap-only views of a record of hooks. */
export type TapOnly<H> = { [K in keyof H]: Tappable<H[K]> };

/** What a tapable hook offers for handing it out tap-only (`withOptions`) and guarding its taps (`intercept`). */
export interface ExposableHook {
  withOptions(options: object): object;
  intercept(interceptor: { register?: (tap: WrappableTap) => WrappableTap }): void;
}

/** What a plugin receives: hooks it can tap but not call, and the template search path. */
export interface PluginApi {
  hooks: {
    [K in Exclude<keyof EngineHooks, 'parse'>]: Tappable<EngineHooks[K]>;
  } & {
    parse: { for(format: string): Tappable<ReturnType<EngineHooks['parse']['for']>> };
  };
  /** Later folders win: a template of the same name overrides another plugin's. */
  templates: { addSearchPath(directory: string): void };
  /**
   * Declares a stack this plugin generates when the run's `config.stack` names it (`--stack`):
   * its descriptor, which the engine and the other plugins read (a name alone declares a stack
   * that tells them nothing).
   */
  stacks: { add(stack: StackDescriptor | string): void };
  /** Hooks of this plugin that plugins applied after it may tap (through `hooksOf`); the plugin keeps calling them. */
  exposeHooks(hooks: Record<string, ExposableHook>): void;
  /** The hooks an earlier plugin exposed, tap-only. */
  hooksOf<H extends object>(pluginName: string): TapOnly<H>;
  /**
   * This plugin's settings (`options` of its descriptor): each declared one, as given (`--set`,
   * `.yo-rc.json`) or its default, of its declared type. Known once a run starts: call it in a tap.
   */
  settings<S extends Record<string, PluginSettingValue> = Record<string, PluginSettingValue>>(): Readonly<S>;
}

export interface InfraStackPlugin {
  name: string;
  /** The settings the user may give this plugin: `--set <plugin>.<name>=<value>`, recorded in `.yo-rc.json`. */
  options?: readonly PluginOption[];
  apply(api: PluginApi): void;
}

/** What the engine shares with every plugin's api. */
export interface PluginHost {
  hooks: EngineHooks;
  templates: TemplateRegistry;
  stacks: Map<string, StackDescriptor>;
  exposedHooks: Map<string, Record<string, ExposableHook>>;
  /** The plugin being applied: taps registered meanwhile are blamed on it. */
  applying: string | undefined;
  /** Each plugin's settings, once the run has resolved them. */
  settings: ReadonlyMap<string, Readonly<Record<string, PluginSettingValue>>> | undefined;
}

/** The api handed to one plugin: every hook tap-only, every contribution recorded under the plugin's name. */
export function pluginApiFor(plugin: InfraStackPlugin, host: PluginHost): PluginApi {
  const { parse, ...others } = host.hooks;
  const tapOnly = Object.fromEntries(Object.entries(others).map(([name, hook]) => [name, hook.withOptions({})])) as unknown as Omit<PluginApi['hooks'], 'parse'>;
  return {
    hooks: { ...tapOnly, parse: { for: (format: string) => parse.for(format).withOptions({}) } },
    templates: { addSearchPath: (directory) => host.templates.addSearchPath(directory, plugin.name) },
    stacks: {
      add(stack) {
        const descriptor = typeof stack === 'string' ? nameOnlyStack(stack) : stack;
        if (host.stacks.has(descriptor.name)) throw new InfraStackError(`plugin "${plugin.name}" declared the stack "${descriptor.name}", which another plugin declared`);
        host.stacks.set(descriptor.name, descriptor);
      },
    },
    exposeHooks(hooks) {
      if (host.exposedHooks.has(plugin.name)) throw new Error('exposeHooks was called twice');
      for (const [name, hook] of Object.entries(hooks)) hook.intercept({ register: (tap) => guardTap(`${plugin.name}:${name}`, tap, host.applying) });
      host.exposedHooks.set(plugin.name, hooks);
    },
    settings<S extends Record<string, PluginSettingValue>>(): Readonly<S> {
      if (host.settings === undefined) throw new Error('settings() was called before the run started: call it in a tap, not in apply');
      return (host.settings.get(plugin.name) ?? {}) as Readonly<S>;
    },
    hooksOf<H extends object>(pluginName: string): TapOnly<H> {
      const exposed = host.exposedHooks.get(pluginName);
      if (!exposed) {
        throw new InfraStackError(`plugin "${plugin.name}" asked for the hooks of "${pluginName}", which exposed none before it (is "${pluginName}" installed, and applied first?)`);
      }
      return Object.fromEntries(Object.entries(exposed).map(([name, hook]) => [name, hook.withOptions({})])) as TapOnly<H>;
    },
  };
}
