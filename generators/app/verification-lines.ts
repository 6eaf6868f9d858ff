/**
 * What the command prints about the validation gate: a heading, one line per step as it ends
 * (status, name, duration, detail), the end of each failed step's output, and the verdict.
 */
import { isAbsolute, join, relative } from 'node:path';
import type { StepOutcome, StepStatus, VerificationReport } from '../../lib/index.js';

const STATUS_COLORS: Record<StepStatus, number> = { ok: 32, failed: 31, skipped: 33 };
const STATUS_WIDTH = 'skipped'.length;
/** The longest step name, `ruff format`: the columns line up without knowing the steps in advance. */
const NAME_WIDTH = 'ruff format'.length;

export function verificationHeading(outDir: string, logFile: string, cwd: string): string {
  return `\nVerifying ${shownPath(join(outDir, 'backend'), cwd)} (full output in ${shownPath(logFile, cwd)}):`;
}

export function stepLine(outcome: StepOutcome, colors: boolean): string {
  const status = outcome.status.padEnd(STATUS_WIDTH);
  const shownStatus = colors ? `\u001B[${STATUS_COLORS[outcome.status]}m${status}\u001B[39m` : status;
  const duration = outcome.status === 'skipped' ? '' : seconds(outcome.durationMs);
  return `  ${shownStatus}  ${outcome.name.padEnd(NAME_WIDTH)}  ${duration.padStart(7)}${outcome.detail ? `  ${outcome.detail}` : ''}`.trimEnd();
}

/** After the step lines: the end of each failed step's output and what to try. */
export function failureLines(report: VerificationReport): string[] {
  return report.steps
    .filter((outcome) => outcome.status === 'failed')
    .flatMap((outcome) => [
      '',
      `${outcome.name} (${outcome.command}):`,
      ...(outcome.outputTail.length > 0 ? outcome.outputTail.map((line) => `  ${line}`) : ['  (no output)']),
      ...(outcome.hint ? [`  hint: ${outcome.hint}`] : []),
    ]);
}

/** The last line: the verdict, and where the whole output is. */
export function verdict(report: VerificationReport, cwd: string): string {
  const failed = report.steps.filter((outcome) => outcome.status === 'failed').map((outcome) => outcome.name);
  const log = shownPath(report.logFile, cwd);
  return failed.length === 0 ? `Verified: every step passed (log: ${log}).` : `verification failed (${failed.join(', ')}): the full output is in ${log}`;
}

/** ANSI colors on the stream the lines go to (Yeoman logs to stderr too), as chalk decides. */
export function colorsFor(stream: { isTTY?: boolean; hasColors?: () => boolean } = process.stderr, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  const forced = env.FORCE_COLOR;
  if (forced !== undefined) return forced === '' || forced === 'true' || Number.parseInt(forced, 10) > 0;
  return stream.isTTY === true && (stream.hasColors?.() ?? false);
}

function seconds(durationMs: number): string {
  return `${(durationMs / 1000).toFixed(1)} s`;
}

/** Relative to the current folder when inside it, else absolute. */
function shownPath(path: string, cwd: string): string {
  const fromCwd = relative(cwd, path);
  return fromCwd === '' ? '.' : fromCwd.startsWith('..') || isAbsolute(fromCwd) ? path : fromCwd;
}
