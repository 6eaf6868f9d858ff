/** Which Python and which installer the gate uses, from the environment. */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** Interpreter the virtualenv is made from: INFRA_STACK_PYTHON, else `python3`. */
export function pythonFor(env: NodeJS.ProcessEnv): string {
  return env.INFRA_STACK_PYTHON?.trim() || 'python3';
}

/** uv, when it can be had: INFRA_STACK_UV (a path or a name on PATH), else `uv` on PATH. Installs take seconds with it. */
export function uvFor(env: NodeJS.ProcessEnv): string | undefined {
  const given = env.INFRA_STACK_UV?.trim();
  if (given) return given.includes('/') || isAbsolute(given) ? given : (onPath(given, env.PATH) ?? given);
  return onPath('uv', env.PATH);
}

function onPath(name: string, path: string | undefined): string | undefined {
  for (const dir of (path ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
