import { afterAll, beforeAll } from 'vitest';
import { runPlugins, type PluginRun } from '../../lib/testing.js';

/**
 * A backend generated from `api` (no plugins) once for the enclosing `describe`, removed after
 * it: call in the block's body, read its files in the tests.
 */
export function generatedOnce(api: string): Pick<PluginRun, 'read'> {
  let run: PluginRun | undefined;
  beforeAll(async () => {
    run = await runPlugins([], { api });
  }, 120_000);
  afterAll(async () => {
    await run?.cleanup();
  });
  return { read: (file) => run!.read(file) };
}
