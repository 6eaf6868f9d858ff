/** npm names of plugin packages: `infra-stack-plugin-<name>` or `@scope/infra-stack-plugin-<name>`. */
export const PLUGIN_PREFIX = 'infra-stack-plugin-';

export function isPluginPackageName(name: string): boolean {
  const unscoped = name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
  return unscoped.startsWith(PLUGIN_PREFIX) && unscoped.length > PLUGIN_PREFIX.length;
}

/** A name as a user writes it in `--plugins` or `.yo-rc.json`: `cache`, `@acme/audit` or the full package name. */
export function pluginPackageName(written: string): string {
  const name = written.trim();
  if (isPluginPackageName(name)) return name;
  const slash = name.indexOf('/');
  if (name.startsWith('@') && slash > 0) return `${name.slice(0, slash)}/${PLUGIN_PREFIX}${name.slice(slash + 1)}`;
  return `${PLUGIN_PREFIX}${name}`;
}
