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
  const maxLength = Math.min(...constraints.map((c) => c.maxLength ?? Infinity));
  const candidates: AssignedText[] = [{ form: 'uuid-text' }, { form: 'hex', digits: Math.min(32, maxLength) }];
  if (prefer === 'hex') candidates.reverse();
  // Ids as cloud APIs write them (`fsap-` + hex digits): after the patterns' literal prefixes, as many digits as fit.
  for (const prefix of new Set(constraints.flatMap((c) => (c.pattern === undefined ? [] : literalPrefixes(c.pattern))))) {
    // As many digits as the pattern takes (`i-[a-z0-9]{8,17}`: 17), the most first.
    for (let digits = Math.min(32, maxLength - prefix.length); digits >= MIN_ASSIGNED_DIGITS; digits -= 1) candidates.push({ form: 'hex', digits, prefix });
  }
  return candidates.find((candidate) => (candidate.form === 'uuid-text' || candidate.digits >= MIN_ASSIGNED_DIGITS) && constraints.every((c) => takes(c, exampleOf(candidate))));
}

export function exampleOf(text: AssignedText): string {
  return text.form === 'uuid-text' ? UUID_TEXT_EXAMPLE : `${text.prefix ?? ''}${UUID_HEX_EXAMPLE.slice(0, text.digits)}`;
}

/** What may be written before a pattern's first class or group, literally: ASCII letters, digits and `-_:/.` (escaped or not). */
const LITERAL = /^(?:[A-Za-z0-9_:/-]|\\[-_.:/])/;

/**
 * The tags a pattern's alternatives open ids with (`^(arn:…|fsap-[0-9a-f]{8,40})$` gives `fsap-`):
 * letters and digits ending with a dash or an underscore, then digits. A character a quantifier
 * follows is no part of the prefix.
 */
function literalPrefixes(pattern: string): string[] {
  let body = pattern.replace(/^\^/, '').replace(/\$$/, '');
  const group = /^\((?:\?:)?([\s\S]*)\)$/.exec(body);
  if (group && balanced(group[1]!)) body = group[1]!;
  const prefixes: string[] = [];
  for (const alternative of topLevelAlternatives(body)) {
    let prefix = '';
    let rest = alternative.replace(/^\^/, '');
    for (let match = LITERAL.exec(rest); match; match = LITERAL.exec(rest)) {
      if (/^[?*{]/.test(rest.slice(match[0].length))) break;
      prefix += match[0].replace(/^\\/, '');
      rest = rest.slice(match[0].length);
    }
    // An id's tag ends with a dash or an underscore (`fsap-`, `i-`, `cus_`); `AppConfig.` names something else.
    if (/^[A-Za-z][A-Za-z0-9]*[-_]$/.test(prefix) && rest !== '' && !/^[+]/.test(rest)) prefixes.push(prefix);
  }
  return prefixes;
}

function topLevelAlternatives(body: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index]!;
    if (char === '\\') index += 1;
    else if (char === '(' || char === '[') depth += 1;
    else if (char === ')' || char === ']') depth -= 1;
    else if (char === '|' && depth === 0) {
      alternatives.push(body.slice(start, index));
      start = index + 1;
    }
  }
  alternatives.push(body.slice(start));
  return alternatives;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '\\') index += 1;
    else if (char === '(') depth += 1;
    else if (char === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** A pattern JavaScript cannot read is left out: nothing checks it. */
function takes(constraints: Constraints, text: string): boolean {
  const { minLength = 0, maxLength = Infinity, pattern } = constraints;
  if (text.length < minLength || text.length > maxLength) return false;
  return pattern === undefined || (ecmaRegex(pattern)?.test(text) ?? true);
}
