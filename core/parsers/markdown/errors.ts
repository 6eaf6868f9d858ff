import { InfraStackError } from '../../errors.js';

/** A user mistake in a markdown document, located by its line. */
export function markdownError(file: string, line: number, message: string): InfraStackError {
  return new InfraStackError(message, { file, location: String(line) });
}
