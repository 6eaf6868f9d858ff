import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runModelCommand } from '../../bin/model/command.js';
import type { DomainModel } from '../../lib/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `infra-stack model ...` in-process, as the bin does, capturing what it prints. */
async function run(argv: string[], cwd = root): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runModelCommand(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd });
  return { code, stdout, stderr };
}

describe('infra-stack model', () => {
  it('prints the model as a table', async () => {
    const { code, stdout, stderr } = await run(['--api', 'examples/shop/openapi.yaml']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('\nProduct: table products; layers domain, model, repository, api; soft delete no; tenant none\n');
    expect(stdout).toContain('  foreign key  category_id -> Category.id on delete RESTRICT\n');
  });

  it('prints the model as JSON that parses back, with source paths relative to the current folder', async () => {
    const cwd = path.join(root, 'examples/shop');
    const { code, stdout } = await run(['--api', 'openapi.yaml', '--json'], cwd);
    expect(code).toBe(0);
    const model = JSON.parse(stdout) as DomainModel;
    expect(model.entities.map((entity) => entity.name)).toEqual(['User', 'Category', 'Product', 'Order', 'OrderItem']);
    expect(model.relations.find((relation) => relation.name === 'order_user')?.reason).toEqual({
      rule: 'user_id names the entity user',
      source: { file: 'openapi.yaml', pointer: '/components/schemas/Order/properties/userId' },
    });
    expect(stdout.startsWith('{\n  "basePath": "/api",\n')).toBe(true);
  });

  it('applies the installed plugins --plugins selects (every one found by default, none with --no-plugins) and derives for --stack', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-model-'));
    try {
      const install = async (name: string, apply: string) => {
        const dir = path.join(cwd, 'node_modules', name);
        await mkdir(dir, { recursive: true });
        await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', type: 'module', main: 'index.js', peerDependencies: { 'generator-infra-stack': '*' } }));
        await writeFile(path.join(dir, 'index.js'), `export default { name: ${JSON.stringify(name)}, apply({ hooks, stacks }) { ${apply} } };\n`);
      };
      await install('infra-stack-plugin-flask', "stacks.add('flask'); hooks.deriveModel.tap('flask', (model) => ({ ...model, title: `${model.title} (flask)` }));");
      await install('infra-stack-plugin-renamer', "hooks.deriveModel.tap('renamer', (model) => ({ ...model, title: `${model.title} (renamed)` }));");
      const shop = path.join(root, 'examples/shop/openapi.yaml');
      const titleOf = async (argv: string[]) => {
        const { code, stdout, stderr } = await run(['--api', shop, '--json', ...argv], cwd);
        return code === 0 ? (JSON.parse(stdout) as DomainModel).title : `${code}: ${stderr}`;
      };
      const plain = await titleOf(['--no-plugins']);
      expect(await titleOf([])).toBe(`${plain} (flask) (renamed)`);
      expect(await titleOf(['--plugins', 'renamer,flask', '--stack', 'flask'])).toBe(`${plain} (renamed) (flask)`);
      expect(await titleOf(['--plugins', 'flask', '--stack', 'flask'])).toBe(`${plain} (flask)`);
      expect(await titleOf(['--no-plugins', '--stack', 'flask'])).toBe('1: infra-stack: unknown stack "flask" (--stack): the installed plugins provide fastapi-sqlalchemy\n');
      // A run recorded its plugins and a setting in .yo-rc.json: the model is the one that run would derive.
      const suffix = path.join(cwd, 'node_modules', 'infra-stack-plugin-suffix');
      await mkdir(suffix, { recursive: true });
      await writeFile(path.join(suffix, 'package.json'), JSON.stringify({ name: 'infra-stack-plugin-suffix', version: '1.0.0', type: 'module', main: 'index.js', peerDependencies: { 'generator-infra-stack': '*' } }));
      await writeFile(
        path.join(suffix, 'index.js'),
        "export default { name: 'infra-stack-plugin-suffix', options: [{ name: 'text', type: 'string', default: 'plain', description: 'What the title gets' }], " +
          "apply(api) { api.hooks.deriveModel.tap('suffix', (model) => ({ ...model, title: `${model.title} (${api.settings().text})` })); } };\n",
      );
      await writeFile(path.join(cwd, '.yo-rc.json'), JSON.stringify({ 'generator-infra-stack': { plugins: ['infra-stack-plugin-suffix'], pluginSettings: { 'infra-stack-plugin-suffix': { text: 'recorded' } } } }));
      expect(await titleOf([])).toBe(`${plain} (recorded)`);
      expect(await titleOf(['--set', 'suffix.text=given'])).toBe(`${plain} (given)`);
      expect(await titleOf(['--plugins', 'renamer'])).toBe(`${plain} (renamed)`);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });

  it('reads several documents, repeated or comma-separated', async () => {
    const repeated = await run(['--api', 'examples/shop/api-list.md', '--api', 'examples/shop/requirements.md', '--json']);
    const commas = await run(['--api', 'examples/shop/api-list.md,examples/shop/requirements.md', '--json']);
    expect(repeated.code).toBe(0);
    expect((JSON.parse(repeated.stdout) as DomainModel).database).toBe('postgresql');
    expect(commas.stdout).toBe(repeated.stdout);
  });

  it('reports a missing document in one line and exits 1', async () => {
    const { code, stdout, stderr } = await run(['--api', 'missing.yaml']);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(`infra-stack: ${path.join(root, 'missing.yaml')}: cannot read the document: no such file\n`);
  });

  it('reports an invalid document with its location in one line and exits 1', async () => {
    const { code, stderr } = await run(['--api', 'test/fixtures/invalid-openapi.yaml']);
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(2);
    expect(stderr).toMatch(/^infra-stack: \S*test\/fixtures\/invalid-openapi\.yaml:line 9 .*: invalid OpenAPI document: /);
  });

  it('exits 2 on bad arguments, and prints its help', async () => {
    const unknown = await run(['--api', 'examples/shop/openapi.yaml', '--out', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--out'");
    expect(unknown.stderr).toContain("Run 'infra-stack model --help' for the options.");
    const missing = await run(['--json']);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('missing required option --api <file>') as unknown });
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: infra-stack model --api <file> [--api <file>...] [--json]');
  });
});
