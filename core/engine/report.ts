/** What stacks tell the user at the end of a run, besides the files. */
export interface RunReport {
  /** Choices the run made that the user should know of (which database, from where). */
  notes: string[];
  toImplement: string[];
  nextSteps: string[];
  /** What changed for the user on a regeneration beyond the files (a new migration, renames to confirm); goes into the regeneration report. */
  regeneration: string[];
}

export interface Diagnostic {
  message: string;
  file?: string;
  location?: string;
}

/** Collects problems found in the model; the engine stops at the first error. */
export class Diagnostics {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];

  error(message: string, where: { file?: string; pointer?: string } = {}): void {
    this.errors.push(toDiagnostic(message, where));
  }

  warn(message: string, where: { file?: string; pointer?: string } = {}): void {
    this.warnings.push(toDiagnostic(message, where));
  }
}

function toDiagnostic(message: string, where: { file?: string; pointer?: string }): Diagnostic {
  return { message, ...(where.file ? { file: where.file } : {}), ...(where.pointer ? { location: where.pointer } : {}) };
}
