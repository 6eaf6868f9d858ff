import type { ValidationResult } from '@readme/openapi-parser';
import { InfraStackError } from '../../errors.js';
import { pointerPerPrettyLine } from './json-pointer-lines.js';

/**
 * Options of a validation, here or on the validation thread (a new object each time: the
 * library may write to it). A document none of whose `$ref`s leaves it spares the validator a
 * walk over the whole document in search of other files to read.
 */
export function validateOptions(selfContained: boolean) {
  return { ...(selfContained ? { resolve: { external: false } } : {}), validate: { errors: { colorize: false } } };
}

/** What the validator answered: its result, or what it threw (it throws on some broken documents). */
export type ValidatorOutcome = { result: ValidationResult } | { thrown: unknown };

/**
 * Validates the document against the OpenAPI schema and rules, on this thread. `parsed`, when
 * given, is a copy of the document that holds no reference to another file (the validator
 * dereferences it in place); otherwise the validator reads the file and what it references.
 */
export async function assertValidOpenApi(file: string, text: string, parsed?: object): Promise<void> {
  const { validate } = await import('@readme/openapi-parser');
  const input = (parsed as Parameters<typeof validate>[0] | undefined) ?? file;
  const outcome: ValidatorOutcome = await validate(input, validateOptions(parsed !== undefined)).then(
    (result) => ({ result }),
    (thrown: unknown) => ({ thrown }),
  );
  await assertValidOutcome(file, text, outcome);
}

/**
 * Throws the one-line error of a failed validation: the first message, and where it is in the
 * user's file. The library quotes the offending spot of the dereferenced document
 * pretty-printed; that line is mapped back to a JSON pointer and to the line in `text`.
 */
export async function assertValidOutcome(file: string, text: string, outcome: ValidatorOutcome): Promise<void> {
  if ('thrown' in outcome) {
    const cause = outcome.thrown;
    throw new InfraStackError(`invalid OpenAPI document: ${clip((cause as Error).message)}`, { file, cause });
  }
  const { result } = outcome;
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
