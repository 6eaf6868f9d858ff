import path from 'node:path';
import type { FailureInstance } from './failure-kinds.js';
import { SWEEP_STAGES, type SweepResult, type SweepStage } from './sweep.js';

export interface StageCount {
  stage: SweepStage;
  passed: number;
  failed: number;
}

export interface FailureKind {
  stage: SweepStage;
  kind: string;
  /** Documents showing it. */
  documents: number;
  example: { file: string; detail: string };
}

export interface SweepSummary {
  documents: number;
  rejected: number;
  stages: StageCount[];
  kinds: FailureKind[];
  /** Documents with at least one failed stage. */
  failedDocuments: number;
}

export function summarizeSweep(result: SweepResult): SweepSummary {
  const stages = SWEEP_STAGES.map((stage) => ({ stage, passed: 0, failed: 0 }));
  const kinds = new Map<string, FailureKind>();
  let failedDocuments = 0;
  for (const record of result.documents) {
    let failed = false;
    for (const count of stages) {
      const outcome = record.stages[count.stage];
      if (outcome === undefined) continue;
      if (outcome.ok) {
        count.passed += 1;
        continue;
      }
      count.failed += 1;
      failed = true;
      for (const failure of outcome.failures ?? ([{ kind: '(no detail)', detail: '' }] as FailureInstance[])) {
        const key = `${count.stage}\u0000${failure.kind}`;
        const known = kinds.get(key);
        if (known) known.documents += 1;
        else kinds.set(key, { stage: count.stage, kind: failure.kind, documents: 1, example: { file: path.relative(result.root, record.file), detail: failure.detail } });
      }
    }
    if (failed) failedDocuments += 1;
  }
  const stageIndex = (stage: SweepStage) => SWEEP_STAGES.indexOf(stage);
  return {
    documents: result.documents.length,
    rejected: result.documents.filter((record) => record.rejected !== undefined).length,
    stages,
    kinds: [...kinds.values()].sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage) || b.documents - a.documents || a.kind.localeCompare(b.kind)),
    failedDocuments,
  };
}

export function formatSweep(result: SweepResult, summary: SweepSummary): string {
  const lines: string[] = [];
  if (summary.kinds.length > 0) {
    lines.push('Failures, by stage and kind (documents, one example each):');
    for (const kind of summary.kinds) {
      lines.push(`  ${kind.stage.padEnd(20)} ${String(kind.documents).padStart(5)}  ${kind.kind}`, `  ${''.padEnd(20)}        e.g. ${kind.example.file}: ${kind.example.detail.split('\n')[0]}`);
    }
    lines.push('');
  }
  lines.push(`seed: ${result.seed} (sample ${result.sample}, PostgreSQL ${result.pg})`, `documents: ${summary.documents}, rejected with a clear error: ${summary.rejected}`, '', 'stage                  passed  failed');
  for (const count of summary.stages) lines.push(`${count.stage.padEnd(20)} ${String(count.passed).padStart(8)} ${String(count.failed).padStart(7)}`);
  lines.push(
    '',
    `documents with a failure: ${summary.failedDocuments}`,
    `time: ${(result.wallMs / 1000).toFixed(0)} s (generate, compile, import, ruff: ${(result.phaseMs.generateAndLint / 1000).toFixed(0)} s; sample: ${(result.phaseMs.sample / 1000).toFixed(0)} s)`,
  );
  return lines.join('\n');
}
