import semver from 'semver';
import { InfraStackError } from '../errors.js';
import type { PluginManifest } from './discover.js';
import { ENGINE_PACKAGE } from './engine-version.js';

const OVERRIDE = 'pass --skip-checks to use it anyway';

/** The range of this package a plugin says it works with: `peerDependencies`, else `engines`. */
export function supportedRange(manifest: PluginManifest): string | undefined {
  return manifest.peerDependencies?.[ENGINE_PACKAGE] ?? manifest.engines?.[ENGINE_PACKAGE];
}

/** Why the plugin does not declare support for `engineVersion` (`remedy`: what else than --skip-checks would fix it); undefined when it does. */
function compatibilityProblem(manifest: PluginManifest, engineVersion: string): { problem: string; remedy?: string } | undefined {
  const plugin = `plugin ${manifest.name}${manifest.version ? `@${manifest.version}` : ''}`;
  const range = supportedRange(manifest);
  if (range === undefined) return { problem: `${plugin} declares no ${ENGINE_PACKAGE} version it supports (peerDependencies or engines in its package.json)` };
  if (semver.validRange(range) === null) return { problem: `${plugin} declares an unreadable ${ENGINE_PACKAGE} range ${JSON.stringify(range)}` };
  if (!semver.satisfies(engineVersion, range, { includePrerelease: true })) {
    return { problem: `${plugin} supports ${ENGINE_PACKAGE} ${range}, but this is ${ENGINE_PACKAGE} ${engineVersion}`, remedy: 'install a version of either that fits' };
  }
  return undefined;
}

/** Throws a user error naming both versions when the plugin does not declare support for `engineVersion`. */
export function checkCompatibility(manifest: PluginManifest, engineVersion: string): void {
  const found = compatibilityProblem(manifest, engineVersion);
  if (found) throw new InfraStackError(`${found.problem}; ${found.remedy ? `${found.remedy}, or ${OVERRIDE}` : OVERRIDE}`);
}

/** With --skip-checks: the warning for a plugin used although it does not declare support for `engineVersion`; undefined when it does. */
export function skippedCheckWarning(manifest: PluginManifest, engineVersion: string): string | undefined {
  const found = compatibilityProblem(manifest, engineVersion);
  return found && `${found.problem}; used anyway (--skip-checks): it may fail or generate code that does not work`;
}
