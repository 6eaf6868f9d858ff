/**
 * The package as users get it: `npm pack` (of the dist/ npm test built), then a global install of
 * the tarball and yo@7 into a temporary prefix, then the real `yo infra-stack` and
 * `infra-stack` commands, run without a terminal (stdin is /dev/null) and with CI=true.
 *
 * Root: yo refuses to run as root and switches to uid $SUDO_UID (else 1000) before
 * loading generators, so as root the work folder and HOME are made writable for everyone.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../support/files.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const petstoreSource = join(repoRoot, 'node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml');
const runningAsRoot = process.getuid?.() === 0;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function describeOutcome(what: string, outcome: Outcome): string {
  return `${what} exited ${outcome.code}\n--- stdout\n${outcome.stdout}\n--- stderr\n${outcome.stderr}`;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

describe('global install: yo infra-stack and infra-stack', () => {
  let root: string | undefined;
  let work: string;
  let prefix: string;
  let installed: string;
  let userEnv: NodeJS.ProcessEnv;

  const yo = (args: string[], cwd: string) => run(join(prefix, 'bin', 'yo'), args, { cwd, env: userEnv });
  const infraStack = (args: string[], cwd: string) => run(join(prefix, 'bin', 'infra-stack'), args, { cwd, env: userEnv });

  beforeAll(async () => {
    root = await makeTempDir('yo');
    work = join(root, 'work');
    prefix = join(root, 'prefix');
    const home = join(root, 'home');
    await mkdir(work);
    await mkdir(home);
    if (runningAsRoot) {
      for (const dir of [root, work, home]) await chmod(dir, 0o777);
    }
    await copyFile(petstoreSource, join(work, 'petstore.yaml'));

    const quiet = { ...process.env, CI: 'true', NO_UPDATE_NOTIFIER: '1', npm_config_update_notifier: 'false' };
    // --ignore-scripts: dist/ is built by npm test; a prepack rebuild would rewrite it under other test files.
    const pack = await run('npm', ['pack', '--ignore-scripts', '--pack-destination', root], { cwd: repoRoot, env: quiet });
    expect(pack.code, describeOutcome('npm pack', pack)).toBe(0);
    const tarball = (await readdir(root)).find((name) => name.endsWith('.tgz'));
    expect(tarball, 'npm pack wrote no tarball').toBeDefined();

    const install = await run(
      'npm',
      ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', 'yo@^7', join(root, tarball ?? '')],
      { cwd: root, env: quiet },
    );
    expect(install.code, describeOutcome('npm install -g', install)).toBe(0);
    installed = join(prefix, 'lib', 'node_modules', 'generator-infra-stack');

    userEnv = { ...quiet, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), FORCE_COLOR: '0' };
  });

  afterAll(async () => {
    await removeTempDir(root);
  });

  it('installs both commands and everything the generator needs at runtime', async () => {
    expect(existsSync(join(prefix, 'bin', 'yo'))).toBe(true);
    expect(existsSync(join(prefix, 'bin', 'infra-stack'))).toBe(true);
    for (const file of ['generators/app/index.js', 'dist/generators/app/index.js', 'dist/bin/infra-stack.js', 'dist/lib/index.js']) {
      expect(existsSync(join(installed, file)), file).toBe(true);
    }
    expect(existsSync(join(installed, 'generators/app/index.ts')), 'TypeScript sources are not shipped').toBe(false);
    for (const kind of ['stacks', 'plugins']) {
      for (const plugin of await readdir(join(repoRoot, kind))) {
        const templates = join(repoRoot, kind, plugin, 'templates');
        if (!existsSync(templates)) continue;
        const missing = (await filesUnder(templates)).filter(
          (file) => !existsSync(join(installed, kind, plugin, 'templates', file)),
        );
        expect(missing, `templates of ${plugin} missing from the package`).toEqual([]);
      }
    }
  });

  it('yo infra-stack generates prompt-free from options and records the answers', async () => {
    const out = join(work, 'yo-out');
    const first = await yo(['infra-stack', '--api', join(work, 'petstore.yaml'), '--out', out, '--db', 'sqlite', '--ddl', 'sqlite,mysql'], work);
    expect(first.code, describeOutcome('yo infra-stack', first)).toBe(0);
    expect(existsSync(join(out, 'backend', 'pyproject.toml'))).toBe(true);
    for (const file of ['schema.mysql.sql', 'seed.mysql.sql', 'schema.sqlite.sql', 'seed.sqlite.sql']) expect(existsSync(join(out, 'backend', 'db', file)), file).toBe(true);
    expect(existsSync(join(out, 'backend', 'db', 'schema.postgresql.sql'))).toBe(false);
    expect(JSON.parse(await readFile(join(out, '.yo-rc.json'), 'utf8'))).toEqual({
      'generator-infra-stack': { api: ['../petstore.yaml'], db: 'sqlite', ddl: 'mysql,sqlite', docs: true, verify: false },
    });
    expect(existsSync(join(out, 'output', 'data-model.md'))).toBe(true);

    const second = await yo(['infra-stack'], out);
    expect(second.code, describeOutcome('second yo infra-stack (answers from .yo-rc.json)', second)).toBe(0);
    expect(`${second.stdout}${second.stderr}`).toMatch(/Up to date: nothing written in \. \(\d+ unchanged\)/);
  });

  it('yo infra-stack without --api and without a terminal fails naming --api', async () => {
    const empty = join(work, 'no-answers');
    await mkdir(empty);
    if (runningAsRoot) await chmod(empty, 0o777);
    const outcome = await yo(['infra-stack'], empty);
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr).toContain('missing required option --api');
    expect(outcome.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(empty, 'backend'))).toBe(false);
  });

  it('infra-stack runs the same generator, prints usage, and reports errors in one line', async () => {
    const help = await infraStack(['--help'], work);
    expect(help.code, describeOutcome('infra-stack --help', help)).toBe(0);
    expect(help.stdout).toContain('Usage: infra-stack --api <file>');

    const out = join(work, 'bin-out');
    const generated = await infraStack(['--api', 'petstore.yaml', '--out', 'bin-out', '--db', 'postgresql', '--no-docs'], work);
    expect(generated.code, describeOutcome('infra-stack', generated)).toBe(0);
    expect(existsSync(join(out, 'backend', 'pyproject.toml'))).toBe(true);
    expect(existsSync(join(out, 'backend', 'db', 'schema.postgresql.sql')), 'the DDL of the backend\'s database, by default').toBe(true);
    expect(JSON.parse(await readFile(join(out, '.yo-rc.json'), 'utf8'))).toEqual({
      'generator-infra-stack': { api: ['../petstore.yaml'], db: 'postgresql', ddl: 'auto', docs: false, verify: false },
    });
    expect(existsSync(join(out, 'output'))).toBe(false);

    const missing = await infraStack(['--out', 'nowhere'], work);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^infra-stack: missing required option --api/m);
    expect(missing.stderr).not.toMatch(/^\s+at /m);

    const badFile = await infraStack(['--api', 'does-not-exist.yaml', '--out', 'nowhere'], work);
    expect(badFile.code).toBe(1);
    expect(badFile.stderr).toMatch(/^infra-stack: .*does-not-exist\.yaml/m);
    expect(badFile.stderr).not.toMatch(/^\s+at /m);

    const unknown = await infraStack(['--bogus'], work);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--bogus'");
  });

  // yo switches from root to another user before it loads a generator: as root only.
  it.runIf(runningAsRoot)('yo infra-stack started as root in a folder only root can write fails in one line saying why', async () => {
    const rootOnly = join(root ?? '', 'root-only');
    await mkdir(rootOnly, { mode: 0o700 });
    await copyFile(petstoreSource, join(rootOnly, 'petstore.yaml'));
    const outcome = await yo(['infra-stack', '--api', 'petstore.yaml', '--out', 'gen'], rootOnly);
    expect(outcome.code, describeOutcome('yo infra-stack as root', outcome)).toBe(1);
    expect(outcome.stderr).toMatch(/root-only: yo runs generators as uid \d+, not as root .* run `infra-stack` instead/);
    expect(outcome.stderr).not.toMatch(/TypeError|EACCES|^\s+at /m);
    expect(existsSync(join(rootOnly, 'gen'))).toBe(false);
  });

  it('finds a plugin installed globally next to the generator', async () => {
    const quiet = { ...userEnv };
    const pack = await run('npm', ['pack', '--pack-destination', root ?? ''], { cwd: join(repoRoot, 'examples/plugins/infra-stack-plugin-cache'), env: quiet });
    expect(pack.code, describeOutcome('npm pack (the example plugin)', pack)).toBe(0);
    const tarball = (await readdir(root ?? '')).find((name) => name.startsWith('infra-stack-plugin-cache-') && name.endsWith('.tgz'));
    expect(tarball, 'npm pack wrote no plugin tarball').toBeDefined();
    // The generator it needs is the global one beside it: npm must not fetch another for the peer dependency.
    const install = await run('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--legacy-peer-deps', join(root ?? '', tarball ?? '')], { cwd: root ?? '', env: quiet });
    expect(install.code, describeOutcome('npm install -g (the example plugin)', install)).toBe(0);

    const out = join(work, 'global-plugin');
    const generated = await infraStack(['--api', 'petstore.yaml', '--out', 'global-plugin', '--db', 'sqlite'], work);
    expect(generated.code, describeOutcome('infra-stack with a global plugin', generated)).toBe(0);
    expect(generated.stderr).toContain('Plugins: infra-stack-plugin-cache.');
    expect(existsSync(join(out, 'backend', 'app', 'infrastructure', 'cache', 'memory.py'))).toBe(true);
    expect(await readFile(join(out, 'backend', 'README.md'), 'utf8')).toContain('## Cache\n');
    expect(JSON.parse(await readFile(join(out, '.yo-rc.json'), 'utf8'))).toEqual({
      'generator-infra-stack': { api: ['../petstore.yaml'], db: 'sqlite', ddl: 'auto', docs: true, verify: false, plugins: ['infra-stack-plugin-cache'] },
    });
  });

  it('yo infra-stack:plugin scaffolds a plugin package', async () => {
    const scaffolded = await yo(['infra-stack:plugin', 'audit'], work);
    expect(scaffolded.code, describeOutcome('yo infra-stack:plugin audit', scaffolded)).toBe(0);
    const manifest = JSON.parse(await readFile(join(work, 'infra-stack-plugin-audit', 'package.json'), 'utf8')) as { name: string };
    expect(manifest.name).toBe('infra-stack-plugin-audit');
    expect(existsSync(join(work, 'infra-stack-plugin-audit', 'test', 'plugin.test.js'))).toBe(true);
  });
});
