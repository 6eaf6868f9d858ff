import type { Constraints, TypeRef } from '../../../core/index.js';
import type { IntegerWidth } from '../../../core/index.js';

/** Exact bounds as Python literals: int64's are past what a JavaScript number holds exactly. */
const RANGES: Record<IntegerWidth, { min: bigint; max: bigint }> = {
  int32: { min: -(2n ** 31n), max: 2n ** 31n - 1n },
  int64: { min: -(2n ** 63n), max: 2n ** 63n - 1n },
};

/**
 * `ge=`/`le=` arguments of a number: the document's bounds (its format's range is one, core folds it
 * in), and for an integer the range of where it lands: its column (`width`), else the int64 its
 * format names. A value past them is a 422 naming the field, never a database error (a 500). Then
 * its step (`multiple_of=`, checkedStep).
 */
export function numberBoundArgs(type: TypeRef, constraints: Constraints, width?: IntegerWidth): string[] {
  const step = checkedStep(type, constraints);
  const steps = step === undefined ? [] : [`multiple_of=${step}`];
  if (type.kind === 'number') {
    const bound = (name: string, value: number | undefined) => (value !== undefined ? [`${name}=${value}`] : []);
    return [...bound('ge', constraints.minimum), ...bound('gt', constraints.exclusiveMinimum), ...bound('le', constraints.maximum), ...bound('lt', constraints.exclusiveMaximum), ...steps];
  }
  // Listed values are a `Literal` (python/types.ts integerChoices), which takes no bounds.
  if (type.kind !== 'integer' || constraints.allowed !== undefined) return [];
  const range = RANGES[width ?? (type.format === 'int64' ? 'int64' : 'int32')];
  const limited = width !== undefined || type.format === 'int64';
  const bound = (value: number | undefined, limit: bigint, tighter: (a: bigint, b: bigint) => boolean): string | undefined => {
    // The nearest integer inside a fractional bound.
    const own = value !== undefined && Number.isFinite(value) ? BigInt(limit < 0n ? Math.ceil(value) : Math.floor(value)) : undefined;
    if (own !== undefined && (!limited || tighter(own, limit))) return String(own);
    return limited ? String(limit) : undefined;
  };
  const ge = bound(constraints.minimum, range.min, (a, b) => a >= b);
  const le = bound(constraints.maximum, range.max, (a, b) => a <= b);
  return [...(ge !== undefined ? [`ge=${ge}`] : []), ...(le !== undefined ? [`le=${le}`] : []), ...steps];
}

/**
 * The document's `multipleOf` where Pydantic checks it: a whole step of an integer (every integer
 * is a multiple of 0.5), any step of a float. A decimal's is left unchecked: Pydantic wants the
 * step as a Decimal there.
 */
export function checkedStep(type: TypeRef, constraints: Constraints): number | undefined {
  const step = constraints.multipleOf;
  if (step === undefined) return undefined;
  if (type.kind === 'integer') return Number.isInteger(step) && step > 1 ? step : undefined;
  return type.kind === 'number' && type.format !== 'decimal' ? step : undefined;
}

/** A default the field's listed values hold, or any where it lists none. */
export function amongAllowed(constraints: Constraints, value: unknown): boolean {
  return constraints.allowed?.includes(value as number) ?? true;
}
