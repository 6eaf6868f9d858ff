import { deriveDomainModel, runEngine, type DeriveOptions, type DomainModel, type GenerateOptions, type GenerateResult } from '../core/index.js';
import { firstPartyPlugins } from './first-party.js';
import { installedPluginsFor } from './installed.js';

export * from '../core/index.js';
export { AsyncSeriesHook, AsyncSeriesWaterfallHook, AsyncSeriesBailHook, SyncHook, SyncWaterfallHook, SyncBailHook } from 'tapable';

/** Generates a backend from API documents: the engine with the first-party stack and plugins, then the installed ones. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const installed = await installedPluginsFor(options);
  const result = await runEngine(options, [...firstPartyPlugins(), ...installed.plugins]);
  return { ...result, plugins: installed.used, warnings: [...installed.warnings, ...result.warnings] };
}

/** The domain model `generate` would build from the documents, without generating anything. */
export async function deriveModel(options: DeriveOptions): Promise<DomainModel> {
  const installed = await installedPluginsFor(options);
  return deriveDomainModel(options, [...firstPartyPlugins(), ...installed.plugins]);
}

/** The validation gate of a backend generated into `outDir` (venv, install, ruff, mypy, migrations, tests). */
export { verifyBackend, WORKFLOW_LOG_PATH, type VerifyOptions, type VerificationReport, type StepOutcome, type StepStatus } from '../stacks/fastapi-sqlalchemy/verify/index.js';
