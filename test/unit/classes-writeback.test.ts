import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveModel } from '../../core/derive/derive.js';
import { parseOpenApiFile } from '../../core/parsers/openapi/index.js';
import { withWrittenBackPaths } from '../../core/parsers/classes/write-back.js';
import { generate, type DomainModel, type EngineConfig, type InfraStackPlugin } from '../../lib/index.js';
import { planBackend } from '../../stacks/fastapi-sqlalchemy/plan.js';
import { makeTempDir, removeTempDir } from '../support/files.js';

const shop = path.resolve('examples/shop/classes.json');
const petstore = path.resolve('node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml');
const WRITTEN = /,\r?\n?\s*"(code|test)_(path|raw_url)": "[^"]*"/g;

describe('writing generated paths back into class definitions', () => {
  let dir: string | undefined;
  afterEach(async () => {
    await removeTempDir(dir);
    dir = undefined;
  });

  it('adds paths after the last key of an item, indented like it, and touches nothing else', () => {
    const text = '[\n    {\n        "class_name": "AModel",\n        "layer": "infrastructure/model",\n        "x": [1, 2]\n    },\n    { "class_name": "B", "layer": "domain/entity" },\n    { "class_name": "C", "layer": "domain/entity" }\n]';
    const updated = withWrittenBackPaths(text, new Map([
      ['AModel', { code_path: 'backend/a.py', test_path: 'backend/test_a.py' }],
      ['B', { code_path: 'backend/b.py' }],
    ]));
    expect(updated).toBe(
      '[\n    {\n        "class_name": "AModel",\n        "layer": "infrastructure/model",\n        "x": [1, 2],\n        "code_path": "backend/a.py",\n        "test_path": "backend/test_a.py"\n    },\n' +
        '    { "class_name": "B", "layer": "domain/entity", "code_path": "backend/b.py" },\n    { "class_name": "C", "layer": "domain/entity" }\n]',
    );
    const again = withWrittenBackPaths(updated, new Map([['AModel', { code_path: 'backend/a2.py', code_raw_url: 'https://x/a2.py' }]]));
    expect(again).toBe(updated.replace('"backend/a.py"', '"backend/a2.py"').replace('"backend/test_a.py"', '"backend/test_a.py",\n        "code_raw_url": "https://x/a2.py"'));
    expect(withWrittenBackPaths(text.replace(/\n/g, '\r\n'), new Map([['AModel', { code_path: 'p' }]]))).toContain('"x": [1, 2],\r\n        "code_path": "p"\r\n');
  });

  it('writes code_path, test_path (relative to the folder holding backend/, as document 001 shows) and raw URLs after a run, preserving every other byte', async () => {
    dir = await makeTempDir('classes-writeback');
    const json = path.join(dir, 'design', 'classes.json');
    await (await import('node:fs/promises')).mkdir(path.dirname(json));
    await copyFile(shop, json);
    const original = await readFile(json, 'utf8');
    await generate({ apiFiles: [json], outDir: path.join(dir, 'out'), rawUrlBase: 'https://raw.githubusercontent.com/acme/shop/main/out/' });
    const updated = await readFile(json, 'utf8');
    expect(updated.replace(WRITTEN, '')).toBe(original);
    const items = JSON.parse(updated) as Record<string, unknown>[];
    const byName = new Map(items.map((item) => [item.class_name, item]));
    expect(byName.get('Customer')).toMatchObject({
      code_path: 'backend/app/domain/entities/customer.py',
      code_raw_url: 'https://raw.githubusercontent.com/acme/shop/main/out/backend/app/domain/entities/customer.py',
    });
    expect(byName.get('CustomerModel')).toMatchObject({
      code_path: 'backend/app/infrastructure/models/customer.py',
      test_path: 'backend/tests/unit/infrastructure/models/test_customer_model.py',
    });
    // Source document 000: the repository keeps its class name, its file is snake_case(class_name).py.
    expect(byName.get('SqlCustomerRepository')).toMatchObject({
      code_path: 'backend/app/infrastructure/repositories/sql_customer_repository.py',
      test_path: 'backend/tests/unit/infrastructure/repositories/test_sql_customer_repository.py',
    });
    expect(Object.keys(byName.get('Customer')!)).toEqual(['class_name', 'layer', 'description', 'attributes', 'code_path', 'code_raw_url']);
    expect(byName.get('InvoiceModel')).toMatchObject({ code_path: 'backend/app/infrastructure/models/invoice.py' });
    expect(byName.get('PaymentGatewayClient')).toMatchObject({
      code_path: 'backend/app/infrastructure/adapters/payment_gateway_client.py',
      test_path: 'backend/tests/integration/infrastructure/test_adapters_payment_gateway_client.py',
      test_raw_url: 'https://raw.githubusercontent.com/acme/shop/main/out/backend/tests/integration/infrastructure/test_adapters_payment_gateway_client.py',
    });
    expect(byName.get('ResizeImageStep')).toMatchObject({
      code_path: 'backend/app/infrastructure/pipelines/steps/resize_image_step.py',
      test_path: 'backend/tests/unit/infrastructure/test_pipeline_step_resize_image.py',
    });
    expect(updated.endsWith(']\n')).toBe(true);

    await generate({ apiFiles: [json], outDir: path.join(dir, 'out') });
    expect(await readFile(json, 'utf8')).toBe(updated);
  });

  it('writes nothing back with --no-write-back (writeBack: false), the files generated all the same', async () => {
    dir = await makeTempDir('classes-no-write-back');
    const json = path.join(dir, 'classes.json');
    await copyFile(shop, json);
    await generate({ apiFiles: [json], outDir: path.join(dir, 'out'), writeBack: false });
    expect(await readFile(json, 'utf8')).toBe(await readFile(shop, 'utf8'));
    await expect(readFile(path.join(dir, 'out/backend/app/infrastructure/models/customer.py'), 'utf8')).resolves.toContain('class CustomerModel');
  });

  it('writes nothing back on a dry run', async () => {
    dir = await makeTempDir('classes-dry-run');
    const json = path.join(dir, 'classes.json');
    await copyFile(shop, json);
    await generate({ apiFiles: [json], outDir: path.join(dir, 'out'), dryRun: true });
    expect(await readFile(json, 'utf8')).toBe(await readFile(shop, 'utf8'));
  });

  it('hands the components and placeholders to later plugins through the model', async () => {
    dir = await makeTempDir('classes-model');
    let seen: DomainModel | undefined;
    const spy: InfraStackPlugin = { name: 'test:spy', apply: ({ hooks }) => hooks.planFiles.tap('test:spy', (plan, { model }) => ((seen = model), plan)) };
    await generate({ apiFiles: [shop], outDir: dir, plugins: [spy], dryRun: true });
    expect(seen?.components?.map((c) => c.name)).toEqual(['SqlCustomerRepository', 'SqlInvoiceRepository', 'PaymentGatewayClient', 'ResizeImageStep']);
    expect(seen?.placeholders?.map((p) => `${p.kind}:${p.name}`)).toEqual(['port:ICustomerRepository', 'port:IImageResizer', 'port:IPaymentGateway', 'entity:Invoice']);
    expect(seen?.entityItems?.map((e) => e.entity)).toEqual(['Customer', 'Invoice']);
  });

  it('marks the stack files of an entity with the items that asked for them', async () => {
    const model = deriveModel(await parseOpenApiFile(petstore));
    model.entityItems = [{ entity: 'Pet', domain: 'Pet', model: 'PetModel', repository: 'SqlPetRepository' }];
    const config = { apiFiles: [petstore], outDir: '/tmp/x', db: 'sqlite', stack: 'fastapi-sqlalchemy', force: false, dryRun: true } as EngineConfig;
    const files = planBackend(model, config, { notes: [], toImplement: [], nextSteps: [], regeneration: [] });
    const origins = files.filter((f) => f.origin).map((f) => [f.path, f.origin!.item, f.origin!.role]);
    expect(origins).toEqual([
      ['backend/app/domain/entities/pet.py', 'Pet', 'code'],
      ['backend/app/infrastructure/models/pet.py', 'PetModel', 'code'],
      ['backend/app/infrastructure/repositories/pet_repository.py', 'SqlPetRepository', 'code'],
      ['backend/tests/unit/infrastructure/models/test_pet_model.py', 'PetModel', 'test'],
    ]);
  });
});
