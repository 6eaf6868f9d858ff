import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatOf, isInfraStackError, type ApiDocument, type ComponentDefinition, type InfraStackError } from '../../core/index.js';
import { deriveComponents } from '../../core/derive/components.js';
import { parseClassesFile } from '../../core/parsers/classes/index.js';
import { firstJsonSyntaxError } from '../../core/parsers/classes/strict-json.js';
import { parseTypeExpression } from '../../core/parsers/classes/type-expression.js';
import { schemaOfType } from '../../core/parsers/classes/type-schema.js';

const shop = path.resolve('examples/shop/classes.json');
const fixture = (name: string) => path.resolve('test/fixtures/classes', name);

async function failure(file: string): Promise<InfraStackError> {
  const error = await parseClassesFile(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isInfraStackError(error)).toBe(true);
  return error as InfraStackError;
}

function component(api: ApiDocument, name: string): ComponentDefinition {
  const found = api.components.find((c) => c.name === name);
  if (!found) throw new Error(`no component ${name}`);
  return found;
}

const typeOf = (text: string, entities: string[] = []) => schemaOfType(parseTypeExpression(text), (name) => entities.includes(name));

describe('type expressions of class definitions', () => {
  it('maps the type map of source document 000 to JSON Schema', () => {
    expect(typeOf('int')).toEqual({ type: 'integer' });
    expect(typeOf('str')).toEqual({ type: 'string' });
    expect(typeOf('float')).toEqual({ type: 'number', format: 'double' });
    expect(typeOf('bool')).toEqual({ type: 'boolean' });
    expect(typeOf('datetime')).toEqual({ type: 'string', format: 'date-time' });
    expect(typeOf('date')).toEqual({ type: 'string', format: 'date' });
    expect(typeOf('time')).toEqual({ type: 'string', format: 'time' });
    expect(typeOf('Decimal')).toEqual({ type: 'number', format: 'decimal' });
    expect(typeOf('UUID')).toEqual({ type: 'string', format: 'uuid' });
    expect(typeOf('bytes')).toEqual({ type: 'string', format: 'binary' });
    expect(typeOf('list')).toEqual({ type: 'array' });
    expect(typeOf('dict')).toEqual({ type: 'object' });
    expect(typeOf('Any')).toEqual({});
    expect(typeOf('None')).toEqual({ type: 'null' });
  });

  it('reads generics, the spellings of Optional, entities and other classes', () => {
    expect(typeOf('list[int]')).toEqual({ type: 'array', items: { type: 'integer' } });
    expect(typeOf('List[Customer]', ['Customer'])).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Customer' } });
    expect(typeOf('dict[str, Any]')).toEqual({ type: 'object', additionalProperties: {} });
    for (const text of ['Optional[int]', 'int | None', 'int or None', 'None | int', 'Union[int, None]', 'Optional[Optional[int]]']) {
      expect(typeOf(text), text).toEqual({ type: ['integer', 'null'] });
    }
    expect(typeOf('Optional[Customer]', ['Customer'])).toEqual({ anyOf: [{ $ref: '#/components/schemas/Customer' }, { type: 'null' }] });
    expect(typeOf('Invoice')).toEqual({ 'x-class': 'Invoice' });
    expect(typeOf('sqlalchemy.orm.Session')).toEqual({ 'x-class': 'sqlalchemy.orm.Session' });
  });

  it('refuses what it cannot read, saying why', () => {
    expect(() => typeOf('list[str')).toThrow(/not closed/);
    expect(() => typeOf('int | str')).toThrow(/union of several types/);
    expect(() => typeOf('string')).toThrow(/unknown type "string"/);
    expect(() => typeOf('dict[int, str]')).toThrow(/keys must be str/);
    expect(() => typeOf('int[str]')).toThrow(/takes no type arguments/);
    expect(() => typeOf('')).toThrow(/empty/);
  });
});

describe('JSON class definitions parser', () => {
  it('is picked for a .json file holding an array', () => {
    expect(formatOf(shop, '[\n  {')).toBe('classes');
    expect(formatOf(shop, '{"openapi": "3.1.0"}')).toBe('openapi');
  });

  it('merges a domain entity and its ORM model into one schema', async () => {
    const api = await parseClassesFile(shop);
    expect([...api.schemas.keys()]).toEqual(['Customer', 'Invoice']);
    expect(api.operations).toEqual([]);
    const { schema, source } = api.schemas.get('Customer')!;
    expect(source).toEqual({ file: shop, pointer: '/0', line: 2 });
    expect(schema).toMatchObject({
      type: 'object',
      description: 'A shop customer',
      'x-entity': true,
      'x-layers': ['domain', 'model', 'repository'],
      'x-class-items': { domain: 'Customer', model: 'CustomerModel', repository: 'SqlCustomerRepository' },
      required: ['id', 'email', 'name', 'loyalty_points', 'vip', 'created_at'],
    });
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(properties)).toEqual(['id', 'email', 'name', 'loyalty_points', 'vip', 'created_at', 'updated_at']);
    expect(properties.updated_at).toMatchObject({ type: ['string', 'null'], format: 'date-time' });
    expect(properties.vip).toMatchObject({ type: 'boolean', 'x-source-line': 12 });
  });

  it('makes an entity of an ORM model alone, with its constraints as hints', async () => {
    const api = await parseClassesFile(shop);
    const { schema, source } = api.schemas.get('Invoice')!;
    expect(source.line).toBe(14);
    expect(schema).toMatchObject({
      'x-entity': true,
      'x-layers': ['model', 'repository'],
      'x-class-items': { model: 'InvoiceModel', repository: 'SqlInvoiceRepository' },
      'x-on-delete': 'CASCADE',
    });
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.customer_id).toMatchObject({ type: 'integer' });
    expect(properties.total).toMatchObject({ type: 'number', format: 'decimal' });
    expect(properties.lines).toMatchObject({ type: 'array' });
    expect(properties.paid_at).toMatchObject({ type: ['string', 'null'], format: 'date-time' });
    expect(properties.tenant_id).toMatchObject({ type: 'integer' });
    expect(schema.required).not.toContain('paid_at');
    expect(schema.required).toContain('tenant_id');
  });

  it('reads uniques, indexes, the table name, and keeps unknown keys out of the way', async () => {
    const api = await parseClassesFile(fixture('constraints.json'));
    const { schema } = api.schemas.get('Account')!;
    expect(schema).toMatchObject({
      'x-table-name': 'user_accounts',
      'x-unique': [['email'], ['tenant_id', 'nickname']],
      'x-index': [['created_at']],
      'x-layers': ['model'],
      required: ['id', 'tenant_id', 'email', 'created_at', 'settings', 'tags', 'avatar', 'opened_on'],
    });
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.id).toMatchObject({ type: 'string', format: 'uuid' });
    expect(properties.nickname).toMatchObject({ type: ['string', 'null'] });
    expect(properties.settings).toMatchObject({ type: 'object', additionalProperties: {} });
    expect(properties.avatar).toMatchObject({ type: 'string', format: 'binary' });
    expect(properties.opened_on).toMatchObject({ type: 'string', format: 'date' });
    expect(JSON.stringify(schema)).not.toContain('identity');
  });

  it('makes components of repositories, adapters and pipeline steps', async () => {
    const api = await parseClassesFile(shop);
    expect(api.components.map((c) => [c.name, c.layer])).toEqual([
      ['SqlCustomerRepository', 'infrastructure/repository'],
      ['SqlInvoiceRepository', 'infrastructure/repository'],
      ['PaymentGatewayClient', 'infrastructure/adapter'],
      ['ResizeImageStep', 'infrastructure/pipeline_step'],
    ]);
    const repository = component(api, 'SqlCustomerRepository');
    expect(repository.attributes).toEqual([{ name: 'db_session', schema: { 'x-class': 'Session' }, written: 'Session' }]);
    expect(repository.dependencies).toEqual(['ICustomerRepository']);
    expect(repository.source).toEqual({ file: shop, pointer: '/3', line: 21 });
    const save = repository.methods.find((m) => m.name === 'save')!;
    expect(save.parameters).toEqual([{ name: 'customer', schema: { $ref: '#/components/schemas/Customer' }, written: 'Customer' }]);
    const find = repository.methods.find((m) => m.name === 'find_by_email')!;
    expect(find.parameters).toEqual([{ name: 'email', schema: { type: 'string' }, written: 'str' }]);
    expect(find.returns).toEqual({ name: 'return', schema: { anyOf: [{ $ref: '#/components/schemas/Customer' }, { type: 'null' }] }, written: 'Optional[Customer]' });
    const listAll = repository.methods.find((m) => m.name === 'list_all')!;
    expect(listAll.returns.schema).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Customer' } });

    const adapter = component(api, 'PaymentGatewayClient');
    expect(adapter.implements).toBe('app.application.interfaces.payment.IPaymentGateway');
    expect(adapter.config).toEqual(['PAYMENT_API_BASE_URL', 'PAYMENT_API_KEY']);
    expect(adapter.methods[0]!.parameters.map((p) => [p.name, p.schema])).toEqual([
      ['amount_cents', { type: 'integer' }],
      ['currency', { type: 'string' }],
      ['metadata', { type: 'object' }],
    ]);

    const step = component(api, 'ResizeImageStep');
    expect(step.methods).toEqual([{ name: 'run', parameters: [{ name: 'context', schema: { type: 'object' }, written: 'dict' }], returns: { name: 'return', schema: { type: 'object' }, written: 'dict' } }]);
    expect(step.implements).toBe('app.application.interfaces.media.IImageResizer');
  });

  it('reports malformed JSON with its line and column', async () => {
    const error = await failure(fixture('malformed.json'));
    expect(error.file).toBe(fixture('malformed.json'));
    expect(error.location).toBe('line 5, column 30');
    expect(error.message).toBe('malformed JSON: a trailing comma before "]": expected another value');
  });

  it('accepts JSON and nothing more (no comments, no trailing commas)', async () => {
    const { readFile } = await import('node:fs/promises');
    expect(firstJsonSyntaxError(await readFile(shop, 'utf8'))).toBeUndefined();
    expect(firstJsonSyntaxError('[1, 2.5e3, "a\\"b", {"k": [true, null]}]\n')).toBeUndefined();
    expect(firstJsonSyntaxError('[\n  // note\n  1\n]')).toEqual({ position: 4, message: 'expected a value, found "/"' });
    expect(firstJsonSyntaxError('{"a": 1,}')).toEqual({ position: 8, message: 'a trailing comma before "}": expected another key' });
    expect(firstJsonSyntaxError('[1] [2]')).toEqual({ position: 4, message: 'unexpected "[" after the end of the JSON value' });
  });

  it('reports a layer it does not know, naming the line and the layers it expects', async () => {
    const error = await failure(fixture('bad-layer.json'));
    expect(error.location).toBe('line 9 (/1/layer)');
    expect(error.message).toBe(
      'in CustomerService: layer: expected one of domain/entity, infrastructure/model, infrastructure/repository, infrastructure/adapter, infrastructure/pipeline_step, domain/service, application/interface, application/use_case, presentation/schema, presentation/dependency, presentation/router, found "domain/services"',
    );
  });

  it('reports a type it cannot read, with its text and line', async () => {
    const error = await failure(fixture('bad-type.json'));
    expect(error.location).toBe('line 7 (/0/attributes/1)');
    expect(error.message).toMatch(/^cannot read the type "list\[str": /);
  });

  it('reports a class defined twice, naming both places', async () => {
    const error = await failure(fixture('duplicate-class.json'));
    expect(error.location).toBe('line 7 (/1)');
    expect(error.message).toBe('class CustomerModel is defined twice (first at line 2 (/0)): expected one item per class name');
  });

  it('reports a field with one type in the entity and another in the model', async () => {
    const error = await failure(fixture('conflicting-field.json'));
    expect(error.location).toBe('line 5 (/0/attributes/1)');
    expect(error.message).toBe('email is "str" in Customer but "int" in CustomerModel (line 12): one entity\'s field has one type');
  });

  it('reports a missing key and an unknown key of a method', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const os = await import('node:os');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-classes-'));
    const missing = path.join(dir, 'missing.json');
    await writeFile(missing, '[\n  { "class_name": "A" }\n]\n');
    const first = await failure(missing);
    expect(first.location).toBe('line 2 (/0)');
    expect(first.message).toMatch(/^in A: missing "layer": expected one of domain\/entity/);
    const extra = path.join(dir, 'extra.json');
    await writeFile(extra, '[\n  { "class_name": "ARepo", "layer": "infrastructure/repository",\n    "methods": [{ "method_name": "x", "returns": "int" }] }\n]\n');
    const second = await failure(extra);
    expect(second.location).toBe('line 3 (/0/methods/0)');
    expect(second.message).toMatch(/^in ARepo: methods\[0\]: unexpected key "returns"/);
  });
});

describe('components derived from class definitions', () => {
  it('types the members of components and finds the entity a repository persists', async () => {
    const { components } = deriveComponents(await parseClassesFile(shop));
    const repository = components.find((c) => c.name === 'SqlCustomerRepository')!;
    expect(repository).toMatchObject({ slug: 'sql_customer_repository', layer: 'repository', entity: 'Customer', dependencies: ['ICustomerRepository'] });
    expect(repository.attributes).toEqual([{ name: 'db_session', type: { kind: 'object', name: 'Session' }, nullable: false, written: 'Session' }]);
    const byName = new Map(repository.methods.map((m) => [m.name, m]));
    expect(byName.get('save')).toEqual({
      name: 'save',
      parameters: [{ name: 'customer', type: { kind: 'object', name: 'Customer' }, nullable: false, written: 'Customer' }],
      returns: { name: 'return', type: { kind: 'object', name: 'Customer' }, nullable: false, written: 'Customer' },
    });
    expect(byName.get('find_by_email')!.returns).toEqual({ name: 'return', type: { kind: 'object', name: 'Customer' }, nullable: true, written: 'Optional[Customer]' });
    expect(byName.get('list_all')!.parameters.map((p) => p.type)).toEqual([{ kind: 'integer' }, { kind: 'integer' }]);
    expect(byName.get('list_all')!.returns!.type).toEqual({ kind: 'array', items: { kind: 'object', name: 'Customer' } });
    expect(components.find((c) => c.name === 'SqlInvoiceRepository')!.entity).toBe('Invoice');

    const adapter = components.find((c) => c.name === 'PaymentGatewayClient')!;
    expect(adapter).toMatchObject({
      layer: 'adapter',
      implements: { module: 'app.application.interfaces.payment', name: 'IPaymentGateway' },
      config: ['PAYMENT_API_BASE_URL', 'PAYMENT_API_KEY'],
    });
    expect(adapter.entity).toBeUndefined();
    expect(adapter.methods[0]!.parameters.map((p) => [p.name, p.type])).toEqual([
      ['amount_cents', { kind: 'integer' }],
      ['currency', { kind: 'string' }],
      ['metadata', { kind: 'map', values: { kind: 'json' } }],
    ]);
    const step = components.find((c) => c.name === 'ResizeImageStep')!;
    expect(step).toMatchObject({ layer: 'pipeline_step', slug: 'resize_image_step', implements: { module: 'app.application.interfaces.media', name: 'IImageResizer' } });
    expect(step.methods).toEqual([
      { name: 'run', parameters: [{ name: 'context', type: { kind: 'map', values: { kind: 'json' } }, nullable: false, written: 'dict' }], returns: { name: 'return', type: { kind: 'map', values: { kind: 'json' } }, nullable: false, written: 'dict' } },
    ]);
  });

  it('lists placeholders: entities with no domain class, and ports', async () => {
    const { placeholders } = deriveComponents(await parseClassesFile(shop));
    expect(placeholders).toEqual([
      { name: 'ICustomerRepository', kind: 'port', referencedBy: ['SqlCustomerRepository'] },
      { name: 'IImageResizer', kind: 'port', referencedBy: ['ResizeImageStep'] },
      { name: 'IPaymentGateway', kind: 'port', referencedBy: ['PaymentGatewayClient'] },
      { name: 'Invoice', kind: 'entity', referencedBy: ['SqlInvoiceRepository'] },
    ]);
  });

  it('remembers which items asked for each entity', async () => {
    const { entityItems } = deriveComponents(await parseClassesFile(shop));
    expect(entityItems).toEqual([
      { entity: 'Customer', domain: 'Customer', model: 'CustomerModel', repository: 'SqlCustomerRepository' },
      { entity: 'Invoice', model: 'InvoiceModel', repository: 'SqlInvoiceRepository' },
    ]);
  });

  it('finds the persisted class from the save parameter, and makes a placeholder of an undefined one', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const os = await import('node:os');
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'infra-stack-classes-')), 'store.json');
    const items = [
      { class_name: 'OrderModel', layer: 'infrastructure/model', attributes: ['id: int'] },
      { class_name: 'OrderStore', layer: 'infrastructure/repository', methods: [{ method_name: 'save', parameters: ['order: Order'], return_type: 'None' }] },
      { class_name: 'PaymentArchive', layer: 'infrastructure/repository', attributes: ['session: AsyncSession'], methods: [{ method_name: 'add', parameters: ['payment: Payment', 'tags: list[Tag]'] }] },
    ];
    await writeFile(file, JSON.stringify(items, null, 2));
    const api = await parseClassesFile(file);
    expect(api.schemas.get('Order')!.schema['x-layers']).toEqual(['model', 'repository']);
    const { components, placeholders } = deriveComponents(api);
    expect(components.map((c) => [c.name, c.entity])).toEqual([['OrderStore', 'Order'], ['PaymentArchive', 'Payment']]);
    expect(components[0]!.methods[0]!.returns).toBeUndefined();
    expect(placeholders).toEqual([
      { name: 'Order', kind: 'entity', referencedBy: ['OrderStore'] },
      { name: 'Payment', kind: 'entity', referencedBy: ['PaymentArchive'] },
      { name: 'Tag', kind: 'entity', referencedBy: ['PaymentArchive'] },
    ]);
  });
});

describe('columns of class definitions (source document 001)', () => {
  const properties = (api: ApiDocument, name: string) => api.schemas.get(name)!.schema.properties as Record<string, Record<string, unknown>>;

  it('reads every column of document 001 with its nullability, and honors table_name', async () => {
    const api = await parseClassesFile(fixture('document-001.json'));
    const product = api.schemas.get('Product')!.schema;
    expect(product['x-table-name']).toBe('products');
    expect(Object.keys(properties(api, 'Product'))).toEqual(['id', 'name', 'category', 'price_range']);
    expect(product.required).toEqual(['id', 'name', 'category', 'price_range']);
    expect(properties(api, 'Product').name).toMatchObject({ type: 'string' });
  });

  it('reads the spellings of another author: Column(...), commas, lengths, defaults, ForeignKey to a renamed table', async () => {
    const api = await parseClassesFile(fixture('hostile-columns.json'));
    expect(api.schemas.get('Warehouse')!.schema['x-table-name']).toBe('depots');
    const depot = properties(api, 'Warehouse');
    expect(depot.code).toMatchObject({ type: 'string', maxLength: 12, 'x-unique': true });
    expect(depot.label).toMatchObject({ type: ['string', 'null'] });
    expect(api.schemas.get('Warehouse')!.schema.required).toEqual(['id', 'code']);
    const stock = properties(api, 'StockItem');
    expect(Object.keys(stock)).toEqual(['id', 'depot_ref', 'sku', 'quantity', 'unit_price', 'active', 'extra', 'note']);
    expect(stock.depot_ref).toMatchObject({ type: 'integer', 'x-references': 'Warehouse', 'x-on-delete': 'CASCADE', 'x-index': true });
    expect(stock.sku).toMatchObject({ type: 'string', maxLength: 40 });
    expect(stock.quantity).toMatchObject({ type: 'integer', default: 0 });
    expect(stock.unit_price).toMatchObject({ type: ['number', 'null'], format: 'decimal', multipleOf: 0.01, minimum: -99999999.99, maximum: 99999999.99 });
    expect(stock.active).toMatchObject({ type: 'boolean', default: true });
    expect(stock.extra).toMatchObject({ type: ['object', 'null'] });
    expect(api.schemas.get('StockItem')!.schema['x-unique']).toEqual([['depot_ref', 'sku']]);
    expect(api.notices?.map((notice) => notice.replace(/^.*?: /, ''))).toEqual([
      'key "owner_team" of StockItemModel is not used for infrastructure/model (kept in the file as written)',
      'RestockDepot (application/use_case) is not handled by this input: class definitions generate domain/entity, infrastructure/model, infrastructure/repository, infrastructure/adapter, infrastructure/pipeline_step',
    ]);
  });

  it('refuses a column it cannot read, naming the item, the column and the line', async () => {
    const cases: [string, RegExp][] = [
      ['"name: Strng nullable=False"', /unknown column type Strng/],
      ['"name: String nullable=Maybe"', /nullable=Maybe: expected True or False/],
      ['"name: String colour=1"', /unknown keyword colour=/],
      ['"owner_id: Integer ForeignKey(\'owners.id\')"', /names table owners, which no model or entity of this file maps/],
      ['"code: String primary_key=True"', /column code: it is the primary key/],
      ['"name: nullable=False"', /no column type/],
    ];
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(path.join(tmpdir(), 'columns-'));
    for (const [column, message] of cases) {
      const file = path.join(dir, 'bad.json');
      await writeFile(file, `[\n  {\n    "class_name": "ThingModel",\n    "layer": "infrastructure/model",\n    "columns": [\n      "id: Integer primary_key=True",\n      ${column}\n    ]\n  }\n]\n`);
      const error = await failure(file);
      expect(error.message, column).toMatch(message);
      expect(error.message, column).toMatch(/in ThingModel: column/);
      expect(error.location, column).toMatch(/line 7/);
    }
  });
});

describe('what class definitions hold that the tool does not use', () => {
  it('reports, with file, line and pointer, the layers of other workflows and the keys a layer does not read', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'notices-')), 'classes.json');
    const items = [
      { class_name: 'OrderModel', layer: 'infrastructure/model', columns: ['id: Integer primary_key=True'], methods: [{ method_name: 'total' }], owner: 'sales' },
      { class_name: 'PlaceOrder', layer: 'application/use_case', dependencies: ['IOrderRepository'] },
      { class_name: 'OrderRouter', layer: 'presentation/router' },
      { class_name: 'SqlOrderRepository', layer: 'infrastructure/repository', table_name: 'orders', implements: 'IOrderRepository' },
    ];
    await writeFile(file, `${JSON.stringify(items, null, 2)}\n`);
    const api = await parseClassesFile(file);
    const shown = path.relative(process.cwd(), file);
    expect(api.notices).toEqual([
      `${shown}:8 (/0/methods): key "methods" of OrderModel is not used for infrastructure/model (kept in the file as written)`,
      `${shown}:13 (/0/owner): key "owner" of OrderModel is not used for infrastructure/model (kept in the file as written)`,
      `${shown}:15 (/1): PlaceOrder (application/use_case) is not handled by this input: class definitions generate domain/entity, infrastructure/model, infrastructure/repository, infrastructure/adapter, infrastructure/pipeline_step`,
      `${shown}:22 (/2): OrderRouter (presentation/router) is not handled by this input: class definitions generate domain/entity, infrastructure/model, infrastructure/repository, infrastructure/adapter, infrastructure/pipeline_step`,
      `${shown}:29 (/3/table_name): key "table_name" of SqlOrderRepository is not used for infrastructure/repository (kept in the file as written)`,
    ]);
    expect(api.schemas.has('PlaceOrder')).toBe(false);
    expect(api.components.map((c) => c.name)).toEqual(['SqlOrderRepository']);
  });

  it('has nothing to report on document 001 (its pipeline step and adapter keys are all read)', async () => {
    expect((await parseClassesFile(fixture('document-001.json'))).notices).toEqual([]);
  });
});
