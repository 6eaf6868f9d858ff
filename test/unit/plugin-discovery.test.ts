/**
 * Installed plugins: found by npm name in the project's node_modules and its ancestors', selected
 * and ordered by `--plugins` / `.yo-rc.json`, checked against the engine range they declare,
 * and loaded from `.infra-stack/plugins/` without publishing.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeModulesHolding } from '../../core/plugins/discover.js';
import { loadInstalledPlugins } from '../../core/plugins/index.js';
import { generate } from '../../lib/index.js';
import { summaryLines } from '../../generators/app/summary.js';

const petstore = path.resolve('node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml');
const engineVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

let root: string;
let project: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-discovery-'));
  project = path.join(root, 'work', 'project');
  await mkdir(project, { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A plugin package whose plugin adds `<file>` with its name, into `<modules>/<name>`. */
async function installPlugin(modules: string, name: string, manifest: Record<string, unknown> = { peerDependencies: { 'generator-infra-stack': `^${engineVersion}` } }, source?: string): Promise<void> {
  const dir = path.join(modules, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.2.3', type: 'module', main: 'index.js', ...manifest }));
  await writeFile(path.join(dir, 'index.js'), source ?? pluginSource(name));
}

function pluginSource(name: string, file = `${name.replace(/\W/g, '_')}.txt`): string {
  return `export default {
  name: ${JSON.stringify(name)},
  apply({ hooks }) {
    hooks.planFiles.tap(${JSON.stringify(name)}, (plan) => ({ files: [...plan.files, { path: ${JSON.stringify(`plugins/${file}`)}, owner: ${JSON.stringify(name)}, content: ${JSON.stringify(name)} }] }));
  },
};
`;
}

const modulesOf = (dir: string) => path.join(dir, 'node_modules');

describe('installed plugins', () => {
  it("are found by name in the project's node_modules and its ancestors', all of them by name when none are selected", async () => {
    await installPlugin(modulesOf(project), 'infra-stack-plugin-cache');
    await installPlugin(modulesOf(project), '@acme/infra-stack-plugin-audit');
    await installPlugin(modulesOf(root), 'infra-stack-plugin-tenancy');
    await installPlugin(modulesOf(project), 'left-pad');
    await installPlugin(modulesOf(project), 'infra-stack-plugin-');
    const { plugins, used } = await loadInstalledPlugins({ projectDir: project });
    expect(used).toEqual(['@acme/infra-stack-plugin-audit', 'infra-stack-plugin-cache', 'infra-stack-plugin-tenancy']);
    expect(plugins.map((plugin) => plugin.name)).toEqual(used);
  });

  it('are selected and ordered by short or full names; the nearest install of a name wins', async () => {
    await installPlugin(modulesOf(project), 'infra-stack-plugin-cache', { version: '2.0.0', peerDependencies: { 'generator-infra-stack': '*' } }, pluginSource('near-cache'));
    await installPlugin(modulesOf(root), 'infra-stack-plugin-cache', {}, pluginSource('far-cache'));
    await installPlugin(modulesOf(root), '@acme/infra-stack-plugin-audit');
    await installPlugin(modulesOf(root), 'infra-stack-plugin-unused');
    const { plugins, used } = await loadInstalledPlugins({ projectDir: project, selection: ['@acme/audit', 'cache'] });
    expect(used).toEqual(['@acme/infra-stack-plugin-audit', 'infra-stack-plugin-cache']);
    expect(plugins.map((plugin) => plugin.name)).toEqual(['@acme/infra-stack-plugin-audit', 'near-cache']);
  });

  it('that are selected but not installed are an error naming them and where they were looked for', async () => {
    await expect(loadInstalledPlugins({ projectDir: project, selection: ['sqlmodel'] })).rejects.toThrow(
      new RegExp(`^plugin infra-stack-plugin-sqlmodel is selected \\(--plugins or \\.yo-rc\\.json\\) but not installed; looked in ${modulesOf(project)}, `),
    );
  });

  it('are found next to a globally installed generator', () => {
    expect(nodeModulesHolding('/usr/lib/node_modules/generator-infra-stack')).toBe('/usr/lib/node_modules');
    expect(nodeModulesHolding('/usr/lib/node_modules/@acme/generator-infra-stack')).toBe('/usr/lib/node_modules');
    expect(nodeModulesHolding('/work/generator-infra-stack')).toBeUndefined();
  });
});

describe('compatibility', () => {
  it('refuses a plugin whose declared range excludes this version, naming both versions, unless --skip-checks', async () => {
    await installPlugin(modulesOf(project), 'infra-stack-plugin-future', { peerDependencies: { 'generator-infra-stack': '>=9.0.0' } });
    await expect(loadInstalledPlugins({ projectDir: project })).rejects.toThrow(
      `plugin infra-stack-plugin-future@1.2.3 supports generator-infra-stack >=9.0.0, but this is generator-infra-stack ${engineVersion}; install a version of either that fits, or pass --skip-checks to use it anyway`,
    );
    const skipped = await loadInstalledPlugins({ projectDir: project, skipChecks: true });
    expect(skipped.used).toEqual(['infra-stack-plugin-future']);
    expect(skipped.warnings).toEqual([
      `plugin infra-stack-plugin-future@1.2.3 supports generator-infra-stack >=9.0.0, but this is generator-infra-stack ${engineVersion}; used anyway (--skip-checks): it may fail or generate code that does not work`,
    ]);
  });

  it('warns with --skip-checks only of the plugins whose range excludes this version', async () => {
    await installPlugin(modulesOf(project), 'infra-stack-plugin-fits', { peerDependencies: { 'generator-infra-stack': '*' } });
    const result = await generate({ apiFiles: [petstore], outDir: project, docs: false, skipChecks: true });
    expect(result.plugins).toEqual(['infra-stack-plugin-fits']);
    expect(result.warnings).toEqual([]);
  });

  it('reads the range from engines when there is no peer dependency, and requires one of them', async () => {
    await installPlugin(modulesOf(project), 'infra-stack-plugin-engines', { engines: { node: '>=20', 'generator-infra-stack': `>=${engineVersion} <99` } });
    expect((await loadInstalledPlugins({ projectDir: project })).used).toEqual(['infra-stack-plugin-engines']);
    await installPlugin(modulesOf(project), 'infra-stack-plugin-silent', {});
    await expect(loadInstalledPlugins({ projectDir: project })).rejects.toThrow(
      'plugin infra-stack-plugin-silent@1.2.3 declares no generator-infra-stack version it supports (peerDependencies or engines in its package.json); pass --skip-checks to use it anyway',
    );
  });
});

describe('loading', () => {
  it("reports a plugin that cannot be imported or exports no plugin, with the plugin's name", async () => {
    await installPlugin(modulesOf(project), 'infra-stack-plugin-typo', undefined, 'export default {\n');
    await expect(loadInstalledPlugins({ projectDir: project })).rejects.toThrow(/^plugin infra-stack-plugin-typo could not be loaded: /);
    await rm(path.join(modulesOf(project), 'infra-stack-plugin-typo'), { recursive: true });
    await installPlugin(modulesOf(project), 'infra-stack-plugin-empty', undefined, 'export const something = 1;\n');
    await expect(loadInstalledPlugins({ projectDir: project })).rejects.toThrow(
      'plugin infra-stack-plugin-empty exports no plugin: expected a default export { name, apply(api) } or a function returning one',
    );
  });

  it('takes a factory as default export and follows the package exports', async () => {
    await installPlugin(modulesOf(project), 'infra-stack-plugin-factory', { peerDependencies: { 'generator-infra-stack': '*' }, exports: { '.': { import: './lib/plugin.js' } } }, '');
    const dir = path.join(modulesOf(project), 'infra-stack-plugin-factory', 'lib');
    await mkdir(dir);
    await writeFile(path.join(dir, 'plugin.js'), `export default () => ({ name: 'made', apply() {} });\n`);
    expect((await loadInstalledPlugins({ projectDir: project })).plugins.map((plugin) => plugin.name)).toEqual(['made']);
  });

  it("loads the project's .infra-stack/plugins/ (files and folders, by name) after the installed ones", async () => {
    await installPlugin(modulesOf(project), 'infra-stack-plugin-cache');
    const local = path.join(project, '.infra-stack', 'plugins');
    await mkdir(path.join(local, 'b-folder'), { recursive: true });
    await writeFile(path.join(local, 'a-file.mjs'), pluginSource('local-a'));
    await writeFile(path.join(local, 'b-folder', 'package.json'), JSON.stringify({ type: 'module', main: 'main.js' }));
    await writeFile(path.join(local, 'b-folder', 'main.js'), pluginSource('local-b'));
    await writeFile(path.join(local, 'notes.txt'), 'not a plugin');
    const { plugins, used, local: own } = await loadInstalledPlugins({ projectDir: project });
    expect(plugins.map((plugin) => plugin.name)).toEqual(['infra-stack-plugin-cache', 'local-a', 'local-b']);
    expect(used).toEqual(['infra-stack-plugin-cache']);
    // Named in the run's summary, never recorded in .yo-rc.json.
    expect(own).toEqual(['local-a (.infra-stack/plugins/a-file.mjs)', 'local-b (.infra-stack/plugins/b-folder)']);
    const summary = summaryLines(await generate({ apiFiles: [petstore], outDir: project, docs: false }), project).join('\n');
    expect(summary).toContain('Plugins: infra-stack-plugin-cache.\nLocal plugins: local-a (.infra-stack/plugins/a-file.mjs), local-b (.infra-stack/plugins/b-folder).');
  });
});

describe('generate with installed plugins', () => {
  it('applies them after the first-party ones and reports the ones used', async () => {
    await installPlugin(modulesOf(project), 'infra-stack-plugin-cache');
    await installPlugin(modulesOf(project), 'infra-stack-plugin-audit');
    const result = await generate({ apiFiles: [petstore], outDir: project, docs: false, pluginNames: ['cache'] });
    expect(result.plugins).toEqual(['infra-stack-plugin-cache']);
    expect(await readdir(path.join(project, 'plugins'))).toEqual(['infra_stack_plugin_cache.txt']);
    expect(await readFile(path.join(project, 'backend', 'app', 'main.py'), 'utf8')).toContain('FastAPI');
  });

  it('writes nothing when a plugin is incompatible', async () => {
    await installPlugin(modulesOf(project), 'infra-stack-plugin-future', { peerDependencies: { 'generator-infra-stack': '>=9.0.0' } });
    await expect(generate({ apiFiles: [petstore], outDir: project })).rejects.toThrow('supports generator-infra-stack >=9.0.0');
    expect(await readdir(project)).toEqual(['node_modules']);
  });
});
