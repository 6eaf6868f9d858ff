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

  it('keys a row with a text its item path takes, or leaves the key to the client where the app could make none up', async () => {
    // The ticket's path takes 12 characters: the database and the in-memory repository key it with 12 hex digits.
    expect(await run.read('backend/app/infrastructure/models/ticket.py')).toContain('primary_key=True, default=lambda: uuid4().hex[:12])');
    expect(await run.read('backend/app/infrastructure/repositories/in_memory/ticket_repository.py')).toContain('return uuid4().hex[:12]');
    // A badge's path and a pin's field take no such text: clients send the key, and the creates still store rows.
    for (const [slug, path] of [['badge', '/badges'], ['pin', '/pins']] as const) {
      expect(await run.read(`backend/app/infrastructure/models/${slug}.py`)).not.toContain('uuid4');
      expect(await run.read(`backend/app/presentation/api/v1/routers/${slug}.py`)).toMatch(new RegExp(`@router\\.post\\(\\s*"${path}",[\\s\\S]*?repository\\.add\\(`));
    }
    const payload = /BADGE_PAYLOAD: dict\[str, Any\] = \{"id": "([^"]+)"/.exec(await run.read('backend/tests/unit/test_badge_api.py'))?.[1];
    expect(payload).toMatch(/^[a-z0-9]{4,7}$/);
  });

  it('finds rows by the field a parameter names after the entity: a pool by its name, an account by its name', async () => {
    const pools = await run.read('backend/app/presentation/api/v1/routers/pool.py');
    for (const verb of ['get', 'patch', 'delete']) expect(pools).toMatch(new RegExp(`@router\\.${verb}\\(\\s*"/pools/\\{pool_name\\}"[\\s\\S]*?repository\\.get_by_name\\(pool_name\\)`));
    expect(await run.read('backend/app/presentation/api/v1/routers/account.py')).toContain('repository.get_by_name(accountname)');
    // `{lane_name}` under the rack's `{name}`, which gives the lane's `name`: the lane is found by its key.
    const lanes = await run.read('backend/app/presentation/api/v1/routers/lane.py');
    expect(lanes).not.toContain('get_by_name(lane_name)');
    expect(lanes).not.toContain('"name": lane_name');
  });

  it('bounds a field as the create\'s body does where the entity\'s own schema leaves it open: the body, the column and the test rows', async () => {
    const schemas = await run.read('backend/app/presentation/api/v1/schemas/account.py');
    expect(schemas).toContain('name: str = Field(min_length=3, max_length=30, pattern="^[a-z]+$")');
    expect(schemas).toContain('quota: MayOmit[JsonInt] = Field(default=None, ge=1, le=100)');
    expect(await run.read('backend/app/infrastructure/models/account.py')).toMatch(/name: Mapped\[str\] = mapped_column\(String\(30\)/);
    const payload = /ACCOUNT_PAYLOAD: dict\[str, Any\] = \{\s*"name": "([^"]*)"/.exec(await run.read('backend/tests/unit/test_account_api.py'))?.[1];
    expect(payload).toMatch(/^[a-z]{3,30}$/);
  });

  it("narrows a free text as the create's body does: to the values it lists, to an email address", async () => {
    const schemas = await run.read('backend/app/presentation/api/v1/schemas/account.py');
    expect(schemas).toContain('plan: MayOmit[AccountPlan] = None');
    expect(schemas).toMatch(/billing_contact: MayOmit\[JsonEmail\]/);
    expect(await run.read('backend/app/domain/enums.py')).toMatch(/class AccountPlan\(StrEnum\):\s+"""Values of AccountPlan."""\s+FREE = "free"\s+TEAM = "team"\s+ENTERPRISE = "enterprise"/);
  });

  it('stores an integer whose bounds pass 32 bits as BIGINT', async () => {
    expect(await run.read('backend/app/infrastructure/models/seat.py')).toMatch(/number: Mapped\[int\] = mapped_column\(\s*BigInteger\(\)/);
    const migration = run.files.find((file) => file.startsWith('backend/migrations/versions/'))!;
    expect(await run.read(migration)).toContain('sa.Column("number", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False)');
  });
});
