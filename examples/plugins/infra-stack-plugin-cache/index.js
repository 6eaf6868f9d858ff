/**
 * infra-stack-plugin-cache: adds `app/infrastructure/cache` (a typed in-memory cache with a time to
 * live) and its unit tests to the FastAPI + SQLAlchemy backend, and a "Cache" section to the
 * backend's README by overriding that one template of the stack.
 */
import { fileURLToPath } from 'node:url';

const NAME = 'infra-stack-plugin-cache';
const STACK = 'fastapi-sqlalchemy';
const templatesDir = fileURLToPath(new URL('./templates/', import.meta.url));

const FILES = [
  ['backend/app/infrastructure/cache/__init__.py', 'cache/__init__.py.njk'],
  ['backend/app/infrastructure/cache/memory.py', 'cache/memory.py.njk'],
  ['backend/tests/unit/test_cache.py', 'cache/test_cache.py.njk'],
];

/** @type {import('generator-infra-stack').InfraStackPlugin} */
const cachePlugin = {
  name: NAME,
  apply({ hooks, templates }) {
    // After the stack's folder: backend/README.md.njk here wins over the stack's, every other template falls back to it.
    templates.addSearchPath(templatesDir);
    hooks.planFiles.tap(NAME, (plan, { model, config }) => {
      if (config.stack !== STACK) return plan;
      const data = { title: model.title, entities: model.entities.map((entity) => entity.name) };
      return { files: [...plan.files, ...FILES.map(([path, template]) => ({ path, owner: NAME, template, data }))] };
    });
  },
};

export default cachePlugin;
