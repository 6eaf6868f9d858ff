/** Plugin settings: declared in the descriptor, given as --set or recorded, checked, typed, read by the plugin's taps. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pluginSettingsHelp } from '../../bin/plugin-help.js';
import { addField, type InfraStackPlugin, type PluginSettingValue } from '../../lib/index.js';
import { deriveModelWith, runPlugins } from '../../lib/testing.js';

const shop = path.resolve('examples/shop/openapi.yaml');

/** Adds a field named by its `userField` setting to every entity, `maxLength` long, unless `enabled` is false. */
function auditPlugin(seen: Record<string, PluginSettingValue>[] = []): InfraStackPlugin {
  return {
    name: 'infra-stack-plugin-audit',
    options: [
      { name: 'userField', type: 'string', default: 'created_by', description: 'The field that names who created a row' },
      { name: 'maxLength', type: 'number', default: 100, description: 'Its longest value' },
      { name: 'enabled', type: 'boolean', default: true, description: 'Add the field at all' },
    ],
    apply(api) {
      api.hooks.deriveModel.tap('audit', (model) => {
        const settings = api.settings<{ userField: string; maxLength: number; enabled: boolean }>();
        seen.push(settings);
        if (!settings.enabled) return model;
        return model.entities.reduce((refined, e) => addField(refined, e.name, { name: settings.userField, type: { kind: 'string' }, constraints: { maxLength: settings.maxLength } }), model);
      });
    },
  };
}

describe('plugin settings', () => {
  it('reach the taps with their defaults when none is given', async () => {
    const seen: Record<string, PluginSettingValue>[] = [];
    const model = await deriveModelWith([auditPlugin(seen)], { api: shop });
    expect(seen).toEqual([{ userField: 'created_by', maxLength: 100, enabled: true }]);
    expect(model.entities.find((e) => e.name === 'Order')!.fields.at(-1)).toMatchObject({ name: 'created_by', constraints: { maxLength: 100 } });
  });

  it('reach the taps typed as declared, given as text (--set) under the short or the full name', async () => {
    const seen: Record<string, PluginSettingValue>[] = [];
    await deriveModelWith([auditPlugin(seen)], { api: shop, settings: { audit: { userField: 'author', maxLength: '40', enabled: 'false' } } });
    await deriveModelWith([auditPlugin(seen)], { api: shop, settings: { 'infra-stack-plugin-audit': { maxLength: 12 } } });
    expect(seen).toEqual([
      { userField: 'author', maxLength: 40, enabled: false },
      { userField: 'created_by', maxLength: 12, enabled: true },
    ]);
  });

  it('are recorded by full plugin name, typed, without the defaults; settings of a plugin not applied are a warning', async () => {
    const run = await runPlugins([auditPlugin()], { api: shop, settings: { audit: { userField: 'author' }, cache: { ttl: '5' } } });
    try {
      expect(run.result.pluginSettings).toEqual({ 'infra-stack-plugin-audit': { userField: 'author' }, cache: { ttl: '5' } });
      expect(run.result.warnings).toEqual(['settings of plugin "cache" (--set or .yo-rc.json) are not used: no plugin of that name is applied']);
      expect(await run.read('backend/app/infrastructure/models/order.py')).toContain('author: Mapped[str | None]');
    } finally {
      await run.cleanup();
    }
  });

  it('that the plugin does not declare are an error naming it and its settings', async () => {
    await expect(deriveModelWith([auditPlugin()], { api: shop, settings: { audit: { userFeild: 'x' } } })).rejects.toThrow(
      'plugin "infra-stack-plugin-audit" has no setting "userFeild" (--set audit.userFeild or .yo-rc.json): its settings are userField (string), maxLength (number), enabled (boolean)',
    );
  });

  it('of the wrong type are an error naming the plugin', async () => {
    await expect(deriveModelWith([auditPlugin()], { api: shop, settings: { audit: { maxLength: 'long' } } })).rejects.toThrow(
      'plugin "infra-stack-plugin-audit": setting maxLength must be a number, got "long" (given as --set audit.maxLength=…, or under "pluginSettings" in .yo-rc.json)',
    );
    await expect(deriveModelWith([auditPlugin()], { api: shop, settings: { audit: { enabled: 'yes' } } })).rejects.toThrow('setting enabled must be a boolean, got "yes"');
  });

  it('are read in taps: read while the plugin is applied, they name the mistake', async () => {
    const eager: InfraStackPlugin = { name: 'infra-stack-plugin-eager', options: [], apply: (api) => void api.settings() };
    await expect(deriveModelWith([eager], { api: shop })).rejects.toThrow('plugin "infra-stack-plugin-eager" failed while being applied: settings() was called before the run started: call it in a tap, not in apply');
  });

  it('are declared with known types and unique names', async () => {
    const bad = (options: unknown): InfraStackPlugin => ({ name: 'infra-stack-plugin-bad', options: options as InfraStackPlugin['options'], apply: () => {} });
    await expect(deriveModelWith([bad([{ name: 'a', type: 'date', description: '' }])], { api: shop })).rejects.toThrow('plugin "infra-stack-plugin-bad": option a has type "date"; expected string, number or boolean');
    await expect(deriveModelWith([bad([{ name: 'a', type: 'string', description: '' }, { name: 'a', type: 'number', description: '' }])], { api: shop })).rejects.toThrow('plugin "infra-stack-plugin-bad" declares option a twice');
    await expect(deriveModelWith([bad([{ name: 'a', type: 'number', default: 'ten', description: '' }])], { api: shop })).rejects.toThrow('setting a must be a number, got "ten" (as the default the plugin declares)');
  });
});

describe('--help', () => {
  it('lists the settings each installed plugin declares, with type, description and default', async () => {
    const project = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-help-'));
    try {
      const dir = path.join(project, 'node_modules', 'infra-stack-plugin-audit');
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'infra-stack-plugin-audit', version: '1.0.0', type: 'module', main: 'index.js', peerDependencies: { 'generator-infra-stack': '>=99' } }));
      await writeFile(
        path.join(dir, 'index.js'),
        `export default { name: 'infra-stack-plugin-audit', options: [{ name: 'userField', type: 'string', default: 'created_by', description: 'The field naming who created a row' }, { name: 'maxLength', type: 'number', description: 'Its longest value' }], apply() {} };\n`,
      );
      expect(await pluginSettingsHelp(project, project)).toEqual([
        '',
        'Settings of infra-stack-plugin-audit (--set infra-stack-plugin-audit.<name>=<value>):',
        '  userField <string>  The field naming who created a row (default: "created_by")',
        '  maxLength <number>  Its longest value',
      ]);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});
