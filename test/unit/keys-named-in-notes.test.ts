/**
 * A key whose name names no entity (`manager_id`, `reviewer_id`) but whose note names an entity's
 * ID (`部门负责人（员工ID）`, `employee ID of the deputy`, `the ID of the user who reviews`) refers
 * to that entity; a note naming two IDs (Stripe's `a customer ID, a cart ID, or similar`), or none,
 * leaves the field a plain column.
 */
import { describe, expect, it } from 'vitest';
import { modelOfDocuments } from '../support/documents.js';

function modelOf(apiList: string) {
  return modelOfDocuments({ 'api.md': apiList });
}

const api = [
  '# Company',
  '',
  '## 员工 Employees',
  '',
  '- `GET /employees` list',
  '- `POST /employees` create',
  '',
  '| Field | Type | Required | Notes |',
  '|---|---|---|---|',
  '| name | string | yes | |',
  '',
  '## Users',
  '',
  '- `GET /users` list',
  '- `POST /users` create',
  '',
  '| Field | Type | Required | Notes |',
  '|---|---|---|---|',
  '| email | string | yes | |',
  '',
  '## 部门 Departments',
  '',
  '- `GET /departments` list',
  '- `POST /departments` create',
  '',
  '| 字段 | 类型 | 必填 | 说明 |',
  '|---|---|---|---|',
  '| name | string | 是 | 部门名称 |',
  '| manager_id | int | 否 | 部门负责人（员工ID） |',
  '| deputy_id | int | 否 | employee ID of the deputy |',
  '| reviewer_id | int | 否 | the ID of the user who reviews the budget |',
  '| subject_id | int | 否 | a user ID or an employee ID |',
  '| cost_center_id | int | 否 | from the finance system |',
  '',
].join('\n');

describe('keys a note names', () => {
  it('refer to the one entity whose ID the note names, with the note as the reason', async () => {
    const model = await modelOf(api);
    const department = model.entities.find((e) => e.name === 'Department')!;
    const keys = Object.fromEntries(department.foreignKeys.map((k) => [k.field, k.target]));
    expect(keys).toEqual({ manager_id: 'Employee', deputy_id: 'Employee', reviewer_id: 'User' });
    expect(department.foreignKeys.find((k) => k.field === 'manager_id')!.reason.rule).toContain('the field\'s note "部门负责人（员工ID）" names the ID of Employee');
  });
});
