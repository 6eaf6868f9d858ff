/**
 * A third-party plugin as users get one: the example package examples/plugins/infra-stack-plugin-cache
 * and this package, each packed with `npm pack`, installed from the tarballs into a new project,
 * then `npx infra-stack` there without plugin flags. The plugin is found, its files and its
 * README override are in the output, and the generated backend still passes its own gates and
 * tests. The plugin's own tests then run there through `generator-infra-stack/testing`, and so do
 * those of a plugin scaffolded there by the installed `infra-stack:plugin` generator. The docs'
 * `deriveModel` example (a project-local plugin adding a field to every entity with `addField`) and its
 * settings example (given `--set author.maxLength=40`) generate the shop there, whose backend passes
 * its gates and tests too.
 */
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { formatResult, installBackend, REPO_ROOT, runProcess, type BackendEnv, type RunResult } from '../support/python-backend.js';

const pluginSource = join(REPO_ROOT, 'examples/plugins/infra-stack-plugin-cache');
const petstore = join(REPO_ROOT, 'node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml');
const shop = join(REPO_ROOT, 'examples/shop/openapi.yaml');

/** The code block of docs/plugins.md marked `<!-- example: <name> -->`. */
async function docsExample(name: string): Promise<string> {
  const docs = await readFile(join(REPO_ROOT, 'docs/plugins.md'), 'utf8');
  const block = new RegExp(`<!-- example: ${name} -->\\n\`\`\`js\\n([\\s\\S]*?)\`\`\`\\n`).exec(docs);
  if (!block) throw new Error(`docs/plugins.md has no example ${name}`);
  return block[1]!;
}
const quiet = { CI: 'true', NO_UPDATE_NOTIFIER: '1', npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' };

function expectSuccess(result: RunResult, what: string): void {
  expect(result.code, `${what} failed\n${formatResult(result)}`).toBe(0);
}

async function pack(folder: string, destination: string): Promise<string> {
  const before = new Set(await readdir(destination));
  // --ignore-scripts: no prepack rebuild of dist/ (built by npm test) while other test files use it.
  const packed = await runProcess('npm', ['pack', '--ignore-scripts', '--pack-destination', destination], { cwd: folder, env: quiet, timeoutMs: 5 * 60_000 });
  expectSuccess(packed, `npm pack in ${folder}`);
  const tarball = (await readdir(destination)).find((name) => name.endsWith('.tgz') && !before.has(name));
  if (!tarball) throw new Error(`npm pack in ${folder} wrote no tarball`);
  return join(destination, tarball);
}

describe('a plugin package installed beside the generator', () => {
  let root: string | undefined;
  let project: string;
  let generated: RunResult;
  let backend: BackendEnv;

  beforeAll(async () => {
    root = await makeTempDir('plugin-package');
    const generatorTarball = await pack(REPO_ROOT, root);
    const pluginTarball = await pack(pluginSource, root);
    project = join(root, 'project');
    await mkdir(project);
    await writeFile(join(project, 'package.json'), `${JSON.stringify({ name: 'shop-backend', version: '1.0.0', private: true }, null, 2)}\n`);
    await copyFile(petstore, join(project, 'petstore.yaml'));
    const install = await runProcess('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', generatorTarball, pluginTarball], {
      cwd: project,
      env: quiet,
      timeoutMs: 10 * 60_000,
    });
    expectSuccess(install, 'npm install of the two tarballs');
    generated = await runProcess('npx', ['--no-install', 'infra-stack', '--api', 'petstore.yaml'], { cwd: project, env: quiet });
    expectSuccess(generated, 'npx infra-stack');
    backend = await installBackend(join(project, 'backend'));
  });

  afterAll(async () => {
    await removeTempDir(root);
  });

  it('finds the plugin without flags, names it in the summary and records it in .yo-rc.json', async () => {
    expect(generated.stderr).toContain('Plugins: infra-stack-plugin-cache.');
    expect(JSON.parse(await readFile(join(project, '.yo-rc.json'), 'utf8'))).toEqual({
      'generator-infra-stack': { api: ['petstore.yaml'], db: 'auto', ddl: 'auto', docs: true, verify: false, plugins: ['infra-stack-plugin-cache'] },
    });
  });

  it('ships the plugin guide the scaffold and the README send authors to', () => {
    expect(existsSync(join(project, 'node_modules/generator-infra-stack/docs/plugins.md'))).toBe(true);
  });

  it("writes the plugin's files beside the stack's and its README override, which keeps the stack's README", async () => {
    for (const file of ['app/infrastructure/cache/__init__.py', 'app/infrastructure/cache/memory.py', 'tests/unit/test_cache.py', 'app/main.py']) {
      expect(existsSync(join(project, 'backend', file)), file).toBe(true);
    }
    const readme = await readFile(join(project, 'backend', 'README.md'), 'utf8');
    expect(readme).toMatch(/^# Swagger Petstore\n/);
    expect(readme).toContain('## Test\n');
    expect(readme).toContain('## Cache\n\n`app/infrastructure/cache` holds `InMemoryCache`');
  });

  it('leaves a backend that passes ruff, mypy and its own tests, the cache tests among them', async () => {
    expectSuccess(await backend.run(['ruff', 'check', '.']), 'ruff check .');
    expectSuccess(await backend.run(['ruff', 'format', '--check', '.']), 'ruff format --check .');
    expectSuccess(await backend.run(['mypy']), 'mypy');
    const tests = await backend.run(['pytest', '--cov', '-v']);
    expectSuccess(tests, 'pytest --cov (SQLite)');
    expect(tests.stdout).toMatch(/tests\/unit\/test_cache\.py::test_returns_what_was_set_until_it_expires PASSED/);
  });

  it("runs the plugin's own tests through generator-infra-stack/testing, as its author would", async () => {
    const copy = join(project, 'plugin-source');
    for (const item of ['package.json', 'index.js', 'templates', 'test']) await cp(join(pluginSource, item), join(copy, item), { recursive: true });
    const result = await runProcess(process.execPath, ['--test', 'test/'], { cwd: copy, env: quiet });
    expectSuccess(result, 'node --test (the plugin package)');
    expect(result.stdout).toMatch(/# pass 2\n/);
  });

  it("generates the shop with the docs' deriveModel and settings examples as local plugins (--set); the backend passes its gates and tests", async () => {
    const out = join(project, 'shop');
    await mkdir(join(out, '.infra-stack', 'plugins'), { recursive: true });
    await copyFile(shop, join(out, 'openapi.yaml'));
    await writeFile(join(out, '.infra-stack', 'plugins', 'audit.mjs'), await docsExample('deriveModel'));
    await writeFile(join(out, '.infra-stack', 'plugins', 'author.mjs'), await docsExample('settings'));
    const args = ['--no-install', 'infra-stack', '--api', 'shop/openapi.yaml', '--out', 'shop', '--set', 'author.maxLength=40'];
    expectSuccess(await runProcess('npx', args, { cwd: project, env: quiet }), 'npx infra-stack (the shop)');
    for (const model of ['order', 'order_item', 'product', 'user', 'category']) {
      const text = await readFile(join(out, 'backend', 'app', 'infrastructure', 'models', `${model}.py`), 'utf8');
      expect(text, model).toContain('audit_note: Mapped[str | None]');
      expect(text, model).toContain('created_by: Mapped[str | None] = mapped_column(String(40), nullable=True)');
    }
    const recorded = JSON.parse(await readFile(join(out, '.yo-rc.json'), 'utf8')) as Record<string, { pluginSettings?: unknown }>;
    expect(recorded['generator-infra-stack']?.pluginSettings).toEqual({ 'infra-stack-plugin-author': { maxLength: 40 } });
    const shopBackend = await installBackend(join(out, 'backend'));
    expectSuccess(await shopBackend.run(['ruff', 'check', '.']), 'ruff check . (the shop)');
    expectSuccess(await shopBackend.run(['mypy']), 'mypy (the shop)');
    expectSuccess(await shopBackend.run(['pytest']), 'pytest (the shop)');
  });

  it('scaffolds a plugin with the installed infra-stack:plugin generator, whose own tests pass', async () => {
    const generator = join(project, 'node_modules', 'generator-infra-stack', 'generators', 'plugin', 'index.js');
    const script = [
      "import { createEnv } from 'yeoman-environment';",
      'const env = createEnv();',
      `env.register(${JSON.stringify(generator)}, { namespace: 'infra-stack:plugin' });`,
      "await env.run(['infra-stack:plugin', 'audit'], {});",
    ].join('\n');
    expectSuccess(await runProcess(process.execPath, ['--input-type=module', '-e', script], { cwd: project, env: quiet }), 'yo infra-stack:plugin audit');
    const scaffolded = join(project, 'infra-stack-plugin-audit');
    expect(JSON.parse(await readFile(join(scaffolded, 'package.json'), 'utf8'))).toMatchObject({ name: 'infra-stack-plugin-audit', peerDependencies: { 'generator-infra-stack': '^0.1.0' } });
    const result = await runProcess(process.execPath, ['--test', 'test/'], { cwd: scaffolded, env: quiet });
    expectSuccess(result, 'node --test (the scaffolded plugin)');
    expect(result.stdout).toMatch(/# pass 1\n/);
  });
});
