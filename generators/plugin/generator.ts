/**
 * `yo infra-stack:plugin <name>`: scaffolds a plugin package in `./infra-stack-plugin-<name>`:
 * package.json (name, keywords, the generator range it supports), an example tap with its
 * template, a README, and tests that run it through `generator-infra-stack/testing`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Generator, { type BaseOptions } from 'yeoman-generator';
import { InfraStackError } from '../../core/errors.js';
import { enginePackage } from '../../core/plugins/engine-version.js';
import { canPrompt } from '../app/options.js';
import { yoSwitchedFromRootProblem } from '../app/yo-as-root.js';
import { pluginNames, type PluginNames } from './names.js';

/** The files of a new plugin package: template (under templates/) → path in the package; `__short__` is the plugin's short name. */
const FILES: ReadonlyArray<[string, string]> = [
  ['package.json.ejs', 'package.json'],
  ['index.js.ejs', 'index.js'],
  ['README.md.ejs', 'README.md'],
  ['gitignore.ejs', '.gitignore'],
  ['templates/entities.md.njk.ejs', 'templates/__short__/entities.md.njk'],
  ['test/plugin.test.js.ejs', 'test/plugin.test.js'],
  ['test/fixtures/openapi.yaml.ejs', 'test/fixtures/openapi.yaml'],
];

export default class PluginGenerator extends Generator {
  #names: PluginNames | undefined;

  constructor(args: string[], options: BaseOptions) {
    // Started as root, yo switches users: a folder that user cannot write ends in a raw EACCES.
    const blocked = yoSwitchedFromRootProblem([(options as { env?: { cwd?: string } }).env?.cwd ?? process.cwd()]);
    if (blocked) throw new InfraStackError(blocked.describe(), { cause: blocked });
    // Writes a package.json, but installing its dependencies is the author's call.
    super(args, options, { customInstallTask: true });
    this.description = 'Scaffolds a generator-infra-stack plugin package (infra-stack-plugin-<name>) with an example tap, a template, a README and tests.';
    this.argument('name', { type: String, required: false, description: 'The plugin: audit, @acme/audit or infra-stack-plugin-audit' });
    this.sourceRoot(templatesDir());
  }

  async prompting(): Promise<void> {
    const given = (this.options as Record<string, unknown>).name;
    let written = typeof given === 'string' ? given : undefined;
    if (written === undefined && canPrompt(this.env.adapter)) {
      const answers = await this.prompt<{ name: string }>([{ type: 'input', name: 'name', message: 'Plugin name (infra-stack-plugin-<name>)', validate: (input: string) => input.trim() !== '' || 'Enter a name' }]);
      written = answers.name;
    }
    if (written === undefined || written.trim() === '') throw new InfraStackError('missing the plugin name: yo infra-stack:plugin <name> (for example audit or @acme/audit)');
    this.#names = pluginNames(written);
    if (existsSync(this.destinationPath(this.#names.folder))) throw new InfraStackError(`${this.destinationPath(this.#names.folder)} exists already: choose another name or folder`);
  }

  writing(): void {
    const names = this.#names;
    if (!names) throw new Error('writing() ran before prompting()');
    const { version } = enginePackage();
    const data = { ...names, engineVersion: version, peerRange: `^${version}` };
    for (const [template, target] of FILES) {
      this.renderTemplate(template, this.destinationPath(names.folder, target.replace('__short__', names.short)), data);
    }
  }

  end(): void {
    const folder = this.#names?.folder ?? '';
    this.log(`Created ${folder}/. Next: cd ${folder} && npm install && npm test`);
  }
}

/** generators/plugin/templates, from the sources or from the compiled `dist/` copy of this module. */
function templatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i += 1) {
    const candidate = join(dir, 'generators', 'plugin', 'templates');
    if (existsSync(join(dir, 'templates', 'index.js.ejs'))) return join(dir, 'templates');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('cannot find the templates of infra-stack:plugin');
}
