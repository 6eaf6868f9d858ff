/**
 * What a third-party plugin can do, each through the public plugin api and the test helper
 * plugin authors use (`generator-infra-stack/testing`).
 */
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SyncWaterfallHook } from 'tapable';
import { afterEach, describe, expect, it } from 'vitest';
import { stackOf, type ApiDocument, type Field, type InfraStackPlugin } from '../../lib/index.js';
import { deriveModelWith, runPlugins, type PluginRun } from '../../lib/testing.js';
import { UP_TO_DATE_PATH } from '../../core/engine/up-to-date.js';
import { TINY_STACK, tinyStack, tinyStackDescriptor } from '../fixtures/descriptor-stack/tiny-stack.js';

const petstore = path.resolve('node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml');
const runs: PluginRun[] = [];

async function run(plugins: InfraStackPlugin[], options: { stack?: string } = {}): Promise<PluginRun> {
  const result = await runPlugins(plugins, { api: petstore, db: 'sqlite', ...options });
  runs.push(result);
  return result;
}

async function templatesFolder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-plugin-templates-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

afterEach(async () => {
  for (const done of runs.splice(0)) await done.cleanup();
});

describe('a plugin', () => {
  it('adds a stack the user picks with --stack, and an unknown stack names the installed ones', async () => {
    const flask: InfraStackPlugin = {
      name: 'infra-stack-plugin-flask',
      apply({ hooks, stacks }) {
        stacks.add('flask');
        hooks.planFiles.tap('flask', (plan, { model, config }) =>
          config.stack !== 'flask' ? plan : { files: [...plan.files, { path: 'app.py', owner: 'flask', content: model.entities.map((e) => `# ${e.name}\n`).join('') }] },
        );
      },
    };
    const chosen = await run([flask], { stack: 'flask' });
    expect(chosen.files).toContain('app.py');
    // None of the FastAPI stack's code; and a stack declared by name only stores nothing the DDL plugin knows of: no SQL.
    expect(chosen.files.filter((file) => file.startsWith('backend/'))).toEqual([]);
    expect(await chosen.read('app.py')).toBe('# Pet\n# Order\n# User\n# Tag\n');

    const byDefault = await run([flask]);
    expect(byDefault.files).toContain('backend/app/main.py');
    expect(byDefault.files).not.toContain('app.py');

    await expect(run([flask], { stack: 'django' })).rejects.toThrow('unknown stack "django" (--stack): the installed plugins provide fastapi-sqlalchemy, flask');
  });

  it('declares a stack by its descriptor: the SQL DDL and the docs follow its folder, its names and its databases', async () => {
    const tiny = await runPlugins([tinyStack], { api: petstore, db: 'postgresql', stack: TINY_STACK, docs: true });
    runs.push(tiny);
    expect(tiny.files.filter((file) => file.startsWith('backend/'))).toEqual([]);
    expect(tiny.files).toEqual(expect.arrayContaining(['service/tables.txt', 'service/db/schema.postgresql.sql', 'service/db/seed.postgresql.sql']));
    // The relational schema the stack reads is the one the DDL writes, table for table, in its order.
    const schema = await tiny.read('service/db/schema.postgresql.sql');
    const created = [...schema.matchAll(/^create table "?(\w+)"?/gm)].map((match) => match[1]);
    expect(created).toEqual((await tiny.read('service/tables.txt')).trim().split('\n'));
    expect(schema).toContain('-- The tables, keys, uniques and indexes of the backend\'s dbmate migration (db/migrations/).');
    expect(schema).toMatch(/constraint "?pets_pkey"? primary key/);
    expect(schema).not.toMatch(/\bpk_/);
    const seed = await tiny.read('service/db/seed.postgresql.sql');
    expect(seed).toMatch(/insert into "?pets"?/);
    // The migration steps as data, up and down: from nothing on a first run.
    const migration = (await tiny.read('service/db/migrations/next.txt')).trim().split('\n');
    const tables = (await tiny.read('service/tables.txt')).trim().split('\n');
    expect(migration).toEqual(['-- up', ...tables.map((table) => `create-table ${table}`), '-- down', ...[...tables].reverse().map((table) => `drop-table ${table}`)]);
    // The docs name the stack's own code.
    expect(await tiny.read('output/api-mapping.md')).toContain('service/routes/');
    expect(await tiny.read('output/backend-codegen-project-structure.md')).toContain('The Express service.');
    // --db is checked against the databases the stack runs on.
    await expect(runPlugins([tinyStack], { api: petstore, db: 'sqlite', stack: TINY_STACK })).rejects.toThrow('the stack "tiny-orm" does not run on sqlite (--db): it runs on postgresql, mysql');
  });

  it("is found by its name outside a run, as --verify finds the stack's gate", async () => {
    const fastapi = await stackOf({ apiFiles: [petstore], discoverPlugins: false });
    expect(fastapi?.name).toBe('fastapi-sqlalchemy');
    expect(fastapi?.verify?.logPath).toBe('logs/workflow.log');
    const tiny = await stackOf({ apiFiles: [petstore], discoverPlugins: false, stack: TINY_STACK, plugins: [tinyStack] });
    expect(tiny?.outputDir).toBe('service');
    // No gate: --verify says so rather than running the FastAPI one.
    expect(tiny?.verify).toBeUndefined();
    expect(await stackOf({ apiFiles: [petstore], discoverPlugins: false, stack: 'django' })).toBeUndefined();
  });

  it('cannot declare a stack another plugin declared', async () => {
    const twin: InfraStackPlugin = { name: 'infra-stack-plugin-twin', apply: ({ stacks }) => stacks.add({ ...tinyStackDescriptor }) };
    await expect(run([tinyStack, twin])).rejects.toThrow('plugin "infra-stack-plugin-twin" declared the stack "tiny-orm", which another plugin declared');
  });

  it("adds files beside the FastAPI stack's, from its own templates", async () => {
    const templates = await templatesFolder({ 'cache/__init__.py.njk': '"""Cache for {{ title }}."""\n' });
    const cache: InfraStackPlugin = {
      name: 'infra-stack-plugin-cache',
      apply({ hooks, templates: search }) {
        search.addSearchPath(templates);
        hooks.planFiles.tap('cache', (plan, { model }) => ({
          files: [...plan.files, { path: 'backend/app/infrastructure/cache/__init__.py', owner: 'infra-stack-plugin-cache', template: 'cache/__init__.py.njk', data: { title: model.title } }],
        }));
      },
    };
    const result = await run([cache]);
    expect(await result.read('backend/app/infrastructure/cache/__init__.py')).toBe('"""Cache for Swagger Petstore."""\n');
    expect(result.files).toContain('backend/app/infrastructure/models/pet.py');
  });

  it("gets its Python in the backend laid out as ruff lays it out, like the stack's own; Python ruff cannot read is left as written", async () => {
    const long = 'CACHE_SETTINGS = dict(time_to_live_in_seconds=300, maximum_entries_per_repository=10000, evict_on_write=True)\n';
    const broken = 'def broken(:\n    pass  # a very long comment that goes on and on past the hundredth column of the line here\n';
    const cache: InfraStackPlugin = {
      name: 'infra-stack-plugin-cache',
      apply({ hooks }) {
        hooks.planFiles.tap('cache', (plan) => ({
          files: [
            ...plan.files,
            { path: 'backend/app/infrastructure/cache/settings.py', owner: 'infra-stack-plugin-cache', content: long },
            { path: 'backend/app/infrastructure/cache/broken.py', owner: 'infra-stack-plugin-cache', content: broken },
          ],
        }));
      },
    };
    const result = await run([cache]);
    expect(await result.read('backend/app/infrastructure/cache/settings.py')).toBe(
      'CACHE_SETTINGS = dict(\n    time_to_live_in_seconds=300, maximum_entries_per_repository=10000, evict_on_write=True\n)\n',
    );
    expect(await result.read('backend/app/infrastructure/cache/broken.py')).toBe(broken);
  });

  it("overrides one template of another plugin, falling back to that plugin's for the rest and including the original by its owner's name", async () => {
    const templates = await templatesFolder({
      'backend/README.md.njk': '{% include "fastapi-sqlalchemy:backend/README.md.njk" %}\n## Cache\n\nAn in-memory cache sits in front of the repositories.\n',
    });
    const override: InfraStackPlugin = { name: 'infra-stack-plugin-readme', apply: ({ templates: search }) => search.addSearchPath(templates) };
    const plain = await run([]);
    const overridden = await run([override]);
    const original = await plain.read('backend/README.md');
    expect(await overridden.read('backend/README.md')).toBe(`${original}## Cache\n\nAn in-memory cache sits in front of the repositories.\n`);
    // The plain run, given no plugin as an object, also leaves its up-to-date stamp.
    expect(overridden.files).toEqual(plain.files.filter((file) => file !== UP_TO_DATE_PATH));
    for (const file of plain.files.filter((name) => name.endsWith('.py'))) expect(await overridden.read(file), file).toBe(await plain.read(file));
  });

  it('overriding a template another plugin overrides too gets a warning naming both; the one applied last wins', async () => {
    const readme = (name: string) => ({ name, apply: ({ templates: search }: Parameters<InfraStackPlugin['apply']>[0]) => search.addSearchPath(folders.get(name)!) });
    const folders = new Map([
      ['infra-stack-plugin-first', await templatesFolder({ 'backend/README.md.njk': 'first\n' })],
      ['infra-stack-plugin-second', await templatesFolder({ 'backend/README.md.njk': 'second\n', 'second/own.njk': 'x' })],
    ]);
    const result = await run([readme('infra-stack-plugin-first'), readme('infra-stack-plugin-second')]);
    expect(await result.read('backend/README.md')).toBe('second\n');
    expect(result.result.warnings).toEqual([
      'template backend/README.md.njk of "fastapi-sqlalchemy" is overridden by "infra-stack-plugin-first" and "infra-stack-plugin-second"; the one applied last, "infra-stack-plugin-second", wins',
    ]);
    const alone = await run([readme('infra-stack-plugin-second')]);
    expect(alone.result.warnings).toEqual([]);
  });

  it('refines the domain model: a tenant_id on every entity, in the model and in the generated code', async () => {
    const tenancy: InfraStackPlugin = {
      name: 'infra-stack-plugin-tenancy',
      apply({ hooks }) {
        hooks.deriveModel.tap('tenancy', (model) => ({
          ...model,
          entities: model.entities.map((entity) => ({ ...entity, fields: [...entity.fields, tenantField(entity.source)], tenantField: 'tenant_id' })),
        }));
      },
    };
    const model = await deriveModelWith([tenancy], { api: petstore });
    expect(model.entities.map((entity) => [entity.name, entity.fields.some((field) => field.name === 'tenant_id')])).toEqual([
      ['Pet', true],
      ['Order', true],
      ['User', true],
      ['Tag', true],
    ]);
    const result = await run([tenancy]);
    expect(await result.read('backend/app/infrastructure/models/pet.py')).toMatch(/tenant_id: Mapped\[int\]/);
  });

  it('adds an input format through the parse hook map', async () => {
    const notes = path.join(await mkdtemp(path.join(os.tmpdir(), 'infra-stack-notes-')), 'shop.entities');
    await writeFile(notes, 'Note: title, body\nLabel: name\n');
    const entitiesFormat: InfraStackPlugin = {
      name: 'infra-stack-plugin-entities',
      apply({ hooks }) {
        hooks.parse.for('entities').tapPromise('entities', async ({ file }) => entitiesDocument(file, await import('node:fs/promises').then((fs) => fs.readFile(file, 'utf8'))));
      },
    };
    const model = await deriveModelWith([entitiesFormat], { api: notes });
    expect(model.entities.map((entity) => [entity.name, entity.table, entity.fields.map((field) => field.name)])).toEqual([
      ['Note', 'notes', ['id', 'title', 'body', 'created_at', 'updated_at']],
      ['Label', 'labels', ['id', 'name', 'created_at', 'updated_at']],
    ]);
    await expect(deriveModelWith([], { api: notes })).rejects.toThrow('no installed parser reads entities documents');
  });

  it('exposes hooks of its own that later plugins tap but cannot call', async () => {
    const seen: unknown[] = [];
    const cache: InfraStackPlugin = {
      name: 'infra-stack-plugin-cache',
      apply({ hooks, exposeHooks }) {
        const backends = new SyncWaterfallHook<[string[]]>(['backends']);
        exposeHooks({ backends });
        hooks.planFiles.tap('cache', (plan) => ({
          files: [...plan.files, ...backends.call(['memory']).map((name) => ({ path: `cache/${name}.txt`, owner: 'infra-stack-plugin-cache', content: name }))],
        }));
      },
    };
    const redis: InfraStackPlugin = {
      name: 'infra-stack-plugin-redis',
      apply({ hooksOf }) {
        const { backends } = hooksOf<{ backends: SyncWaterfallHook<[string[]]> }>('infra-stack-plugin-cache');
        seen.push((backends as unknown as { call?: unknown }).call);
        backends.tap('redis', (names) => [...names, 'redis']);
      },
    };
    const result = await run([cache, redis]);
    expect(result.files.filter((file) => file.startsWith('cache/'))).toEqual(['cache/memory.txt', 'cache/redis.txt']);
    expect(seen).toEqual([undefined]);

    await expect(run([redis, cache])).rejects.toThrow(
      'plugin "infra-stack-plugin-redis" asked for the hooks of "infra-stack-plugin-cache", which exposed none before it',
    );
    const failing: InfraStackPlugin = {
      name: 'infra-stack-plugin-failing',
      apply: ({ hooksOf }) => hooksOf<{ backends: SyncWaterfallHook<[string[]]> }>('infra-stack-plugin-cache').backends.tap('x', () => {
        throw new Error('no redis here');
      }),
    };
    await expect(run([cache, failing])).rejects.toThrow('plugin "infra-stack-plugin-failing" failed in hook "infra-stack-plugin-cache:backends": no redis here');
  });
});

describe('a failing plugin', () => {
  const failIn = (hook: 'deriveModel' | 'renderFile' | 'validateModel'): InfraStackPlugin => ({
    name: 'infra-stack-plugin-broken',
    apply({ hooks }) {
      // The tap's own name is not the plugin's: the error still names the plugin.
      const tap = { name: 'some-tap' };
      const boom = (): never => {
        throw new TypeError('cannot read the moon');
      };
      if (hook === 'deriveModel') hooks.deriveModel.tap(tap, boom);
      if (hook === 'validateModel') hooks.validateModel.tap(tap, boom);
      if (hook === 'renderFile') hooks.renderFile.tap(tap, boom);
    },
  });

  for (const hook of ['deriveModel', 'validateModel', 'renderFile'] as const) {
    it(`is named with the hook (${hook}), and nothing is written`, async () => {
      const outDir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-broken-'));
      await expect(runPlugins([failIn(hook)], { api: petstore, outDir })).rejects.toThrow(
        `plugin "infra-stack-plugin-broken" failed in hook "${hook}": cannot read the moon`,
      );
      expect(await readdir(outDir)).toEqual([]);
    });
  }

  it('is named when it plans a file with neither a template nor content, and nothing is written', async () => {
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-broken-'));
    const empty: InfraStackPlugin = {
      name: 'infra-stack-plugin-empty',
      apply: ({ hooks }) => hooks.planFiles.tap('empty', (plan) => ({ files: [...plan.files, { path: 'backend/EMPTY.md', owner: 'infra-stack-plugin-empty' }] })),
    };
    await expect(runPlugins([empty], { api: petstore, outDir })).rejects.toThrow('plugin "infra-stack-plugin-empty" planned backend/EMPTY.md with neither a template nor content');
    expect(await readdir(outDir)).toEqual([]);
  });

  it('is named with the template, line and column, on one line, when its template does not render, and nothing is written', async () => {
    const templates = await templatesFolder({ 'notes.md.njk': 'Notes\n{% if %}\n', 'filtered.md.njk': 'Notes\n{{ title | nosuchfilter }}\n' });
    for (const [template, where] of [['notes.md.njk', 'notes.md.njk:2:7: unexpected token: %}'], ['filtered.md.njk', 'filtered.md.njk: filter not found: nosuchfilter']] as const) {
      const outDir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-broken-'));
      const notes: InfraStackPlugin = {
        name: 'infra-stack-plugin-notes',
        apply({ hooks, templates: search }) {
          search.addSearchPath(templates);
          hooks.planFiles.tap('notes', (plan) => ({ files: [...plan.files, { path: 'backend/NOTES.md', owner: 'infra-stack-plugin-notes', template, data: { title: 'x' } }] }));
        },
      };
      const failure = await runPlugins([notes], { api: petstore, outDir }).then(() => undefined, (error: Error) => error);
      expect(failure?.message).toBe(`plugin "infra-stack-plugin-notes" failed to render backend/NOTES.md from ${template}: ${path.join(templates, where)}`);
      expect(await readdir(outDir)).toEqual([]);
    }
  });

  it('is named when it throws while being applied', async () => {
    const broken: InfraStackPlugin = {
      name: 'infra-stack-plugin-eager',
      apply() {
        throw new Error('missing setting');
      },
    };
    await expect(run([broken])).rejects.toThrow('plugin "infra-stack-plugin-eager" failed while being applied: missing setting');
  });
});

function tenantField(source: Field['source']): Field {
  return {
    name: 'tenant_id',
    wireName: 'tenantId',
    type: { kind: 'integer' },
    required: true,
    nullable: false,
    readOnly: false,
    writeOnly: false,
    constraints: {},
    system: true,
    source,
  };
}

/** `Note: title, body` per line: an entity with string fields, marked as one. */
function entitiesDocument(file: string, text: string): ApiDocument {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return {
    title: path.basename(file),
    version: '1.0.0',
    basePath: '',
    schemas: new Map(
      lines.map((line, index) => {
        const [name = '', fields = ''] = line.split(':');
        const properties = Object.fromEntries(fields.split(',').map((field) => [field.trim(), { type: 'string' }]));
        return [name.trim(), { schema: { type: 'object', 'x-entity': true, required: Object.keys(properties), properties }, source: { file, pointer: '', line: index + 1 } }];
      }),
    ),
    operations: [],
    components: [],
    settings: {},
    sources: [file],
  };
}
