import type { EngineHooks } from './hooks.js';
import type { TemplateRegistry } from './templates.js';

type Tappable<H> = Omit<H, 'call' | 'callAsync' | 'promise'>;

/** What a plugin receives: hooks it can tap but not call, and the template search path. */
export interface PluginApi {
  hooks: {
    [K in Exclude<keyof EngineHooks, 'parse'>]: Tappable<EngineHooks[K]>;
  } & {
    parse: { for(format: string): Tappable<ReturnType<EngineHooks['parse']['for']>> };
  };
  templates: Pick<TemplateRegistry, 'addSearchPath'>;
}

export interface InfraStackPlugin {
  name: string;
  apply(api: PluginApi): void;
}
