/**
 * `logs/workflow.log` of the output folder: each run of the gate appends a section, each step
 * its command, its output as it comes, its exit code and duration. Plain text; the only place
 * with timestamps. The log is not a generated file: the engine never plans it, so regeneration
 * neither compares nor records it.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StepOutcome } from '../../../core/index.js';

/** Where the gate writes, relative to the output folder. */
export const WORKFLOW_LOG_PATH = 'logs/workflow.log';

export interface GateLog {
  stepStarted(name: string, command: string, cwd: string): void;
  output(text: string): void;
  stepFinished(outcome: StepOutcome): void;
}

const RULE = '='.repeat(72);

export class WorkflowLog implements GateLog {
  private endsWithNewline = true;

  private constructor(
    private readonly stream: WriteStream,
    private readonly now: () => Date,
  ) {}

  static async open(file: string, now: () => Date = () => new Date()): Promise<WorkflowLog> {
    await mkdir(dirname(file), { recursive: true });
    const stream = createWriteStream(file, { flags: 'a', encoding: 'utf8' });
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    return new WorkflowLog(stream, now);
  }

  runStarted(title: string, facts: ReadonlyArray<readonly [string, string]>): void {
    this.line(`${RULE}\n${this.stamp()} ${title}`);
    for (const [key, value] of facts) this.line(`${key}: ${value}`);
  }

  stepStarted(name: string, command: string, cwd: string): void {
    this.line(`\n--- ${this.stamp()} ${name}\n$ ${command}\n  (in ${cwd})`);
  }

  output(text: string): void {
    if (text === '') return;
    this.stream.write(text);
    this.endsWithNewline = text.endsWith('\n');
  }

  stepFinished(outcome: StepOutcome): void {
    const exit = outcome.exitCode === undefined || outcome.exitCode === null ? '' : `, exit code ${outcome.exitCode}`;
    const detail = outcome.detail ? `: ${outcome.detail}` : '';
    this.line(`--- ${this.stamp()} ${outcome.name} ${outcome.status}${exit}, ${seconds(outcome.durationMs)}${detail}`);
  }

  runFinished(verdict: string): void {
    this.line(`\n${this.stamp()} ${verdict}\n${RULE}\n`);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }

  private line(text: string): void {
    this.stream.write(`${this.endsWithNewline ? '' : '\n'}${text}\n`);
    this.endsWithNewline = true;
  }

  private stamp(): string {
    return `[${this.now().toISOString()}]`;
  }
}

export function seconds(durationMs: number): string {
  return `${(durationMs / 1000).toFixed(1)} s`;
}
