/** The example plugin package (examples/plugins/infra-stack-plugin-cache) applied in process; the packed, installed one is test/e2e/plugin-package.e2e.test.ts. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlugins } from '../../lib/testing.js';
// @ts-expect-error: the example is a plain JavaScript package without type declarations
import cachePlugin from '../../examples/plugins/infra-stack-plugin-cache/index.js';

const petstore = path.resolve('node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml');

describe('the example cache plugin', () => {
  it('adds its layer and tests, overrides the README only, and the docs list its folder', async () => {
    const plain = await runPlugins([], { api: petstore, docs: true });
    const run = await runPlugins([cachePlugin], { api: petstore, docs: true });
    try {
      const added = run.files.filter((file) => !plain.files.includes(file));
      expect(added).toEqual(['backend/app/infrastructure/cache/__init__.py', 'backend/app/infrastructure/cache/memory.py', 'backend/tests/unit/test_cache.py']);
      const readme = await run.read('backend/README.md');
      expect(readme.startsWith(await plain.read('backend/README.md'))).toBe(true);
      expect(readme).toContain('## Cache\n');
      expect(await run.read('output/backend-codegen-project-structure.md')).toMatch(/cache\/\s+Files of `infra-stack-plugin-cache`\. \(2 files\)/);
    } finally {
      await plain.cleanup();
      await run.cleanup();
    }
  });
});
