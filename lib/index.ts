import { deriveDomainModel, runEngine, type DeriveOptions, type DomainModel, type GenerateOptions, type GenerateResult } from '../core/index.js';
import { firstPartyPlugins } from './first-party.js';

export * from '../core/index.js';

/** Generates a backend from API documents: the engine with the first-party stack and plugins. */
export function generate(options: GenerateOptions): Promise<GenerateResult> {
  return runEngine(options, firstPartyPlugins());
}

/** The domain model `generate` would build from the documents, without generating anything. */
export function deriveModel(options: DeriveOptions): Promise<DomainModel> {
  return deriveDomainModel(options, firstPartyPlugins());
}

/** The validation gate of a backend generated into `outDir` (venv, install, ruff, mypy, migrations, tests). */
export { verifyBackend, WORKFLOW_LOG_PATH, type VerifyOptions, type VerificationReport, type StepOutcome, type StepStatus } from '../stacks/fastapi-sqlalchemy/verify/index.js';
