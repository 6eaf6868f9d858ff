/** A user-facing error: names the file, the location inside it, and what was expected. */
export class InfraStackError extends Error {
  readonly file: string | undefined;
  readonly location: string | undefined;

  constructor(message: string, options: { file?: string; location?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'InfraStackError';
    this.file = options.file;
    this.location = options.location;
  }

  /** One line a user can act on: `file:location: message`. */
  describe(): string {
    const where = [this.file, this.location].filter(Boolean).join(':');
    return where ? `${where}: ${this.message}` : this.message;
  }
}

export function isInfraStackError(error: unknown): error is InfraStackError {
  return error instanceof InfraStackError;
}
