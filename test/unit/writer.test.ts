import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_PATH, parseManifest } from '../../core/engine/manifest.js';
import { InfraStackError } from '../../core/errors.js';
import { JOURNAL_PATH } from '../../core/engine/journal.js';
import { REGENERATION_REPORT_PATH } from '../../core/engine/regeneration-report.js';
import { loadManifest, outOfDate, prepareWrite, writeFiles, WriteSession, type RenderedFile } from '../../core/engine/writer.js';
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

/** A file whose line 4 changes with the version: room for edits elsewhere. */
function lines(version: string): RenderedFile[] {
  return [
    { path: 'backend/app/main.py', content: `import app\n\ndef main() -> None:\n    run(${version})\n` },
    { path: 'backend/app/domain/entities/pet.py', content: `# pet ${version}\n` },
  ];
}

function edited(version: string): string {
  return `import app\nimport mine\n\ndef main() -> None:\n    run(${version})\n`;
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
      merged: [],
      conflicts: [],
      deleted: [],
      keptStale: [],
      deletedByYou: [],
      deleteConflicts: [],
      untracked: [],
      diffs: [],
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

  it('keeps a hand edit the new generation does not touch, and keeps it as is when the generation did not change', async () => {
    await writeFiles(out, lines('1'), write);
    await writeFile(path.join(out, 'backend/app/main.py'), edited('1'));
    const same = await writeFiles(out, lines('1'), write);
    expect(same.unchanged).toContain('backend/app/main.py');
    expect(await readFile(path.join(out, 'backend/app/main.py'), 'utf8')).toBe(edited('1'));

    const outcome = await writeFiles(out, lines('2'), write);
    expect(outcome.merged).toEqual(['backend/app/main.py']);
    expect(outcome.conflicts).toEqual([]);
    expect(await readFile(path.join(out, 'backend/app/main.py'), 'utf8')).toBe(edited('2'));
    const manifest = parseManifest(await readFile(path.join(out, MANIFEST_PATH), 'utf8'));
    expect(manifest?.files['backend/app/main.py']?.text).toBe(lines('2')[0]?.content);
    expect(await readFile(path.join(out, REGENERATION_REPORT_PATH), 'utf8')).toContain('## Merged (1)');
  });

  it('leaves conflict markers in the one file where both sides changed the same lines, and lists it', async () => {
    await writeFiles(out, lines('1'), write);
    await writeFile(path.join(out, 'backend/app/main.py'), 'import app\n\ndef main() -> None:\n    run(42)\n');
    const outcome = await writeFiles(out, lines('2'), write);
    expect(outcome.conflicts).toEqual(['backend/app/main.py']);
    expect(outcome.updated).toEqual(['backend/app/domain/entities/pet.py']);
    expect(await readFile(path.join(out, 'backend/app/main.py'), 'utf8')).toBe(
      'import app\n\ndef main() -> None:\n<<<<<<< your edit\n    run(42)\n=======\n    run(2)\n>>>>>>> generated now\n',
    );
    expect(await readFile(path.join(out, 'backend/app/domain/entities/pet.py'), 'utf8')).toBe('# pet 2\n');
    expect(await readFile(path.join(out, REGENERATION_REPORT_PATH), 'utf8')).toMatch(/## Conflicts to resolve \(1\)[\s\S]*`backend\/app\/main\.py`/);
  });

  it('overwrites edits with --force, keeping their text in a numbered backup folder', async () => {
    await writeFiles(out, lines('1'), write);
    await writeFile(path.join(out, 'backend/app/main.py'), '# mine\n');
    const forced = await writeFiles(out, lines('2'), { force: true, dryRun: false });
    expect(forced.updated).toEqual(['backend/app/domain/entities/pet.py', 'backend/app/main.py']);
    expect(forced.backupDir).toBe('.infra-stack/backup/1');
    expect(await readFile(path.join(out, 'backend/app/main.py'), 'utf8')).toBe(lines('2')[0]?.content);
    expect(await readFile(path.join(out, '.infra-stack/backup/1/backend/app/main.py'), 'utf8')).toBe('# mine\n');
    await writeFile(path.join(out, 'backend/app/main.py'), '# mine again\n');
    expect((await writeFiles(out, lines('3'), { force: true, dryRun: false })).backupDir).toBe('.infra-stack/backup/2');
  });

  it('deletes files no longer generated when untouched, keeps and reports edited ones, never touches files it did not generate', async () => {
    await writeFiles(out, rendered('1'), write);
    await writeFile(path.join(out, 'backend/pyproject.toml'), '[project]\nname = "mine"\n');
    await writeFile(path.join(out, 'backend/notes.txt'), 'my notes\n');
    const fewer = rendered('2').filter((file) => !['backend/app/domain/entities/pet.py', 'backend/pyproject.toml'].includes(file.path));
    const outcome = await writeFiles(out, [...fewer, { path: 'backend/notes.txt', content: 'generated notes\n' }], write);
    expect(outcome.deleted).toEqual(['backend/app/domain/entities/pet.py']);
    expect(outcome.keptStale).toEqual(['backend/pyproject.toml']);
    expect(outcome.untracked).toEqual(['backend/notes.txt']);
    expect(existsSync(path.join(out, 'backend/app/domain/entities/pet.py'))).toBe(false);
    expect(await readFile(path.join(out, 'backend/pyproject.toml'), 'utf8')).toBe('[project]\nname = "mine"\n');
    expect(await readFile(path.join(out, 'backend/notes.txt'), 'utf8')).toBe('my notes\n');
    const manifest = parseManifest(await readFile(path.join(out, MANIFEST_PATH), 'utf8'));
    expect(Object.keys(manifest?.files ?? {})).toEqual(['backend/app/main.py', 'output/README.md']);
  });

  it('writes nothing at all, not even the manifest, when nothing changed', async () => {
    const record = { inputs: { 'a.yaml': 'h' }, model: JSON.stringify({ title: 'A' }), notes: [] };
    await writeFiles(out, rendered('1'), { ...write, record });
    const before = await readTree(out);
    const stamps = async () => Promise.all([...before.keys()].map(async (file) => (await stat(path.join(out, file))).mtimeMs));
    const stampsBefore = await stamps();
    const outcome = await writeFiles(out, rendered('1'), { ...write, record });
    expect(outcome.unchanged).toHaveLength(4);
    expect(await readTree(out)).toEqual(before);
    expect(await stamps()).toEqual(stampsBefore);
  });

  it('lists on a dry run what it would change, with unified diffs on request, and writes nothing', async () => {
    await writeFiles(out, rendered('1'), write);
    await writeFile(path.join(out, 'backend/pyproject.toml'), '# mine\n');
    const before = await readTree(out);
    const outcome = await writeFiles(out, rendered('2'), { force: true, dryRun: true, diff: true });
    expect(outcome.updated).toEqual(['backend/app/domain/entities/pet.py', 'backend/app/main.py', 'backend/pyproject.toml']);
    expect(outcome.diffs[0]).toBe('--- a/backend/app/domain/entities/pet.py\n+++ b/backend/app/domain/entities/pet.py\n@@ -1,1 +1,1 @@\n-# pet 1\n+# pet 2\n');
    expect(await readTree(out)).toEqual(before);
  });

  it('writes nothing on a dry run, not even the folder', async () => {
    const outcome = await writeFiles(out, rendered('1'), { force: false, dryRun: true });
    expect(outcome.created).toHaveLength(4);
    expect(existsSync(out)).toBe(false);
  });

  it('puts nothing in place before the commit, and a discard leaves the folder as it was', async () => {
    const fresh = await prepareWrite(out, rendered('1'), write);
    // Before the commit: temporary files, and the journal naming their folders.
    expect([...(await readTree(out)).keys()].filter((file) => !file.endsWith('.tmp'))).toEqual([JOURNAL_PATH]);
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

  it('writes files as they are added, before the last one is rendered, and a discard mid-way leaves the folder as it was', async () => {
    await writeFiles(out, rendered('1'), write);
    const before = await readTree(out);
    const session = new WriteSession(out, { ...write, previous: await loadManifest(out) });
    const files = [...rendered('2'), { path: 'backend/app/new/module.py', content: '# new\n' }];
    session.expect(files.map((file) => file.path));
    for (const file of files) session.add(file);
    await expect.poll(async () => [...(await readTree(out)).keys()].filter((file) => file.endsWith('.tmp')).length).toBe(3);
    await session.discard();
    expect(await readTree(out)).toEqual(before);
    expect(existsSync(path.join(out, 'backend/app/new'))).toBe(false);
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

  describe('a damaged manifest', () => {
    const damages: [string, (text: string) => string, RegExp][] = [
      ['truncated', (text) => text.slice(0, Math.floor(text.length / 2)), /is not valid JSON \(.*; truncated\?\)/],
      ['emptied', () => '', /is not valid JSON \(the file is empty\)/],
      ['with a store that does not decode', (text) => text.replace(/"texts": "[^"]{12}/, '"texts": "AAAAAAAAAAAA'), /has a "texts" field that does not decode/],
      ['without its files', (text) => JSON.stringify({ ...JSON.parse(text), files: undefined }), /has no "files" object/],
      ['missing a text', (text) => JSON.stringify({ ...JSON.parse(text), texts: JSON.parse(text).model }), /lacks the generated text of backend\/app\/domain\/entities\/pet\.py \(hash [0-9a-f]{12}… not in "texts"\)/],
    ];

    for (const [name, damage, expected] of damages) {
      it(`is an error naming the file and what is wrong, and nothing is written: ${name}`, async () => {
        await writeFiles(out, rendered('1'), { ...write, record: { inputs: {}, model: JSON.stringify({ title: 'T' }), notes: [] } });
        const manifestFile = path.join(out, MANIFEST_PATH);
        await writeFile(manifestFile, damage(await readFile(manifestFile, 'utf8')));
        const before = await readTree(out);
        const failure = await writeFiles(out, rendered('2'), write).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(InfraStackError);
        expect((failure as InfraStackError).file).toBe(manifestFile);
        expect((failure as InfraStackError).message).toMatch(expected);
        expect((failure as InfraStackError).message).toContain('--rebuild-manifest');
        expect(await readTree(out)).toEqual(before);
      });
    }

    it('is rebuilt with --rebuild-manifest from the files on disk: edits replaced by the generation and backed up, the rest as after a normal run', async () => {
      await writeFiles(out, lines('1'), write);
      await writeFile(path.join(out, 'backend/app/main.py'), edited('1'));
      await writeFile(path.join(out, 'backend/mine.py'), '# mine\n');
      await writeFile(path.join(out, MANIFEST_PATH), '{"generator": "generator-infra-st');
      const outcome = await writeFiles(out, lines('2'), { ...write, previous: await loadManifest(out, { rebuild: true }) });
      expect(outcome.updated).toEqual(['backend/app/domain/entities/pet.py', 'backend/app/main.py']);
      expect(outcome.backupDir).toBe('.infra-stack/backup/1');
      expect(await readFile(path.join(out, '.infra-stack/backup/1/backend/app/main.py'), 'utf8')).toBe(edited('1'));
      expect(await readFile(path.join(out, 'backend/app/main.py'), 'utf8')).toBe(lines('2')[0]!.content);
      expect(await readFile(path.join(out, 'backend/mine.py'), 'utf8')).toBe('# mine\n');
      const manifest = parseManifest(await readFile(path.join(out, MANIFEST_PATH), 'utf8'));
      expect(Object.keys(manifest!.files)).toEqual(['backend/app/domain/entities/pet.py', 'backend/app/main.py']);
      // From here on, regeneration works as before: an edit is merged.
      await writeFile(path.join(out, 'backend/app/main.py'), edited('2'));
      expect((await writeFiles(out, lines('3'), write)).merged).toEqual(['backend/app/main.py']);
    });
  });

  describe('a generated file you deleted', () => {
    const PET = 'backend/app/domain/entities/pet.py';

    it('stays deleted and is reported; when its generation changed, it is a modify/delete conflict; --force restores it', async () => {
      await writeFiles(out, rendered('1'), write);
      await rm(path.join(out, PET));
      const same = await writeFiles(out, rendered('1'), write);
      expect(same.deletedByYou).toEqual([PET]);
      expect(same.created).toEqual([]);
      expect(outOfDate(await writeFiles(out, rendered('1'), { ...write, dryRun: true }))).toEqual([]);
      expect(existsSync(path.join(out, PET))).toBe(false);

      const changed = await writeFiles(out, rendered('2'), write);
      expect(changed.deleteConflicts).toEqual([PET]);
      expect(changed.created).toEqual([]);
      expect(existsSync(path.join(out, PET))).toBe(false);
      expect(await readFile(path.join(out, REGENERATION_REPORT_PATH), 'utf8')).toMatch(/## Deleted by you, changed by the generation \(1\)[\s\S]*`backend\/app\/domain\/entities\/pet\.py`/);
      // Reported once: the manifest now holds the new generation, and the file stays deleted.
      expect((await writeFiles(out, rendered('2'), write)).deletedByYou).toEqual([PET]);

      const forced = await writeFiles(out, rendered('2'), { force: true, dryRun: false });
      expect(forced.created).toEqual([PET]);
      expect(await readFile(path.join(out, PET), 'utf8')).toBe('# pet 2\n');
    });
  });

  describe('a file still holding conflict markers', () => {
    const MAIN = 'backend/app/main.py';
    const conflicted = 'import app\n\ndef main() -> None:\n<<<<<<< your edit\n    run(42)\n=======\n    run(2)\n>>>>>>> generated now\n';

    it('is a conflict as it stands: never merged again (no nested markers), its base kept until you resolve it', async () => {
      await writeFiles(out, lines('1'), write);
      await writeFile(path.join(out, MAIN), 'import app\n\ndef main() -> None:\n    run(42)\n');
      expect((await writeFiles(out, lines('2'), write)).conflicts).toEqual([MAIN]);
      expect(await readFile(path.join(out, MAIN), 'utf8')).toBe(conflicted);

      const again = await writeFiles(out, lines('3'), write);
      expect(again.conflicts).toEqual([MAIN]);
      expect(again.updated).toEqual(['backend/app/domain/entities/pet.py']);
      expect(await readFile(path.join(out, MAIN), 'utf8')).toBe(conflicted);
      expect(parseManifest(await readFile(path.join(out, MANIFEST_PATH), 'utf8'))?.files[MAIN]?.text).toBe(lines('2')[0]!.content);

      // Resolved (the generated side taken, a line of the user's added): merged with what changed since.
      await writeFile(path.join(out, MAIN), 'import app\nimport mine\n\ndef main() -> None:\n    run(2)\n');
      const resolved = await writeFiles(out, lines('3'), write);
      expect(resolved.merged).toEqual([MAIN]);
      expect(await readFile(path.join(out, MAIN), 'utf8')).toBe(edited('3'));
    });

    it('fails --check while the markers remain, even when the generation did not change', async () => {
      await writeFiles(out, lines('1'), write);
      await writeFile(path.join(out, MAIN), 'import app\n\ndef main() -> None:\n    run(42)\n');
      await writeFiles(out, lines('2'), write);
      const check = await writeFiles(out, lines('2'), { ...write, dryRun: true });
      expect(check.conflicts).toEqual([MAIN]);
      expect(outOfDate(check)).toEqual([MAIN]);
      await writeFile(path.join(out, MAIN), 'import app\n\ndef main() -> None:\n    run(42)\n');
      expect(outOfDate(await writeFiles(out, lines('2'), { ...write, dryRun: true }))).toEqual([]);
    });
  });

  describe('a run that was stopped', () => {
    const MAIN = 'backend/app/main.py';
    const PET = 'backend/app/domain/entities/pet.py';
    const temporaries = async () => [...(await readTree(out)).keys()].filter((file) => file.endsWith('.tmp'));

    it('after its renames, before its manifest, is finished by the next run: its own files are not taken for your edits', async () => {
      await writeFiles(out, lines('1'), write);
      await writeFile(path.join(out, MAIN), edited('1'));
      const prepared = await prepareWrite(out, lines('2'), write);
      // The manifest cannot be put in place (a folder stands there): the run stops after the files.
      await rm(path.join(out, MANIFEST_PATH));
      await mkdir(path.join(out, MANIFEST_PATH, 'in-the-way'), { recursive: true });
      await expect(prepared.commit()).rejects.toThrow();
      await prepared.discard();
      expect(await readFile(path.join(out, PET), 'utf8')).toBe('# pet 2\n');
      expect(existsSync(path.join(out, JOURNAL_PATH))).toBe(true);

      await rm(path.join(out, MANIFEST_PATH), { recursive: true });
      const next = await writeFiles(out, lines('3'), write);
      expect(next.conflicts).toEqual([]);
      expect(next.updated).toEqual([PET]);
      expect(next.merged).toEqual([MAIN]);
      expect(await readFile(path.join(out, MAIN), 'utf8')).toBe(edited('3'));
      expect(await readFile(path.join(out, PET), 'utf8')).toBe('# pet 3\n');
      expect(existsSync(path.join(out, JOURNAL_PATH))).toBe(false);
      expect(await temporaries()).toEqual([]);
    });

    it('half-way through its renames is rolled forward; a file you changed meanwhile keeps its previous base', async () => {
      await writeFiles(out, [...lines('1'), { path: 'backend/app/other.py', content: '# other 1\n' }], write);
      const prepared = await prepareWrite(out, [...lines('2'), { path: 'backend/app/other.py', content: '# other 2\n' }], write);
      await rm(path.join(out, PET));
      await mkdir(path.join(out, PET, 'in-the-way'), { recursive: true });
      await expect(prepared.commit()).rejects.toThrow();
      await prepared.discard();
      // You put your own text where the stopped run was to write its pet.
      await rm(path.join(out, PET), { recursive: true });
      await writeFile(path.join(out, PET), '# my pet\n');

      const next = await writeFiles(out, [...lines('2'), { path: 'backend/app/other.py', content: '# other 2\n' }], write);
      expect(await readFile(path.join(out, MAIN), 'utf8')).toBe(lines('2')[0]!.content);
      expect(await readFile(path.join(out, 'backend/app/other.py'), 'utf8')).toBe('# other 2\n');
      // Your text against the base you edited (pet 1) and the generation (pet 2): a conflict, not a silent keep.
      expect(next.conflicts).toEqual([PET]);
      expect(await readFile(path.join(out, PET), 'utf8')).toBe('<<<<<<< your edit\n# my pet\n=======\n# pet 2\n>>>>>>> generated now\n');
      expect(await temporaries()).toEqual([]);
    });

    it('while staging leaves temporary files the next run removes; so does a run that kept no journal', async () => {
      await writeFiles(out, rendered('1'), write);
      const stopped = new WriteSession(out, { ...write, previous: await loadManifest(out) });
      stopped.expect(rendered('2').map((file) => file.path));
      for (const file of rendered('2')) stopped.add(file);
      await expect.poll(async () => (await temporaries()).length).toBe(2);
      expect(existsSync(path.join(out, JOURNAL_PATH))).toBe(true);
      // Left by processes that are gone, without a journal (an older version): by a dead process, and by a live one.
      const dead = spawnSync(process.execPath, ['-e', '']).pid!;
      await writeFile(path.join(out, `backend/app/.main.py.${dead}-0123abcd.tmp`), 'half');
      await writeFile(path.join(out, `backend/app/.main.py.${process.ppid}-0123abcd.tmp`), 'in use');

      const outcome = await writeFiles(out, rendered('2'), write);
      expect(outcome.updated).toEqual(['backend/app/domain/entities/pet.py', 'backend/app/main.py']);
      expect(await temporaries()).toEqual([`backend/app/.main.py.${process.ppid}-0123abcd.tmp`]);
      expect(existsSync(path.join(out, JOURNAL_PATH))).toBe(false);
    });

    it('during its renames makes a dry run or a check fail until a run completes it', async () => {
      await writeFiles(out, lines('1'), write);
      const prepared = await prepareWrite(out, lines('2'), write);
      await rm(path.join(out, MANIFEST_PATH));
      await mkdir(path.join(out, MANIFEST_PATH, 'in-the-way'), { recursive: true });
      await expect(prepared.commit()).rejects.toThrow();
      await rm(path.join(out, MANIFEST_PATH), { recursive: true });
      await expect(writeFiles(out, lines('2'), { ...write, dryRun: true })).rejects.toThrow(/an earlier run was stopped while putting its files in place: run once without --dry-run or --check/);
      expect((await writeFiles(out, lines('2'), write)).unchanged).toEqual([PET, MAIN].sort());
    });
  });
});
