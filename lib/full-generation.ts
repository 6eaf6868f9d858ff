import { runEngine, type GenerateOptions, type GenerateResult } from '../core/index.js';
import type { RunIdentity } from '../core/engine/up-to-date.js';
import { firstPartyPlugins } from './first-party.js';
import { installedPluginsFor } from './installed.js';

/** The whole generation: the engine with the first-party stack and plugins, then the installed ones. */
export async function generateFully(options: GenerateOptions, identity: RunIdentity | undefined): Promise<GenerateResult> {
  const installed = await installedPluginsFor(options);
  const result = await runEngine(options, [...firstPartyPlugins(), ...installed.plugins], identity);
  return { ...result, plugins: installed.used, ...(installed.local.length > 0 ? { localPlugins: installed.local } : {}), warnings: [...installed.warnings, ...result.warnings] };
}
