/**
 * End to end over HTTP: the backend generated from the markdown shop runs under `fastapi run` on
 * a migrated PostgreSQL database, and a client drives it as a user would: a category tree,
 * tagged products, an order with its items, lists with filters, sorting and pages, soft
 * delete, and the 404, 409 and 422 answers (a reference to a row that does not exist is a 422);
 * around the API, the health check, the request id in the answers and the log, and CORS.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../dist/lib/index.js';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { createPostgresDatabase, type PostgresDatabase } from '../support/postgres.js';
import { formatResult, installBackend, REPO_ROOT } from '../support/python-backend.js';
import { serveApp, type ServedApp } from '../support/served-app.js';

type Json = Record<string, unknown>;

describe('the generated shop over HTTP', () => {
  let work: string | undefined;
  let database: PostgresDatabase | undefined;
  let server: ServedApp | undefined;
  let base = '';

  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown; headers: Headers }> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined, headers: response.headers };
  }

  async function created(path: string, body: Json): Promise<Json> {
    const { status, json } = await call('POST', path, body);
    expect(status, `POST ${path} ${JSON.stringify(json)}`).toBe(201);
    return json as Json;
  }

  beforeAll(async () => {
    work = await makeTempDir('http-scenario');
    const out = join(work, 'out');
    await generate({ apiFiles: [join(REPO_ROOT, 'examples/shop/api-list.md')], outDir: out });
    const backend = await installBackend(join(out, 'backend'));
    database = await createPostgresDatabase('http_scenario');
    const env = { DATABASE_URL: database.asyncUrl };
    const migrated = await backend.run(['alembic', 'upgrade', 'head'], { env });
    expect(migrated.code, formatResult(migrated)).toBe(0);
    server = await serveApp(backend, { ...env, CORS_ORIGINS: '["https://shop.example.com"]' });
    base = server.base;
  });

  afterAll(async () => {
    server?.stop();
    await database?.drop();
    await removeTempDir(work);
  });

  it('answers its health check from the database, with a request id the log carries too, and lets the configured origin in', async () => {
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
    const id = health.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    await expect.poll(() => server!.output()).toContain(`[${id}] GET /health 200`);

    const preflight = await fetch(`${base}/api/categories`, { method: 'OPTIONS', headers: { Origin: 'https://shop.example.com', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    const stranger = await fetch(`${base}/api/categories`, { method: 'OPTIONS', headers: { Origin: 'https://elsewhere.example.com', 'Access-Control-Request-Method': 'POST' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps a category tree, and answers 409 for a slug taken and 422 for a missing field', async () => {
    const root = await created('/api/categories', { name: 'Garden', slug: 'garden' });
    const child = await created('/api/categories', { name: 'Tools', slug: 'garden-tools', parent_id: root.id });
    expect(child.parent_id).toBe(root.id);
    const children = await call('GET', `/api/categories?parent_id=${String(root.id)}`);
    expect(children.status).toBe(200);
    expect((children.json as Json[]).map((category) => category.slug)).toEqual(['garden-tools']);

    const taken = await call('POST', '/api/categories', { name: 'Again', slug: 'garden' });
    expect(taken.status).toBe(409);
    expect(taken.json).toEqual({ detail: expect.stringContaining('Category') });

    const incomplete = await call('POST', '/api/categories', { name: 'No slug' });
    expect(incomplete.status).toBe(422);
    expect(JSON.stringify(incomplete.json)).toContain('slug');
  });

  it('tags products, filters them by price and category, sorts and pages them', async () => {
    const category = await created('/api/categories', { name: 'Kitchen', slug: 'kitchen' });
    const sale = await created('/api/tags', { name: 'sale' });
    const steel = await created('/api/tags', { name: 'steel' });
    const prices = ['4.50', '12.00', '30.25'];
    for (const [index, price] of prices.entries()) {
      const product = await created('/api/products', {
        name: `Pan ${index}`,
        sku: `PAN-${index}`,
        price,
        stock: 10 * index,
        category_id: category.id,
        tag_ids: index === 0 ? [sale.id, steel.id] : [steel.id],
      });
      expect(product.tag_ids).toEqual(index === 0 ? [sale.id, steel.id] : [steel.id]);
      expect(Number(product.price)).toBe(Number(price));
    }
    const byPrice = await call('GET', `/api/products?category_id=${String(category.id)}&sort=-price&limit=2&page=1`);
    expect(byPrice.status).toBe(200);
    expect(byPrice.headers.get('x-total-count')).toBe('3');
    expect((byPrice.json as Json[]).map((product) => Number(product.price))).toEqual([30.25, 12]);
    const secondPage = await call('GET', `/api/products?category_id=${String(category.id)}&sort=-price&limit=2&page=2`);
    expect((secondPage.json as Json[]).map((product) => product.sku)).toEqual(['PAN-0']);
    const cheap = await call('GET', `/api/products?category_id=${String(category.id)}&max_price=15`);
    expect((cheap.json as Json[]).map((product) => product.sku).sort()).toEqual(['PAN-0', 'PAN-1']);

    const missingCategory = await call('POST', '/api/products', { name: 'Orphan', sku: 'ORPHAN', price: '1.00', stock: 1, category_id: 999_999 });
    // The client's reference is what is wrong: a 422 at the column PostgreSQL names.
    expect(missingCategory.status).toBe(422);
    expect(missingCategory.json).toEqual({ detail: [expect.objectContaining({ type: 'reference_not_found', loc: ['body', 'category_id'] })] });
    const badPrice = await call('POST', '/api/products', { name: 'Bad', sku: 'BAD', price: 'cheap', stock: 1, category_id: category.id });
    expect(badPrice.status).toBe(422);
  });

  it('places an order with its items in one request and reads it back whole', async () => {
    const user = await created('/api/users', { email: 'ada@example.com', username: 'ada' });
    const category = await created('/api/categories', { name: 'Tea', slug: 'tea' });
    const kettle = await created('/api/products', { name: 'Kettle', sku: 'KETTLE', price: '25.00', stock: 5, category_id: category.id });
    const cup = await created('/api/products', { name: 'Cup', sku: 'CUP', price: '3.00', stock: 50, category_id: category.id });
    const order = await created('/api/orders', {
      user_id: user.id,
      items: [
        { product_id: kettle.id, quantity: 1, unit_price: '25.00' },
        { product_id: cup.id, quantity: 4, unit_price: '3.00' },
      ],
      note: 'gift',
    });
    expect(order.status).toBe('pending');
    const read = await call('GET', `/api/orders/${String(order.id)}`);
    expect(read.status).toBe(200);
    expect((read.json as Json).items).toEqual([
      expect.objectContaining({ product_id: kettle.id, quantity: 1 }),
      expect.objectContaining({ product_id: cup.id, quantity: 4 }),
    ]);
    const paid = await call('PATCH', `/api/orders/${String(order.id)}`, { status: 'paid' });
    expect(paid.status).toBe(200);
    expect((paid.json as Json).status).toBe('paid');
    const unknownStatus = await call('PATCH', `/api/orders/${String(order.id)}`, { status: 'lost' });
    expect(unknownStatus.status).toBe(422);
    const mine = await call('GET', `/api/orders?user_id=${String(user.id)}&status=paid`);
    expect((mine.json as Json[]).map((o) => o.id)).toEqual([order.id]);
  });

  it('soft deletes: the row is gone from reads and lists, and a second delete is a 404', async () => {
    const user = await created('/api/users', { email: 'grace@example.com', username: 'grace' });
    const removed = await call('DELETE', `/api/users/${String(user.id)}`);
    expect(removed.status).toBe(204);
    expect((await call('GET', `/api/users/${String(user.id)}`)).status).toBe(404);
    const list = await call('GET', '/api/users?email=grace@example.com&limit=5');
    expect(list.json).toEqual({ items: [], total: 0, page: 1, limit: 5 });
    expect((await call('DELETE', `/api/users/${String(user.id)}`)).status).toBe(404);
    const missing = await call('GET', '/api/products/424242');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ detail: expect.stringContaining('424242') });
  });
});
