import { InfraStackError, PluginError } from '../errors.js';

export interface WrappableTap {
  name: string;
  type: 'sync' | 'async' | 'promise';
  fn: Function;
}

/** Errors a plugin throws name the plugin and the hook; user-input errors pass through unchanged. */
export function blame(pluginName: string, hookName: string, error: unknown): Error {
  if (error instanceof InfraStackError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new PluginError(pluginName, `plugin "${pluginName}" failed in hook "${hookName}": ${reason}`, { cause: error });
}

/** Wraps a tap so that what it throws names `owner` (the plugin that tapped, else the tap's name) and the hook. */
export function guardTap<T extends WrappableTap>(hookName: string, tap: T, owner: string = tap.name): T {
  const original = tap.fn;
  switch (tap.type) {
    case 'sync':
      return {
        ...tap,
        fn: (...args: unknown[]) => {
          try {
            return original(...args);
          } catch (error) {
            throw blame(owner, hookName, error);
          }
        },
      };
    case 'promise':
      return {
        ...tap,
        fn: async (...args: unknown[]) => {
          try {
            return await original(...args);
          } catch (error) {
            throw blame(owner, hookName, error);
          }
        },
      };
    case 'async':
      return {
        ...tap,
        fn: (...args: unknown[]) => {
          const callback = args.pop() as (error?: unknown, result?: unknown) => void;
          original(...args, (error?: unknown, result?: unknown) => callback(error ? blame(owner, hookName, error) : error, result));
        },
      };
  }
}
