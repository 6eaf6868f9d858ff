import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PLACEHOLDERS_BEGIN } from './placeholder-marks.js';

/**
 * Whether the backend in `outDir` has a module of the user's defining a class: a port the
 * components name is written by hand, and a placeholder gives way to it on the next run. A module
 * still holding a generated placeholder of that class does not count.
 */
export function userModules(outDir: string): (module: string, name: string) => boolean {
  const texts = new Map<string, string | undefined>();
  const textOf = (module: string) => {
    if (!texts.has(module)) {
      const file = path.join(outDir, 'backend', ...module.split('.')) + '.py';
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      texts.set(module, text);
    }
    return texts.get(module);
  };
  return (module, name) => {
    const text = textOf(module);
    return text !== undefined && !text.includes(PLACEHOLDERS_BEGIN) && new RegExp(`^class ${name}\\b`, 'm').test(text);
  };
}
