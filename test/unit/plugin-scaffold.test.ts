/**
 * `yo infra-stack:plugin <name>` in a real yeoman-environment: the package it scaffolds has the
 * right name, keywords and range, and its plugin does what its own test says when run through
 * `generator-infra-stack/testing` (the e2e runs that test itself, with `node --test`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import semver from 'semver';
import { createEnv } from 'yeoman-environment';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InfraStackPlugin } from '../../lib/index.js';
import { runPlugins } from '../../lib/testing.js';
import PluginGenerator from '../../generators/plugin/generator.js';
import { pluginNames } from '../../generators/plugin/names.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const generatorFile = fileURLToPath(new URL('../../generators/plugin/generator.ts', import.meta.url));
const engineVersion = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

let cwd: string;

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'infra-stack-scaffold-'));
});

afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

async function scaffold(args: string[]): Promise<{ printed: string; error?: unknown }> {
  const stream = new PassThrough();
  let printed = '';
  stream.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const env = createEnv({ cwd, stdin: new PassThrough() as unknown as NodeJS.ReadStream, stdout: stream as unknown as NodeJS.WriteStream, stderr: stream as unknown as NodeJS.WriteStream });
  env.register(PluginGenerator, { namespace: 'infra-stack:plugin', resolved: generatorFile, packagePath: packageRoot });
  try {
    await env.run(['infra-stack:plugin', ...args], {});
    return { printed };
  } catch (error) {
    return { printed, error };
  }
}

describe('yo infra-stack:plugin', () => {
  it('names the package from a short, scoped or full name, and refuses what npm would', () => {
    expect(pluginNames('audit')).toEqual({ packageName: 'infra-stack-plugin-audit', folder: 'infra-stack-plugin-audit', short: 'audit' });
    expect(pluginNames('@acme/audit')).toEqual({ packageName: '@acme/infra-stack-plugin-audit', folder: 'infra-stack-plugin-audit', short: 'audit' });
    expect(pluginNames('infra-stack-plugin-audit').packageName).toBe('infra-stack-plugin-audit');
    expect(() => pluginNames('Audit Log')).toThrow('"Audit Log" cannot name an npm package');
  });

  it('scaffolds a package with its name, keywords, range, example tap, template, README and tests', async () => {
    const outcome = await scaffold(['@acme/audit']);
    expect(outcome.error).toBeUndefined();
    const dir = join(cwd, 'infra-stack-plugin-audit');
    expect((await readdir(dir, { recursive: true })).sort()).toEqual([
      '.gitignore',
      'README.md',
      'index.js',
      'package.json',
      'templates',
      'templates/audit',
      'templates/audit/entities.md.njk',
      'test',
      'test/fixtures',
      'test/fixtures/openapi.yaml',
      'test/plugin.test.js',
    ]);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown> & { peerDependencies: Record<string, string> };
    expect(manifest).toMatchObject({ name: '@acme/infra-stack-plugin-audit', type: 'module', keywords: ['infra-stack-plugin', 'generator-infra-stack'], scripts: { test: 'node --test test/' } });
    expect(semver.satisfies(engineVersion, manifest.peerDependencies['generator-infra-stack'] ?? '')).toBe(true);
    expect(readFileSync(join(dir, 'test', 'plugin.test.js'), 'utf8')).toContain("from 'generator-infra-stack/testing'");
    expect(outcome.printed).toContain('Created infra-stack-plugin-audit/. Next: cd infra-stack-plugin-audit && npm install && npm test');

    const { default: plugin } = (await import(pathToFileURL(join(dir, 'index.js')).href)) as { default: InfraStackPlugin };
    const run = await runPlugins([plugin], { api: join(dir, 'test', 'fixtures', 'openapi.yaml') });
    try {
      expect(plugin.name).toBe('@acme/infra-stack-plugin-audit');
      expect(await run.read('backend/audit.md')).toMatch(/^# Notes API: entities\n\n\| entity \| table \| fields \|\n\| --- \| --- \| ---: \|\n\| Note \| `notes` \| \d+ \|\n$/);
    } finally {
      await run.cleanup();
    }
  });

  it('asks for nothing without a terminal: a missing name is an error, and an existing folder is left alone', async () => {
    expect(String((await scaffold([])).error)).toContain('missing the plugin name: yo infra-stack:plugin <name>');
    expect(await readdir(cwd)).toEqual([]);
    await scaffold(['audit']);
    expect(String((await scaffold(['audit'])).error)).toMatch(/infra-stack-plugin-audit exists already/);
    expect(existsSync(join(cwd, 'infra-stack-plugin-audit', 'package.json'))).toBe(true);
  });
});
