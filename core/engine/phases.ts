/**
 * The lifecycle phases a run reports the duration of. `write` writes the changed files under
 * temporary names; `checks` waits for the checks parsers left running in the background
 * (schema validation); `commit` puts the files in place and reports.
 */
export const ENGINE_PHASES = ['configure', 'parse', 'derive', 'plan', 'render', 'write', 'checks', 'commit'] as const;
export type EnginePhase = (typeof ENGINE_PHASES)[number];

/** Called once per phase, in order, with its wall time in milliseconds. */
export type PhaseListener = (phase: EnginePhase, ms: number) => void;

/** Measures consecutive phases; without a listener every call is a no-op. */
export class PhaseClock {
  private last: number;

  constructor(private readonly listener: PhaseListener | undefined) {
    this.last = listener ? performance.now() : 0;
  }

  /** Ends `phase`, which started when the previous one ended. */
  end(phase: EnginePhase): void {
    if (!this.listener) return;
    const now = performance.now();
    this.listener(phase, now - this.last);
    this.last = now;
  }
}
