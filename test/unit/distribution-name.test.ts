import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distributionName, INSTALLED_DISTRIBUTIONS } from '../../stacks/fastapi-sqlalchemy/distribution-name.js';

const PYPROJECT = 'stacks/fastapi-sqlalchemy/templates/backend/pyproject.toml.njk';

describe('the backend\'s distribution name', () => {
  it('is the title\'s, PEP 503 normalized', () => {
    expect(distributionName('Shop API')).toBe('shop-api');
    expect(distributionName('  ')).toBe('generated-backend');
  });

  it('never names something the backend installs, which it would then require itself (botschaft\'s "FastAPI")', () => {
    expect(distributionName('FastAPI')).toBe('fastapi-backend');
    expect(distributionName('Starlette')).toBe('starlette-backend');
    expect(distributionName('Typing_Extensions')).toBe('typing-extensions-backend');
  });

  it('knows every requirement pyproject.toml names', () => {
    const required = [...readFileSync(PYPROJECT, 'utf8').matchAll(/^ {4}"([A-Za-z0-9._-]+)(?:\[[^\]]*\])?[<>=~!]/gm)].map((match) => match[1]!.toLowerCase().replace(/[._]+/g, '-'));
    expect(required.length).toBeGreaterThan(10);
    expect(required.filter((name) => !INSTALLED_DISTRIBUTIONS.has(name))).toEqual([]);
  });
});
