import { InfraStackError } from '../../core/errors.js';
import { PLUGIN_PREFIX, pluginPackageName } from '../../core/plugins/names.js';

export interface PluginNames {
  /** The npm name: `infra-stack-plugin-audit`, `@acme/infra-stack-plugin-audit`. */
  packageName: string;
  /** The folder the package is scaffolded into: the name without its scope. */
  folder: string;
  /** The name without scope and prefix (`audit`): the plugin's template folder and generated file. */
  short: string;
}

const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/** The names of a new plugin from what the user typed: `audit`, `@acme/audit` or a full package name. */
export function pluginNames(written: string): PluginNames {
  const packageName = pluginPackageName(written);
  if (!NPM_NAME.test(packageName) || packageName.length > 214) {
    throw new InfraStackError(`"${written}" cannot name an npm package: use lowercase letters, digits, "-", "." or "_" (and an optional @scope/)`);
  }
  const folder = packageName.slice(packageName.indexOf('/') + 1);
  return { packageName, folder, short: folder.slice(PLUGIN_PREFIX.length) };
}
