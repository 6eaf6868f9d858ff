import path from 'node:path';
import type { DocumentOutcome } from './check-document.js';

type Rejected = Extract<DocumentOutcome, { status: 'rejected' }>;
type Crashed = Extract<DocumentOutcome, { status: 'crashed' }>;

/**
 * The kind of a rejection: its message with the particulars (quoted names, numbers, what
 * follows a colon) blanked, so one rule broken by many documents counts once.
 */
export function messageKind(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/"[^"]*"|`[^`]*`|'[^']*'/g, '…')
    .replace(/\([^)]*\)/g, '(…)')
    .replace(/\[and \d+ more\]/g, '')
    .replace(/\d+/g, 'N')
    .replace(/^((?:[^:]*:){2}).*$/, '$1 …')
    .trim();
}

export interface CorpusSummary {
  total: number;
  derived: number;
  rejected: Map<string, Rejected[]>;
  crashed: Crashed[];
  entities: number;
  operations: number;
  slowest: DocumentOutcome[];
}

export function summarize(outcomes: readonly DocumentOutcome[]): CorpusSummary {
  const rejected = new Map<string, Rejected[]>();
  const crashed: Crashed[] = [];
  let derived = 0;
  let entities = 0;
  let operations = 0;
  for (const outcome of outcomes) {
    if (outcome.status === 'derived') {
      derived += 1;
      entities += outcome.entities;
      operations += outcome.operations;
    } else if (outcome.status === 'rejected') {
      const kind = messageKind(outcome.message);
      rejected.set(kind, [...(rejected.get(kind) ?? []), outcome]);
    } else {
      crashed.push(outcome);
    }
  }
  const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 5);
  return { total: outcomes.length, derived, rejected, crashed, entities, operations, slowest };
}

export function formatSummary(summary: CorpusSummary, root: string, elapsedMs: number): string {
  const relative = (file: string) => path.relative(root, file);
  const rejectedCount = [...summary.rejected.values()].reduce((sum, list) => sum + list.length, 0);
  const lines: string[] = [];
  for (const outcome of summary.crashed) lines.push(`CRASHED ${relative(outcome.file)}\n${indent(outcome.stack)}`, '');
  if (summary.rejected.size > 0) {
    lines.push('Rejected, by kind of message:');
    for (const [kind, list] of [...summary.rejected].sort((a, b) => b[1].length - a[1].length)) {
      const example = list[0]!;
      lines.push(`  ${String(list.length).padStart(5)}  ${kind}`, `         e.g. ${relative(example.where.split(':')[0] ?? example.file)}${example.where.includes(':') ? `:${example.where.split(':').slice(1).join(':')}` : ''}: ${example.message.split('\n')[0]}`);
    }
    lines.push('');
  }
  lines.push('Slowest:', ...summary.slowest.map((o) => `  ${String(o.ms).padStart(6)} ms  ${relative(o.file)} (${o.status})`), '');
  lines.push(
    `documents: ${summary.total}`,
    `derived:   ${summary.derived} (${summary.entities} entities, ${summary.operations} operations)`,
    `rejected:  ${rejectedCount} (${summary.rejected.size} kinds)`,
    `crashed:   ${summary.crashed.length}`,
    `time:      ${(elapsedMs / 1000).toFixed(1)} s`,
  );
  return lines.join('\n');
}

function indent(text: string): string {
  return text.split('\n').slice(0, 12).map((line) => `    ${line}`).join('\n');
}
