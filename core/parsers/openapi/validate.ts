import { InfraStackError } from '../../errors.js';
import { pointerPerPrettyLine } from './json-pointer-lines.js';

/**
 * Validates the document against the OpenAPI schema and rules. The library quotes the
 * offending spot of the dereferenced document pretty-printed; that line is mapped back
 * to a JSON pointer and to the line in the user's file. `parsed`, when given, is a copy of
 * the document that holds no reference to another file.
 */
export async function assertValidOpenApi(file: string, text: string, parsed?: object): Promise<void> {
  const { validate } = await import('@readme/openapi-parser');
  let result;
  try {
    // Given the parsed document (which it dereferences in place), the library reads no file.
    const input = (parsed as Parameters<typeof validate>[0] | undefined) ?? file;
    result = await validate(input, { validate: { errors: { colorize: false } } });
  } catch (cause) {
    throw new InfraStackError(`invalid OpenAPI document: ${clip((cause as Error).message)}`, { file, cause });
  }
  if (result.valid) return;
  const [first] = result.errors;
  const message = first?.message ?? 'the document does not match the OpenAPI schema';
  const headline = message.split('\n')[0]?.trim() ?? message;
  const explanation = /\^+\s+(.*)$/m.exec(message)?.[1]?.trim();
  const quotedLine = Number(/^>\s*(\d+)\s*\|/m.exec(message)?.[1]);
  const location = Number.isFinite(quotedLine) ? await locate(file, text, quotedLine) : undefined;
  const more = result.errors.length + result.additionalErrors - 1;
  throw new InfraStackError(
    `invalid OpenAPI document: ${headline}${explanation ? ` (${explanation})` : ''}${more > 0 ? ` [and ${more} more]` : ''}`,
    { file, ...(location ? { location } : {}) },
  );
}

async function locate(file: string, text: string, prettyLine: number): Promise<string | undefined> {
  try {
    const [{ dereference }, { describePointer }] = await Promise.all([import('@readme/openapi-parser'), import('./pointer-lines.js')]);
    const resolved = await dereference(file, { dereference: { circular: 'ignore' } });
    const pointer = pointerPerPrettyLine(resolved)[prettyLine - 1];
    return pointer === undefined ? undefined : describePointer(text, pointer);
  } catch {
    return undefined;
  }
}

/** Some library messages quote a whole reference chain (thousands of characters): keep one readable line. */
function clip(message: string, limit = 300): string {
  const line = message.split('\n')[0] ?? message;
  return line.length <= limit ? line : `${line.slice(0, limit)}…`;
}
