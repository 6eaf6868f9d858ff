/** The settings of the installed plugins, for `--help`: each plugin's declared options as `--set` takes them. */
import { loadInstalledPlugins } from '../core/plugins/index.js';
import type { InfraStackPlugin } from '../core/engine/plugin.js';

/** Lines listing the settings the plugins installed for `projectDir` declare; none when no plugin declares any or they cannot be loaded. */
export async function pluginSettingsHelp(projectDir: string, cwd: string): Promise<string[]> {
  let plugins: InfraStackPlugin[];
  try {
    // Listing is not using: an incompatible plugin's settings are listed too.
    ({ plugins } = await loadInstalledPlugins({ projectDir, alsoSearch: [cwd], skipChecks: true }));
  } catch {
    return [];
  }
  const lines: string[] = [];
  for (const plugin of plugins) {
    const options = Array.isArray(plugin.options) ? plugin.options : [];
    if (options.length === 0) continue;
    lines.push('', `Settings of ${plugin.name} (--set ${plugin.name}.<name>=<value>):`);
    const rows = options.map((option) => [`${option.name} <${option.type}>`, `${option.description}${option.default !== undefined ? ` (default: ${JSON.stringify(option.default)})` : ''}`] as const);
    const width = Math.max(...rows.map(([flag]) => flag.length));
    lines.push(...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`));
  }
  return lines;
}
