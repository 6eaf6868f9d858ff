/**
 * Data models as Notion and wiki exports write them (a heading per entity, a bullet per field:
 * `- **email** — string, required, unique`, `- guest_id — references Guest`), in a requirements
 * document beside an API list whose endpoints are bare bullets; rules whose subject is every
 * entity (`All of them are soft deleted`, `所有业务表都采用逻辑删除`) or a pronoun.
 */
import { describe, expect, it } from 'vitest';
import type { DomainModel } from '../../core/model/domain-model.js';
import { isPronoun, namesEveryEntity } from '../../core/derive/every-entity.js';
import { fieldTableFromItems } from '../../core/parsers/markdown/field-lines.js';
import { parseTypeExpression } from '../../core/parsers/markdown/type-expression.js';
import { modelOfDocuments } from '../support/documents.js';

const row = (text: string) => fieldTableFromItems([{ text, line: 1 }], 'data-model.md')?.table.rows[0];
const entity = (model: DomainModel, name: string) => model.entities.find((e) => e.name === name)!;
const field = (model: DomainModel, entityName: string, name: string) => entity(model, entityName).fields.find((f) => f.name === name)!;

const API_LIST = `# Hotel Bookings — API

Base URL: \`/api/v1\`

### Guests

- \`GET /guests\` — list guests
- \`POST /guests\` — create a guest
- \`GET /guests/{id}\` — one guest
- \`PATCH /guests/{id}\` — update some fields
- \`DELETE /guests/{id}\` — remove a guest

### Bookings

- \`GET /bookings\` — list bookings
- \`POST /bookings\` — book a room
- \`GET /bookings/{id}\` — one booking
- \`DELETE /bookings/{id}\` — cancel it
`;

const DATA_MODEL = `# Hotel Bookings — Requirements

## Data model

### Guest

- **id** — uuid, primary key
- **full_name** — string, required
- **email** — string, required, unique
- **vip** — boolean, default false

### Booking

- **id** — integer
- **guest_id** — references Guest, required
- **owner_id** — string, FK → guests
- **status** — \`pending\` | \`confirmed\` | \`cancelled\`, default \`pending\`
- **check_in** — date, required

## Rules

- All of them are soft deleted.
`;

describe('a field written as a bullet', () => {
  it('reads the name, a dash, the type and the notes', () => {
    expect(row('email — string, required, unique')).toMatchObject({ name: 'email', type: { kind: 'scalar', schema: { type: 'string' } }, required: true, hints: { 'x-unique': true } });
    expect(row('rate -- decimal(10,2)')).toMatchObject({ name: 'rate', type: { kind: 'scalar', schema: { type: 'number', format: 'decimal' } } });
    expect(row('kind – one of `single`, `double`')).toMatchObject({ type: { kind: 'enum', values: ['single', 'double'] } });
  });

  it('takes a union of values followed by a note as the values, the note as a note', () => {
    expect(row('status — `pending` | `confirmed` | `cancelled`, default `pending`')).toMatchObject({ type: { kind: 'enum', values: ['pending', 'confirmed', 'cancelled'] }, defaultText: 'pending' });
    // A union of types is JSON; one of words no type is no union at all.
    expect(parseTypeExpression('string | number')).toEqual({ kind: 'scalar', schema: { type: 'object', additionalProperties: true } });
    expect(parseTypeExpression('`a` | `b`, default `a`')).toBeUndefined();
  });

  it('reads a reference written where the type goes as a key of the type it points at', () => {
    expect(row('guest_id — references Guest, required')).toMatchObject({ name: 'guest_id', type: { kind: 'scalar', schema: {} }, required: true, hints: { 'x-references': 'Guest' } });
    expect(row('owner_id — FK → users.id')?.hints).toMatchObject({ 'x-references': 'users' });
    expect(row('owner_id — the owner')).toBeUndefined();
  });
});

describe('an API list of bare endpoints beside a data model in the requirements', () => {
  it('serves the data model\'s rows at the paths that name them, keys typed as the keys they point at', async () => {
    const model = await modelOfDocuments({ 'api.md': API_LIST, 'requirements.md': DATA_MODEL });
    expect(model.entities.map((e) => e.name).sort()).toEqual(['Booking', 'Guest']);
    const kinds = Object.fromEntries(model.operations.map((op) => [op.name, op.kind]));
    expect(kinds).toMatchObject({ get_guests: 'list', post_guests: 'create', get_guests_id: 'get', patch_guests_id: 'patch', delete_guests_id: 'delete', post_bookings: 'create' });
    expect(model.operations.find((op) => op.name === 'post_bookings')!.input!.required).toEqual(expect.arrayContaining(['guest_id', 'check_in']));
    // Guest's key is a uuid: the key written without a type takes it, and so does the one written `string`.
    expect(field(model, 'Booking', 'guest_id').type).toEqual({ kind: 'string', format: 'uuid' });
    expect(field(model, 'Booking', 'owner_id').type).toEqual({ kind: 'string', format: 'uuid' });
    expect(model.relations.map((r) => `${r.from}.${r.name}`)).toEqual(expect.arrayContaining(['Booking.booking_guest']));
    expect(field(model, 'Guest', 'email').hints?.unique).toBe(true);
    expect(field(model, 'Booking', 'status').default).toBe('pending');
  });

  it('soft deletes every entity a rule names all at once', async () => {
    const model = await modelOfDocuments({ 'api.md': API_LIST, 'requirements.md': DATA_MODEL });
    expect(model.entities.map((e) => [e.name, e.softDelete])).toEqual([
      ['Guest', true],
      ['Booking', true],
    ]);
    expect(entity(model, 'Guest').reasons.softDelete?.rule).toBe('rule "All of them are soft deleted."');
  });

  it('reads the API list alone as before: endpoints with nothing to serve', async () => {
    const model = await modelOfDocuments({ 'api.md': API_LIST });
    expect(model.entities).toEqual([]);
    expect(new Set(model.operations.map((op) => op.kind))).toEqual(new Set(['custom']));
  });
});

describe('a rule whose subject is every entity, or a pronoun', () => {
  it('knows the words for all of them, in the languages of the documents', () => {
    for (const phrase of ['All of them', 'all tables', 'Every table', 'all entities', 'All business tables', 'everything', '所有业务表都', '所有表', '全部数据', 'すべてのテーブル', '모든 테이블', 'todas las tablas', 'toutes les tables', 'alle Tabellen', 'tutte le tabelle', 'tất cả các bảng']) {
      expect(namesEveryEntity(phrase), phrase).toBe(true);
    }
    for (const phrase of ['orders', 'all orders', 'the users', 'tables of the restaurant']) expect(namesEveryEntity(phrase), phrase).toBe(false);
    for (const phrase of ['they', 'It', 'them', '它们']) expect(isPronoun(phrase), phrase).toBe(true);
  });

  it('applies a soft delete said of all business tables, in Chinese', async () => {
    const model = await modelOfDocuments({ 'api.md': API_LIST, 'requirements.md': DATA_MODEL.replace('- All of them are soft deleted.', '- 所有业务表都采用逻辑删除') });
    expect(model.entities.every((e) => e.softDelete)).toBe(true);
  });

  it('warns of a pronoun it cannot place, and goes on', async () => {
    const model = await modelOfDocuments({ 'api.md': API_LIST, 'requirements.md': DATA_MODEL.replace('- All of them are soft deleted.', '- They are soft deleted.') });
    expect(model.entities.map((e) => e.softDelete)).toEqual([false, false]);
    expect(model.warnings?.map((w) => w.message)).toContain('the rule "They are soft deleted." names "They", which is no entity of the documents; ignored');
  });
});

describe('a Japanese spec whose endpoints are titled with their verbs', () => {
  const API = `# 会議室予約 API仕様書

## API一覧

| No | メソッド | パス | 概要 |
|---|---|---|---|
| 1 | GET | /rooms | 会議室一覧取得 |
| 2 | POST | /rooms | 会議室登録 |
| 3 | GET | /rooms/{room_id} | 会議室詳細取得 |
| 4 | DELETE | /rooms/{room_id} | 会議室削除 |

## API詳細

### 会議室登録

**POST /rooms**

リクエスト（ボディ）

| 項目 | 型 | 必須 | 備考 |
|---|---|---|---|
| name | 文字列 | ○ | |
| capacity | 数値 | ○ | 収容人数 |
| tags | 配列 | × | |
`;
  const REQUIREMENTS = `# 要件定義書

## 業務要件

会議室の削除は論理削除とする。
`;

  it('names the resource by the noun its summaries share, counts are integers, 配列 a list', async () => {
    const model = await modelOfDocuments({ 'api.md': API, 'requirements.md': REQUIREMENTS });
    expect(entity(model, 'Room').softDelete).toBe(true);
    expect(field(model, 'Room', 'capacity').type).toEqual({ kind: 'integer' });
    expect(field(model, 'Room', 'tags').type.kind).toBe('array');
  });
});

describe('a field a rule says no answer shows', () => {
  const api = (rule: string) => ({
    'api.md': '# Users\n\n## Users\n\n- `POST /users` — register\n  - email (string, required, unique)\n  - password (string, required)\n- `GET /users/{id}` — one user\n',
    'requirements.md': `# Rules\n\n## Rules\n\n- ${rule}\n`,
  });

  it('is write-only, in the words of the languages the documents come in', async () => {
    for (const rule of ['The API never returns the password.', 'Passwords are never returned.', '用户密码使用 BCrypt 加密，接口不返回 password 字段。', 'password はレスポンスに含めない。', 'La API nunca devuelve el password.']) {
      const model = await modelOfDocuments(api(rule));
      expect(field(model, 'User', 'password').writeOnly, rule).toBe(true);
      expect(field(model, 'User', 'email').writeOnly, rule).toBe(false);
    }
  });

  it('reads codes glossed in brackets after a label as the values', async () => {
    const model = await modelOfDocuments({
      'api.md': '# Rooms\n\n## Rooms\n\n- `POST /rooms` — add\n\n| 項目名 | 物理名 | 型 | 必須 | 備考 |\n|---|---|---|---|---|\n| 会議室名 | name | 文字列 | ○ | |\n| 利用区分 | usage_type | 文字列 | ○ | `GENERAL`（一般）/ `EXECUTIVE`（役員用） |\n\n- `GET /rooms/{id}` — one room\n',
    });
    expect(model.enums.map((e) => [e.name, e.values])).toEqual([['RoomUsageType', ['GENERAL', 'EXECUTIVE']]]);
  });
});

describe('API Blueprint headings', () => {
  it('reads a resource with its URI template, an action by its method, the HOST as the base path', async () => {
    const { readBlueprintAction, readBlueprintResource, cleanPath } = await import('../../core/parsers/markdown/endpoint-heading.js');
    const { readBasePath } = await import('../../core/parsers/markdown/document-lines.js');
    expect(readBlueprintResource('Customers Collection [/customers{?page,per_page,email}]')).toEqual({ name: 'Customers Collection', path: '/customers', queryNames: ['page', 'per_page', 'email'] });
    expect(readBlueprintResource('Customer [/customers/{customer_id}]')).toEqual({ name: 'Customer', path: '/customers/{customer_id}', queryNames: [] });
    expect(readBlueprintAction('List customers [GET]')).toEqual({ method: 'get', summary: 'List customers' });
    expect(readBlueprintAction('Customers [unique: email]')).toBeUndefined();
    expect(cleanPath('/orders{?status,page}')).toBe('/orders');
    expect(readBasePath('HOST: https://api.brewbox.io/v2')).toBe('/v2');
  });
});

describe('a field\'s values after a colon, in a sentence', () => {
  it('are its values, one said to be the default its default', async () => {
    const model = await modelOfDocuments({
      'api.md': '# Orders\n\n## Orders\n\n- `POST /orders` — place\n  - item (string, required)\n  - status (string, optional)\n- `GET /orders/{id}` — one order\n',
      'requirements.md': '# Rules\n\n## Rules\n\n- Order `status`: `pending` (default on creation), `paid`, `shipped`.\n',
    });
    expect(model.enums.find((e) => e.name === (field(model, 'Order', 'status').type as { name: string }).name)?.values).toEqual(['pending', 'paid', 'shipped']);
    expect(field(model, 'Order', 'status').default).toBe('pending');
  });
});
