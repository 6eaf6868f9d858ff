import { declaredStack, deriveDomainModel, type DeriveOptions, type DomainModel, type StackDescriptor } from '../core/index.js';
import { firstPartyPlugins } from './first-party.js';
import { installedPluginsFor } from './installed.js';

export * from '../core/index.js';
export { AsyncSeriesHook, AsyncSeriesWaterfallHook, AsyncSeriesBailHook, SyncHook, SyncWaterfallHook, SyncBailHook } from 'tapable';
export { generate } from './generate.js';

/** The domain model `generate` would build from the documents, without generating anything. */
export async function deriveModel(options: DeriveOptions): Promise<DomainModel> {
  const installed = await installedPluginsFor(options);
  return deriveDomainModel(options, [...firstPartyPlugins(), ...installed.plugins]);
}

/** The descriptor of the stack `options` select, with the first-party and the installed plugins applied (undefined: none declares it). */
export async function stackOf(options: DeriveOptions): Promise<StackDescriptor | undefined> {
  const installed = await installedPluginsFor(options);
  return declaredStack(options, [...firstPartyPlugins(), ...installed.plugins]);
}

/** The validation gate of a backend generated into `outDir` (venv, install, ruff, mypy, migrations, tests). */
export { verifyBackend, WORKFLOW_LOG_PATH, type VerifyOptions } from '../stacks/fastapi-sqlalchemy/verify/index.js';
