/**
 * Uniqueness among some rows only (`room number unique within the hotel`) and combinations of
 * fields unique together (`(unique course_id + student_id)`), as people write them in notes and
 * sentences: a composite unique with the key to the parent, never a unique over the whole table.
 */
import { describe, expect, it } from 'vitest';
import { modelOfDocuments } from '../support/documents.js';
import { readCompositeUniques, uniqueScopeOf } from '../../core/parsers/markdown/unique-scope.js';

const source = { file: 'api.md', pointer: '/x-rules/1', line: 1, text: '', stated: false };

describe('the rows a unique note says it holds among', () => {
  it.each([
    ['unique within the hotel, not globally', 'hotel'],
    ['must be unique per course', 'course'],
    ['Unique for each customer account', 'customer account'],
    ['unique together with school_id', 'school_id'],
    ['pro Schule eindeutig', 'Schule'],
    ['eindeutig innerhalb eines Lagers', 'Lagers'],
    ['único por cliente', 'cliente'],
    ['unique par magasin', 'magasin'],
    ['duy nhất trong mỗi lớp', 'lớp'],
    ['同一酒店内唯一', '酒店'],
    ['在课程中唯一', '课程'],
  ])('%s: %s', (note, scope) => {
    expect(uniqueScopeOf(note)).toBe(scope);
  });

  it.each(['unique', 'unique within the system', 'must be unique globally', '全局唯一', '系统内唯一', 'eindeutig', 'unique code'])('%s holds everywhere', (note) => {
    expect(uniqueScopeOf(note)).toBeUndefined();
  });
});

describe('combinations said to be unique together', () => {
  it.each([
    ['Ein Student kann sich pro Kurs nur einmal einschreiben (unique course_id + student_id).', ['course_id', 'student_id']],
    ['UNIQUE (order_id, product_id)', ['order_id', 'product_id']],
    ['`tenantId` + `slug` must be unique', ['tenantId', 'slug']],
    ['(year, month, account_id) is unique', ['year', 'month', 'account_id']],
    ['The combination of room_id and night is unique.', ['room_id', 'night']],
    ['course_id and student_id are unique together', ['course_id', 'student_id']],
    ['course_id、student_id 联合唯一', ['course_id', 'student_id']],
  ])('%s', (text, fields) => {
    expect(readCompositeUniques(text, { ...source, text })).toEqual([{ kind: 'unique-together', fields, source: { ...source, text } }]);
  });

  it.each(['Email and username are unique.', 'unique email', 'Each (draft) post is unique to its author', 'Price must be at least 0 (for example 1 + 2).'])('%s: none', (text) => {
    expect(readCompositeUniques(text, { ...source, text })).toEqual([]);
  });
});

function modelOf(apiList: string) {
  return modelOfDocuments({ 'api.md': apiList });
}

const api = [
  '# Hotels',
  '',
  '- `GET /hotels` list hotels',
  '- `POST /hotels` create a hotel',
  '- `GET /rooms` list rooms',
  '- `POST /rooms` create a room',
  '- `GET /enrollments` list enrollments',
  '- `POST /enrollments` enroll',
  '',
  'Hotel:',
  '',
  '| Field | Type | Required | Notes |',
  '|---|---|---|---|',
  '| code | string | yes | unique within the system |',
  '',
  'Room:',
  '',
  '| Field | Type | Required | Notes |',
  '|---|---|---|---|',
  '| hotel_id | int | yes | references Hotel |',
  '| number | string | yes | like "204": unique within the hotel, not globally |',
  '| floor | int | yes | |',
  '| label | string | no | unique per wing |',
  '',
  'Enrollment:',
  '',
  '| Field | Type | Required | Notes |',
  '|---|---|---|---|',
  '| course_id | int | yes | |',
  '| student_id | int | yes | |',
  '',
  'A student enrolls in a course only once (unique course_id + student_id).',
  '',
].join('\n');

describe('uniques among some rows, derived', () => {
  it('joins the key to the parent the scope names, or the field it names; a scope naming neither adds no unique and says so', async () => {
    const model = await modelOf(api);
    const warnings = model.warnings ?? [];
    const uniques = (name: string) => model.entities.find((e) => e.name === name)!.uniques.map((u) => [u.fields, u.reason.rule]);
    expect(uniques('Hotel')).toEqual([[['code'], 'the field\'s note "unique within the system"']]);
    expect(uniques('Room')).toEqual([[['hotel_id', 'number'], 'the field\'s note "like "204": unique within the hotel, not globally"']]);
    expect(uniques('Enrollment')).toEqual([[['course_id', 'student_id'], 'rule "A student enrolls in a course only once (unique course_id + student_id)."']]);
    expect(warnings.map((w) => w.message)).toContain('Room.label is unique within "wing", which names no entity Room has a key to, nor a field of Room; no unique constraint added');
  });
});

describe('x-unique-within in an OpenAPI document', () => {
  it('is the same composite unique, with the key to the entity it names', async () => {
    const item = (schema: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } });
    const collection = (schema: string) => ({ post: { requestBody: item(schema), responses: { '201': { description: 'Created', ...item(schema) } } } });
    const document = {
      openapi: '3.0.3',
      info: { title: 'Hotels', version: '1' },
      paths: { '/hotels': collection('Hotel'), '/rooms': collection('Room') },
      components: {
        schemas: {
          Hotel: { type: 'object', properties: { id: { type: 'integer', readOnly: true }, name: { type: 'string' } } },
          Room: { type: 'object', properties: { id: { type: 'integer', readOnly: true }, hotelId: { type: 'integer' }, number: { type: 'string', 'x-unique-within': 'Hotel' } } },
        },
      },
    };
    const model = await modelOfDocuments({ 'openapi.yaml': JSON.stringify(document) });
    expect(model.entities.find((e) => e.name === 'Room')!.uniques.map((u) => u.fields)).toEqual([['hotel_id', 'number']]);
  });
});

describe('a rule sentence scoping a unique, wherever it puts the scope', () => {
  const hotels = [
    '# 酒店管理接口',
    '',
    '## 酒店',
    '',
    '### 新增酒店 `POST /hotels`',
    '',
    '| 字段 | 类型 | 必填 | 说明 |',
    '| --- | --- | --- | --- |',
    '| name | string | 是 | 酒店名称 |',
    '',
    '## 房间',
    '',
    '### 新增房间 `POST /rooms`',
    '',
    '| 字段 | 类型 | 必填 | 说明 |',
    '| --- | --- | --- | --- |',
    '| hotel_id | int | 是 | 所属酒店ID |',
    '| room_no | string | 是 | 房间号 |',
    '| code | string | 是 | 房间编码 |',
    '',
  ].join('\n');

  async function roomUniques(rule: string) {
    const model = await modelOfDocuments({ 'api.md': hotels, 'requirements.md': `# 需求\n\n## 业务规则\n\n- ${rule}\n` });
    expect(model.warnings ?? []).toEqual([]);
    return model.entities.find((e) => e.name === 'Room')!.uniques.map((u) => u.fields);
  }

  it.each([
    ['同一酒店下房间号唯一。', ['hotel_id', 'room_no']],
    ['每个酒店的房间号不能重复。', ['hotel_id', 'room_no']],
    ['同一个酒店内的房间号必须唯一。', ['hotel_id', 'room_no']],
    ['在同一酒店中，房间编码唯一。', ['hotel_id', 'code']],
    ['Room codes are unique within a hotel.', ['hotel_id', 'code']],
    ['Within a hotel, room codes are unique.', ['hotel_id', 'code']],
    ["Each hotel's room codes are unique.", ['hotel_id', 'code']],
    ['The codes of rooms are unique within each hotel.', ['hotel_id', 'code']],
  ])('%s: unique with the key to the hotel, and the code unique by its name no more', async (rule, fields) => {
    const uniques = await roomUniques(rule);
    expect(uniques).toContainEqual(fields);
    // `code` is unique by its name unless a sentence says among which rows.
    expect(uniques).toContainEqual(fields.includes('code') ? ['hotel_id', 'code'] : ['code']);
    expect(uniques).not.toContainEqual(fields.includes('code') ? ['code'] : ['room_no']);
  });

  it('reads a rule with no scope as unique over the whole table', async () => {
    expect(await roomUniques('房间号唯一。')).toEqual([['room_no'], ['code']]);
  });
});
