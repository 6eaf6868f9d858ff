import { runEngine, type GenerateOptions, type GenerateResult } from '../core/index.js';
import { firstPartyPlugins } from './first-party.js';

export * from '../core/index.js';

/** Generates a backend from API documents: the engine with the first-party stack and plugins. */
export function generate(options: GenerateOptions): Promise<GenerateResult> {
  return runEngine(options, firstPartyPlugins());
}
