import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlugins, type PluginRun } from '../../lib/testing.js';

/** Keys and parameters with bounds or structure: the generated routes and tests must agree with the document and FastAPI. */
describe('keys with constraints (test/fixtures/constrained-keys)', () => {
  let run: PluginRun;
  beforeAll(async () => {
    run = await runPlugins([], { api: 'test/fixtures/constrained-keys/openapi.yaml' });
  }, 60_000);
  afterAll(async () => {
    await run?.cleanup();
  });

  const missingKey = async (slug: string): Promise<string> => {
    const text = await run.read(`backend/tests/unit/test_${slug}_api.py`);
    const call = new RegExp(`async def test_missing_${slug}_is_404[\\s\\S]*?${slug}_url\\((.+?)\\)\\)`).exec(text);
    expect(call, `no 404 test in test_${slug}_api.py`).not.toBeNull();
    return call![1]!;
  };

  it('asks for a missing string key within the parameter\'s lengths', async () => {
    const voucher = JSON.parse(await missingKey('voucher')) as string;
    expect(voucher.length).toBeGreaterThanOrEqual(14);
    expect(voucher.length).toBeLessThanOrEqual(16);
    const short = JSON.parse(await missingKey('short_code')) as string;
    expect(short.length).toBeLessThanOrEqual(4);
  });

  it('asks for a missing date key with a date, and an integer key within its bounds', async () => {
    expect(await missingKey('day')).toMatch(/^"\d{4}-\d{2}-\d{2}"$/);
    expect(Number(await missingKey('seat'))).toBeGreaterThanOrEqual(1_000_000_000_000);
  });

  it('sends emails and URIs that fit their columns', async () => {
    const text = await run.read('backend/tests/unit/test_voucher_api.py');
    const [contact = '', site = ''] = ['contact', 'site'].map((key) => new RegExp(`VOUCHER_PAYLOAD: dict\\[str, Any\\] = \\{[^}]*"${key}": "([^"]*)"`).exec(text)?.[1] ?? '');
    expect(contact).toMatch(/^[^@]+@[^@]+\.[a-z]+$/);
    expect(contact.length).toBeLessThanOrEqual(12);
    expect(site).toMatch(/^https?:\/\//);
    expect(site.length).toBeLessThanOrEqual(20);
  });

  it('reads an object or map query parameter as the text sent, and answers 204 without a body', async () => {
    const router = await run.read('backend/app/presentation/api/v1/routers/searches.py');
    expect(router).toContain('criteria: Annotated[str, Query()],');
    expect(router).toContain('around: Annotated[str | None, Query()] = None,');
    expect(router).toContain('@router.get("/searches", status_code=204, response_class=Response)');
    expect(await run.read('backend/tests/unit/test_searches_api.py')).toContain(`params={"criteria": '{"key":"criteria-1"}'},`);
  });

  it('types the rows of several nested lists so that each list may hold another class (mypy)', async () => {
    const mapper = await run.read('backend/app/infrastructure/mappers/report_mapper.py');
    expect(mapper.match(/^ {4}rows(: list\[Any\])? = list\(model\.\w+\)$/gm)).toEqual(['    rows: list[Any] = list(model.brands)', '    rows = list(model.faces)']);
  });

  it('stores an integer whose bounds pass 32 bits as BIGINT', async () => {
    expect(await run.read('backend/app/infrastructure/models/seat.py')).toMatch(/number: Mapped\[int\] = mapped_column\(\s*BigInteger\(\)/);
    const migration = run.files.find((file) => file.startsWith('backend/migrations/versions/'))!;
    expect(await run.read(migration)).toContain('sa.Column("number", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False)');
  });
});
