import { relationalSchema, type ConstraintNaming, type Table } from '../schema/relational-schema.js';
import type { StackDescriptor } from '../stack/descriptor.js';
import type { PlanContext, PreviousRun } from './hooks.js';

/** The context every `planFiles` tap receives: the run's stack, and its relational schema derived on first read. */
export function planContext(base: Omit<PlanContext, 'stack' | 'schema'>, stack: StackDescriptor | undefined): PlanContext {
  let schema: readonly Table[] | undefined;
  const naming = stack?.naming;
  return {
    ...base,
    previous: naming ? withPreviousSchema(base.previous, naming) : base.previous,
    ...(stack ? { stack } : {}),
    get schema() {
      return (schema ??= naming ? relationalSchema(base.model, naming) : []);
    },
  };
}

/** A manifest of an older version recorded no schema: the previous model's tables under today's naming, derived when asked for. */
function withPreviousSchema(previous: PreviousRun, naming: ConstraintNaming): PreviousRun {
  const { model } = previous;
  if (previous.schema !== undefined || model === undefined) return previous;
  let schema: readonly Table[] | undefined;
  return {
    ...previous,
    get schema() {
      return (schema ??= relationalSchema(model, naming));
    },
  };
}
