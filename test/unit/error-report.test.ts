/** What the command prints when it fails: one line for a user's mistake; with --debug, the stack trace of a plugin's bug, with its file and line. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { debugRequested, errorReport, withoutDebugFlag } from '../../bin/error-report.js';
import { importPlugin } from '../../core/plugins/load.js';
import { generate } from '../../lib/index.js';
import { runPlugins } from '../../lib/testing.js';

const petstore = path.resolve('node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml');

/** A plugin module whose deriveModel tap reads a property of undefined on line 5. */
const BROKEN = `export default {
  name: 'infra-stack-plugin-broken',
  apply({ hooks }) {
    hooks.deriveModel.tap('broken', (model) => {
      return model.settings.tenant;
    });
  },
};
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-debug-'));
  await writeFile(path.join(dir, 'broken.mjs'), BROKEN);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => expect.unreachable('the run succeeded'),
    (error: unknown) => error,
  );
}

describe('--debug', () => {
  it('is asked for with the flag or DEBUG naming infra-stack, and the flag is taken out of the arguments', () => {
    expect(debugRequested(['--api', 'a.yaml', '--debug'], {})).toBe(true);
    expect(debugRequested([], { DEBUG: 'infra-stack' })).toBe(true);
    expect(debugRequested([], { DEBUG: 'express:*,infra-stack' })).toBe(true);
    expect(debugRequested([], { DEBUG: '*' })).toBe(true);
    expect(debugRequested(['--api', 'a.yaml'], { DEBUG: 'express' })).toBe(false);
    expect(withoutDebugFlag(['--debug', '--api', 'a.yaml'])).toEqual(['--api', 'a.yaml']);
  });

  it("prints the stack trace of a plugin's failing tap, with its file and line", async () => {
    const plugin = await importPlugin(path.join(dir, 'broken.mjs'), 'broken.mjs');
    const error = await failure(() => runPlugins([plugin], { api: petstore, outDir: path.join(dir, 'out') }));
    const [first, ...rest] = errorReport(error, 'infra-stack', true).split('\n');
    expect(first).toBe(`infra-stack: plugin "infra-stack-plugin-broken" failed in hook "deriveModel": Cannot read properties of undefined (reading 'tenant')`);
    expect(rest[0]).toBe("Caused by: TypeError: Cannot read properties of undefined (reading 'tenant')");
    expect(rest.join('\n')).toContain(`${path.join(dir, 'broken.mjs')}:5:`);
  });

  it('without it, says how to get the trace in a second line', async () => {
    const plugin = await importPlugin(path.join(dir, 'broken.mjs'), 'broken.mjs');
    const error = await failure(() => runPlugins([plugin], { api: petstore, outDir: path.join(dir, 'out') }));
    expect(errorReport(error, 'infra-stack', false)).toBe(
      `infra-stack: plugin "infra-stack-plugin-broken" failed in hook "deriveModel": Cannot read properties of undefined (reading 'tenant')\n` +
        'infra-stack: run again with --debug (or DEBUG=infra-stack) for the stack trace',
    );
  });

  it("leaves a user's mistake one line, even when asked for", async () => {
    const error = await failure(() => generate({ apiFiles: [path.join(dir, 'missing.yaml')], outDir: path.join(dir, 'out'), discoverPlugins: false }));
    expect(errorReport(error, 'infra-stack', true)).toBe(`infra-stack: ${path.join(dir, 'missing.yaml')}: cannot read the document: no such file`);
  });
});
