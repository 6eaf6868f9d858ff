/**
 * End to end for JSON class definitions: generate a backend from the shop's classes (adapters,
 * pipeline steps, placeholders), install it with uv, and run its quality gates, migrations and
 * tests on SQLite and PostgreSQL; then define what was missing (the Invoice entity in the input,
 * the payment port by hand) and check that a second run drops those placeholders.
 *
 * Run through `npm test` (builds dist/, provides INFRA_STACK_UV and INFRA_STACK_PG_URL).
 * INFRA_STACK_KEEP_TMP=1 keeps the generated folder for a look by hand.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../dist/lib/index.js';
import { diffTrees, makeTempDir, readTree, removeTempDir } from '../support/files.js';
import { createPostgresDatabase, postgresAdminUrl, type PostgresDatabase } from '../support/postgres.js';
import { formatResult, installBackend, REPO_ROOT, type BackendEnv, type RunResult } from '../support/python-backend.js';

const PLACEHOLDERS = '# === AUTO-GENERATED PLACEHOLDERS (DO NOT EDIT MANUALLY) ===';

/** The port the adapter implements, as its user would write it. */
const PAYMENT_PORT = `"""The payment gateway port."""

from abc import ABC, abstractmethod
from typing import Any


class IPaymentGateway(ABC):
    @abstractmethod
    async def create_payment_intent(
        self, amount_cents: int, currency: str, metadata: dict[str, Any]
    ) -> dict[str, Any]:
        """A payment intent for the amount, in the service's words."""
`;

function expectSuccess(result: RunResult, what: string): void {
  expect(result.code, `${what} failed\n${formatResult(result)}`).toBe(0);
}

describe('generated backend: shop class definitions', () => {
  let work: string | undefined;
  let json: string;
  let out: string;
  let backend: BackendEnv;
  const databases: PostgresDatabase[] = [];
  const read = (file: string) => readFile(join(out, 'backend', file), 'utf8');

  async function freshPostgres(label: string): Promise<string> {
    const db = await createPostgresDatabase(`classes_${label}`);
    databases.push(db);
    return db.asyncUrl;
  }

  async function expectQualityGates(): Promise<void> {
    expectSuccess(await backend.run(['ruff', 'check', '.']), 'ruff check .');
    expectSuccess(await backend.run(['ruff', 'format', '--check', '.']), 'ruff format --check .');
    expectSuccess(await backend.run(['mypy']), 'mypy');
  }

  beforeAll(async () => {
    postgresAdminUrl(); // fail at once, not after the install, when PostgreSQL is not configured
    work = await makeTempDir('classes');
    // The run writes the generated paths back into the JSON: work on a copy.
    json = join(work, 'classes.json');
    out = join(work, 'out');
    await copyFile(join(REPO_ROOT, 'examples/shop/classes.json'), json);
    await generate({ apiFiles: [json], outDir: out });
    backend = await installBackend(join(out, 'backend'));
  });

  afterAll(async () => {
    for (const db of databases) await db.drop();
    await removeTempDir(work);
  });

  it('writes the adapter, the pipeline step and their tests, and their paths back into the JSON', async () => {
    const items = new Map((JSON.parse(await readFile(json, 'utf8')) as Record<string, string>[]).map((item) => [item.class_name, item]));
    expect(items.get('PaymentGatewayClient')).toMatchObject({
      code_path: 'backend/app/infrastructure/adapters/payment_gateway_client.py',
      test_path: 'backend/tests/integration/infrastructure/test_adapters_payment_gateway_client.py',
    });
    expect(items.get('ResizeImageStep')).toMatchObject({
      code_path: 'backend/app/infrastructure/pipelines/steps/resize_image_step.py',
      test_path: 'backend/tests/unit/infrastructure/test_pipeline_step_resize_image.py',
    });
    for (const item of items.values()) {
      for (const key of ['code_path', 'test_path']) if (item[key]) await expect(readFile(join(out, item[key]!), 'utf8')).resolves.not.toBe('');
    }
    // Source document 001's DI notes: a factory per adapter and step, with an Annotated alias; the step's port has no implementation here.
    const factories = await read('app/presentation/api/v1/dependencies/components.py');
    expect(factories).toContain('    return PaymentGatewayClient(settings=settings)\n\n\nPaymentGatewayClientDep = Annotated[PaymentGatewayClient, Depends(get_payment_gateway_client)]');
    expect(factories).toContain('"ResizeImageStep needs image_resizer (IImageResizer, a placeholder until it is written), which no generated class supplies: write this factory"');
    expect(await read('app/core/config.py')).toContain('payment_api_base_url: str | None = None');
    expect(await read('pyproject.toml')).toContain('"pytest-httpserver>=1.1"');
  });

  it('stands placeholders in for the ports and the entity the input names but does not define', async () => {
    const adapter = await read('app/infrastructure/adapters/payment_gateway_client.py');
    expect(adapter).toContain('# from app.application.interfaces.payment import IPaymentGateway');
    expect(adapter).toContain(PLACEHOLDERS);
    expect(await read('app/infrastructure/pipelines/steps/resize_image_step.py')).toContain('# from app.application.interfaces.media import IImageResizer');
    expect(await read('app/domain/entities/invoice.py')).toContain(PLACEHOLDERS);
    expect(await read('app/domain/entities/customer.py')).not.toContain(PLACEHOLDERS);
  });

  it('passes ruff check, ruff format --check and mypy', async () => {
    await expectQualityGates();
  });

  it('migrates a fresh SQLite database up and down', async () => {
    const env = { DATABASE_URL: `sqlite+aiosqlite:///${join(work!, 'alembic.sqlite3')}` };
    expectSuccess(await backend.run(['alembic', 'upgrade', 'head'], { env }), 'alembic upgrade head (SQLite)');
    expectSuccess(await backend.run(['alembic', 'downgrade', 'base'], { env }), 'alembic downgrade base (SQLite)');
  });

  it('migrates a fresh PostgreSQL database up and down', async () => {
    const env = { DATABASE_URL: await freshPostgres('alembic') };
    expectSuccess(await backend.run(['alembic', 'upgrade', 'head'], { env }), 'alembic upgrade head (PostgreSQL)');
    expectSuccess(await backend.run(['alembic', 'downgrade', 'base'], { env }), 'alembic downgrade base (PostgreSQL)');
  });

  it('passes its own tests on SQLite: adapters against a local HTTP server, steps, placeholders, repositories; 85% covered', async () => {
    const result = await backend.run(['pytest', '-v', '--cov']);
    expectSuccess(result, 'pytest --cov (SQLite)');
    expect(result.stdout).toMatch(/Required test coverage of 85(\.0)?% reached/);
    for (const test of ['test_http_service.py::test_retries_after_a_timeout', 'test_adapters_payment_gateway_client.py::test_create_payment_intent', 'test_pipeline_step_resize_image.py::test_run_hands_the_work_to_image_resizer', 'test_component_dependencies.py::test_get_payment_gateway_client_builds_payment_gateway_client', 'test_placeholders.py']) {
      expect(result.stdout).toMatch(new RegExp(`${test.replace(/[.]/g, '\\.')}\\S* PASSED`));
    }
  });

  it('passes its own tests on PostgreSQL', async () => {
    const env = { TEST_DATABASE_URL: await freshPostgres('pytest') };
    expectSuccess(await backend.run(['pytest'], { env }), 'pytest (PostgreSQL)');
  });

  it('generates byte-identical backends from the same input', async () => {
    const trees = [];
    for (const copy of ['again-1', 'again-2']) {
      // The title comes from the file's name: the same name in two folders.
      const input = join(work!, copy, 'classes.json');
      await mkdir(join(work!, copy));
      await copyFile(join(REPO_ROOT, 'examples/shop/classes.json'), input);
      await generate({ apiFiles: [input], outDir: join(work!, copy, 'out') });
      trees.push(await readTree(join(work!, copy, 'out', 'backend')));
    }
    expect(trees[0]!.size, 'generation wrote no files').toBeGreaterThan(0);
    expect(diffTrees(trees[0]!, trees[1]!), 'the two generated trees differ').toEqual([]);
  });

  it('drops the placeholders once the input defines the entity and the user wrote the port', async () => {
    const items = JSON.parse(await readFile(json, 'utf8')) as object[];
    items.unshift({ class_name: 'Invoice', layer: 'domain/entity', attributes: ['id: int', 'customer_id: int', 'number: str', 'total: Decimal'] });
    await writeFile(json, `${JSON.stringify(items, null, 2)}\n`);
    await writeFile(join(out, 'backend/app/application/interfaces/payment.py'), PAYMENT_PORT);
    await generate({ apiFiles: [json], outDir: out });

    expect(await read('app/domain/entities/invoice.py')).not.toContain(PLACEHOLDERS);
    const adapter = await read('app/infrastructure/adapters/payment_gateway_client.py');
    expect(adapter).not.toContain(PLACEHOLDERS);
    expect(adapter).toMatch(/^from app\.application\.interfaces\.payment import IPaymentGateway$/m);
    expect(await read('app/infrastructure/pipelines/steps/resize_image_step.py')).toContain(PLACEHOLDERS);
    const written = new Map((JSON.parse(await readFile(json, 'utf8')) as Record<string, string>[]).map((item) => [item.class_name, item]));
    expect(written.get('Invoice')).toMatchObject({ code_path: 'backend/app/domain/entities/invoice.py' });

    await expectQualityGates();
    expectSuccess(await backend.run(['pytest']), 'pytest (SQLite) after the second run');
  });
});
