import semver from 'semver';
import { InfraStackError } from '../errors.js';
import type { PluginManifest } from './discover.js';
import { ENGINE_PACKAGE } from './engine-version.js';

const OVERRIDE = 'pass --skip-checks to use it anyway';

/** The range of this package a plugin says it works with: `peerDependencies`, else `engines`. */
export function supportedRange(manifest: PluginManifest): string | undefined {
  return manifest.peerDependencies?.[ENGINE_PACKAGE] ?? manifest.engines?.[ENGINE_PACKAGE];
}

/** Throws a user error naming both versions when the plugin does not declare support for `engineVersion`. */
export function checkCompatibility(manifest: PluginManifest, engineVersion: string): void {
  const plugin = `plugin ${manifest.name}${manifest.version ? `@${manifest.version}` : ''}`;
  const range = supportedRange(manifest);
  if (range === undefined) {
    throw new InfraStackError(`${plugin} declares no ${ENGINE_PACKAGE} version it supports (peerDependencies or engines in its package.json); ${OVERRIDE}`);
  }
  if (semver.validRange(range) === null) {
    throw new InfraStackError(`${plugin} declares an unreadable ${ENGINE_PACKAGE} range ${JSON.stringify(range)}; ${OVERRIDE}`);
  }
  if (!semver.satisfies(engineVersion, range, { includePrerelease: true })) {
    throw new InfraStackError(`${plugin} supports ${ENGINE_PACKAGE} ${range}, but this is ${ENGINE_PACKAGE} ${engineVersion}; install a version of either that fits, or ${OVERRIDE}`);
  }
}
