import randexp from 'randexp';
import type { Constraints, TypeRef } from '../../../core/index.js';
import { ecmaRegex } from '../../../core/index.js';
import { pythonPattern, type PythonPattern } from '../python/patterns.js';
import { isPlainText } from '../python/types.js';

// The package sets `module.exports` to the class, which its types call the default export's `default`.
const RandExp = ((randexp as unknown as { default?: typeof randexp.default }).default ?? randexp) as unknown as typeof randexp.default;

/**
 * Values matching a document's `pattern`, as the generated tests send them: drawn by randexp from
 * a generator seeded by the pattern and the field, so the same document gives the same values, and
 * kept only when JavaScript's engine (the dialect JSON Schema names) finds the pattern in them and
 * their length is within the bounds. Variant N is the N-th distinct such value, so two rows created
 * with variants 1 and 2 never collide on a unique column. Undefined when none is found (a pattern
 * this generator cannot draw from): the stack then leaves that pattern unchecked.
 */
export function patternSample(pattern: string, constraints: Constraints, seed: string, variant: number): string | undefined {
  const key = `${pattern}\u0000${constraints.minLength ?? ''}\u0000${constraints.maxLength ?? ''}\u0000${seed}`;
  let stream = streams.get(key);
  if (!stream) {
    stream = newStream(pattern, constraints, seed);
    streams.set(key, stream);
  }
  while (stream.values.length < variant && stream.tries < MAX_TRIES * variant) {
    stream.tries += 1;
    const value = stream.draw();
    // A value holding a `/` is kept aside: sent in a path, it would make two segments of one.
    const pool = value?.includes('/') ? stream.slashed : stream.values;
    if (value !== undefined && !pool.includes(value)) pool.push(value);
  }
  // A field whose own draws found nothing takes the probe's, which found one (checkedPattern) when any exists.
  const found = stream.values.length > 0 ? stream.values : stream.slashed;
  if (found.length === 0) return seed === PROBE ? undefined : patternSample(pattern, constraints, PROBE, variant);
  // A pattern with fewer values than variants asked for (`^(yes|no)$`) gives them over again.
  return found[(variant - 1) % found.length];
}

/**
 * The pattern of a plain string the generated app checks, as Python spells it: one that an engine
 * of Pydantic reads as the document means it (python/patterns.ts) and that the tests can send a
 * value of; undefined for another, which the app leaves unchecked (no value matches some: the
 * app would answer each request with a 422 for `^[a-z]*$\{2,64\}$`).
 */
export function checkedPattern(type: TypeRef, constraints: Constraints): PythonPattern | undefined {
  const { pattern } = constraints;
  if (pattern === undefined || !isPlainText(type, 'patterns')) return undefined;
  const python = pythonPattern(pattern);
  return python && patternSample(pattern, constraints, PROBE, 1) !== undefined ? python : undefined;
}

/** A text of a length the bounds allow that `pattern` is not found in, for a test that the app refuses it. */
export function patternMismatch(pattern: string, constraints: Constraints): string | undefined {
  const matcher = ecmaRegex(pattern);
  if (!matcher) return undefined;
  const length = Math.max(1, constraints.minLength ?? 1);
  if (constraints.maxLength !== undefined && length > constraints.maxLength) return undefined;
  return ['!', ' ', '~', '0', 'a', '\u00e9'].map((char) => char.repeat(length)).find((text) => !matcher.test(text));
}

interface Stream {
  values: string[];
  /** Values holding a `/`, used only when the pattern gives no other. */
  slashed: string[];
  tries: number;
  draw: () => string | undefined;
}

const MAX_TRIES = 40;
const LONGEST_SPAN = 64;
const PROBE = 'probe';
const streams = new Map<string, Stream>();

function newStream(pattern: string, constraints: Constraints, seed: string): Stream {
  const matcher = ecmaRegex(pattern);
  const fits = (value: string) =>
    matcher !== undefined && matcher.test(value) && value.length >= (constraints.minLength ?? 0) && value.length <= (constraints.maxLength ?? Infinity);
  let generator: InstanceType<typeof RandExp> | undefined;
  try {
    generator = new RandExp(drawableSource(pattern));
  } catch {
    generator = undefined;
  }
  if (generator) {
    const random = seededRandom(`${pattern}\u0000${seed}`);
    // A long repetition (`.{1,2097152}`) is drawn short: a test value of megabytes would fill the test files.
    generator.randInt = (low: number, high: number) => low + Math.floor(random() * (Math.min(high - low, LONGEST_SPAN) + 1));
    // Repetitions without a bound stay short: as long as a minimum length asks, within the maximum.
    generator.max = Math.max(1, Math.min(Math.max(8, constraints.minLength ?? 0), constraints.maxLength ?? Infinity));
  }
  return {
    values: [],
    slashed: [],
    tries: 0,
    draw: () => {
      if (!generator) return undefined;
      try {
        const value = generator.gen();
        if (fits(value)) return value;
        // A pattern is searched for, not matched whole: one found in a short draw is found in it
        // lengthened (`[0-9]` of a password of at least 10), unless the pattern anchors its end.
        const lengthened = value.padEnd(constraints.minLength ?? 0, 'x');
        return fits(lengthened) ? lengthened : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** Unicode classes (`\p{L}`), which randexp does not read, as ASCII members of them. */
const UNICODE_CLASSES: Record<string, string> = {
  L: 'A-Za-z',
  Lu: 'A-Z',
  Ll: 'a-z',
  N: '0-9',
  Nd: '0-9',
  Z: ' ',
  Zs: ' ',
  P: '.',
  S: '+',
};

function drawableSource(pattern: string): string {
  return withoutLookbehinds(pattern).replace(/\\p\{([A-Za-z_]+)\}/g, (whole, name: string, at: number) => {
    const members = UNICODE_CLASSES[name];
    if (members === undefined) return whole;
    return insideClass(pattern, at) ? members : `[${members}]`;
  });
}

/** The pattern less its lookbehind groups (`(?<!-)`), which randexp does not read: the check of each value drawn applies them. */
function withoutLookbehinds(pattern: string): string {
  let out = '';
  for (let at = 0; at < pattern.length; at += 1) {
    if (pattern.startsWith('(?<=', at) || pattern.startsWith('(?<!', at)) {
      let depth = 0;
      for (; at < pattern.length; at += 1) {
        const char = pattern[at];
        if (char === '\\') at += 1;
        else if (char === '(') depth += 1;
        else if (char === ')' && --depth === 0) break;
      }
      continue;
    }
    const char = pattern[at]!;
    out += char;
    if (char === '\\' && at + 1 < pattern.length) out += pattern[++at]!;
  }
  return out;
}

/** The character at `at` is inside a `[...]` class. */
function insideClass(pattern: string, at: number): boolean {
  let inClass = false;
  for (let index = 0; index < at; index += 1) {
    const char = pattern[index];
    if (char === '\\') index += 1;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
  }
  return inClass;
}

/** A deterministic generator of numbers in [0, 1) (mulberry32), seeded by a text. */
function seededRandom(text: string): () => number {
  let state = 0;
  for (let index = 0; index < text.length; index += 1) state = (Math.imul(state, 31) + text.charCodeAt(index)) | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
