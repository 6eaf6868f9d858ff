/** What a stack's verification gate found (`--verify`): plain data, for the command's summary and for programs. */

export type StepStatus = 'ok' | 'failed' | 'skipped';

export interface StepOutcome {
  /** `python`, `venv`, `install`, `ruff check`, `ruff format`, `mypy`, `alembic`, `pytest`. */
  name: string;
  status: StepStatus;
  /** The command as a shell would show it. */
  command: string;
  /** Absent when the step did not run; null when the command did not exit by itself. */
  exitCode?: number | null;
  durationMs: number;
  /** Why it failed or was skipped, or a short fact (the Python version). */
  detail?: string;
  /** The last lines of its output, for a failure's report. */
  outputTail: string[];
  /** What to try when it failed. */
  hint?: string;
}

export interface VerificationReport {
  ok: boolean;
  /** The backend folder the commands ran in. */
  backendDir: string;
  /** Absolute path of the log with every command's full output. */
  logFile: string;
  steps: StepOutcome[];
}

/** A stack's verification gate, as its descriptor gives it: what `--verify` runs on a generated output folder. */
export interface StackVerifier {
  /** The log with every command's full output, relative to the output folder. */
  logPath: string;
  run(options: { outDir: string; onStep?: (outcome: StepOutcome) => void }): Promise<VerificationReport>;
}
