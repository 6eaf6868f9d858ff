import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelSnapshot, modelToJson } from '../../core/model/model-json.js';
import { deriveModelWith, runPlugins, type PluginRun } from '../../lib/testing.js';

const HOSTILE = 'test/fixtures/hostile/openapi.yaml';
const SHOP_MARKDOWN = ['examples/shop/api-list.md', 'examples/shop/requirements.md'];

/** The generated backend's contract test: the document as written, checked by schemathesis, stubs left out with why. */
describe('the contract test of a backend generated from an OpenAPI document', () => {
  let run: PluginRun;
  beforeAll(async () => {
    run = await runPlugins([], { api: HOSTILE });
  }, 120_000);
  afterAll(async () => {
    await run?.cleanup();
  });

  it('copies the document byte for byte beside the test, which loads it with the backend\'s schemathesis.toml', async () => {
    expect(await run.read('backend/tests/contract/openapi.yaml')).toBe(await readFile(HOSTILE, 'utf8'));
    const test = await run.read('backend/tests/contract/test_contract.py');
    expect(test).toContain('schema = schemathesis.openapi.from_path(CONTRACT_FOLDER / "openapi.yaml", config=CONFIG)');
    expect(test).toContain('CONFIG = schemathesis.Config.from_path(CONTRACT_FOLDER.parents[1] / "schemathesis.toml")');
    expect(test).toMatch(/@pytest\.mark\.contract\n@schema\.parametrize\(\)\ndef test_operation_conforms\(case: schemathesis\.Case\[Any\]\) -> None:\n    case\.call_and_validate\(base_url=BASE_URL\)/);
    // The app's own prefix, not the document's host (which may be anything, `//v1` included).
    expect(test).toContain('BASE_URL = "http://testserver/v1/caf%C3%A9%22s"');
  });

  it('is collected only when the run asks for the contract marker: an operation schemathesis cannot read fails as it is collected', async () => {
    const conftest = await run.read('backend/tests/contract/conftest.py');
    expect(conftest).toContain('def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:');
    expect(conftest).toContain('return re.search(r"(?<!not )\\bcontract\\b", " ".join(mark_expression.split())) is not None');
  });

  it('gives schemathesis a credential for every scheme the app checks, under the scheme\'s own name, and the app the same ones', async () => {
    const toml = await run.read('backend/schemathesis.toml');
    expect(toml).toContain('[auth.openapi."api key"]\napi_key = "${CONTRACT_API_KEY}"');
    expect(toml).toContain('[auth.openapi.class]\nusername = "${CONTRACT_BASIC_USER}"\npassword = "${CONTRACT_BASIC_PASSWORD}"');
    expect(toml).toContain('[auth.openapi.Token]\nbearer = "${CONTRACT_BEARER_TOKEN}"');
    expect(toml).toContain('[auth.openapi.cookieAuth]\napi_key = "${CONTRACT_API_KEY}"');
    const test = await run.read('backend/tests/contract/test_contract.py');
    for (const setting of ['"api_keys": [SecretStr(API_KEY)]', '"jwt_secret": SecretStr(JWT_SECRET)', '"basic_users": {BASIC_USER: SecretStr(BASIC_PASSWORD)}']) expect(test).toContain(setting);
  });

  it('leaves out each operation answering 501 and each one no request reaches, by its full name, saying why', async () => {
    const toml = await run.read('backend/schemathesis.toml');
    expect(toml).toContain('# not served: another route takes its requests (see the run notes)\n[[operations]]\ninclude-name = "GET /hubs/{hubId}/{portKind}/count"\nenabled = false');
    const stubs = run.result.toImplement.map((entry) => /^(\S+ \S+) \((\w+)\)$/.exec(entry)!);
    expect(stubs.length).toBeGreaterThan(0);
    for (const [, name, operation] of stubs) expect(toml).toContain(`# answers 501 until you write it (${operation})\n[[operations]]\ninclude-name = ${JSON.stringify(name)}\nenabled = false`);
    // One entry per operation: an entry's filters select what any of them matches, so method and path never stand apart.
    expect(toml).not.toMatch(/include-(method|path) =/);
  });

  it('keeps the contract test out of a plain pytest run, and schemathesis in the dev extra', async () => {
    const pyproject = await run.read('backend/pyproject.toml');
    expect(pyproject).toContain('addopts = "-ra --strict-markers -m \'not contract\'"');
    expect(pyproject).toContain('"schemathesis>=4.32,<5",');
    expect(await run.read('backend/.gitignore')).toContain('.hypothesis/');
  });

  it('keeps the document out of the model as printed and as snapshotted', async () => {
    const model = await deriveModelWith([], { api: HOSTILE });
    expect(model.openApiTexts?.map((text) => text.syntax)).toEqual(['yaml']);
    expect(modelToJson(model, { root: process.cwd() })).not.toContain('openApiTexts');
    expect(modelSnapshot(model)).not.toContain('openApiTexts');
  });
});

describe('a backend generated from a markdown API list', () => {
  let run: PluginRun;
  beforeAll(async () => {
    run = await runPlugins([], { api: SHOP_MARKDOWN });
  }, 120_000);
  afterAll(async () => {
    await run?.cleanup();
  });

  it('has no contract test: there is no OpenAPI document to hold it to', async () => {
    expect(run.files.filter((file) => file.includes('contract') || file.endsWith('schemathesis.toml'))).toEqual([]);
    expect(await run.read('backend/pyproject.toml')).not.toContain('schemathesis');
  });
});

describe('a backend generated from a document whose every operation answers 501', () => {
  let run: PluginRun;
  beforeAll(async () => {
    run = await runPlugins([], { api: 'test/fixtures/all-stubs/openapi.yaml' });
  }, 120_000);
  afterAll(async () => {
    await run?.cleanup();
  });

  it('has no test function for it (schemathesis fails to collect a test that matches no operation) and says why', async () => {
    expect(run.result.toImplement).toEqual(['POST /convert (convert_text)', 'POST /auth/login (log_in)']);
    const test = await run.read('backend/tests/contract/test_contract.py');
    expect(test).toContain('# openapi.yaml: every operation is left out (schemathesis.toml), so it has no test until one is served.');
    expect(test).not.toContain('parametrize');
    expect(test).not.toContain('from typing import Any');
    expect(await run.read('backend/tests/contract/openapi.yaml')).toBe(await readFile('test/fixtures/all-stubs/openapi.yaml', 'utf8'));
  });
});
