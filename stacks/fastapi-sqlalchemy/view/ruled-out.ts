import type { Field } from '../../../core/index.js';
import { checkedStep } from './number-bounds.js';
import { checkedPattern, patternMismatch } from './pattern-samples.js';
import type { RegexEngine } from '../python/patterns.js';

/**
 * For each field of a body the app checks beyond its type, a value the document rules out: a text
 * its pattern is not found in, a number off its step or not among its listed values, a list
 * repeating an item it wants unique.
 * Each replaces the field in an otherwise valid `payload`, and the app must answer 422. Only what
 * the body's class checks: patterns its engine reads (`regexEngine`).
 */
export function ruledOutValues(fields: readonly Field[], payload: Record<string, unknown>, regexEngine: RegexEngine): [wire: string, value: unknown][] {
  const cases: [string, unknown][] = [];
  for (const field of fields) {
    const sent = payload[field.wireName];
    const { type, constraints } = field;
    if (field.readOnly) continue;
    // A number next to the listed ones: `3` for `0-待支付 1-已支付 2-已取消`, sent or left out by the payload.
    if (type.kind === 'integer' && constraints.allowed !== undefined) cases.push([field.wireName, Math.max(...constraints.allowed) + 1]);
    if (sent === undefined) continue;
    const pattern = checkedPattern(type, constraints);
    if (pattern?.engines.includes(regexEngine)) {
      const mismatch = patternMismatch(constraints.pattern!, constraints);
      if (mismatch !== undefined) cases.push([field.wireName, mismatch]);
    }
    const step = checkedStep(type, constraints);
    if (step !== undefined && typeof sent === 'number') {
      const off = Number.isInteger(step) ? sent + 1 : Number((sent + step / 2).toPrecision(12));
      if (withinBounds(off, field)) cases.push([field.wireName, off]);
    }
    if (type.kind === 'array' && constraints.uniqueItems && Array.isArray(sent) && sent.length > 0 && (constraints.maxItems ?? Infinity) >= 2) {
      cases.push([field.wireName, [sent[0], sent[0]]]);
    }
  }
  return cases;
}

/** The value passes the field's bounds, so only its step can refuse it. */
function withinBounds(value: number, field: Field): boolean {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = field.constraints;
  return (minimum === undefined || value >= minimum) && (maximum === undefined || value <= maximum) && (exclusiveMinimum === undefined || value > exclusiveMinimum) && (exclusiveMaximum === undefined || value < exclusiveMaximum);
}
