import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isInfraStackError } from '../../core/errors.js';
import { MANIFEST_PATH } from '../../core/engine/manifest.js';
import { prepareWrite, writeFiles, type RenderedFile } from '../../core/engine/writer.js';
import { makeTempDir, readTree, removeTempDir } from '../support/files.js';

const write = { force: false, dryRun: false };

function rendered(version: string): RenderedFile[] {
  return [
    { path: 'backend/app/main.py', content: `# main ${version}\n` },
    { path: 'backend/app/domain/entities/pet.py', content: `# pet ${version}\n` },
    { path: 'backend/pyproject.toml', content: '[project]\n' },
    { path: 'output/README.md', content: '' },
  ];
}

describe('writing the rendered files', () => {
  let root: string;
  let out: string;

  beforeEach(async () => {
    root = await makeTempDir('writer');
    out = path.join(root, 'out');
  });

  afterEach(async () => {
    await removeTempDir(root);
  });

  it('creates the files and their folders, the manifest with them, and leaves no temporary file', async () => {
    const outcome = await writeFiles(out, rendered('1'), write);
    expect(outcome).toEqual({
      created: ['backend/app/domain/entities/pet.py', 'backend/app/main.py', 'backend/pyproject.toml', 'output/README.md'],
      updated: [],
      unchanged: [],
      conflicts: [],
    });
    const tree = await readTree(out);
    expect([...tree.keys()]).toEqual([MANIFEST_PATH, ...outcome.created].sort());
    expect(tree.get('backend/app/main.py')?.toString()).toBe('# main 1\n');
    expect(tree.get('output/README.md')?.toString()).toBe('');
  });

  it('updates what the tool wrote, keeps what did not change, and keeps permission bits', async () => {
    await writeFiles(out, rendered('1'), write);
    await chmod(path.join(out, 'backend/app/main.py'), 0o750);
    const manifestBefore = await readFile(path.join(out, MANIFEST_PATH), 'utf8');
    const outcome = await writeFiles(out, rendered('2'), write);
    expect(outcome.updated).toEqual(['backend/app/domain/entities/pet.py', 'backend/app/main.py']);
    expect(outcome.unchanged).toEqual(['backend/pyproject.toml', 'output/README.md']);
    expect(await readFile(path.join(out, 'backend/app/main.py'), 'utf8')).toBe('# main 2\n');
    expect((await stat(path.join(out, 'backend/app/main.py'))).mode & 0o777).toBe(0o750);
    expect(await readFile(path.join(out, MANIFEST_PATH), 'utf8')).not.toBe(manifestBefore);
    expect([...(await readTree(out)).keys()].filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('writes nothing at all when a file was edited by hand, unless forced', async () => {
    await writeFiles(out, rendered('1'), write);
    await writeFile(path.join(out, 'backend/app/main.py'), '# mine\n');
    const before = await readTree(out);
    const failure = await writeFiles(out, rendered('2'), write).catch((error: unknown) => error);
    expect(isInfraStackError(failure) && failure.message).toMatch(/^1 file\(s\) differ from what was last generated .*: backend\/app\/main\.py\. Nothing was written/);
    expect(await readTree(out)).toEqual(before);

    const forced = await writeFiles(out, rendered('2'), { force: true, dryRun: false });
    expect(forced.updated).toEqual(['backend/app/domain/entities/pet.py', 'backend/app/main.py']);
    expect(forced.conflicts).toEqual([]);
    expect(await readFile(path.join(out, 'backend/app/main.py'), 'utf8')).toBe('# main 2\n');
  });

  it('lists on a forced dry run what it would overwrite, and writes nothing', async () => {
    await writeFiles(out, rendered('1'), write);
    await writeFile(path.join(out, 'backend/pyproject.toml'), '# mine\n');
    const before = await readTree(out);
    const outcome = await writeFiles(out, rendered('2'), { force: true, dryRun: true });
    expect(outcome.updated).toEqual(['backend/app/domain/entities/pet.py', 'backend/app/main.py', 'backend/pyproject.toml']);
    expect(await readTree(out)).toEqual(before);
  });

  it('writes nothing on a dry run, not even the folder', async () => {
    const outcome = await writeFiles(out, rendered('1'), { force: false, dryRun: true });
    expect(outcome.created).toHaveLength(4);
    expect(existsSync(out)).toBe(false);
  });

  it('puts nothing in place before the commit, and a discard leaves the folder as it was', async () => {
    const fresh = await prepareWrite(out, rendered('1'), write);
    expect([...(await readTree(out)).keys()].every((file) => file.endsWith('.tmp'))).toBe(true);
    await fresh.discard();
    expect(existsSync(out)).toBe(false);

    await writeFiles(out, rendered('1'), write);
    const before = await readTree(out);
    const update = await prepareWrite(out, rendered('2'), write);
    expect(update.outcome.updated).toEqual(['backend/app/domain/entities/pet.py', 'backend/app/main.py']);
    await update.discard();
    expect(await readTree(out)).toEqual(before);

    const again = await prepareWrite(out, rendered('2'), write);
    await again.commit();
    expect(await readFile(path.join(out, 'backend/app/main.py'), 'utf8')).toBe('# main 2\n');
    expect([...(await readTree(out)).keys()].filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves what it did not plan alone: the workflow log, a venv, caches are no conflicts and not in the manifest', async () => {
    await writeFiles(out, rendered('1'), write);
    await mkdir(path.join(out, 'logs'), { recursive: true });
    await mkdir(path.join(out, 'backend/.venv/bin'), { recursive: true });
    await writeFile(path.join(out, 'logs/workflow.log'), 'ruff check ok\n');
    await writeFile(path.join(out, 'backend/.venv/bin/python'), '');
    const outcome = await writeFiles(out, rendered('2'), write);
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.updated).toEqual(['backend/app/domain/entities/pet.py', 'backend/app/main.py']);
    const manifest = JSON.parse(await readFile(path.join(out, MANIFEST_PATH), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(manifest.files)).toEqual(rendered('2').map((file) => file.path).sort());
    expect(await readFile(path.join(out, 'logs/workflow.log'), 'utf8')).toBe('ruff check ok\n');
  });
});
