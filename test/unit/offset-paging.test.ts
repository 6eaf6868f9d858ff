import { beforeAll, describe, expect, it } from 'vitest';
import type { DomainModel, Operation } from '../../core/index.js';
import { deriveModel } from '../../core/derive/derive.js';
import { parseOpenApiFile } from '../../core/parsers/openapi/index.js';
import { generatedOnce } from '../support/generated-once.js';

const FIXTURE = 'test/fixtures/offset-paging/openapi.yaml';

const roles = (op: Operation) => Object.fromEntries(op.params.map((p) => [p.wireName, p.role]));

describe('lists paged by an offset (test/fixtures/offset-paging)', () => {
  let model: DomainModel;
  beforeAll(async () => {
    model = deriveModel(await parseOpenApiFile(FIXTURE));
  });
  const operation = (name: string) => model.operations.find((op) => op.name === name)!;

  it('reads `offset`, PeerTube\'s `start` with `count` and OData\'s `$skip` with `$top` as the rows skipped and the page\'s size', () => {
    expect(roles(operation('list_accounts'))).toEqual({ offset: 'offset', limit: 'limit', status: 'filter' });
    expect(roles(operation('list_videos'))).toEqual({ start: 'offset', count: 'limit', sort: 'sort' });
    expect(roles(operation('lab_accounts_list_by_resource_group'))).toMatchObject({ $skip: 'offset', $top: 'limit', $filter: 'extra' });
  });

  it('fills the wrapper\'s offset, size and total, and its link to the next page', () => {
    expect(operation('list_accounts').response.page).toEqual({ kind: 'wrapper', typeName: 'AccountPage', itemsField: 'accounts', offsetField: 'offset', limitField: 'limit', totalField: 'total' });
    expect(operation('lab_accounts_list_by_resource_group').response.page).toEqual({ kind: 'wrapper', typeName: 'LabAccountList', itemsField: 'value', nextField: 'next_link' });
  });

  it('lists the rows at a path over fewer of their scopes, filtered by those it names, taking the query the collection\'s list takes', () => {
    const bySubscription = operation('lab_accounts_list_by_subscription');
    expect([bySubscription.kind, bySubscription.entity]).toEqual(['list', 'LabAccount']);
    expect(bySubscription.params.map((p) => [p.wireName, p.role, p.field])).toEqual([
      ['subscriptionId', 'scope', 'subscription_id'],
      ['$skip', 'offset', undefined],
      ['$top', 'limit', undefined],
      ['$filter', 'extra', undefined],
    ]);
  });
});

describe('offset paging read only where it is one', () => {
  const listWith = async (parameters: object[]) => {
    const { writeFile, mkdtemp } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(await mkdtemp(join(tmpdir(), 'offset-')), 'openapi.json');
    const row = { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, start: { type: 'string', format: 'date-time' } } };
    await writeFile(file, JSON.stringify({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/shows': {
          get: { operationId: 'listShows', parameters, responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Show' } } } } } } },
          post: { operationId: 'createShow', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Show' } } } }, responses: { '201': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Show' } } } } } },
        },
      },
      components: { schemas: { Show: row } },
    }));
    return roles(deriveModel(await parseOpenApiFile(file)).operations.find((op) => op.name === 'list_shows')!);
  };

  it('takes a page number over an offset, and no date or text as one', async () => {
    expect(await listWith([{ name: 'page', in: 'query', schema: { type: 'integer' } }, { name: 'offset', in: 'query', schema: { type: 'integer' } }, { name: 'count', in: 'query', schema: { type: 'integer' } }])).toEqual({ page: 'page', offset: 'extra', count: 'extra' });
    expect(await listWith([{ name: 'start', in: 'query', schema: { type: 'string', format: 'date-time' } }, { name: 'count', in: 'query', schema: { type: 'integer' } }])).toEqual({ start: 'filter', count: 'extra' });
    expect(await listWith([{ name: 'skip', in: 'query', schema: { type: 'integer' } }, { name: 'take', in: 'query', schema: { type: 'integer' } }])).toEqual({ skip: 'offset', take: 'limit' });
  });
});

describe('a backend whose lists page by an offset', () => {
  const run = generatedOnce(FIXTURE);

  it('asks the repository for the rows after the offset, and links the next page while rows follow', async () => {
    const accounts = await run.read('backend/app/presentation/api/v1/routers/account.py');
    expect(accounts).toContain('offset: Annotated[int, Query(ge=0, le=2147483647)] = 0,');
    expect(accounts).toContain('offset=max(offset, 0), limit=page_size(limit), filters=filters');
    expect(accounts).toContain('"offset": offset,');
    const labs = await run.read('backend/app/presentation/api/v1/routers/lab_account.py');
    expect(labs).toContain('if max(dollar_skip, 0) + len(items) < total:\n        page_body["nextLink"] = str(');
    expect(labs).toContain('**{"$skip": max(dollar_skip, 0) + page_size(dollar_top)}');
    const test = await run.read('backend/tests/unit/test_video_api.py');
    expect(test).toContain('response = await client.get("/videos", params={"start": 2, "count": 2})\n    assert response.status_code == 200, response.text\n    assert len(response.json()) == 1');
  });
});
