import { BACKEND_DIR } from '../code-names.js';
import { PLACEHOLDERS_BEGIN } from './placeholder-marks.js';

/** Reads a file of the output folder (path relative to it, posix separators); undefined when there is none. */
export type ReadOutput = (file: string) => string | undefined;

/**
 * Whether the backend (read through `readOutput`) has a module of the user's defining a class:
 * a port the components name is written by hand, and a placeholder gives way to it on the next
 * run. A module still holding a generated placeholder of that class does not count.
 */
export function userModules(readOutput: ReadOutput): (module: string, name: string) => boolean {
  const texts = new Map<string, string | undefined>();
  const textOf = (module: string) => {
    if (!texts.has(module)) texts.set(module, readOutput(`${BACKEND_DIR}/${module.split('.').join('/')}.py`));
    return texts.get(module);
  };
  return (module, name) => {
    const text = textOf(module);
    return text !== undefined && !text.includes(PLACEHOLDERS_BEGIN) && new RegExp(`^class ${name}\\b`, 'm').test(text);
  };
}
