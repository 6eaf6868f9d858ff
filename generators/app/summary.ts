import { isAbsolute, relative } from 'node:path';
import type { GenerateResult } from '../../core/options.js';

/** A large API has hundreds of operations beyond CRUD: the terminal shows the first ones. */
const SHOWN_TO_IMPLEMENT = 20;

/** The lines printed after a run: file counts, operations left to implement, next steps. */
export function summaryLines(result: GenerateResult, cwd: string): string[] {
  const fromCwd = relative(cwd, result.outDir);
  const where = fromCwd === '' ? '.' : fromCwd.startsWith('..') || isAbsolute(fromCwd) ? result.outDir : fromCwd;
  const verb = result.dryRun ? 'would be' : '';
  const counts = [
    `${result.created.length} ${verb} created`,
    `${result.updated.length} ${verb} updated`,
    `${result.unchanged.length} unchanged`,
  ].map((text) => text.replace(/\s+/g, ' '));
  const lines = [`${result.dryRun ? 'Dry run, nothing written' : 'Generated'} in ${where}: ${counts.join(', ')}.`];
  if (result.plugins.length > 0) lines.push(`Plugins: ${result.plugins.join(', ')}.`);
  lines.push(...result.notes);
  if (result.conflicts.length > 0) {
    lines.push('', 'Edited since generated (rerun with --force to overwrite):', ...result.conflicts.map((path) => `  ${path}`));
  }
  if (result.toImplement.length > 0) {
    const shown = result.toImplement.slice(0, SHOWN_TO_IMPLEMENT);
    const more = result.toImplement.length - shown.length;
    lines.push('', 'To implement (these endpoints answer 501 until done):', ...shown.map((item) => `  ${item}`));
    if (more > 0) lines.push(`  … and ${more} more, all listed in backend/README.md`);
  }
  if (result.nextSteps.length > 0) {
    lines.push('', 'Next steps:', ...result.nextSteps.map((step) => `  ${step}`));
  }
  return lines;
}
