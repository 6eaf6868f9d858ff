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

/** A plugin failed (a bug of its own, not the user's input): names the plugin; its `cause` keeps the stack trace. */
export class PluginError extends InfraStackError {
  constructor(
    readonly plugin: string,
    message: string,
    options: { file?: string; location?: string; cause?: unknown } = {},
  ) {
    super(message, options);
    this.name = 'PluginError';
  }
}

export function isInfraStackError(error: unknown): error is InfraStackError {
  return error instanceof InfraStackError;
}

const UNREADABLE_BECAUSE: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a part of its path is not a folder)',
  EISDIR: 'this is a folder; give the path of a document inside it',
  EACCES: 'permission denied: this user cannot read it',
  EPERM: 'permission denied: this user cannot read it',
  ELOOP: 'a symbolic link that points to itself',
  ENAMETOOLONG: 'the path is too long',
};

/** Why a file could not be read, in words rather than as an errno code. */
export function unreadableReason(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return (code && UNREADABLE_BECAUSE[code]) ?? (cause instanceof Error ? cause.message : String(cause));
}

/** A document that could not be read. */
export function unreadableDocumentError(file: string, cause: unknown): InfraStackError {
  return new InfraStackError(`cannot read the document: ${unreadableReason(cause)}`, { file, cause });
}
