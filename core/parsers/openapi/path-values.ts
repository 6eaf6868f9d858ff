import type { SchemaNode } from '../../model/api-document.js';

type Json = Record<string, unknown>;

/**
 * Whether the document says a path parameter's value holds a `/`, so that it fills several
 * segments of the path (Azure's `{scope}`, `subscriptions/1/resourceGroups/rg`; an enum of
 * `requests/count`). Any one of these says so:
 * - `x-ms-skip-url-encoding: true` (Azure's clients send the value as it is, slashes included) or
 *   `allowReserved: true` (OpenAPI's word for the same);
 * - an enum value, a `default`, or an example holding a `/`;
 * - a `pattern` writing a `/` that every value must hold (outside a character class, an optional
 *   part or an alternative: `:job/.*`).
 */
export function valueSpansSegments(parameter: Json, schema: SchemaNode): boolean {
  if (parameter['x-ms-skip-url-encoding'] === true || parameter.allowReserved === true) return true;
  const holdsSlash = (value: unknown) => typeof value === 'string' && value.includes('/');
  const examples = [parameter.example, schema.example, ...Object.values((parameter.examples ?? {}) as Json).map((example) => (example as Json | undefined)?.value)];
  if ([...(Array.isArray(schema.enum) ? schema.enum : []), schema.default, ...examples].some(holdsSlash)) return true;
  return typeof schema.pattern === 'string' && patternRequiresSlash(schema.pattern);
}

/**
 * A regular expression every match of which holds a `/`: each of its alternatives writes one
 * outside any character class, not made optional by the quantifier after it, at its top level or
 * inside a group that every match goes through (outposts' `^(arn:…:([a-z\\d-]+)/)[a-z]{2,8}-…$`).
 */
export function patternRequiresSlash(pattern: string): boolean {
  return sequenceRequiresSlash(pattern, 0, pattern.length);
}

/** Whether every match of `pattern` from `start` to `end` (a group's inside, or the whole) holds a `/`. */
function sequenceRequiresSlash(pattern: string, start: number, end: number): boolean {
  const alternatives: boolean[] = [];
  let found = false;
  let inClass = false;
  for (let at = start; at < end; at += 1) {
    const char = pattern[at]!;
    if (char === '\\') {
      if (pattern[at + 1] === '/' && !inClass && !optional(pattern, at + 2)) found = true;
      at += 1;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '|') {
      alternatives.push(found);
      found = false;
    } else if (char === '/' && !optional(pattern, at + 1)) found = true;
    else if (char === '(') {
      const close = closingParenthesis(pattern, at, end);
      if (close === undefined) return false;
      // A lookaround matches nothing: what it asks of the text is no part of the match.
      const lookaround = /^\(\?<?[=!]/.test(pattern.slice(at, close));
      const head = /^\((?:\?:|\?<[A-Za-z_]\w*>)?/.exec(pattern.slice(at, close))![0];
      if (!lookaround && !optional(pattern, close + 1) && sequenceRequiresSlash(pattern, at + head.length, close)) found = true;
      at = close;
    }
  }
  alternatives.push(found);
  return alternatives.every(Boolean);
}

/** The position of the `)` closing the group that opens at `open`, outside classes and escapes. */
function closingParenthesis(pattern: string, open: number, end: number): number | undefined {
  let depth = 0;
  let inClass = false;
  for (let at = open; at < end; at += 1) {
    const char = pattern[at]!;
    if (char === '\\') {
      at += 1;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') inClass = true;
    else if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth === 0) return at;
    }
  }
  return undefined;
}

/** The quantifier at `at` lets the atom before it be absent (`?`, `*`, `{0,…}`). */
function optional(pattern: string, at: number): boolean {
  const next = pattern[at];
  return next === '?' || next === '*' || (next === '{' && /^\{0*(?:,|\})/.test(pattern.slice(at)));
}

/**
 * The parameters a client sends: all but the path parameters whose only place is in the path's
 * fragment (mastercard's `/send/#env/v1/partners/{partnerId}/…`), which `dropped` is told of. A path
 * parameter whose only place is the query written in the path (weatherbit's
 * `/forecast/daily?city={city}`) is sent in the query.
 */
export function sentParameters<P extends { name: string; in: string }>(path: string, parameters: P[], dropped: (name: string) => void): P[] {
  const hash = path.indexOf('#');
  const beforeFragment = hash === -1 ? path : path.slice(0, hash);
  const question = beforeFragment.indexOf('?');
  const pathPart = question === -1 ? beforeFragment : beforeFragment.slice(0, question);
  return parameters.flatMap((parameter) => {
    const placeholder = `{${parameter.name}}`;
    if (parameter.in !== 'path' || pathPart.includes(placeholder)) return [parameter];
    if (question !== -1 && beforeFragment.includes(placeholder, question)) {
      const inQuery: P & { spansSegments?: true } = { ...parameter, in: 'query' };
      delete inQuery.spansSegments;
      return [inQuery];
    }
    if (hash !== -1 && path.includes(placeholder, hash)) {
      dropped(parameter.name);
      return [];
    }
    return [parameter];
  });
}
