import { describe, expect, it } from 'vitest';
import type { GenerateResult } from '../../core/options.js';
import { diffText, summaryLines } from '../../generators/app/summary.js';

function result(toImplement: string[], plugins: string[] = [], warnings: string[] = []): GenerateResult {
  return { outDir: '/work/gen', dryRun: false, created: ['a'], updated: [], unchanged: [], conflicts: [], merged: [], deleted: [], keptStale: [], deletedByYou: [], deleteConflicts: [], untracked: [], check: false, outOfDate: [], diffs: [], regeneration: [], notes: ['Database: sqlite (--db).'], toImplement, nextSteps: [], plugins, warnings };
}

describe('the summary after a run', () => {
  it('says where, how many files, and the notes', () => {
    expect(summaryLines(result([]), '/work')).toEqual(['Generated in gen: 1 created, 0 updated, 0 unchanged.', 'Database: sqlite (--db).']);
  });

  it('names the installed plugins used, in order', () => {
    expect(summaryLines(result([], ['infra-stack-plugin-cache', '@acme/infra-stack-plugin-audit']), '/work')).toEqual([
      'Generated in gen: 1 created, 0 updated, 0 unchanged.',
      'Plugins: infra-stack-plugin-cache, @acme/infra-stack-plugin-audit.',
      'Database: sqlite (--db).',
    ]);
  });

  it('gives each warning a line of its own after the plugins', () => {
    expect(summaryLines(result([], ['infra-stack-plugin-cache'], ['plugin infra-stack-plugin-cache@1.0.0 supports x, but this is y; used anyway']), '/work')).toEqual([
      'Generated in gen: 1 created, 0 updated, 0 unchanged.',
      'Plugins: infra-stack-plugin-cache.',
      'Warning: plugin infra-stack-plugin-cache@1.0.0 supports x, but this is y; used anyway.',
      'Database: sqlite (--db).',
    ]);
  });

  it('lists the first 20 operations to implement and counts the rest', () => {
    const operations = Array.from({ length: 23 }, (_, index) => `GET /things/${index} (get_thing_${index})`);
    const lines = summaryLines(result(operations), '/work');
    expect(lines).toContain('  GET /things/19 (get_thing_19)');
    expect(lines).not.toContain('  GET /things/20 (get_thing_20)');
    expect(lines.at(-1)).toBe('  … and 3 more, all listed in backend/README.md');
  });

  it('gives next steps only when files were written', () => {
    const written = { ...result([]), nextSteps: ['cd backend && pip install -e .'] };
    expect(summaryLines(written, '/work')).toContain('Next steps:');
    expect(summaryLines({ ...written, dryRun: true }, '/work').join('\n')).not.toMatch(/Next steps|pip install/);
    expect(summaryLines({ ...written, dryRun: true, check: true }, '/work').join('\n')).not.toMatch(/Next steps|pip install/);
  });

  it('keeps the diffs out of the summary: they are printed apart, to stdout', () => {
    const diffs = ['--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n', '--- a/y\n+++ b/y\n'];
    const withDiffs = { ...result([]), dryRun: true, diffs };
    expect(summaryLines(withDiffs, '/work').join('\n')).not.toContain('+++');
    expect(diffText(withDiffs)).toBe('--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n--- a/y\n+++ b/y\n');
    expect(diffText(result([]))).toBe('');
  });

  it('lists the files you deleted, and the modify/delete conflicts apart, counted with the conflicts', () => {
    const lines = summaryLines({ ...result([]), conflicts: ['backend/a.py'], deleteConflicts: ['backend/b.py'], deletedByYou: ['backend/c.py'] }, '/work');
    expect(lines[0]).toBe('Generated in gen: 1 created, 0 updated, 2 conflicted, 0 unchanged.');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Deleted by you, changed by the generation (modify/delete conflicts; they stay deleted, --force restores them):',
        '  backend/b.py',
        'Deleted by you (not re-created; --force restores them):',
        '  backend/c.py',
      ]),
    );
  });
});
