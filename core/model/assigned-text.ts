import type { AssignedText, Constraints } from './domain-model.js';
import { ecmaRegex } from './ecma-pattern.js';

/** Fewest hex digits an assigned text has: 32 bits, unlikely to collide before tens of thousands of rows. */
export const MIN_ASSIGNED_DIGITS = 8;

const UUID_TEXT_EXAMPLE = '0f8fad5b-d9cb-469f-a165-70867728950e';
const UUID_HEX_EXAMPLE = UUID_TEXT_EXAMPLE.replace(/-/g, '');

/**
 * The text the app can give a row's key or lookup that no client sends, such that every place the
 * document constrains it takes it: the field itself and each path parameter that finds rows by it
 * (appconfig's `{DeploymentStrategyId}`, which takes 4 to 7 characters where the field takes any).
 * A UUID's text, or as many of a UUID's hex digits as the bounds allow (at least
 * MIN_ASSIGNED_DIGITS, to stay unique), in the order asked; undefined when no such text fits.
 */
export function assignableText(constraints: readonly Constraints[], prefer: AssignedText['form']): AssignedText | undefined {
  const maxLength = Math.min(32, ...constraints.map((c) => c.maxLength ?? Infinity));
  const candidates: AssignedText[] = [{ form: 'uuid-text' }, { form: 'hex', digits: maxLength }];
  if (prefer === 'hex') candidates.reverse();
  return candidates.find((candidate) => (candidate.form === 'uuid-text' || candidate.digits >= MIN_ASSIGNED_DIGITS) && constraints.every((c) => takes(c, exampleOf(candidate))));
}

export function exampleOf(text: AssignedText): string {
  return text.form === 'uuid-text' ? UUID_TEXT_EXAMPLE : UUID_HEX_EXAMPLE.slice(0, text.digits);
}

/** A pattern JavaScript cannot read is left out: nothing checks it. */
function takes(constraints: Constraints, text: string): boolean {
  const { minLength = 0, maxLength = Infinity, pattern } = constraints;
  if (text.length < minLength || text.length > maxLength) return false;
  return pattern === undefined || (ecmaRegex(pattern)?.test(text) ?? true);
}
