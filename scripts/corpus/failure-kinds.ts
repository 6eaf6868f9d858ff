/**
 * What kind of failure a stage's output shows: its particulars (names, files, numbers the
 * document chose) blanked, so one bug of the generator met in many documents counts once.
 */
import type { ImportAnswer } from './import-pool.js';
import { messageKind } from './report.js';
import type { RuffFinding } from './ruff-batch.js';

/** One kind of failure seen in one document, with the line that shows it. */
export interface FailureInstance {
  kind: string;
  detail: string;
}

/** `SomeError: message`: the exception's name kept, its message's particulars blanked. */
export function exceptionKind(line: string): string {
  const match = /^([\w.]+(?:Error|Exception|Exit|Warning|Interrupt)): (.*)$/.exec(line.trim());
  return match ? `${match[1]}: ${messageKind(match[2]!)}` : messageKind(line);
}

const cut = (text: string, length = 300) => (text.length > length ? `${text.slice(0, length)}…` : text);

export function importFailures(answer: ImportAnswer): { compile: FailureInstance[]; import: FailureInstance[] } {
  const compile = answer.compile.map((error) => ({ kind: exceptionKind(error.message), detail: `${error.file}:${error.line ?? '?'}: ${error.message}` }));
  const failures: FailureInstance[] = [];
  if (answer.worker !== undefined) failures.push({ kind: `the import worker failed: ${messageKind(answer.worker.split('\n')[0]!)}`, detail: cut(answer.worker, 2000) });
  for (const [module, error] of Object.entries(answer.imports)) {
    if (error !== null) failures.push({ kind: exceptionKind(error), detail: `import ${module}: ${error}` });
  }
  if (answer.mappers !== null) failures.push({ kind: `mappers: ${exceptionKind(answer.mappers)}`, detail: `configure the mappers: ${answer.mappers}` });
  return { compile, import: unique(failures) };
}

export function ruffFailures(findings: readonly RuffFinding[]): FailureInstance[] {
  return unique(findings.map((finding) => ({ kind: finding.code === 'format' ? messageKind(finding.message) : `${finding.code} ${messageKind(finding.message)}`, detail: `${finding.file}:${finding.line ?? ''} ${finding.code} ${finding.message}` })));
}

export function generationFailure(stack: string): FailureInstance {
  const message = stack.split('\n')[0]!;
  const frame = stack.split('\n').find((line) => /^\s+at /.test(line))?.trim() ?? '';
  return { kind: messageKind(message), detail: cut(`${message} ${frame}`, 600) };
}

/** mypy's `file:line: error: message  [code]` lines. */
export function mypyFailures(output: string): FailureInstance[] {
  const found: FailureInstance[] = [];
  for (const line of output.split('\n')) {
    const match = /^(.+?):(\d+)(?::\d+)?: error: (.*?)(?:\s+\[([a-z-]+)\])?$/.exec(line);
    if (match) found.push({ kind: `[${match[4] ?? 'error'}] ${messageKind(match[3]!)}`, detail: line });
  }
  return unique(found.length > 0 ? found : [lastLineFailure(output)]);
}

/** pytest's short summary: `FAILED tests/…::test_x - message` and `ERROR tests/… - message`. */
export function pytestFailures(output: string): FailureInstance[] {
  const found: FailureInstance[] = [];
  for (const line of output.split('\n')) {
    const match = /^(FAILED|ERROR) (\S+?)(?:::(\S+))?(?: - (.*))?$/.exec(line);
    if (!match) continue;
    const file = match[2]!.replace(/^tests\/(unit|integration)\/test_.+?_(api|mapper|repositories|repository|use_cases|adapter|step)\.py$/, 'tests/$1/test_…_$2.py');
    const message = (match[4] ?? '').replace(/'[^']*'|"[^"]*"/g, '…').replace(/\b[0-9a-f]{8,}\b/g, '…');
    found.push({ kind: `${match[1]} ${file}: ${cut(message, 160)}`, detail: cut(line, 600) });
  }
  return unique(found.length > 0 ? found : [lastLineFailure(output)]);
}

/** The exception alembic ended with (its last `SomethingError: …` line), else its last line. */
export function alembicFailures(output: string): FailureInstance[] {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const error = [...lines].reverse().find((line) => /^[\w.]+(Error|Exception|Exit)\b/.test(line));
  return error !== undefined ? [{ kind: exceptionKind(error), detail: cut(error, 600) }] : [lastLineFailure(output)];
}

export function lastLineFailure(output: string): FailureInstance {
  const line = output.split('\n').map((text) => text.trim()).filter(Boolean).at(-1) ?? '(no output)';
  return { kind: exceptionKind(cut(line, 200)), detail: cut(line, 600) };
}

function unique(instances: FailureInstance[]): FailureInstance[] {
  const seen = new Map<string, FailureInstance>();
  for (const instance of instances) if (!seen.has(instance.kind)) seen.set(instance.kind, instance);
  return [...seen.values()];
}
