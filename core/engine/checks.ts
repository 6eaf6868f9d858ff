/**
 * Checks of the parsed documents still running in the background (schema validation on another
 * thread). The engine writes nothing before every check passed, and reports a failed check
 * ahead of the errors of the steps that ran meanwhile (deriving, planning, rendering): those
 * are mostly the same invalid input seen later.
 */
export class PendingChecks {
  /** Per document, in document order: each check settled to its error, or undefined when it passed. */
  private readonly byDocument: Promise<unknown>[][] = [];

  add(document: number, check: Promise<void>): void {
    const settled = check.then(
      () => undefined,
      (error: unknown) => error ?? new Error('a background check failed without a reason'),
    );
    (this.byDocument[document] ??= []).push(settled);
  }

  /** Once every check has finished. */
  async finished(): Promise<void> {
    await this.firstFailure();
  }

  /** Once every check has finished: the failure of the first document that has one. */
  async firstFailure(): Promise<unknown> {
    for (const checks of this.byDocument) {
      for (const failure of await Promise.all(checks ?? [])) if (failure !== undefined) return failure;
    }
    return undefined;
  }
}
