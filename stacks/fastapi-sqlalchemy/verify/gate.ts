/**
 * Runs the gate's steps in order. A failed setup step (interpreter, venv, install) stops it:
 * the rest are reported as skipped. Every check runs, whatever the others did.
 */
import { isAbsolute, relative, sep } from 'node:path';
import type { StepOutcome } from '../../../core/index.js';
import type { CommandRunner } from './process-runner.js';
import type { GateStep } from './steps.js';
import type { GateLog } from './workflow-log.js';

/** Lines of a step's output kept for the report. */
const TAIL_LINES = 15;
/** The end of a step's output kept in memory (the log has all of it). */
const KEPT_OUTPUT = 64 * 1024;

export interface GateContext {
  cwd: string;
  runner: CommandRunner;
  log: GateLog;
  /** Told of each step as it ends (the command prints its line then). */
  onStep?: (outcome: StepOutcome) => void;
  /** Milliseconds, for durations. */
  now?: () => number;
}

export async function runGate(steps: readonly GateStep[], context: GateContext): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = [];
  let stoppedBy: string | undefined;
  for (const step of steps) {
    const outcome = stoppedBy === undefined ? await runStep(step, context) : skipped(step, context.cwd, `not run: ${stoppedBy} failed`);
    if (stoppedBy === undefined && outcome.status === 'failed' && step.stage === 'setup') stoppedBy = step.name;
    outcomes.push(outcome);
    context.onStep?.(outcome);
  }
  return outcomes;
}

async function runStep(step: GateStep, context: GateContext): Promise<StepOutcome> {
  const now = context.now ?? (() => performance.now());
  const command = shownCommand(step.command, context.cwd);
  context.log.stepStarted(step.name, command, context.cwd);
  let output = '';
  const started = now();
  const result = await context.runner({ command: step.command, cwd: context.cwd, env: step.env, timeoutMs: step.timeoutMs }, (text) => {
    output = (output + text).slice(-KEPT_OUTPUT);
    context.log.output(text);
  });
  const durationMs = now() - started;
  let problem: string | undefined;
  let detail: string | undefined;
  if (result.startError !== undefined) problem = result.startError;
  else if (result.timedOut) problem = `stopped after ${Math.round(step.timeoutMs / 1000)} s`;
  else if (result.exitCode !== 0) problem = `exit code ${result.exitCode ?? 'none'}`;
  else ({ problem, detail } = step.inspect?.(output) ?? {});
  const outcome: StepOutcome = {
    name: step.name,
    status: problem === undefined ? 'ok' : 'failed',
    command,
    exitCode: result.exitCode,
    durationMs,
    ...(problem !== undefined ? { detail: problem } : detail !== undefined ? { detail } : {}),
    outputTail: problem === undefined ? [] : lastLines(output, TAIL_LINES),
    ...(problem !== undefined && step.hint !== undefined ? { hint: step.hint } : {}),
  };
  context.log.stepFinished(outcome);
  return outcome;
}

function skipped(step: GateStep, cwd: string, why: string): StepOutcome {
  return { name: step.name, status: 'skipped', command: shownCommand(step.command, cwd), durationMs: 0, detail: why, outputTail: [] };
}

function lastLines(text: string, count: number): string[] {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .slice(-count);
}

/** The command as one could paste it into a shell in `cwd`: paths inside it relative to it. */
export function shownCommand(command: readonly string[], cwd: string): string {
  return command
    .map((word) => {
      const inside = isAbsolute(word) ? relative(cwd, word) : '';
      return inside !== '' && !inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside) ? inside : word;
    })
    .map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`))
    .join(' ');
}
