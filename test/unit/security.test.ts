import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveModel } from '../../core/derive/derive.js';
import { parseOpenApiFile } from '../../core/parsers/openapi/index.js';
import type { ApiDocument, DomainModel } from '../../core/index.js';
import { runPlugins, type PluginRun } from '../../lib/testing.js';

const HOSTILE = 'test/fixtures/hostile/openapi.yaml';

/** test/fixtures/hostile declares schemes under hostile names, in every place, combined, waived and uncheckable. */
describe('security schemes of the document', () => {
  let api: ApiDocument;
  let model: DomainModel;
  let run: PluginRun;
  beforeAll(async () => {
    api = await parseOpenApiFile(HOSTILE);
    model = deriveModel(api);
    run = await runPlugins([], { api: HOSTILE });
  }, 60_000);
  afterAll(async () => {
    await run?.cleanup();
  });

  const security = (name: string) => model.operations.find((op) => op.name === name)?.security;

  it('reads the document-wide requirement, an operation\'s own, the empty one, and alternatives differing only by scope as one', () => {
    expect(security('list_classes')).toEqual([['api key'], ['class']]);
    expect(security('create_widget')).toEqual([['Token', 'cookieAuth']]);
    expect(security('list_widgets')).toBeUndefined();
    expect(security('list_nodes')).toEqual([['api key', 'Token'], ['class', 'cookieAuth'], ['Token', 'cookieAuth'], ['api key', 'cookieAuth'], ['api key', 'api key again']]);
    // HTTP basic and a key both sent in Authorization: no request carries both, so either passes.
    expect(security('get_switch')).toEqual([['class'], ['authorization key']]);
  });

  it('leaves an operation only an uncheckable scheme guards public, and says so', () => {
    expect(security('get_file')).toBeUndefined();
    expect(api.notices).toContainEqual(expect.stringMatching(/securitySchemes\/digest: security scheme digest \(http digest\) is not checked by the generated app$/));
    expect(model.securitySchemes?.map((scheme) => scheme.name)).toEqual(['api key', 'class', 'Token', 'cookieAuth', 'api key again', 'authorization key']);
  });

  it('reads each credential where the document puts it, never answering 403 itself', async () => {
    const module = await run.read('backend/app/presentation/api/v1/security.py');
    expect(module).toContain('_api_key_credentials = APIKeyQuery(name="api-key", scheme_name="api key", auto_error=False)');
    expect(module).toContain('_class__credentials = HTTPBasic(scheme_name="class", auto_error=False)');
    expect(module).toContain('_token_credentials = HTTPBearer(scheme_name="Token", auto_error=False)');
    expect(module).toContain('_cookie_auth_credentials = APIKeyCookie(name="session", scheme_name="cookieAuth", auto_error=False)');
    expect(module).toContain('    if not (token_accepted and cookie_auth_accepted):');
    // Two keys read from one query parameter: the test sends it once.
    expect(await run.read('backend/tests/unit/test_security.py')).toContain('            {"params": {"api-key": API_KEY}},\n            {"params": {"api-key": "wrong"}},\n            \'ApiKey query="api-key"\',\n        ),\n        id="api key and api key again (5)",');
  });

  it('guards exactly the operations that require credentials, and runs the routes\' own tests as an accepted caller', async () => {
    const widgets = await run.read('backend/app/presentation/api/v1/routers/widget.py');
    // Four operations: the list is public, the create its own, the item's get and delete the document's.
    expect(widgets.match(/dependencies=\[Depends\(\w+\)\]/g)).toEqual([
      'dependencies=[Depends(require_token_and_cookie_auth)]',
      'dependencies=[Depends(require_api_key_or_class)]',
      'dependencies=[Depends(require_api_key_or_class)]',
    ]);
    expect(widgets).toMatch(/@router\.get\("\/widgets", response_model=[^)]*\)\n/);
    const conftest = await run.read('backend/tests/conftest.py');
    expect(conftest).toContain('        application.dependency_overrides[requirement] = accepted_caller');
    expect(conftest.match(/let_every_caller_in\(application\)/g)).toHaveLength(2);
    expect(await run.read('backend/pyproject.toml')).toContain('"pyjwt>=2.8,<3"');
  });
});
