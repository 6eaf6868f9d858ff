// The plugin run through the generator with the helper it exports for plugin authors.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { runPlugins } from 'generator-infra-stack/testing';
import cachePlugin from '../index.js';

const fixture = fileURLToPath(new URL('./fixtures/petstore.yaml', import.meta.url));

test('adds the cache layer and its tests beside the stack, and a Cache section to the README', async () => {
  const run = await runPlugins([cachePlugin], { api: fixture });
  try {
    for (const file of ['backend/app/infrastructure/cache/__init__.py', 'backend/app/infrastructure/cache/memory.py', 'backend/tests/unit/test_cache.py']) {
      assert.ok(run.files.includes(file), `${file} is generated`);
    }
    assert.ok(run.files.includes('backend/app/main.py'), "the stack's files are still there");
    const readme = await run.read('backend/README.md');
    assert.match(readme, /^# Swagger Petstore/);
    assert.match(readme, /## Cache\n/);
  } finally {
    await run.cleanup();
  }
});

test('adds nothing to another stack', async () => {
  const other = { name: 'other-stack', apply: ({ stacks }) => stacks.add('other') };
  const run = await runPlugins([other, cachePlugin], { api: fixture, stack: 'other' });
  try {
    assert.deepEqual(run.files.filter((file) => file.includes('cache')), []);
  } finally {
    await run.cleanup();
  }
});
