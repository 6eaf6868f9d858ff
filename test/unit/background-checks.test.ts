import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InfraStackError, runEngine, type ApiDocument, type InfraStackPlugin } from '../../core/index.js';
import { makeTempDir, removeTempDir } from '../support/files.js';

/** A parser of `.fake` documents that leaves `check` running, and a plugin that plans one file. */
function pluginsWith(check: () => Promise<void>, options: { failInPlan?: boolean } = {}): InfraStackPlugin[] {
  const document = (file: string): ApiDocument => ({
    title: 'fake',
    version: '1',
    basePath: '',
    schemas: new Map(),
    operations: [],
    components: [],
    settings: {},
    sources: [file],
  });
  return [
    {
      name: 'fake-parser',
      apply({ hooks }) {
        hooks.parse.for('fake').tapPromise('fake-parser', async ({ file, defer }) => {
          defer(check());
          return document(file);
        });
      },
    },
    {
      name: 'notes',
      apply({ hooks }) {
        hooks.planFiles.tap('notes', (plan) => {
          if (options.failInPlan) throw new InfraStackError('cannot plan this');
          return { files: [...plan.files, { path: 'notes.txt', owner: 'notes', content: 'hello' }] };
        });
      },
    },
  ];
}

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Paths of the files under `dir`, relative, sorted; none when it does not exist. */
async function readTreeNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

describe('checks a parser leaves running', () => {
  let root: string;
  let out: string;
  let api: string;

  beforeEach(async () => {
    root = await makeTempDir('checks');
    out = path.join(root, 'out');
    api = path.join(root, 'api.fake');
    await writeFile(api, 'fake');
  });

  afterEach(async () => {
    await removeTempDir(root);
  });

  it('are waited for before any file is put in place', async () => {
    const seenWhenPassing: string[][] = [];
    const check = async () => {
      await later(50);
      seenWhenPassing.push(await readTreeNames(out));
    };
    const result = await runEngine({ apiFiles: [api], outDir: out }, pluginsWith(check));
    expect(seenWhenPassing).toHaveLength(1);
    // Only staged files, beside the run's lock on the folder and its journal (when staging has begun by then).
    const bookkeeping = (name: string) => name.startsWith('.infra-stack.lock/') || name === '.infra-stack/journal.json';
    expect(seenWhenPassing[0]!.filter((name) => !bookkeeping(name) && !name.endsWith('.tmp'))).toEqual([]);
    expect(seenWhenPassing[0]).not.toContain('notes.txt');
    expect(result.created).toEqual(['notes.txt']);
    expect(await readTreeNames(out)).toEqual(['.infra-stack/manifest.json', 'notes.txt']);
  });

  it('fail the run when they fail, and nothing is written, dry run or not', async () => {
    const failing = async () => {
      await later(20);
      throw new InfraStackError('invalid document', { file: api, location: 'line 3' });
    };
    for (const dryRun of [false, true]) {
      await expect(runEngine({ apiFiles: [api], outDir: out, dryRun }, pluginsWith(failing))).rejects.toThrow('invalid document');
      expect(await readdir(root)).toEqual(['api.fake']);
    }
    await mkdir(out);
    await writeFile(path.join(out, 'mine.txt'), 'mine');
    await expect(runEngine({ apiFiles: [api], outDir: out }, pluginsWith(failing))).rejects.toThrow('invalid document');
    expect(await readTreeNames(out)).toEqual(['mine.txt']);
  });

  it('are reported ahead of an error of a later step', async () => {
    const failing = async () => {
      await later(50);
      throw new InfraStackError('invalid document');
    };
    await expect(runEngine({ apiFiles: [api], outDir: out }, pluginsWith(failing, { failInPlan: true }))).rejects.toThrow('invalid document');
    await expect(runEngine({ apiFiles: [api], outDir: out }, pluginsWith(async () => {}, { failInPlan: true }))).rejects.toThrow('cannot plan this');
  });

  it('come after a document that cannot be read, and have finished when the run fails', async () => {
    let finished = false;
    const failing = async () => {
      await later(50);
      finished = true;
      throw new InfraStackError('invalid document');
    };
    const missing = path.join(root, 'missing.fake');
    await expect(runEngine({ apiFiles: [api, missing], outDir: out }, pluginsWith(failing))).rejects.toMatchObject({
      file: missing,
      message: 'cannot read the document: no such file',
    });
    expect(finished).toBe(true);
  });
});
