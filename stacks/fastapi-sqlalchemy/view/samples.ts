import type { Constraints, DomainModel, Field, TypeRef } from '../../../core/index.js';
import { checkedStep } from './number-bounds.js';
import { checkedPattern, patternSample } from './pattern-samples.js';

/** Deterministic example values that satisfy a type and its constraints, as JSON. */
export class Samples {
  private readonly objects: Map<string, Field[]>;
  private readonly enums: Map<string, string[]>;

  constructor(model: DomainModel) {
    this.objects = new Map(model.objectTypes.map((t) => [t.name, t.fields]));
    this.enums = new Map(model.enums.map((e) => [e.name, e.values]));
  }

  value(type: TypeRef, constraints: Constraints, seed: string, variant = 1, depth = 0, stack: string[] = []): unknown {
    switch (type.kind) {
      case 'integer':
      case 'number': {
        if (constraints.allowed !== undefined && constraints.allowed.length > 0) return constraints.allowed[(variant - 1) % constraints.allowed.length];
        const step = checkedStep(type, constraints);
        if (step !== undefined) return stepped(step, variant, constraints);
        return clamp(type.kind === 'integer' ? variant : variant + 0.5, constraints);
      }
      case 'boolean':
        return variant % 2 === 1;
      case 'enum': {
        const values = this.enums.get(type.name) ?? [''];
        return values[(variant - 1) % values.length];
      }
      case 'literal':
        return type.values[(variant - 1) % type.values.length];
      case 'string':
        return this.string(type.format, constraints, seed, variant);
      case 'array': {
        const count = Math.max(1, constraints.minItems ?? 1);
        return Array.from({ length: count }, (_, i) => this.value(type.items, {}, seed, variant + i, depth + 1, stack));
      }
      case 'map':
        return { key: this.value(type.values, {}, seed, variant, depth + 1, stack) };
      case 'object':
        return this.object(type.name, variant, depth, stack);
      case 'union':
        return this.value(type.variants[0]!, {}, seed, variant, depth, stack);
      case 'binary':
        return 'AA==';
      default:
        return { note: `${seed}-${variant}` };
    }
  }

  object(name: string, variant: number, depth = 0, stack: string[] = []): Record<string, unknown> {
    const fields = this.objects.get(name) ?? [];
    const result: Record<string, unknown> = {};
    for (const field of fields) {
      if (field.readOnly) continue;
      const cyclic = field.type.kind === 'object' && stack.includes(field.type.name);
      if (!field.required && (depth >= 2 || cyclic)) continue;
      result[field.wireName] = this.value(field.type, field.constraints, field.name, variant, depth + 1, [...stack, name]);
    }
    return result;
  }

  fields(fields: Field[], variant: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const field of fields) result[field.wireName] = this.value(field.type, field.constraints, field.name, variant);
    return result;
  }

  private string(format: string | undefined, constraints: Constraints, seed: string, variant: number): string {
    switch (format) {
      case 'date':
        return `2024-01-0${Math.min(variant, 9)}`;
      case 'date-time':
        return `2024-01-0${Math.min(variant, 9)}T10:00:00Z`;
      case 'time':
        return `10:00:0${Math.min(variant, 9)}`;
      case 'uuid':
        return `00000000-0000-4000-8000-${String(variant).padStart(12, '0')}`;
      case 'email': {
        const local = `${seed.replace(/[^a-z0-9]/gi, '').toLowerCase() || 'user'}${variant}`;
        return fitting([`${local}@example.com`, `${local.slice(-8)}@example.com`, `u${variant}@x.io`], constraints);
      }
      case 'uri':
        return fitting([`https://example.com/${seed}/${variant}`, `https://example.com/${variant}`, `http://x.io/${variant}`, `https://example.com/${variant}`.padEnd(constraints.minLength ?? 0, 'x')], constraints);
      default: {
        const pattern = constraints.pattern === undefined ? undefined : checkedPattern({ kind: 'string' }, constraints);
        if (pattern) return patternSample(constraints.pattern!, constraints, seed, variant)!;
        let text = `${seed}-${variant}`;
        const min = constraints.minLength ?? 0;
        if (text.length < min) text = text.padEnd(min, 'x');
        if (constraints.maxLength !== undefined && text.length > constraints.maxLength) text = `${variant}${seed}`.slice(0, Math.max(constraints.maxLength, 1));
        return text;
      }
    }
  }
}

/** The first candidate within the length bounds (a column's VARCHAR(n) refuses a longer one), else the shortest. */
function fitting(candidates: string[], constraints: Constraints): string {
  const fits = (text: string) => text.length <= (constraints.maxLength ?? Infinity) && text.length >= (constraints.minLength ?? 0);
  return candidates.find(fits) ?? candidates.at(-1)!;
}

/** The `variant`-th multiple of `step` within the bounds (the first ones past the minimum). */
function stepped(step: number, variant: number, constraints: Constraints): number {
  const lowest = Math.max(constraints.minimum ?? -Infinity, constraints.exclusiveMinimum === undefined ? -Infinity : constraints.exclusiveMinimum + step / 2);
  const first = Number.isFinite(lowest) ? Math.ceil(lowest / step) : 1;
  const highest = Math.min(constraints.maximum ?? Infinity, constraints.exclusiveMaximum === undefined ? Infinity : constraints.exclusiveMaximum - step / 2);
  const last = Number.isFinite(highest) ? Math.floor(highest / step) : Infinity;
  const count = Math.min(first + variant - 1, last);
  // A fractional step's multiple printed as the step is (`0.3`, not `0.30000000000000004`).
  return Number.isInteger(step) ? count * step : Number((count * step).toPrecision(12));
}

function clamp(value: number, constraints: Constraints): number {
  let result = value;
  if (constraints.minimum !== undefined && result < constraints.minimum) result = constraints.minimum;
  if (constraints.maximum !== undefined && result > constraints.maximum) result = constraints.maximum;
  // Halfway to the other bound (or one past) stays inside an exclusive bound whatever the number's scale.
  const { exclusiveMinimum: above, exclusiveMaximum: below } = constraints;
  if (above !== undefined && result <= above) result = below !== undefined && below > above ? (above + below) / 2 : above + 1;
  if (below !== undefined && result >= below) result = above !== undefined && above < below ? (above + below) / 2 : below - 1;
  return result;
}

/** Fields whose value comes back exactly as sent, so a test can compare them. */
export function comparable(field: Field): boolean {
  const t = field.type;
  return !field.writeOnly && (t.kind === 'integer' || t.kind === 'boolean' || t.kind === 'enum' || (t.kind === 'string' && (t.format === undefined || t.format === 'email' || t.format === 'uri')));
}
