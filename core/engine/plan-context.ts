import { relationalSchema, type Table } from '../schema/relational-schema.js';
import type { StackDescriptor } from '../stack/descriptor.js';
import type { PlanContext } from './hooks.js';

/** The context every `planFiles` tap receives: the run's stack, and its relational schema derived on first read. */
export function planContext(base: Omit<PlanContext, 'stack' | 'schema'>, stack: StackDescriptor | undefined): PlanContext {
  let schema: readonly Table[] | undefined;
  return {
    ...base,
    ...(stack ? { stack } : {}),
    get schema() {
      return (schema ??= stack?.naming ? relationalSchema(base.model, stack.naming) : []);
    },
  };
}
