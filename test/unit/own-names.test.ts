/**
 * Rows keep the names the documents give them: a key named after its entity (`deptId` of
 * `/depts/{deptId}`) is the key, moments named as people name them (`createTime`, `gmt_modified`)
 * are the row's stamps, and a rule deleting rows for good (`物理删除`, `hard deleted`) holds against
 * a soft-deleted parent.
 */
import { describe, expect, it } from 'vitest';
import type { DomainModel, Entity } from '../../core/model/domain-model.js';
import { readRuleSentences } from '../../core/parsers/markdown/rule-sentences.js';
import { modelOfDocuments } from '../support/documents.js';

const modelOf = modelOfDocuments;

function entity(model: DomainModel, name: string): Entity {
  const found = model.entities.find((e) => e.name === name);
  if (!found) throw new Error(`no entity ${name} among ${model.entities.map((e) => e.name).join(', ')}`);
  return found;
}

const HEADER = ['| 参数名称 | 参数类型 | 是否必须 | 备注 |', '|---|---|---|---|'];

const DEPARTMENTS = [
  '# 接口',
  '',
  '## 新增部门 `POST /depts`',
  '',
  '请求参数：',
  '',
  ...HEADER,
  '| deptName | String | 是 | 部门名称 |',
  '',
  '响应参数：',
  '',
  ...HEADER,
  '| deptId | Long | 是 | 部门 ID |',
  '| deptName | String | 是 | 部门名称 |',
  '| createTime | Date | 是 | 创建时间 |',
  '| gmtModified | Date | 是 | 修改时间 |',
  '',
  '## 查询部门 `GET /depts/{deptId}`',
  '',
  '## 删除部门 `DELETE /depts/{deptId}`',
  '',
  '## 部门列表 `GET /depts`',
  '',
].join('\n');

describe('the names documents give a row', () => {
  it('a key only answers carry, named by the item path, is the key: no second id beside it', async () => {
    const model = await modelOf({ 'api.md': DEPARTMENTS });
    const dept = entity(model, 'Dept');
    const key = dept.fields.find((f) => f.name === dept.primaryKey.field)!;
    expect(key).toMatchObject({ wireName: 'deptId', type: { kind: 'integer', format: 'int64' }, readOnly: true, required: true });
    expect(dept.primaryKey.generated).toBe(true);
    expect(dept.fields.filter((f) => f.wireName === 'id' || f.wireName === 'deptId')).toHaveLength(1);
    expect(dept.reasons.primaryKey?.rule).toMatch(/deptId is the key: \/depts\/\{deptId\} finds rows by it/);
    // The create names its rows: no stub.
    expect(model.operations.find((op) => op.method === 'post' && op.path === '/depts')?.kind).toBe('create');
  });

  it('moments named as people name them are the row\'s stamps, with no created_at or updated_at beside them', async () => {
    const dept = entity(await modelOf({ 'api.md': DEPARTMENTS }), 'Dept');
    expect(dept.fields.filter((f) => f.stamp !== undefined).map((f) => `${f.wireName} ${f.stamp}`)).toEqual(['createTime created', 'gmtModified updated']);
    expect(dept.fields.map((f) => f.name)).not.toContain('created_at');
    expect(dept.fields.map((f) => f.name)).not.toContain('updated_at');
    expect(dept.reasons.stamps?.source.line).toBe(17);
  });

  it('a moment the client sends, or that may be null, is no stamp', async () => {
    const api = DEPARTMENTS.replace('| deptName | String | 是 | 部门名称 |\n\n响应', '| deptName | String | 是 | 部门名称 |\n| createTime | Date | 否 | 创建时间 |\n\n响应');
    const dept = entity(await modelOf({ 'api.md': api }), 'Dept');
    expect(dept.fields.find((f) => f.name === 'create_time')?.stamp).toBeUndefined();
    expect(dept.fields.map((f) => f.name)).toContain('created_at');
  });

  it('an id the item path does not name, or one clients send, leaves the key the tool adds', async () => {
    const sent = DEPARTMENTS.replace('| deptName | String | 是 | 部门名称 |\n\n响应', '| deptName | String | 是 | 部门名称 |\n| deptId | Long | 是 | 部门编号 |\n\n响应');
    const dept = entity(await modelOf({ 'api.md': sent }), 'Dept');
    expect(dept.fields.find((f) => f.name === dept.primaryKey.field)?.wireName).toBe('id');
    const otherPath = entity(await modelOf({ 'api.md': DEPARTMENTS.replaceAll('{deptId}', '{id}') }), 'Dept');
    expect(otherPath.fields.find((f) => f.name === otherPath.primaryKey.field)?.wireName).toBe('id');
  });

  it('reads rows deleted for good, in English and Chinese, and not their negations', () => {
    const kinds = (text: string) => readRuleSentences([{ text, line: 1, inRules: true }], 'requirements.md').rules.map((rule) => ('entity' in rule ? `${rule.kind} ${rule.entity}` : rule.kind));
    expect(kinds('考勤记录为物理删除')).toEqual(['hard-delete 考勤记录']);
    expect(kinds('日志采用硬删除')).toEqual(['hard-delete 日志']);
    expect(kinds('Audit entries are hard deleted.')).toEqual(['hard-delete Audit entries']);
    expect(kinds('Sessions are deleted permanently.')).toEqual(['hard-delete Sessions']);
    expect(kinds('请假申请不允许物理删除')).not.toContainEqual(expect.stringMatching(/^hard-delete/));
    expect(kinds('Invoices are never physically deleted.')).toEqual(['soft-delete Invoices']);
  });

  it('children deleted for good stay so when their parent is soft deleted: the cascade is the database\'s', async () => {
    const api = [
      '# API',
      '',
      '- `POST /employees` create',
      '- `DELETE /employees/{id}` delete',
      '- `POST /attendances` create',
      '- `GET /attendances` list',
      '',
      'Employee:',
      '',
      '| field | type | required | notes |',
      '|---|---|---|---|',
      '| name | string | yes | |',
      '',
      'Attendance:',
      '',
      '| field | type | required | notes |',
      '|---|---|---|---|',
      '| employee_id | integer | yes | |',
      '| day | date | yes | |',
      '',
    ].join('\n');
    const requirements = ['# Rules', '', '- Employees are soft deleted.', '- Deleting an employee deletes their attendances.', '- Attendances are hard deleted.', ''].join('\n');
    const model = await modelOf({ 'api.md': api, 'requirements.md': requirements });
    expect(model.entities.filter((e) => e.softDelete).map((e) => e.name)).toEqual(['Employee']);
    expect(entity(model, 'Attendance').foreignKeys.map((k) => `${k.field} ${k.onDelete}`)).toEqual(['employee_id CASCADE']);
    // Without the rule, the attendances would be soft deleted with their employee.
    const withoutRule = await modelOf({ 'api.md': api, 'requirements.md': requirements.replace('- Attendances are hard deleted.\n', '') });
    expect(withoutRule.entities.filter((e) => e.softDelete).map((e) => e.name)).toEqual(['Employee', 'Attendance']);
  });
});

describe('a row\'s own identifier', () => {
  it('names no other row, whatever its name ends with', async () => {
    const api = [
      '# API',
      '',
      '- `POST /accounts` create an account',
      '- `GET /accounts/{id}` an account',
      '- `POST /carriers` create a carrier',
      '- `GET /carriers/{external_account_id}` a carrier by its account number there',
      '',
      'Account:',
      '',
      '| field | type | required |',
      '|---|---|---|',
      '| name | string | yes |',
      '',
      'Carrier:',
      '',
      '| field | type | required |',
      '|---|---|---|',
      '| external_account_id | integer | yes |',
      '| owner_account_id | integer | no |',
      '',
    ].join('\n');
    const model = await modelOf({ 'api.md': api });
    // `owner_account_id` still refers to an account; the path's identifier does not.
    expect(entity(model, 'Carrier').foreignKeys.map((k) => `${k.field}->${k.target}`)).toEqual(['owner_account_id->Account']);
  });
});

describe('a create under its parent\'s path', () => {
  it('takes the parent\'s key from the path: the body need not repeat a key only a rule added', async () => {
    const api = [
      '# API',
      '',
      '- `POST /invoices` create an invoice',
      '- `POST /invoices/{invoice_id}/lines` add a line',
      '- `GET /invoices/{invoice_id}/lines` its lines',
      '',
      '## Add a line `POST /invoices/{invoice_id}/lines`',
      '',
      '| field | type | required |',
      '|---|---|---|',
      '| quantity | integer | yes |',
      '',
      '## Create an invoice `POST /invoices`',
      '',
      '| field | type | required |',
      '|---|---|---|',
      '| number | string | yes |',
      '',
    ].join('\n');
    const model = await modelOf({ 'api.md': api, 'requirements.md': '# Rules\n\n- Deleting an invoice deletes its lines.\n' });
    const create = model.operations.find((op) => op.method === 'post' && op.path === '/invoices/{invoice_id}/lines')!;
    expect(create.kind).toBe('create');
    expect(create.input?.required).toEqual(['quantity']);
    // The row still holds it: the column stays NOT NULL, its key CASCADE.
    expect(entity(model, 'Line').foreignKeys.map((k) => `${k.field} ${k.onDelete}`)).toEqual(['invoice_id CASCADE']);
  });
});
