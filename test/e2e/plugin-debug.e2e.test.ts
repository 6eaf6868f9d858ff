/**
 * The built `infra-stack` command with a project-local plugin whose tap has a bug: one line and a hint
 * without --debug; with --debug or DEBUG=infra-stack, the stack trace with the plugin's file and line.
 * `infra-stack model` alike. Nothing is written either way.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { REPO_ROOT, runProcess } from '../support/python-backend.js';

const BIN = join(REPO_ROOT, 'dist/bin/infra-stack.js');
const shop = join(REPO_ROOT, 'examples/shop/openapi.yaml');
const MESSAGE = `infra-stack: plugin "infra-stack-plugin-broken" failed in hook "deriveModel": Cannot read properties of undefined (reading 'tenant')`;

/** Line 5 reads a property of undefined. */
const BROKEN = `export default {
  name: 'infra-stack-plugin-broken',
  apply({ hooks }) {
    hooks.deriveModel.tap('broken', (model) => {
      return model.settings.tenant;
    });
  },
};
`;

describe('a bug in a plugin, on the command line', () => {
  let project: string | undefined;
  let plugin: string;

  beforeAll(async () => {
    project = await makeTempDir('plugin-debug');
    await mkdir(join(project, '.infra-stack', 'plugins'), { recursive: true });
    plugin = join(project, '.infra-stack', 'plugins', 'broken.mjs');
    await writeFile(plugin, BROKEN);
  });

  afterAll(async () => {
    await removeTempDir(project);
  });

  const run = (args: string[], env: Record<string, string | undefined> = {}) => runProcess(process.execPath, [BIN, ...args], { cwd: project!, env: { DEBUG: undefined, ...env } });

  it('is one line and a hint without --debug, and nothing is written', async () => {
    const result = await run(['--api', shop]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${MESSAGE}\ninfra-stack: run again with --debug (or DEBUG=infra-stack) for the stack trace\n`);
    expect((await readdir(project!)).sort()).toEqual(['.infra-stack']);
  });

  it.each([
    ['--debug', ['--api', shop, '--debug'], {}],
    ['DEBUG=infra-stack', ['--api', shop], { DEBUG: 'infra-stack' }],
    ['infra-stack model --debug', ['model', '--api', shop, '--debug'], {}],
  ])("prints the tap's stack trace with its file and line: %s", async (_, args, env) => {
    const result = await run(args, env);
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n');
    expect(lines.slice(0, 2)).toEqual([MESSAGE, "Caused by: TypeError: Cannot read properties of undefined (reading 'tenant')"]);
    expect(lines[2]).toMatch(new RegExp(`^\\s+at .*${plugin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:\\d+\\)?$`));
    expect((await readdir(project!)).sort()).toEqual(['.infra-stack']);
  });
});
