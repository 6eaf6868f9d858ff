import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runEngine, type InfraStackPlugin } from '../../core/index.js';
import { generate } from '../../lib/index.js';
import { diffTrees, makeTempDir, readTree, removeTempDir } from '../support/files.js';

const PETSTORE = path.resolve('node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml');
const SHOP = path.resolve('examples/shop/openapi.yaml');

let work: string | undefined;

beforeEach(async () => {
  work = await makeTempDir('render-reuse');
});

afterEach(async () => {
  await removeTempDir(work);
  work = undefined;
});

/** A plugin planning two notes from a template, counting what `renderFile` is asked to finish. */
function notesPlugin(templates: string, views: { a: object; b: object }, rendered: string[]): InfraStackPlugin {
  return {
    name: 'notes',
    apply({ hooks, templates: registry }) {
      registry.addSearchPath(templates);
      hooks.planFiles.tap('notes', (plan) => ({
        files: [...plan.files, { path: 'a.txt', owner: 'notes', template: 'note.njk', data: views.a }, { path: 'b.txt', owner: 'notes', template: 'note.njk', data: views.b }],
      }));
      hooks.renderFile.tap('notes', (content, file) => (rendered.push(file.path), `${content}.`));
    },
  };
}

describe('a file whose view did not change since the last run', () => {
  it('takes the text the last run generated, and is rendered again when its view, the code or the options change', async () => {
    const templates = path.join(work!, 'templates');
    await mkdir(templates);
    await writeFile(path.join(templates, 'note.njk'), '{{ title }}: {{ items | join(",") }}');
    const out = path.join(work!, 'out');
    const run = async (views: { a: object; b: object }, key: string) => {
      const rendered: string[] = [];
      const result = await runEngine({ apiFiles: [PETSTORE], outDir: out }, [notesPlugin(templates, views, rendered)], { key, plugins: [] });
      return { result, rendered };
    };
    const views = { a: { title: 'A', items: [1, 2] }, b: { title: 'B', items: [] } };

    const first = await run(views, 'code-1');
    expect(first.rendered).toEqual(['a.txt', 'b.txt']);
    expect(await readFile(path.join(out, 'a.txt'), 'utf8')).toBe('A: 1,2.');

    const again = await run({ a: { title: 'A', items: [1, 2] }, b: { title: 'B', items: [] } }, 'code-1');
    expect(again.rendered).toEqual([]);
    expect(again.result.unchanged).toEqual(['a.txt', 'b.txt']);

    const changed = await run({ a: { title: 'A', items: [1, 3] }, b: views.b }, 'code-1');
    expect(changed.rendered).toEqual(['a.txt']);
    expect(changed.result.updated).toEqual(['a.txt']);
    expect(await readFile(path.join(out, 'a.txt'), 'utf8')).toBe('A: 1,3.');
    expect(await readFile(path.join(out, 'b.txt'), 'utf8')).toBe('B: .');

    const rebuilt = await run({ a: { title: 'A', items: [1, 3] }, b: views.b }, 'code-2');
    expect(rebuilt.rendered).toEqual(['a.txt', 'b.txt']);
  });

  it('is rendered every time when its view holds what cannot be digested, or the run has no identity', async () => {
    const templates = path.join(work!, 'templates');
    await mkdir(templates);
    await writeFile(path.join(templates, 'note.njk'), '{{ title }}');
    const out = path.join(work!, 'out');
    const withHelper = { a: { title: 'A', shout: () => 'A!' }, b: { title: 'B' } };
    for (let run = 0; run < 2; run += 1) {
      const rendered: string[] = [];
      await runEngine({ apiFiles: [PETSTORE], outDir: out }, [notesPlugin(templates, withHelper, rendered)], { key: 'code', plugins: [] });
      expect(rendered).toEqual(run === 0 ? ['a.txt', 'b.txt'] : ['a.txt']);
    }
    const rendered: string[] = [];
    await runEngine({ apiFiles: [PETSTORE], outDir: out }, [notesPlugin(templates, withHelper, rendered)]);
    expect(rendered).toEqual(['a.txt', 'b.txt']);
  });

  it('leaves a whole backend, after its document changed, as a run rendering every file leaves it', async () => {
    const api = path.join(work!, 'openapi.yaml');
    await copyFile(SHOP, api);
    const reusing = path.join(work!, 'reusing');
    const rendering = path.join(work!, 'rendering');
    // A plugin handed over as an object gives the run no identity: every file is rendered.
    const renderEverything: InfraStackPlugin = { name: 'render-everything', apply() {} };
    const options = { apiFiles: [api], docs: false, discoverPlugins: false };
    await generate({ ...options, outDir: reusing });
    await generate({ ...options, outDir: rendering, plugins: [renderEverything] });

    const edited = (await readFile(SHOP, 'utf8'))
      .replace('        fullName: { type: [string, "null"], maxLength: 120 }\n', '        fullName: { type: [string, "null"], maxLength: 120 }\n        nickname: { type: string, maxLength: 30 }\n')
      .replace(/maxLength: 50/g, 'maxLength: 60');
    expect(edited).not.toBe(await readFile(SHOP, 'utf8'));
    await writeFile(api, edited);
    const reused = await generate({ ...options, outDir: reusing });
    const rendered = await generate({ ...options, outDir: rendering, plugins: [renderEverything] });
    expect(reused.updated.length).toBeGreaterThan(0);
    expect(reused.unchanged.length).toBeGreaterThan(reused.updated.length);
    expect(reused.updated).toEqual(rendered.updated);

    // Every file of the stack and the first-party plugins can be reused: their views hold data only.
    const manifest = JSON.parse(await readFile(path.join(reusing, '.infra-stack/manifest.json'), 'utf8')) as { files: Record<string, { hash: string }> };
    const keys = JSON.parse(await readFile(path.join(reusing, '.infra-stack/render-keys.json'), 'utf8')) as Record<string, { key: string; hash: string }>;
    expect(Object.keys(manifest.files).filter((file) => keys[file]?.hash !== manifest.files[file]!.hash)).toEqual([]);
    // The keys name this machine's copy of the generator: the manifest, which users commit, holds none.
    expect(JSON.stringify(manifest)).not.toContain(Object.values(keys)[0]!.key);

    const withoutRecords = (tree: Map<string, Buffer>) => new Map([...tree].filter(([file]) => !file.startsWith('.infra-stack/')));
    expect(diffTrees(withoutRecords(await readTree(reusing)), withoutRecords(await readTree(rendering)))).toEqual([]);
  });
});
