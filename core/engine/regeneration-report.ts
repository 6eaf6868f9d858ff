import type { WriteOutcome } from './writer.js';

export const REGENERATION_REPORT_PATH = 'output/regeneration-report.md';

/** The sections of the report, in the order a reader acts on them. */
const SECTIONS: [keyof WriteOutcome, string, string][] = [
  ['conflicts', 'Conflicts to resolve', 'Your edit and the new generation changed the same lines: both are in the file between `<<<<<<<` and `>>>>>>>` markers.'],
  ['deleteConflicts', 'Deleted by you, changed by the generation', 'Modify/delete conflicts: you deleted these files and their generation changed since. They stay deleted; `--force` restores the new generation.'],
  ['merged', 'Merged', 'Edited by you and merged with the new generation; both changes kept.'],
  ['keptStale', 'Kept, no longer generated', 'Edited by you, so not deleted; nothing generates them any more.'],
  ['deletedByYou', 'Deleted by you', 'Generated before and deleted by you: not re-created (`--force` restores them).'],
  ['untracked', 'Left alone', 'Files the tool never generated, where it would now generate one.'],
  ['created', 'Created', ''],
  ['updated', 'Updated', ''],
  ['deleted', 'Deleted', 'Generated before and untouched; nothing generates them any more.'],
];

/** `output/regeneration-report.md`: what a run changed, from the write outcome and what the plugins said. No timestamps: the same run reports the same text. */
export function regenerationReport(outcome: WriteOutcome, notes: readonly string[]): string {
  const counts = SECTIONS.map(([key, title]) => `${(outcome[key] as string[]).length} ${title.toLowerCase()}`);
  const lines = ['# Regeneration report', '', `${counts.join(', ')}; ${outcome.unchanged.length} unchanged.`];
  if (outcome.backupDir !== undefined) lines.push('', `Overwritten or deleted edits were backed up in \`${outcome.backupDir}/\`.`);
  if (notes.length > 0) lines.push('', '## Database and model', '', ...notes.map((note) => `- ${note}`));
  for (const [key, title, explanation] of SECTIONS) {
    const paths = outcome[key] as string[];
    if (paths.length === 0) continue;
    lines.push('', `## ${title} (${paths.length})`, '');
    if (explanation) lines.push(explanation, '');
    lines.push(...paths.map((file) => `- \`${file}\``));
  }
  return `${lines.join('\n')}\n`;
}
