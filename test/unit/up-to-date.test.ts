/**
 * The no-change fast path: a run whose documents, options, code and output folder are those the
 * last run recorded answers from `.infra-stack/up-to-date.json` without running the engine (no
 * phase is timed), and any change sends it back to the whole run.
 */
import { appendFile, copyFile, mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeIdentity } from '../../core/engine/code-identity.js';
import { UP_TO_DATE_PATH } from '../../core/engine/up-to-date.js';
import { runIdentity } from '../../core/run-identity.js';
import type { GenerateOptions, GenerateResult } from '../../core/options.js';
import { summaryLines } from '../../generators/app/summary.js';
import { generate } from '../../lib/index.js';
import { makeTempDir, removeTempDir } from '../support/files.js';

const PETSTORE = path.resolve('node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml');
const MANIFEST = '.infra-stack/manifest.json';
const ROUTER = 'backend/app/presentation/api/v1/routers/pet.py';

let work: string | undefined;
let api: string;
let out: string;

beforeEach(async () => {
  work = await makeTempDir('up-to-date');
  api = path.join(work, 'petstore.yaml');
  out = path.join(work, 'out');
  await copyFile(PETSTORE, api);
});

afterEach(async () => {
  await removeTempDir(work);
  work = undefined;
});

/** A run, with the phases the engine went through (none when it answered from the stamp). */
async function run(options: Partial<GenerateOptions> = {}): Promise<GenerateResult & { phases: string[] }> {
  const phases: string[] = [];
  const result = await generate({ apiFiles: [api], outDir: out, docs: false, ddl: [], discoverPlugins: false, onPhase: (phase) => phases.push(phase), ...options });
  return { ...result, phases };
}

const mtimeOf = async (file: string) => (await stat(path.join(out, file))).mtimeMs;

describe('a run with nothing changed since the last one', () => {
  it('answers up to date without parsing, and writes nothing', async () => {
    const first = await run();
    expect(first.upToDate).toBeUndefined();
    expect(first.phases).toContain('parse');
    const manifestTime = await mtimeOf(MANIFEST);
    const stampTime = await mtimeOf(UP_TO_DATE_PATH);

    const again = await run();
    expect(again.upToDate).toBe(true);
    expect(again.phases).toEqual([]);
    expect(again.unchanged).toEqual([...first.created].sort());
    expect([again.created, again.updated, again.merged, again.conflicts, again.deleted]).toEqual([[], [], [], [], []]);
    expect(await mtimeOf(MANIFEST)).toBe(manifestTime);
    expect(await mtimeOf(UP_TO_DATE_PATH)).toBe(stampTime);
    expect(summaryLines(again, work!)[0]).toBe(`Up to date: nothing written in out (${first.created.length} unchanged).`);
  });

  it('passes --check from the stamp', async () => {
    await run();
    const check = await run({ check: true });
    expect(check.upToDate).toBe(true);
    expect(check.phases).toEqual([]);
    expect([check.check, check.outOfDate]).toEqual([true, []]);
  });

  it('stays up to date when a generated file was only touched', async () => {
    await run();
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(out, ROUTER), later, later);
    expect((await run()).upToDate).toBe(true);
  });

  it('is up to date after a run that wrote the generated paths back into class definitions', async () => {
    const classes = path.join(work!, 'classes.json');
    await copyFile(path.resolve('examples/shop/classes.json'), classes);
    const before = await readFile(classes, 'utf8');
    await run({ apiFiles: [path.resolve('examples/shop/openapi.yaml'), classes] });
    expect(await readFile(classes, 'utf8')).not.toBe(before);
    expect((await run({ apiFiles: [path.resolve('examples/shop/openapi.yaml'), classes] })).upToDate).toBe(true);
  });

  it('does the whole run with --force, --dry-run or --diff', async () => {
    await run();
    for (const options of [{ force: true }, { dryRun: true }, { diff: true }]) {
      const bypassed = await run(options);
      expect(bypassed.upToDate, JSON.stringify(options)).toBeUndefined();
      expect(bypassed.phases).toContain('parse');
    }
  });
});

describe('a run after a change', () => {
  it('does the whole run when a byte of a document changed, then is up to date again', async () => {
    await run();
    await appendFile(api, '# a comment\n');
    const changed = await run();
    expect(changed.upToDate).toBeUndefined();
    expect(changed.phases).toContain('parse');
    expect((await run()).upToDate).toBe(true);
  });

  it('does the whole run when an option that changes the output changed', async () => {
    await run();
    const other = await run({ db: 'postgresql' });
    expect(other.upToDate).toBeUndefined();
    expect(other.updated.length).toBeGreaterThan(0);
  });

  it('is another run when a plugin setting changed (--set), whose output it may change', () => {
    const identity = (maxLength: number) => runIdentity({ apiFiles: [api], outDir: out, pluginSettings: { 'infra-stack-plugin-author': { maxLength } } }, [], []).key;
    expect(identity(40)).not.toBe(identity(41));
    expect(identity(40)).toBe(identity(40));
  });

  it('does the whole run when the user edited a generated file, and keeps the edit', async () => {
    await run();
    const edited = `${await readFile(path.join(out, ROUTER), 'utf8')}# mine\n`;
    await writeFile(path.join(out, ROUTER), edited);
    const after = await run();
    expect(after.upToDate).toBeUndefined();
    expect(after.unchanged).toContain(ROUTER);
    expect(await readFile(path.join(out, ROUTER), 'utf8')).toBe(edited);
    // The edit is now part of what the run left.
    expect((await run()).upToDate).toBe(true);
  });

  it('does the whole run when the user deleted a generated file', async () => {
    await run();
    await rm(path.join(out, ROUTER));
    const after = await run();
    expect(after.upToDate).toBeUndefined();
    expect(after.deletedByYou).toEqual([ROUTER]);
  });

  it('does the whole run when a file appeared in a folder the run read (a revision of the user)', async () => {
    await run();
    await writeFile(path.join(out, 'backend/migrations/versions/0002_mine.py'), '"""Mine."""\n');
    expect((await run()).upToDate).toBeUndefined();
  });

  it('does the whole run when the code that generates changed (a plugin of the project)', async () => {
    await run({ discoverPlugins: true });
    const plugins = path.join(out, '.infra-stack/plugins');
    await mkdir(plugins, { recursive: true });
    await writeFile(path.join(plugins, 'noop.mjs'), "export default { name: 'noop', apply() {} };\n");
    const withPlugin = await run({ discoverPlugins: true });
    expect(withPlugin.upToDate).toBeUndefined();
    expect((await run({ discoverPlugins: true })).upToDate).toBe(true);
    await writeFile(path.join(plugins, 'noop.mjs'), "export default { name: 'noop', apply() { /* changed */ } };\n");
    expect((await run({ discoverPlugins: true })).upToDate).toBeUndefined();
  });

  it('does the whole run when the stamp is damaged, and writes a sound one', async () => {
    await run();
    await writeFile(path.join(out, UP_TO_DATE_PATH), '{"version": 1, "key": ');
    expect((await run()).upToDate).toBeUndefined();
    expect((await run()).upToDate).toBe(true);
  });

  it('is never up to date after a run that failed', async () => {
    await run();
    await writeFile(api, 'openapi: 3.0.0\ninfo: {title: Broken}\n');
    await expect(run()).rejects.toThrow();
    await expect(run()).rejects.toThrow();
  });

  it('is not up to date while a stopped run left its journal', async () => {
    await run();
    await writeFile(path.join(out, '.infra-stack/journal.json'), '{}\n');
    expect((await run()).upToDate).toBeUndefined();
  });

  it('leaves no stamp when a document refers to another file, whose bytes it does not record', async () => {
    await writeFile(path.join(work!, 'schemas.yaml'), 'Thing:\n  type: object\n  required: [id]\n  properties:\n    id: {type: integer}\n    name: {type: string}\n');
    await writeFile(
      api,
      [
        'openapi: 3.0.3',
        "info: {title: Things, version: '1.0'}",
        'paths:',
        '  /things:',
        '    get:',
        '      operationId: listThings',
        '      responses:',
        "        '200':",
        '          description: ok',
        '          content:',
        '            application/json:',
        "              schema: {type: array, items: {$ref: './schemas.yaml#/Thing'}}",
        'components:',
        '  schemas:',
        "    Thing: {$ref: './schemas.yaml#/Thing'}",
        '',
      ].join('\n'),
    );
    const first = await run();
    expect(first.created.length).toBeGreaterThan(0);
    await expect(stat(path.join(out, UP_TO_DATE_PATH))).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await run()).upToDate).toBeUndefined();
  });

  it('leaves no stamp while something is left for the user to settle (a file it did not generate)', async () => {
    await mkdir(path.dirname(path.join(out, ROUTER)), { recursive: true });
    await writeFile(path.join(out, ROUTER), '# mine from the start\n');
    const first = await run();
    expect(first.untracked).toEqual([ROUTER]);
    await expect(stat(path.join(out, UP_TO_DATE_PATH))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('the identity of the code', () => {
  it('changes with the size or modification time of a file, and only then', async () => {
    const folder = path.join(work!, 'code');
    await mkdir(folder);
    await writeFile(path.join(folder, 'index.js'), 'export {};\n');
    const before = codeIdentity([folder]);
    expect(codeIdentity([folder])).toBe(before);
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(folder, 'index.js'), later, later);
    expect(codeIdentity([folder])).not.toBe(before);
  });
});
