import { InfraStackError } from '../errors.js';
import { integrityProblems, newIntegrityProblems } from '../model/integrity.js';
import type { DomainModel } from '../model/domain-model.js';
import type { WrappableTap } from './guard.js';

/** Plugins whose names start so are the engine's own: their derivation is tested by the core's suite, not re-checked per run. */
const CORE_PREFIX = 'core:';

/**
 * Wraps a `deriveModel` tap of `owner` so that a model it leaves inconsistent (see
 * `integrityProblems`) stops the run with one error naming the plugin. Only problems the tap
 * introduced count: it is not blamed for what it was given. The engine's own taps are not wrapped.
 */
export function checkRefinement<T extends WrappableTap>(tap: T, owner: string = tap.name): T {
  if (owner.startsWith(CORE_PREFIX) || tap.type !== 'sync') return tap;
  const original = tap.fn;
  return {
    ...tap,
    fn: (model: DomainModel, ...rest: unknown[]) => {
      const before = integrityProblems(model);
      const refined = (original(model, ...rest) as DomainModel | undefined) ?? model;
      const broken = newIntegrityProblems(before, integrityProblems(refined));
      if (broken.length > 0) throw refinementError(owner, broken);
      return refined;
    },
  };
}

function refinementError(owner: string, problems: readonly string[]): InfraStackError {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more: ${problems.slice(1).join('; ')})` : '';
  return new InfraStackError(`plugin "${owner}" left the domain model inconsistent in hook "deriveModel": ${problems[0]}${more}`);
}
