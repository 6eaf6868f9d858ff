import { createRequire } from 'node:module';
import { InfraStackError } from '../../errors.js';
import { describePointer } from './pointer-lines.js';
import { checkOpenApiSchema, schemaCheckModules, type SchemaCheckResult, type ValidatorCache } from './schema-check.js';

/** What a check answered: its result, or what it threw. */
export type ValidatorOutcome = { result: SchemaCheckResult } | { thrown: unknown };

const validatorsOfThisThread: ValidatorCache = new Map();

/**
 * Validates the document (as parsed from the user's file, or bundled with the files it
 * references) against the OpenAPI schema, on this thread.
 */
export function assertValidOpenApi(file: string, text: string, document: object): void {
  let outcome: ValidatorOutcome;
  try {
    outcome = { result: checkOpenApiSchema(document as Record<string, unknown>, schemaCheckModules(), createRequire(import.meta.url), validatorsOfThisThread) };
  } catch (thrown) {
    outcome = { thrown };
  }
  assertValidOutcome(file, text, outcome);
}

/** Throws the one-line error of a failed validation: the first problem, and where it is in the user's file. */
export function assertValidOutcome(file: string, text: string, outcome: ValidatorOutcome): void {
  if ('thrown' in outcome) {
    const cause = outcome.thrown;
    throw new InfraStackError(`invalid OpenAPI document: ${clip((cause as Error).message)}`, { file, cause });
  }
  const { result } = outcome;
  if (result.valid) return;
  const { problem, more } = result;
  throw new InfraStackError(`invalid OpenAPI document: ${clip(problem.message)}${more > 0 ? ` [and ${more} more]` : ''}`, {
    file,
    location: describePointer(text, problem.pointer),
  });
}

/** Some messages quote a whole reference chain (thousands of characters): keep one readable line. */
function clip(message: string, limit = 300): string {
  const line = message.split('\n')[0] ?? message;
  return line.length <= limit ? line : `${line.slice(0, limit)}…`;
}
