import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Component, DomainModel, EngineConfig, PlannedFile } from '../../core/index.js';
import { deriveDomainModel } from '../../core/index.js';
import { planBackend } from '../../stacks/fastapi-sqlalchemy/plan.js';
import { userModules } from '../../stacks/fastapi-sqlalchemy/python/user-modules.js';
import { outputFolder } from '../../core/engine/output-folder.js';
import { adapterSettings } from '../../stacks/fastapi-sqlalchemy/view/adapter-settings.js';
import { classOrigin, type BackendClasses } from '../../stacks/fastapi-sqlalchemy/view/component-classes.js';
import { genericArgument, withoutOptional } from '../../stacks/fastapi-sqlalchemy/view/written-types.js';
import { makeTempDir, removeTempDir } from '../support/files.js';

const shop = path.resolve('examples/shop/classes.json');

function adapter(name: string, config: string[]): Component {
  return { name, slug: name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase(), layer: 'adapter', attributes: [], methods: [], dependencies: [], config, source: { file: 'x.json', pointer: '/0' } };
}

const backend = (defines: BackendClasses['defines'] = () => false): BackendClasses => ({
  entities: new Map([['Customer', 'app.domain.entities.customer']]),
  ports: new Map([['ICustomerRepository', 'app.application.interfaces.customer_repository']]),
  portModules: new Map([['IPaymentGateway', 'app.application.interfaces.payment']]),
  components: new Map([['PaymentGatewayClient', 'app.infrastructure.adapters.payment_gateway_client']]),
  defines,
});

describe('adapter settings', () => {
  it('keeps the names the item gives and adds the reliability settings under their common prefix', () => {
    const settings = adapterSettings(adapter('PaymentGatewayClient', ['PAYMENT_API_BASE_URL', 'PAYMENT_API_KEY']), 'payment_gateway_client');
    expect(settings.all.map((s) => `${s.field}: ${s.type} = ${s.default}`)).toEqual([
      'payment_api_base_url: str | None = None',
      'payment_api_key: SecretStr | None = None',
      'payment_api_timeout_seconds: float = 10.0',
      'payment_api_max_retries: int = 3',
      'payment_api_backoff_seconds: float = 0.5',
    ]);
    expect(settings.apiKey?.env).toBe('PAYMENT_API_KEY');
    expect(settings.baseUrl.env).toBe('PAYMENT_API_BASE_URL');
  });

  it('adds a base URL when the item names none, and takes the prefix of the class without config', () => {
    const stripe = adapterSettings(adapter('StripeClient', ['STRIPE_SECRET_KEY', 'STRIPE_DEFAULT_CURRENCY', 'STRIPE_MAX_RETRIES']), 'stripe_client');
    expect(stripe.baseUrl.env).toBe('STRIPE_BASE_URL');
    expect(stripe.apiKey?.env).toBe('STRIPE_SECRET_KEY');
    expect(stripe.maxRetries).toMatchObject({ env: 'STRIPE_MAX_RETRIES', type: 'int', default: '3' });
    expect(stripe.all.filter((s) => s.env === 'STRIPE_MAX_RETRIES')).toHaveLength(1);
    const bare = adapterSettings(adapter('GeocoderAdapter', []), 'geocoder_adapter');
    expect(bare.all.map((s) => s.env)).toEqual(['GEOCODER_ADAPTER_BASE_URL', 'GEOCODER_ADAPTER_TIMEOUT_SECONDS', 'GEOCODER_ADAPTER_MAX_RETRIES', 'GEOCODER_ADAPTER_BACKOFF_SECONDS']);
    expect(bare.apiKey).toBeUndefined();
  });
});

describe('where a class a component names comes from', () => {
  it('imports framework classes (async), generated entities, ports and components, and dotted classes outside the app', () => {
    expect(classOrigin('Session', backend())).toEqual({ kind: 'import', module: 'sqlalchemy.ext.asyncio', name: 'AsyncSession' });
    expect(classOrigin('sqlalchemy.orm.Session', backend())).toEqual({ kind: 'import', module: 'sqlalchemy.ext.asyncio', name: 'AsyncSession' });
    expect(classOrigin('Customer', backend())).toEqual({ kind: 'import', module: 'app.domain.entities.customer', name: 'Customer' });
    expect(classOrigin('ICustomerRepository', backend())).toEqual({ kind: 'import', module: 'app.application.interfaces.customer_repository', name: 'ICustomerRepository' });
    expect(classOrigin('PaymentGatewayClient', backend())).toMatchObject({ kind: 'import', module: 'app.infrastructure.adapters.payment_gateway_client' });
    expect(classOrigin('httpx.AsyncClient', backend())).toEqual({ kind: 'import', module: 'httpx', name: 'AsyncClient' });
  });

  it('stands in for what the backend does not have, at the module the source documents name, until a module of the user defines it', () => {
    expect(classOrigin('IPaymentGateway', backend())).toEqual({ kind: 'placeholder', module: 'app.application.interfaces.payment', name: 'IPaymentGateway', role: 'port' });
    expect(classOrigin('IImageResizer', backend())).toEqual({ kind: 'placeholder', module: 'app.application.interfaces.image_resizer', name: 'IImageResizer', role: 'port' });
    expect(classOrigin('Receipt', backend())).toEqual({ kind: 'placeholder', module: 'app.domain.entities.receipt', name: 'Receipt', role: 'entity' });
    const written = backend((module, name) => module === 'app.application.interfaces.payment' && name === 'IPaymentGateway');
    expect(classOrigin('app.application.interfaces.payment.IPaymentGateway', written)).toEqual({ kind: 'import', module: 'app.application.interfaces.payment', name: 'IPaymentGateway' });
  });

  it('reads written types back: Optional and type arguments', () => {
    expect(withoutOptional('Optional[dict]')).toBe('dict');
    expect(withoutOptional('Customer or None')).toBe('Customer');
    expect(withoutOptional('list[int] | None')).toBe('list[int]');
    expect(genericArgument('dict[str, list[Customer]]', 1)).toBe('list[Customer]');
    expect(genericArgument('list[Optional[dict]]', 0)).toBe('dict');
  });
});

describe('placeholders', () => {
  let dir: string | undefined;
  afterEach(async () => {
    await removeTempDir(dir);
    dir = undefined;
  });

  async function plan(outDir: string, edit?: (model: DomainModel) => void): Promise<Map<string, PlannedFile>> {
    const model = await deriveDomainModel({ apiFiles: [shop] });
    edit?.(model);
    const config = { apiFiles: [shop], outDir, db: 'sqlite', stack: 'fastapi-sqlalchemy', force: false, dryRun: true } as EngineConfig;
    return new Map(planBackend(model, config, { notes: [], toImplement: [], nextSteps: [], regeneration: [] }, undefined, undefined, outputFolder(outDir).readText).map((f) => [f.path, f]));
  }
  const placeholderNames = (file: PlannedFile | undefined) => ((file?.data as { a?: { placeholders: { name: string }[] }; s?: { placeholders: { name: string }[] } }).a ?? (file?.data as { s: { placeholders: { name: string }[] } }).s).placeholders.map((p) => p.name);

  it('stand in for the ports and entities the shop names but does not define', async () => {
    dir = await makeTempDir('placeholders');
    const files = await plan(dir);
    expect(placeholderNames(files.get('backend/app/infrastructure/adapters/payment_gateway_client.py'))).toEqual(['IPaymentGateway']);
    expect(placeholderNames(files.get('backend/app/infrastructure/pipelines/steps/resize_image_step.py'))).toEqual(['IImageResizer']);
    expect(files.get('backend/app/domain/entities/invoice.py')?.data).toMatchObject({ placeholder: 'InvoiceModel' });
    expect(files.get('backend/app/domain/entities/customer.py')?.data).toMatchObject({ placeholder: false });
    expect(files.has('backend/tests/unit/test_placeholders.py')).toBe(true);
  });

  it('give way to a port the user wrote, and to an entity the input defines', async () => {
    dir = await makeTempDir('placeholders-real');
    const interfaces = path.join(dir, 'backend', 'app', 'application', 'interfaces');
    await mkdir(interfaces, { recursive: true });
    await writeFile(path.join(interfaces, 'payment.py'), 'from abc import ABC\n\n\nclass IPaymentGateway(ABC):\n    pass\n');
    await writeFile(path.join(interfaces, 'media.py'), '# === AUTO-GENERATED PLACEHOLDERS (DO NOT EDIT MANUALLY) ===\nclass IImageResizer:\n    pass\n');
    const files = await plan(dir, (model) => {
      model.placeholders = model.placeholders?.filter((p) => p.name !== 'Invoice');
    });
    expect(placeholderNames(files.get('backend/app/infrastructure/adapters/payment_gateway_client.py'))).toEqual([]);
    expect((files.get('backend/app/infrastructure/adapters/payment_gateway_client.py')?.data as { a: { imports: string } }).a.imports).toContain('from app.application.interfaces.payment import IPaymentGateway');
    expect(placeholderNames(files.get('backend/app/infrastructure/pipelines/steps/resize_image_step.py'))).toEqual(['IImageResizer']);
    expect(files.get('backend/app/domain/entities/invoice.py')?.data).toMatchObject({ placeholder: false });
  });

  it('reads the user modules of the output folder', async () => {
    dir = await makeTempDir('user-modules');
    await mkdir(path.join(dir, 'backend', 'app'), { recursive: true });
    await writeFile(path.join(dir, 'backend', 'app', 'ports.py'), 'class IThing:\n    pass\n');
    const defines = userModules(outputFolder(dir).readText);
    expect(defines('app.ports', 'IThing')).toBe(true);
    expect(defines('app.ports', 'IOther')).toBe(false);
    expect(defines('app.missing', 'IThing')).toBe(false);
  });
});
