import { createTwoFilesPatch } from 'diff';

/** A unified diff of one file, as `git diff` labels it (`/dev/null` for a file created or deleted). */
export function unifiedDiff(file: string, before: string, after: string, change: string): string {
  const from = change === 'create' ? '/dev/null' : `a/${file}`;
  const to = change === 'delete' ? '/dev/null' : `b/${file}`;
  return createTwoFilesPatch(from, to, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
}
