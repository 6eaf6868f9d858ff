import path from 'node:path';
import type { DocumentOutcome } from './check-document.js';

type Rejected = Extract<DocumentOutcome, { status: 'rejected' }>;
type Crashed = Extract<DocumentOutcome, { status: 'crashed' }>;

/** Words of the tool's messages that look like names but are not particulars. */
const VOCABULARY = new Set(['OpenAPI', 'Swagger', 'JSON', 'YAML']);

/**
 * The kind of a rejection: its first line with the particulars blanked (quoted or bracketed
 * text, pointers, numbers, names of the document's things, words repeated as in "a and a"),
 * so one rule broken by many documents counts once.
 */
export function messageKind(message: string): string {
  const line = message.split('\n')[0]!.replace(/\s*\[and \d+ more\]/g, '').replace(/"[^"]*"|`[^`]*`|'[^']*'/g, '…').replace(/\([^)]*\)/g, '(…)');
  const words = line.split(/\s+/);
  const bare = (word: string) => word.replace(/[:;,.]$/, '');
  const counts = new Map<string, number>();
  for (const word of words) counts.set(bare(word), (counts.get(bare(word)) ?? 0) + 1);
  const startsSentence = (index: number) => index === 0 || /:$/.test(words[index - 1]!);
  const particular = (word: string, index: number) => {
    const text = bare(word);
    if (VOCABULARY.has(text) || /^[A-Z]+$/.test(text)) return false;
    if (/[/#\d_\-.[<{]/.test(text) || /^.+[A-Z]/.test(text)) return true;
    if (/^[A-Z]/.test(text) && !startsSentence(index)) return true;
    return counts.get(text)! > 1 && /^\w+$/.test(text) && !['and', 'or', 'the', 'of', 'a', 'is', 'both'].includes(text);
  };
  return words.map((word, index) => (particular(word, index) ? '…' + (/[:;,]$/.test(word) ? word.at(-1) : '') : word)).join(' ');
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
