/**
 * End to end for markdown written by others: the shop's API list and requirements as first
 * written (rules only in plain words, no bracketed hints), a clinic API list in another
 * style (code-span headings, emoji, Python and SQL types, rules in its requirements) and a Chinese
 * blog (method and URL on label lines, uniques in notes and a rule sentence, soft-deleted articles
 * whose comments go with them). Each is
 * generated, installed and put through its own ruff, mypy --strict and pytest, with a test of
 * the stated rules added to its suite (test/e2e/stated-rules/): a taken unique answers 409,
 * soft deletes hide the rows kept with them, cascades delete.
 *
 * Run through `npm test` (builds dist/, provides INFRA_STACK_UV).
 */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../dist/lib/index.js';
import { makeTempDir, removeTempDir } from '../support/files.js';
import { formatResult, installBackend, REPO_ROOT, type BackendEnv, type RunResult } from '../support/python-backend.js';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/markdown/written-by-others');

const documents = [
  { name: 'shop-as-first-written', apiFiles: ['shop-as-first-written/api-list.md', 'shop-as-first-written/requirements.md'], rules: 'shop.py' },
  { name: 'clinic', apiFiles: ['clinic-api.md', 'clinic-requirements.md'], rules: 'clinic.py' },
  { name: 'blog-zh', apiFiles: ['blog-api.zh.md', 'blog-requirements.zh.md'], rules: 'blog.py' },
  // Every endpoint in an overview table, then a section per resource in Vietnamese.
  { name: 'clinic-overview-vi', apiFiles: ['clinic-overview-vi-api.md', 'clinic-overview-vi-requirements.md'], rules: 'clinic_overview.py' },
  // Japanese headers, endpoints after bold titles and in a fenced block, an optional many-to-many list.
  { name: 'school-ja', apiFiles: ['school-ja-api.md'] },
  // Collections under an item of another (`/topics/{topicId}/replies`), headings in two scripts.
  { name: 'forum-nested-zh', apiFiles: ['forum-nested.zh.md'] },
  // Rules run on with commas, a resource named like a request (`/leave-requests`), approvals under a request.
  { name: 'leave-zh', apiFiles: ['leave-api.zh.md', 'leave-requirements.zh.md'], rules: 'leave.py' },
  // Spanish types and rules, comments listed under a recipe and deleted at `/comentarios/{id}`, MySQL named in prose.
  { name: 'recetas-es', apiFiles: ['recetas-api.es.md', 'recetas-requisitos.es.md'], rules: 'recetas.py' },
  // Fields in fenced blocks, on one line and in braces; enrollments-like collections under an item.
  // Uniques among a depot's vehicles only, and over two fields at once, said in words.
  { name: 'fleet-terse', apiFiles: ['fleet-terse-api.md'], rules: 'fleet.py' },
  // Uniques scoped to a hotel's rooms with the scope said first (`同一酒店下房间号唯一`, `在同一酒店中，…`).
  { name: 'hotel-zh', apiFiles: ['hotel-api.zh.md', 'hotel-requirements.zh.md'], rules: 'hotel.py' },
  // Written by a fresh pair of eyes: an order's items in a table of their own (`items 字段：`), a bound said not to hold.
  { name: 'mall-zh', apiFiles: ['mall-api.zh.md', 'mall-requirements.zh.md'] },
  // Written by a fresh pair of eyes: filters in an endpoint table's descriptions, rules in short bullets.
  { name: 'fleet-mgmt', apiFiles: ['fleet-mgmt-api.md', 'fleet-mgmt-requirements.md'] },
  // Keys named in Vietnamese (`danh_muc_id`, `tac_gia_ids`), an enum listed in its notes, a type label with a gloss.
  { name: 'thu-vien-vi', apiFiles: ['thu-vien-api.vi.md', 'thu-vien-requirements.vi.md'] },
  // A change table repeating a field bare, filters in a paragraph, `mayor que 0`, a cascade "en cascada con" beside a soft delete.
  { name: 'clinica-es', apiFiles: ['clinica-sanrafael-api.es.md', 'clinica-sanrafael-requisitos.es.md'] },
  // Names labelled in brackets (`商品コード(product_code)`), cascades and restricts in Japanese, MySQL named in the tech stack.
  { name: 'zaiko-ja', apiFiles: ['zaiko-api.ja.md', 'zaiko-requirements.ja.md'] },
  // Paths in Vietnamese words (tables as written: no plural), a key qualified after its entity (`giao_vien_chu_nhiem_id`).
  { name: 'truong-hoc-vi', apiFiles: ['truong-hoc-api.vi.md', 'truong-hoc-yeu-cau.vi.md'] },
  // An endpoint table with Portuguese headers, money as `dinheiro`, plurals in -ores, a soft delete said in passing.
  { name: 'escola-pt', apiFiles: ['escola-api.pt.md', 'escola-requisitos.pt.md'] },
  // German umlaut plurals (`/fahrraeder` of Fahrrad) and a plural that is its noun (`/zubehoer`).
  { name: 'fahrradverleih-de', apiFiles: ['fahrradverleih-api.de.md', 'fahrradverleih-anforderungen.de.md'] },
  // An endpoint table, then a section of fields per resource (tables, bracketed bullets); Italian plurals and rules.
  { name: 'agenzia-affitti-it', apiFiles: ['agenzia-affitti-api.it.md', 'agenzia-affitti-requisiti.it.md'] },
  // TypeScript declarations, Express paths, a soft delete "just flagged" with its own deletedAt, subtasks.
  { name: 'tasky-wiki', apiFiles: ['tasky-wiki-api.md', 'tasky-wiki-requirements.md'] },
  // A company's 接口文档: status-code tables, Java types, a glossed heading naming the student.
  { name: 'course-platform-zh', apiFiles: ['course-platform-api.zh.md', 'course-platform-requirements.zh.md'] },
  // Departments and employees keyed to each other: the suite's tables drop on SQLite whatever their order;
  // keys and moments under the spec's names (deptId, createTime), a fuzzy name filter, codes with their meaning.
  { name: 'hr-spec-zh', apiFiles: ['hr-spec-api.zh.md', 'hr-spec-requirements.zh.md'], rules: 'hr.py' },
  // Pydantic models for the rows, an endpoint named again in the requirements to give its filters.
  { name: 'warehouse-pydantic', apiFiles: ['warehouse-pydantic-api.md', 'warehouse-pydantic-requirements.md'] },
  // Every answer in the envelope its Response Format section shows (`{"success": true, "data": …}`, errors
  // `{"success": false, "error": {…}}`), lists in the page its example shows.
  { name: 'crm-envelope', apiFiles: ['crm-envelope-api.md'], rules: 'crm.py' },
  // Written by a fresh pair of eyes as a frontend developer would: TypeScript interfaces for the rows, the requests
  // (`RegisterReq`), the envelope (`ApiResponse<T>`) and the page (`PageResult<T>`), unions named by aliases.
  { name: 'blog-ts-frontend-zh', apiFiles: ['blog-ts-frontend-api.zh.md', 'blog-ts-frontend-requirements.zh.md'], rules: 'blog_ts.py' },
  // A Notion export: bare endpoint bullets, the data model in the requirements a bullet per field, every table soft deleted.
  { name: 'hotel-notion', apiFiles: ['hotel-notion-api.md', 'hotel-notion-requirements.md'], rules: 'hotel_notion.py' },
  // Written by a fresh pair of eyes as a Google Docs design doc: endpoint tables, entities as bold labels over bullets
  // (`- team_id: uuid → Team`, `- (team_id, name) unique`), a join type linking users and teams.
  { name: 'tasklane', apiFiles: ['tasklane-api.md', 'tasklane-requirements.md'], rules: 'tasklane.py' },
  // A Japanese 設計書 by a fresh pair of eyes: keys the tables declare (`部署ID | departmentId | 主キー`) in place of
  // `id`, a department's parent department, sections titled by the overview's API名, employees soft deleted.
  { name: 'kaigishitsu-sekkeisho-ja', apiFiles: ['kaigishitsu-sekkeisho-api.ja.md', 'kaigishitsu-sekkeisho-requirements.ja.md'] },
  // A product manager's Confluence page: a venue's fields in sentences, `reference to Ticket type`, enums in the type column.
  { name: 'ticketing-confluence', apiFiles: ['ticketing-confluence-api.md', 'ticketing-confluence-requirements.md'] },
  // A soft delete marking rows by the document's own `retired_at`, with trips soft deleted along; `money (EUR)`.
  { name: 'motorpool', apiFiles: ['motorpool-api.md', 'motorpool-requirements.md'], rules: 'motorpool.py' },
  // Soft deletes by the documents' own flags (`is_deleted`, `deleted`), a project's tasks marked by time along with it.
  { name: 'projects-flag-zh', apiFiles: ['projects-flag-api.zh.md', 'projects-flag-requirements.zh.md'], rules: 'projects_flag.py' },
  // Three styles by a fresh pair of eyes: a Spanish PM's wrapped paragraphs and glossed enums, a terse TypeScript-typed
  // list with bullets carrying body and answer, a camelCase 接口文档 whose soft delete adds its own is_deleted.
  { name: 'veterinaria-es', apiFiles: ['veterinaria-api.es.md', 'veterinaria-requisitos.es.md'] },
  { name: 'library-terse', apiFiles: ['library-terse-api.md', 'library-terse-requirements.md'] },
  { name: 'wms-camel-zh', apiFiles: ['wms-camel-api.zh.md', 'wms-camel-requirements.zh.md'] },
  // A French Confluence export: rules numbered RG-nn and wrapped at a width, reservations archived by their own supprime_le.
  { name: 'hotel-confluence-fr', apiFiles: ['hotel-confluence-api.fr.md', 'hotel-confluence-regles.fr.md'] },
  // A Japanese 設計書: headings naming the API一覧's API名 and No., 項目名/物理名 tables, rules wrapped mid-sentence.
  { name: 'tickets-sekkei-ja', apiFiles: ['tickets-sekkei-api.ja.md', 'tickets-sekkei-requirements.ja.md'] },
  // Six more by a fresh pair of eyes: a German Gitea wiki, a Portuguese marketplace, a Korean Notion export, a fleet
  // from Google Docs (bold headings), recipes in Traditional Chinese, a terse list with YAML schemas.
  { name: 'zahnarztpraxis-de', apiFiles: ['zahnarztpraxis-api.de.md', 'zahnarztpraxis-anforderungen.de.md'] },
  { name: 'feira-pt', apiFiles: ['feira-api.pt.md', 'feira-requisitos.pt.md'] },
  { name: 'tasks-notion-ko', apiFiles: ['tasks-notion-api.ko.md', 'tasks-notion-requirements.ko.md'] },
  { name: 'fleet-gdocs', apiFiles: ['fleet-gdocs-api.md', 'fleet-gdocs-requirements.md'] },
  { name: 'recipes-tw-zh', apiFiles: ['recipes-tw-api.zh.md', 'recipes-tw-requirements.zh.md'] },
  { name: 'circ-svc', apiFiles: ['circ-svc-api.md', 'circ-svc-requirements.md'] },
  // Four more: a Confluence CRM, a formal Chinese HR spec, a Mexican README, a data model written in SQL.
  { name: 'crm-jira', apiFiles: ['crm-jira-api.md', 'crm-jira-requirements.md'] },
  { name: 'hr-formal-zh', apiFiles: ['hr-formal-api.zh.md', 'hr-formal-requirements.zh.md'] },
  { name: 'eventos-mx-es', apiFiles: ['eventos-mx-api.es.md', 'eventos-mx-requisitos.es.md'] },
  { name: 'inventory-ddl', apiFiles: ['inventory-ddl-api.md', 'inventory-ddl-requirements.md'] },
];

function expectSuccess(result: RunResult, what: string): void {
  expect(result.code, `${what} failed\n${formatResult(result)}`).toBe(0);
}

for (const doc of documents) {
  describe(`generated backend from markdown written by others: ${doc.name}`, () => {
    let work: string | undefined;
    let backend: BackendEnv;

    beforeAll(async () => {
      work = await makeTempDir(doc.name);
      const out = join(work, 'out');
      await generate({ apiFiles: doc.apiFiles.map((file) => join(FIXTURES, file)), outDir: out });
      if (doc.rules) {
        const rules = join(REPO_ROOT, 'test/e2e/stated-rules');
        await copyFile(join(rules, doc.rules), join(out, 'backend/tests/integration/test_stated_rules.py'));
        await copyFile(join(rules, 'stated_support.py'), join(out, 'backend/tests/integration/stated_support.py'));
      }
      backend = await installBackend(join(out, 'backend'));
    });

    afterAll(async () => {
      await removeTempDir(work);
    });

    it('passes ruff check, ruff format --check and mypy --strict', async () => {
      expectSuccess(await backend.run(['ruff', 'check', '.']), 'ruff check .');
      expectSuccess(await backend.run(['ruff', 'format', '--check', '.']), 'ruff format --check .');
      expectSuccess(await backend.run(['mypy']), 'mypy');
    });

    it(`passes its own tests${doc.rules ? ' and the stated rules' : ''} on SQLite`, async () => {
      const result = await backend.run(['pytest', '--cov'], { env: { DATABASE_URL: undefined } });
      expectSuccess(result, 'pytest --cov');
      if (doc.rules) expect(result.stdout).toMatch(/test_stated_rules\.py \.{3}/);
    });
  });
}
