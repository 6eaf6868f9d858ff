/**
 * API lists and requirements written the ways other people write them (fixtures in
 * test/fixtures/markdown/written-by-others/): each derives the keys, uniques, soft deletes and
 * relations it states, reports what it did not understand, and generates a backend.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DomainModel, Entity } from '../../core/model/domain-model.js';
import { deriveModel, generate, InfraStackError } from '../../lib/index.js';
import { relationalSchema } from '../../core/schema/relational-schema.js';
import { STACK_NAMING } from '../../stacks/fastapi-sqlalchemy/constraint-names.js';

const dir = path.resolve('test/fixtures/markdown/written-by-others');
const files = (...names: string[]) => names.map((name) => path.join(dir, name));

const documents: [string, string[]][] = [
  ['the shop as first written', files('shop-as-first-written/api-list.md', 'shop-as-first-written/requirements.md')],
  ['a clinic with code-span headings, emoji and Python/SQL types', files('clinic-api.md', 'clinic-requirements.md')],
  ['a library written in Chinese', files('library-api.zh.md', 'library-requirements.zh.md')],
  ['events in Spanish, listed in a table first', files('eventos-api.es.md')],
  ['a task tracker with bullet endpoints and model headings', files('tasks-api.md')],
  ['a blog in Chinese with method and URL on label lines', files('blog-api.zh.md', 'blog-requirements.zh.md')],
  ['a storefront with SQL column definitions and field rules in sentences', files('storefront-api.md', 'storefront-requirements.md')],
  ['a blog with emoji, numbered bold titles, TypeScript types and tables after bullet lists', files('blog-emoji-api.md')],
  ['an inventory in Spanish, German and French, endpoints in bullets, tables after them', files('inventory-multilingual-api.md')],
  ['a school with Japanese headers, bold titles before code spans and endpoints in a fenced block', files('school-ja-api.md')],
  ['a clinic in Vietnamese listing every endpoint in an overview table, then a section per resource', files('clinic-overview-vi-api.md', 'clinic-overview-vi-requirements.md')],
  ['a forum in Chinese with collections under an item of another', files('forum-nested.zh.md')],
  ['recipes in Portuguese with example JSON bodies instead of tables', files('receitas-json-examples.pt.md')],
  ['a leave system in Chinese, rules run on with commas, a resource named like a request', files('leave-api.zh.md', 'leave-requirements.zh.md')],
  ['recipes in Spanish: an overview table, models apart, a collection listed under an item and deleted at the top', files('recetas-api.es.md', 'recetas-requisitos.es.md')],
  ['a terse fleet list: fields in fenced blocks, on one line and in braces, an example after the bullets', files('fleet-terse-api.md')],
  ['courses in German and English: model headings with a second name, enrollments under a course and a student', files('kurse-api.de.md')],
  ['a terse fleet list: an endpoint table naming filters, rules in short bullets, a column the server sets', files('fleet-mgmt-api.md', 'fleet-mgmt-requirements.md')],
  ['a clinic in Japanese: responses labelled with their status in brackets', files('clinic-api.ja.md', 'clinic-requirements.ja.md')],
  ['a library in Spanish: enumerado(...) types', files('biblioteca-api.es.md', 'biblioteca-requisitos.es.md')],
  ['a mall in Chinese: the prefix in a sentence, a note after a heading\'s path, the items of a field in a table of their own', files('mall-api.zh.md', 'mall-requirements.zh.md')],
  ['a veterinary clinic in French: plurals in -aux, defaults and lists in words, the database in a sentence', files('cabinet-veterinaire-api.fr.md', 'cabinet-veterinaire-exigences.fr.md')],
  ['a gym in Korean: Korean column headers, Y/N, defaults, uniques and codes in the notes', files('gym-api.ko.md', 'gym-requirements.ko.md')],
  ['a help desk with example JSON bodies, lines on their fields after them, query strings as sent', files('helpdesk-json-examples-api.md', 'helpdesk-json-examples-requirements.md')],
  ['a library in Vietnamese: keys named in Vietnamese, an enum listed in its notes, a label with a gloss', files('thu-vien-api.vi.md', 'thu-vien-requirements.vi.md')],
  ['recipes in German: bullet endpoints, SQL and Python types, Literal[...], a "Felder:" label', files('rezepte-api.de.md', 'rezepte-anforderungen.de.md')],
  ['events in Japanese: an endpoint table, codes glossed in brackets', files('events-api.ja.md', 'events-requirements.ja.md')],
  ['a tracker wiki: emoji headings, the type column first, one of ... — default ...', files('tracker-wiki-api.md', 'tracker-wiki-requirements.md')],
  ['a clinic in Spanish: a change table repeating a field bare, rules joined by "y", a cascade "en cascada"', files('clinica-sanrafael-api.es.md', 'clinica-sanrafael-requisitos.es.md')],
  ['a library in French: "liste d\'entiers", a deletion said not to cascade, many-to-many in words', files('bibliotheque-municipale-api.fr.md', 'bibliotheque-municipale-exigences.fr.md')],
  ['an inventory in Japanese: labels with the code name in brackets, a bound repeated bare, cascades in Japanese', files('zaiko-api.ja.md', 'zaiko-requirements.ja.md')],
  ['a school in Vietnamese: paths in Vietnamese words, a key qualified after its entity', files('truong-hoc-api.vi.md', 'truong-hoc-yeu-cau.vi.md')],
  ['a course platform in Chinese: status-code tables under endpoints, Java types, a migration tool beside the database', files('course-platform-api.zh.md', 'course-platform-requirements.zh.md')],
  ['food delivery in Vietnamese: a type with its format in brackets', files('giao-do-an-api.vi.md', 'giao-do-an-yeu-cau.vi.md')],
  ['a hotel as a Notion export: bare endpoint bullets, the data model a bullet per field in the requirements', files('hotel-notion-api.md', 'hotel-notion-requirements.md')],
  ['a design doc from Google Docs: endpoint tables, JSON with comments, the entities as bold labels over bullets', files('tasklane-api.md', 'tasklane-requirements.md')],
  ['a vet clinic in Spanish: the fields of a create as bullets under its endpoint', files('huellitas-api.es.md', 'huellitas-requisitos.es.md')],
  ['a warehouse in Chinese as a MyBatis-Plus team writes it: R<IPage<T>>, /page and /list paths, a 数据库设计', files('wms-mybatis-api.zh.md', 'wms-mybatis-requirements.zh.md')],
  ['meeting rooms in a Japanese 社内仕様書: an API一覧 table, sections titled with their verbs, ○/× required', files('kaigishitsu-api.ja.md', 'kaigishitsu-requirements.ja.md')],
  ['coffee subscriptions as an API Blueprint export: resource headings with URI templates, actions by method', files('brewbox-blueprint-api.md', 'brewbox-blueprint-requirements.md')],
  ['a rental agency in Italian: an endpoint table, then a section of fields per resource', files('agenzia-affitti-api.it.md', 'agenzia-affitti-requisiti.it.md')],
  ['a startup wiki: TypeScript types and interfaces, Express paths, a TODO heading', files('tasky-wiki-api.md', 'tasky-wiki-requirements.md')],
  ['invoicing written by a product manager: Method/Path lines, Yes/No and List of IDs types', files('invoicing-pm-api.md', 'invoicing-pm-requirements.md')],
  ['a warehouse with Pydantic models and an endpoint named again in the requirements', files('warehouse-pydantic-api.md', 'warehouse-pydantic-requirements.md')],
  ['an HR system in formal Chinese: key/value endpoint tables, departments and employees keyed to each other', files('hr-spec-api.zh.md', 'hr-spec-requirements.zh.md')],
  ['a community in casual Chinese: a title before the method, JSON bodies with comments', files('community-casual-api.zh.md', 'community-casual-requirements.zh.md')],
  ['a CRM whose answers come in an envelope its Response Format section shows', files('crm-envelope-api.md')],
  ['a blog in Chinese by a frontend developer: TypeScript requests, envelope, page and aliases', files('blog-ts-frontend-api.zh.md', 'blog-ts-frontend-requirements.zh.md')],
  ['a podcast host written tersely: endpoint lines one under another, then the fields, Java types, a `what | pick` stack', files('podcast-terse-api.md', 'podcast-terse-requirements.md')],
  ['a project tracker in Indonesian: headers this reader has no words for, an example call with ids in its path', files('proyek-api.id.md', 'proyek-requirements.id.md')],
  ['a language school in Polish: endpoints in fenced blocks, SQL types, Polish plurals in the paths', files('szkola-api.pl.md', 'szkola-requirements.pl.md')],
  ['ticketing in Confluence style: user stories, fields in sentences, enums in the type column, acceptance criteria', files('ticketing-confluence-api.md', 'ticketing-confluence-requirements.md')],
  ['IoT as OpenAPI-ish markdown: endpoint headings with params and bodies as bullets, rules with pronouns and SQL', files('iot-openapi-ish-api.md', 'iot-openapi-ish-requirements.md')],
  ['group buying in Chinese by a Java developer: 接口文档 sections, VO tables under response lines, declared keys', files('tuangou-api.zh.md', 'tuangou-requirements.zh.md')],
  ['meeting rooms in a Japanese 設計書: an API一覧 with API名, sections titled by it, 物理名 columns, 部署（departments）', files('kaigishitsu-sekkeisho-api.ja.md', 'kaigishitsu-sekkeisho-requirements.ja.md')],
  ['courses in Latin-American Spanish: headings with emoji and accents, ¿Obligatorio?, rules in paragraphs', files('cursos-api.es.md', 'cursos-requisitos.es.md')],
  ['a motor pool: a soft delete by the document\'s own `retired_at`, trips soft deleted with it, `money (EUR)`', files('motorpool-api.md', 'motorpool-requirements.md')],
  ['projects in Chinese: soft deletes by the documents\' own flags (`is_deleted` named by the rule, a task\'s `del_flag`, a label\'s `deleted`)', files('projects-flag-api.zh.md', 'projects-flag-requirements.zh.md')],
  // Written by a fresh pair of eyes, in three styles this reader had not seen, each stopping it before these fixes.
  ['a veterinary clinic by a Spanish PM: `enum` and "Ver valores arriba", glossed codes, `pagina / por_pagina` in one row, wrapped paragraphs', files('veterinaria-api.es.md', 'veterinaria-requisitos.es.md')],
  ['a library written tersely: an endpoint table, TypeScript types, `name` (required): string, bullets carrying body and answer', files('library-terse-api.md', 'library-terse-requirements.md')],
  ['a WMS in Chinese with camelCase fields: 列表项字段 tables, 关联查询 notes, a soft delete adding its own is_deleted', files('wms-camel-api.zh.md', 'wms-camel-requirements.zh.md')],
  // Six more by a fresh pair of eyes, in styles this reader had not seen (five stopped it before these fixes).
  ['a dental practice in German: a Gitea wiki, `nein*` with a footnote, `Patient 1 : n Termin`, patients never deleted physically', files('zahnarztpraxis-api.de.md', 'zahnarztpraxis-anforderungen.de.md')],
  ['a marketplace in Brazilian Portuguese: bold methods in bullets, `Exemplo POST /lojas/8/produtos:` examples, `(tabela itens_pedido)`', files('feira-api.pt.md', 'feira-requisitos.pt.md')],
  ['a task tracker in Korean: `- Method:`/`- URL:` lines, `**Response** (content 안의 항목)`, a soft delete said not to be one', files('tasks-notion-api.ko.md', 'tasks-notion-requirements.ko.md')],
  ['a fleet exported from Google Docs: bold lines for headings, escaped underscores, `server` and `from URL` in the required column', files('fleet-gdocs-api.md', 'fleet-gdocs-requirements.md')],
  ['recipes in Traditional Chinese on HackMD: `### [GET] /api/recipes`, `### 資料欄位`, 預設 and 刪除', files('recipes-tw-api.zh.md', 'recipes-tw-requirements.zh.md')],
  ['a circulation service written OpenAPI-ish: YAML schemas in fenced blocks, `author_id -> authors.id (on delete restrict)`', files('circ-svc-api.md', 'circ-svc-requirements.md')],
  // Four more: a Confluence-style CRM, a formal Chinese HR spec, a Mexican freelancer's README, a DBA's SQL data model.
  ['a CRM in Confluence style: `**Endpoint**:` lines, fields as bullets with types in brackets, deals archived by a flag', files('crm-jira-api.md', 'crm-jira-requirements.md')],
  ['an HR system in formal Chinese: 序号 and 长度 columns, codes in 备注, logical deletes by delFlag', files('hr-formal-api.zh.md', 'hr-formal-requirements.zh.md')],
  ['event tickets in Mexican Spanish: `### Crear evento (POST /eventos)`, `¿Requerido?`, `depende`, tickets cancelled not deleted', files('eventos-mx-api.es.md', 'eventos-mx-requisitos.es.md')],
  ['an inventory whose data model is SQL: `CREATE TABLE` blocks with REFERENCES, ON DELETE, UNIQUE and CHECK, a terse bullet list', files('inventory-ddl-api.md', 'inventory-ddl-requirements.md')],
  // A Japanese 設計書 by a fresh pair of eyes (its tech stack rows changed from Java/Spring to the stack installed here).
  ['event tickets in a Japanese 設計書: headings naming the API名 and No. of an API一覧, 項目名/物理名 tables, rules wrapped mid-sentence', files('tickets-sekkei-api.ja.md', 'tickets-sekkei-requirements.ja.md')],
  ['a hotel in a French Confluence export: RG-nn rules wrapped at a width, `date-heure`, an update listing some of a status\'s values', files('hotel-confluence-api.fr.md', 'hotel-confluence-regles.fr.md')],
];

function entity(model: DomainModel, name: string): Entity {
  const found = model.entities.find((e) => e.name === name);
  if (!found) throw new Error(`no entity ${name} among ${model.entities.map((e) => e.name).join(', ')}`);
  return found;
}

const uniques = (model: DomainModel, name: string) => entity(model, name).uniques.map((u) => u.fields.join('+'));
const keys = (model: DomainModel, name: string) => entity(model, name).foreignKeys.map((k) => `${k.field}->${k.target} ${k.onDelete}`);
const softDeleted = (model: DomainModel) => model.entities.filter((e) => e.softDelete).map((e) => e.name);
const links = (model: DomainModel) => model.relations.map((r) => `${r.kind} ${r.from}.${r.field}->${r.to}${r.softDeleteCascade ? ' (soft deleted with it)' : ''}`);

describe('markdown written by others', () => {
  it.each(documents)('generates a backend from %s', async (_name, apiFiles) => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-others-'));
    const result = await generate({ apiFiles, outDir: out, dryRun: true });
    expect(result.created).toEqual(expect.arrayContaining(['backend/app/main.py', 'backend/app/infrastructure/repositories/base.py']));
  });

  it('the Notion hotel: bare endpoints serve the data model the requirements give, a bullet per field, cancel sets the status', async () => {
    const model = await deriveModel({ apiFiles: files('hotel-notion-api.md', 'hotel-notion-requirements.md') });
    expect(model.entities.map((e) => e.name)).toEqual(['Guest', 'Room', 'Booking']);
    expect(uniques(model, 'Guest')).toEqual(['email']);
    expect(uniques(model, 'Room')).toEqual(['floor+number']);
    // `- **guest_id** — references Guest, required`: the uuid of a guest.
    expect(entity(model, 'Booking').fields.find((f) => f.name === 'guest_id')?.type).toEqual({ kind: 'string', format: 'uuid' });
    expect(keys(model, 'Booking')).toEqual(['guest_id->Guest CASCADE', 'room_id->Room RESTRICT']);
    // "All of them are soft deleted.", "Deleting a guest deletes their bookings.": with the guest, soft.
    expect(softDeleted(model)).toEqual(['Guest', 'Room', 'Booking']);
    expect(links(model)).toContain('many-to-one Booking.guest_id->Guest (soft deleted with it)');
    // `- POST /bookings/{id}/cancel — cancel a booking`, a booking's status one of pending, confirmed, cancelled.
    expect(model.operations.find((op) => op.path === '/bookings/{id}/cancel')).toMatchObject({ kind: 'action', sets: { changes: [{ field: 'status', value: 'cancelled' }] } });
  });

  it('the Tasklane design doc: bold labels over bullets, arrows to keys, pairs unique, a join type linking two', async () => {
    const model = await deriveModel({ apiFiles: files('tasklane-api.md', 'tasklane-requirements.md') });
    expect(model.entities.map((e) => e.name).sort()).toEqual(['Comment', 'Label', 'Project', 'Task', 'Team', 'TeamMembership', 'User']);
    // `- team_id: uuid → Team`, `- created_at / updated_at: timestamp`, `- (team_id, user_id) is unique` among the fields.
    expect(keys(model, 'TeamMembership')).toEqual(['team_id->Team SET NULL', 'user_id->User SET NULL']);
    expect(uniques(model, 'TeamMembership')).toEqual(['team_id+user_id']);
    expect(uniques(model, 'Label')).toEqual(['team_id+name']);
    // `number: int, required — per-project sequence; (project_id, number) unique`: among the project's tasks.
    expect(uniques(model, 'Task')).toEqual(['project_id+number']);
    expect(entity(model, 'Task').fields.filter((f) => f.name === 'created_at' || f.name === 'updated_at')).toHaveLength(2);
    // "Users can belong to many teams; a team has many users (through TeamMembership)": no key of a user to one team.
    expect(entity(model, 'User').fields.map((f) => f.name)).not.toContain('team_id');
    // "…tasks of projects that belong to the label's team": a clause, no key of a project to a label.
    expect(entity(model, 'Project').fields.map((f) => f.name)).not.toContain('label_id');
    expect(model.warnings?.map((w) => w.message)).toContain('the rule "A label can only be attached to tasks of projects that belong to the label\'s team." names no two types the reader could tell; ignored');
    expect(softDeleted(model)).toEqual(['Project']);
  });

  it('the Spanish vet clinic: a create\'s fields as bullets under it, values listed after the brackets', async () => {
    const model = await deriveModel({ apiFiles: files('huellitas-api.es.md', 'huellitas-requisitos.es.md') });
    expect(model.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Tutor', 'Mascota', 'Veterinario', 'Cita', 'Consulta']));
    expect(uniques(model, 'Tutor')).toEqual(['telefono', 'correo']);
    const especie = entity(model, 'Mascota').fields.find((f) => f.name === 'especie')!;
    expect(especie.required).toBe(true);
    expect(model.enums.find((e) => e.name === (especie.type as { name: string }).name)?.values).toEqual(['perro', 'gato', 'ave', 'conejo', 'otro']);
    expect(keys(model, 'Mascota')).toEqual(['tutor_id->Tutor RESTRICT']);
    expect(entity(model, 'Tutor').fields.find((f) => f.name === 'acepta_publicidad')).toMatchObject({ type: { kind: 'boolean' }, default: false });
  });

  it('the Japanese meeting rooms: 会議室 is the rooms of 会議室登録, its soft delete and its name unique per building', async () => {
    const model = await deriveModel({ apiFiles: files('kaigishitsu-api.ja.md', 'kaigishitsu-requirements.ja.md') });
    expect(softDeleted(model)).toEqual(['Room']);
    expect(uniques(model, 'Room')).toEqual(['building_id+name']);
    expect(entity(model, 'Room').fields.find((f) => f.name === 'capacity')?.type).toEqual({ kind: 'integer' });
    // `` `GENERAL`（一般）/ `EXECUTIVE`（役員用）/ `TRAINING`（研修室） `` in the notes of 利用区分.
    expect(model.enums.find((e) => e.name === 'RoomUsageType')?.values).toEqual(['GENERAL', 'EXECUTIVE', 'TRAINING']);
  });

  it('the API Blueprint export: `### Customers Collection [/customers{?page,per_page,email}]` and `#### List customers [GET]`', async () => {
    const model = await deriveModel({ apiFiles: files('brewbox-blueprint-api.md', 'brewbox-blueprint-requirements.md') });
    // `HOST: https://api.brewbox.io/v2`.
    expect(model.basePath).toBe('/v2');
    expect(model.entities.map((e) => e.name)).toEqual(['Customer', 'Product', 'Subscription', 'Address', 'Shipment']);
    const op = (method: string, path: string) => model.operations.find((o) => o.method === method && o.path === path)!;
    expect(op('get', '/customers')).toMatchObject({ kind: 'list', summary: 'List customers' });
    // The template's query is the list's: page, per_page, an email filter; the create at the same path takes none.
    expect(op('get', '/customers').params.map((p) => [p.wireName, p.role])).toEqual([
      ['page', 'page'],
      ['per_page', 'limit'],
      ['email', 'filter'],
    ]);
    expect(op('post', '/customers')).toMatchObject({ kind: 'create', params: [] });
    expect(op('get', '/customers/{customer_id}').kind).toBe('get');
    // `+ Response 200 (application/json)` and no more under a row's endpoint: the row.
    expect(op('get', '/shipments/{shipment_id}').response.type).toEqual({ kind: 'object', name: 'Shipment' });
    expect(uniques(model, 'Customer')).toContain('email');
  });

  it('the MyBatis-Plus warehouse: /page and /list answer the IPage the document states, paged by current and size', async () => {
    const model = await deriveModel({ apiFiles: files('wms-mybatis-api.zh.md', 'wms-mybatis-requirements.zh.md') });
    const list = (path: string) => model.operations.find((op) => op.path === path && op.method === 'get')!;
    for (const path of ['/goods/page', '/inbound/page', '/category/list', '/warehouse/list', '/system/user/page']) {
      expect(list(path).kind, path).toBe('list');
      expect(list(path).response.page, path).toMatchObject({ kind: 'wrapper', itemsField: 'records', totalField: 'total', pageField: 'current', limitField: 'size' });
    }
    expect(list('/goods/page').params.map((p) => [p.wireName, p.role, p.default])).toEqual([
      ['current', 'page', 1],
      ['size', 'limit', 10],
      ['goodsName', 'filter', undefined],
      ['categoryId', 'filter', undefined],
    ]);
    // `/inbound` serves the design's `t_inbound_order` (InboundOrder, one word more): one entity, the design's table.
    expect(entity(model, 'Inbound').table).toBe('t_inbound_order');
    expect(model.entities.map((e) => e.name)).not.toContain('InboundOrder');
    // "用户密码使用 BCrypt 加密，接口不返回密码字段。"
    expect(entity(model, 'User').fields.find((f) => f.name === 'password')?.writeOnly).toBe(true);
  });

  it('the Italian rental agency: a section per resource gives its fields, from a table or bullets, wherever it stands in the section', async () => {
    const model = await deriveModel({ apiFiles: files('agenzia-affitti-api.it.md', 'agenzia-affitti-requisiti.it.md') });
    // `/immobili` of `### Immobile`, `/zone` of `### Zona`: Italian plurals, tables named as the paths.
    expect(model.entities.map((e) => `${e.name} ${e.table}`)).toEqual(['Zona zone', 'Proprietario proprietari', 'Immobile immobili', 'Inquilino inquilini', 'Contratto contratti']);
    // `Campi dell'immobile:` and a table after the section's search parameters; `sì`, `testo lungo`, `decimale`.
    const immobile = entity(model, 'Immobile');
    expect(immobile.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['riferimento', 'indirizzo', 'canone_mensile', 'descrizione']));
    expect(immobile.fields.find((f) => f.name === 'riferimento')?.required).toBe(true);
    expect(immobile.fields.find((f) => f.name === 'canone_mensile')?.type).toEqual({ kind: 'number', format: 'decimal' });
    // Bullets `` `nome`, `cognome` (testo, obbligatori) `` and `` `codice_fiscale` (testo di 16 caratteri, obbligatorio, univoco) ``.
    const inquilino = entity(model, 'Inquilino');
    expect(inquilino.fields.filter((f) => f.required && !f.system).map((f) => f.name)).toEqual(expect.arrayContaining(['nome', 'cognome', 'codice_fiscale', 'email']));
    expect(uniques(model, 'Proprietario')).toContain('codice_fiscale');
    // "Non si può eliminare una zona che contiene sottozone": its sub-zones keep it.
    expect(keys(model, 'Zona')).toEqual(['zona_padre_id->Zona RESTRICT']);
    // `"canone_mensile": 1250.00` in an example: an amount, not an integer.
    expect(entity(model, 'Contratto').fields.find((f) => f.name === 'canone_mensile')?.type.kind).toBe('number');
    // Rules in Italian: "vengono eliminati anche tutti i suoi contratti", "che ha ancora immobili ... non può essere eliminato",
    // "non vengono mai cancellati fisicamente", "solo contrassegnati come cancellati", "relazione molti-a-molti".
    expect(keys(model, 'Contratto')).toEqual(['immobile_id->Immobile CASCADE']);
    expect(keys(model, 'Immobile')).toEqual(expect.arrayContaining(['proprietario_id->Proprietario RESTRICT', 'zona_id->Zona SET NULL']));
    expect(softDeleted(model)).toEqual(['Proprietario', 'Inquilino']);
    expect(links(model).filter((link) => link.startsWith('many-to-many'))).toEqual(['many-to-many Contratto.inquilini_ids->Inquilino']);
    expect(uniques(model, 'Inquilino')).toContain('codice_fiscale');
  });

  it('the Vietnamese food delivery: cascades said in the passive, a key emptied, soft deletes marked only, a list\'s table its fields', async () => {
    const model = await deriveModel({ apiFiles: files('giao-do-an-api.vi.md', 'giao-do-an-yeu-cau.vi.md') });
    // "Khi xóa nhà hàng, toàn bộ danh mục và món ăn của nhà hàng đó cũng bị xóa theo."
    expect(keys(model, 'DanhMuc')).toContain('nha_hang_id->NhaHang CASCADE');
    expect(keys(model, 'MonAn')).toEqual(expect.arrayContaining(['nha_hang_id->NhaHang CASCADE', 'danh_muc_id->DanhMuc SET NULL']));
    // "Món ăn xóa mềm" (not `an`, the English article), "chỉ đánh dấu đã xóa (xóa mềm, cột da_xoa), không xóa khỏi cơ sở dữ liệu".
    expect(softDeleted(model)).toEqual(expect.arrayContaining(['NhaHang', 'MonAn']));
    // `Phản hồi: mảng danh mục.` and a table under the list: the category's fields.
    expect(entity(model, 'DanhMuc').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['ten', 'danh_muc_cha_id', 'thu_tu']));
    expect(uniques(model, 'NhaHang')).toEqual(expect.arrayContaining(['slug']));
  });

  it('the Chinese course platform: status-code tables skipped, a glossed heading names the entity its rules speak of', async () => {
    const model = await deriveModel({ apiFiles: files('course-platform-api.zh.md', 'course-platform-requirements.zh.md') });
    // `| 数据库迁移 | Alembic |` is no database row; `| 数据库 | PostgreSQL |` is.
    expect(model.database).toBe('postgresql');
    expect(entity(model, 'Course').fields.find((f) => f.name === 'price')?.type).toEqual({ kind: 'number', format: 'decimal' });
    // `手机号唯一` under `### 4.5 学员（student）` is the student's, under `### 4.2 讲师（teacher）` the teacher's.
    const reasonLine = (name: string) => entity(model, name).uniques.find((u) => u.fields.join() === 'phone')?.reason?.source.line;
    expect([reasonLine('Teacher'), reasonLine('Student')]).toEqual([40, 68]);
    // `学员与课程是多对多关系`: 学员 is the student of `学员（student）`.
    expect(links(model)).toContain('many-to-many Student.course_ids->Course');
    // "删除分类时，如果该分类下还有子分类，不允许删除": a category with subcategories is kept, its children keep it.
    expect(keys(model, 'Category')).toEqual(['parent_id->Category RESTRICT']);
  });

  it('the startup wiki: TypeScript declarations give the types, a subtask is a task, the stamps are the server\'s', async () => {
    const model = await deriveModel({ apiFiles: files('tasky-wiki-api.md', 'tasky-wiki-requirements.md') });
    const user = entity(model, 'User');
    expect(user.fields.find((f) => f.name === 'id')?.type).toEqual({ kind: 'string', format: 'uuid' });
    expect(model.enums.find((e) => e.name === 'UserRole')?.values).toEqual(['admin', 'member', 'guest']);
    expect(user.fields.find((f) => f.name === 'created_at')?.readOnly).toBe(true);
    // "users are never really deleted, just flagged".
    expect(softDeleted(model)).toEqual(['User']);
    const task = entity(model, 'Task');
    // "deleting a parent task deletes the subtasks too": the key `parentId` the interface declares, no `task_id` added.
    expect(keys(model, 'Task')).toContain('parent_id->Task CASCADE');
    expect(task.fields.map((f) => f.name)).not.toContain('task_id');
    expect(task.fields.find((f) => f.name === 'description')?.required).toBe(false);
    expect(task.fields.find((f) => f.name === 'due_date')?.type).toEqual({ kind: 'string', format: 'date' });
    // ``Comment = `{ id: string, ... }` `` on one line.
    expect(entity(model, 'Comment').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['author_id', 'body', 'edited_at']));
  });

  it('the warehouse: Pydantic models give the rows (In and Out as one, the Out-only fields the server\'s), an endpoint named again adds its query', async () => {
    const model = await deriveModel({ apiFiles: files('warehouse-pydantic-api.md', 'warehouse-pydantic-requirements.md') });
    expect(model.entities.map((e) => e.name).sort()).toEqual(['Item', 'Location', 'Movement', 'Supplier', 'Warehouse']);
    const item = entity(model, 'Item');
    expect(item.fields.find((f) => f.name === 'sku')).toMatchObject({ required: true, constraints: { maxLength: 40 } });
    expect(item.fields.find((f) => f.name === 'quantity_on_hand')).toMatchObject({ required: false, default: 0, constraints: { minimum: 0 } });
    expect(model.enums.find((e) => e.name === 'ItemUnit')?.values).toEqual(['pcs', 'kg', 'l', 'm']);
    expect(entity(model, 'Location').fields.find((f) => f.name === 'warehouse_id')?.readOnly).toBe(true);
    expect(model.operations.filter((op) => op.kind === 'custom')).toEqual([]);
  });

  it('the casual Chinese community: `- 注册 POST /users` bullets, and comments in JSON bodies as the fields\' notes', async () => {
    const model = await deriveModel({ apiFiles: files('community-casual-api.zh.md', 'community-casual-requirements.zh.md') });
    const user = entity(model, 'User');
    // `"username": "xiaoming",   // 必填，唯一，3-20位` and `"nickname": "小明",        // 可选，最多30字`.
    expect(uniques(model, 'User')).toEqual(expect.arrayContaining(['username', 'email']));
    expect(user.fields.find((f) => f.name === 'nickname')).toMatchObject({ required: false, constraints: { maxLength: 30 } });
    // `"status": "draft", // 默认 draft，可选 draft/published/archived`.
    expect(entity(model, 'Post').fields.find((f) => f.name === 'status')).toMatchObject({ default: 'draft', type: { kind: 'enum', name: 'PostStatus' } });
    expect(model.enums.find((e) => e.name === 'PostStatus')?.values).toEqual(['draft', 'published', 'archived']);
  });

  it('the product manager\'s invoicing: a response table under a create gives the fields the server sets, rules keep to their entities', async () => {
    const model = await deriveModel({ apiFiles: files('invoicing-pm-api.md', 'invoicing-pm-requirements.md') });
    // `Response: the created Invoice.` and a table: `status` (always Draft on creation) and `total` are the invoice's, the server's.
    const invoice = entity(model, 'Invoice');
    expect(invoice.fields.find((f) => f.name === 'status')).toMatchObject({ readOnly: true, type: { kind: 'enum', name: 'InvoiceStatus' } });
    // "The status is one of: Draft, Sent, Paid, Overdue, Void" under `### 4.4 Invoices`: not the customer's status.
    expect(model.enums.map((e) => e.name)).toEqual(['InvoiceStatus']);
    expect(entity(model, 'Customer').fields.find((f) => f.name === 'status')?.default).toBe('Active');
    // "its lines are deleted along with it"; "Deleting a category just removes it from the products" (no cascade, no key);
    // "Products can be tagged with one or more categories": many-to-many; `Soft delete.` under `DELETE /invoices/{id}`.
    expect(keys(model, 'Line')).toContain('invoice_id->Invoice CASCADE');
    expect(keys(model, 'Product')).toEqual([]);
    expect(links(model)).toContain('many-to-many Product.category_ids->Category');
    expect(softDeleted(model)).toContain('Invoice');
    // "When a customer is deleted, we do not actually remove them: we mark them as deleted" (under `### 4.1 Customers`).
    expect(softDeleted(model)).toContain('Customer');
    expect((model.warnings ?? []).map((w) => w.message).join('\n')).not.toContain('names "Soft delete"');
  });

  it('the formal Chinese HR system and the product manager\'s invoicing: every document derives, with its entities', async () => {
    const hr = await deriveModel({ apiFiles: files('hr-spec-api.zh.md', 'hr-spec-requirements.zh.md') });
    expect(hr.entities.length).toBe(5);
    // `deptId`, `empId` only in the answers, named by `/depts/{deptId}`: the keys, and `createTime` the row's stamp.
    const dept = entity(hr, 'Dept');
    expect(dept.fields.find((f) => f.name === dept.primaryKey.field)?.wireName).toBe('deptId');
    expect(entity(hr, 'Employee').fields.find((f) => f.name === 'id')?.wireName).toBe('empId');
    expect(dept.fields.filter((f) => f.stamp !== undefined).map((f) => f.wireName)).toEqual(['createTime', 'updateTime']);
    // `手机号码，11 位，不可重复`; `员工状态：PROBATION 试用，REGULAR 正式，RESIGNED 离职`.
    expect(uniques(hr, 'Employee')).toContain('mobile');
    expect(hr.enums.find((e) => e.name === 'EmployeeEmpStatus')?.values).toEqual(['PROBATION', 'REGULAR', 'RESIGNED']);
    // `考勤记录为物理删除` though employees are soft deleted; `请假申请不允许物理删除` is a soft delete.
    expect(softDeleted(hr)).toEqual(['Employee', 'Leave']);
    // `| pageSize | Integer | 否 | 10 | 每页条数 |`
    const deptList = hr.operations.find((op) => op.kind === 'list' && op.path === '/depts')!;
    expect(deptList.params.find((p) => p.role === 'limit')?.default).toBe(10);
    const invoicing = await deriveModel({ apiFiles: files('invoicing-pm-api.md', 'invoicing-pm-requirements.md') });
    const fields = invoicing.entities.flatMap((e) => e.fields.map((f) => [f.name, f.type] as const));
    expect(fields.filter(([, type]) => type.kind === 'boolean').length).toBeGreaterThan(0);
  });

  it('the Spanish clinic: a bare repeat of a field keeps its values, "y cada" joins two rules, "en cascada con" cascades', async () => {
    const model = await deriveModel({ apiFiles: files('clinica-sanrafael-api.es.md', 'clinica-sanrafael-requisitos.es.md') });
    // `| estado | cadena | Sí |` under PATCH repeats the create's `estado`, listed "Uno de: pendiente, ...".
    expect(entity(model, 'Cita').fields.find((f) => f.name === 'estado')?.type.kind).toBe('enum');
    // "Un paciente puede tener muchas citas y cada cita pertenece a un único médico": no key to Medico on Paciente.
    expect(keys(model, 'Paciente')).toEqual([]);
    expect(keys(model, 'Cita')).toEqual(['paciente_id->Paciente CASCADE', 'medico_id->Medico RESTRICT']);
    // `Filtrar por medico_id, paciente_id, estado.` in a paragraph under the list's heading; `Versión: 0.3.0`; `mayor que 0`.
    const list = model.operations.find((op) => op.kind === 'list' && op.path === '/citas')!;
    expect(list.params.filter((p) => p.role === 'filter').map((p) => p.wireName)).toEqual(['medico_id', 'paciente_id', 'estado']);
    expect(model.version).toBe('0.3.0');
    expect(entity(model, 'Medico').fields.find((f) => f.name === 'precio_consulta')?.constraints).toEqual({ exclusiveMinimum: 0 });
  });

  it('the Japanese inventory: 商品コード(product_code) names product_code, a bare repeat keeps the bound, 削除すると cascades', async () => {
    const model = await deriveModel({ apiFiles: files('zaiko-api.ja.md', 'zaiko-requirements.ja.md') });
    const product = entity(model, 'Product');
    expect(product.fields.find((f) => f.name === 'product_code')?.description).toMatch(/^商品コード/);
    expect(product.uniques.map((u) => u.fields.join('+'))).toContain('product_code');
    expect(keys(model, 'Stock')).toEqual(['product_id->Product CASCADE', 'warehouse_id->Warehouse RESTRICT']);
    expect(entity(model, 'Stock').fields.find((f) => f.name === 'quantity')?.constraints).toEqual({ minimum: 0 });
  });

  it('the Vietnamese school: tables named as its paths (no plural in Vietnamese), the teacher in charge a key to teachers', async () => {
    const model = await deriveModel({ apiFiles: files('truong-hoc-api.vi.md', 'truong-hoc-yeu-cau.vi.md') });
    expect(model.entities.map((e) => `${e.name} ${e.table}`)).toEqual(['GiaoVien giao_vien', 'Lop lop', 'HocSinh hoc_sinh']);
    expect(keys(model, 'Lop')).toContain('giao_vien_chu_nhiem_id->GiaoVien SET NULL');
  });

  it('the French library: a list of integers in French, a deletion said not to happen keeps the books, many-to-many in words', async () => {
    const model = await deriveModel({ apiFiles: files('bibliotheque-municipale-api.fr.md', 'bibliotheque-municipale-exigences.fr.md') });
    expect(keys(model, 'Livre')).toEqual([]);
    expect(links(model)).toContain('many-to-many Livre.auteur_ids->Auteur');
    expect((model.warnings ?? []).map((w) => w.message)).not.toContain('rule not understood, ignored: "Un auteur peut avoir plusieurs livres, et un livre peut avoir plusieurs auteurs."');
  });

  it('a Vietnamese library: keys named in Vietnamese, an enum listed in its notes, a type label with a gloss', async () => {
    const model = await deriveModel({ apiFiles: files('thu-vien-api.vi.md', 'thu-vien-requirements.vi.md') });
    // `danh_muc_id` beside the section `Danh mục` (/categories): a key to Category, and no `category_id` added beside it.
    expect(keys(model, 'Book')).toContain('danh_muc_id->Category RESTRICT');
    expect(keys(model, 'Loan')).toContain('doc_gia_id->Reader RESTRICT');
    expect(keys(model, 'ChiTietPhieuMuon').map((key) => key.split(' ')[0])).toContain('sach_id->Book');
    expect(entity(model, 'Book').fields.map((f) => f.name)).not.toContain('category_id');
    // `danh_muc_cha_id` on Danh mục: its own kind with a qualifier ("cha", parent), a key to another category.
    expect(keys(model, 'Category')).toEqual(['danh_muc_cha_id->Category SET NULL']);
    expect(model.relations.find((r) => r.field === 'danh_muc_cha_id')).toMatchObject({ selfReference: true, attribute: 'danh_muc_cha' });
    expect(entity(model, 'Loan').fields.map((f) => f.name)).not.toContain('reader_id');
    expect(links(model)).toContain('many-to-many Book.tac_gia_ids->Author');
    // `enum` alone, its values in the notes (`Một trong: dang_muon, da_tra, qua_han; mặc định dang_muon`).
    expect(model.enums.find((e) => e.name === 'LoanTrangThai')?.values).toEqual(['dang_muon', 'da_tra', 'qua_han']);
  });

  it('German plurals: the singular the document uses names the row, the path its table, so keys and lists of keys find their rows', async () => {
    const recipes = await deriveModel({ apiFiles: files('rezepte-api.de.md', 'rezepte-anforderungen.de.md') });
    // `/kategorien` beside `kategorie_id`, `/zutaten` beside `zutat_ids`, `/rezepte` beside `rezept_id`, `/bewertungen` beside "Bewertung löschen".
    // `/benutzer` under German titles: the plural is the noun itself.
    expect(recipes.entities.map((e) => `${e.name} ${e.table}`)).toEqual(['Benutzer benutzer', 'Kategorie kategorien', 'Zutat zutaten', 'Rezept rezepte', 'Bewertung bewertungen']);
    expect(recipes.entities.find((e) => e.name === 'Kategorie')!.reasons.table.rule).toBe("table name: the collection path's segment kategorien, the plural of Kategorie as the document writes it");
    expect(keys(recipes, 'Rezept')).toEqual(['autor_id->Benutzer RESTRICT', 'kategorie_id->Kategorie RESTRICT']);
    // `oberkategorie_id`: a compound ending with Kategorie, the parent category.
    expect(keys(recipes, 'Kategorie')).toEqual(['oberkategorie_id->Kategorie SET NULL']);
    expect(recipes.relations.find((r) => r.field === 'oberkategorie_id')).toMatchObject({ selfReference: true, attribute: 'oberkategorie' });
    expect(keys(recipes, 'Bewertung')).toEqual(['rezept_id->Rezept RESTRICT', 'benutzer_id->Benutzer RESTRICT']);
    expect(recipes.relations.filter((r) => r.kind === 'many-to-many').map((r) => r.joinTable?.table)).toEqual(['rezept_zutaten']);
    // "paginiert (`seite`, `pro_seite`; Standard 1 bzw. 25)", and "filterbar nach `kategorie_id`, `schwierigkeit`".
    const list = recipes.operations.find((op) => op.kind === 'list' && op.path === '/rezepte')!;
    expect(list.params.map((p) => [p.wireName, p.role, p.default])).toEqual([['seite', 'page', 1], ['pro_seite', 'limit', 25], ['kategorie_id', 'filter', undefined], ['schwierigkeit', 'filter', undefined]]);
  });

  it('the German bike rental: umlaut plurals name their row (Fahrrad of /fahrraeder), a plural that is its noun its table, a version in a clause', async () => {
    const rental = await deriveModel({ apiFiles: files('fahrradverleih-api.de.md', 'fahrradverleih-anforderungen.de.md') });
    expect(rental.version).toBe('0.4.0');
    expect(rental.entities.map((e) => `${e.name} ${e.table}`)).toEqual(['Kunde kunden', 'Station stationen', 'Kategorie kategorien', 'Fahrrad fahrraeder', 'Zubehoer zubehoer', 'Buchung buchungen']);
    expect(entity(rental, 'Fahrrad').reasons.table.rule).toBe("table name: the collection path's segment fahrraeder, the plural of Fahrrad as the document writes it");
    expect(entity(rental, 'Zubehoer').reasons.table.rule).toBe("table name: the collection path's segment zubehoer, as a German plural, the same word as its singular");
    // `fahrrad_id` finds its row once `/fahrraeder` is the collection of Fahrrad.
    expect(keys(rental, 'Buchung')).toEqual(['kunde_id->Kunde RESTRICT', 'fahrrad_id->Fahrrad RESTRICT']);
    // `Standard: false`, `…; Standard verfuegbar`: German defaults.
    expect(entity(rental, 'Kunde').fields.find((f) => f.name === 'ist_stammkunde')?.default).toBe(false);
    expect(entity(rental, 'Fahrrad').fields.find((f) => f.name === 'zustand')?.default).toBe('verfuegbar');
  });

  it('a Portuguese school: an endpoint table headed Método/Caminho/Descrição, dinheiro as a decimal, professores of Professor, a soft delete said in passing', async () => {
    const school = await deriveModel({ apiFiles: files('escola-api.pt.md', 'escola-requisitos.pt.md') });
    expect(school.entities.map((e) => `${e.name} ${e.table}`)).toEqual(['Aluno alunos', 'Turma turmas', 'Professor professores', 'Disciplina disciplinas', 'Mensalidade mensalidades']);
    expect(school.operations.filter((op) => op.path.startsWith('/alunos')).map((op) => op.kind)).toEqual(['list', 'create', 'get', 'update', 'delete']);
    expect(entity(school, 'Mensalidade').fields.find((f) => f.name === 'valor')?.type).toEqual({ kind: 'number', format: 'decimal' });
    // "Alunos nunca são apagados de verdade: a exclusão é lógica (soft delete)."
    expect(softDeleted(school)).toContain('Aluno');
    expect(keys(school, 'Mensalidade')).toContain('aluno_id->Aluno RESTRICT');
    // `um de: manha, tarde, noite`: an enum.
    expect(school.enums.find((e) => e.name === 'TurmaTurno')?.values).toEqual(['manha', 'tarde', 'noite']);
    // "(`pagina`, `tamanho`; padrão 1 e 20, no máximo 50)": the page size is tamanho, whatever name lists usually give it.
    const list = school.operations.find((op) => op.kind === 'list' && op.path === '/alunos')!;
    expect(list.params.filter((p) => p.role === 'page' || p.role === 'limit').map((p) => [p.wireName, p.role, p.default, p.constraints.maximum])).toEqual([['pagina', 'page', 1, undefined], ['tamanho', 'limit', 20, 50]]);
  });

  it('a Korean gym: rules in Korean (soft delete, cascade, keep, restrict), a key named as `다른 회원의 ID`', async () => {
    const gym = await deriveModel({ apiFiles: files('gym-membership-api.ko.md', 'gym-membership-requirements.ko.md') });
    // `회원을 삭제하면 출석 기록도 함께 삭제한다`: check-ins go with their member (soft deleted with it, as the member is).
    expect(softDeleted(gym)).toEqual(['Member', 'CheckIn']);
    expect(keys(gym, 'CheckIn')).toContain('member_id->Member CASCADE');
    // `회원이 있는 지점은 삭제할 수 없다`; `추천한 회원 (다른 회원의 ID)`: the member who referred this one.
    expect(keys(gym, 'Member')).toEqual(['branch_id->Branch RESTRICT', 'referrer_id->Member SET NULL']);
    // "페이지네이션을 지원합니다 (`page`, `size`; 기본값 1, 20, 최대 100)", and sort values "`name`, `-joined_on` 중 하나".
    const list = gym.operations.find((op) => op.kind === 'list' && op.path === '/members')!;
    expect(list.params.filter((p) => p.role !== 'filter').map((p) => [p.wireName, p.role])).toEqual([['sort', 'sort'], ['page', 'page'], ['size', 'limit']]);
    expect(list.params.find((p) => p.role === 'sort')!.type).toEqual({ kind: 'literal', values: ['name', '-joined_on'] });
  });

  it('a bookstore written in a hurry: fields as bullets under a label, a key to "another book", "just archive them (soft delete)"', async () => {
    const store = await deriveModel({ apiFiles: files('bookstore-quick-api.md', 'bookstore-quick-requirements.md') });
    const author = entity(store, 'Author');
    expect(author.fields.filter((f) => !f.system && f.name !== 'id').map((f) => `${f.name} ${f.required ? 'required' : 'optional'}`)).toEqual(['name required', 'bio optional', 'website optional']);
    expect(keys(store, 'Book')).toEqual(['author_id->Author RESTRICT', 'series_parent_id->Book SET NULL']);
    expect(softDeleted(store)).toEqual(['Customer']);
    // "everything paginated w/ page + per_page (default 1 / 30, cap 100)".
    const list = store.operations.find((op) => op.kind === 'list' && op.path === '/customers')!;
    expect(list.params.filter((p) => p.role === 'page' || p.role === 'limit').map((p) => [p.wireName, p.default, p.constraints.maximum])).toEqual([['page', 1, undefined], ['per_page', 30, 100]]);
  });

  it('German recipes and Japanese events: a Literal type, a "Felder:" label, codes glossed in brackets', async () => {
    const recipes = await deriveModel({ apiFiles: files('rezepte-api.de.md', 'rezepte-anforderungen.de.md') });
    expect(recipes.entities.map((e) => e.name)).toContain('Benutzer');
    expect(recipes.enums.find((e) => e.name === 'RezeptSchwierigkeit')?.values).toEqual(['leicht', 'mittel', 'schwer']);
    const events = await deriveModel({ apiFiles: files('events-api.ja.md', 'events-requirements.ja.md') });
    expect(events.enums.find((e) => e.name === 'ReservationStatus')?.values).toEqual(['pending', 'confirmed', 'cancelled']);
    // `主催者のユーザーID` on `organizer_id`: the user's ID, named in kana.
    expect(keys(events, 'Event')).toContain('organizer_id->User RESTRICT');
  });

  it('a tracker wiki: `one of` cut where a remark begins, and "leaves those tickets unassigned" never read as a soft delete', async () => {
    const model = await deriveModel({ apiFiles: files('tracker-wiki-api.md', 'tracker-wiki-requirements.md') });
    expect(model.enums.find((e) => e.name === 'TicketPriority')?.values).toEqual(['low', 'medium', 'high']);
    expect(softDeleted(model).sort()).toEqual(['Comment', 'User']);
    expect(keys(model, 'Ticket')).toContain('assignee_id->User SET NULL');
    // `A comment may reply to another comment`: the key the verb names, not a `parent_id` added beside it.
    expect(keys(model, 'Comment')).toContain('reply_to_id->Comment SET NULL');
    expect(entity(model, 'Comment').fields.map((f) => f.name)).not.toContain('parent_id');
  });

  it('a podcast host written tersely: a table after a run of endpoint lines is the resource\'s, `uniq`, `one X per (a, b)`, "never hard-deleted"', async () => {
    const model = await deriveModel({ apiFiles: files('podcast-terse-api.md', 'podcast-terse-requirements.md') });
    // `DELETE /api/shows/{id}  -> soft, see reqs` then `fields:` and a table: the show's fields, not the DELETE's query.
    expect(model.entities.map((e) => e.name).sort()).toEqual(['Episode', 'Host', 'Show', 'Subscription']);
    expect(model.operations.filter((op) => op.kind === 'custom')).toEqual([]);
    expect(model.operations.find((op) => op.method === 'delete' && op.path === '/shows/{id}')?.params.filter((p) => p.in === 'query')).toEqual([]);
    // "shows never hard-deleted, just set deletedAt"; "deleting an episode is hard delete" is understood, no warning.
    expect(softDeleted(model)).toEqual(['Show']);
    expect(model.warnings ?? []).toEqual([]);
    // "episode number uniq within show", "one sub per (showId, listenerEmail)".
    expect(uniques(model, 'Episode')).toEqual(['show_id+number']);
    expect(uniques(model, 'Subscription')).toEqual(['show_id+listener_email']);
    // `FREE/PRO/NETWORK`: codes with slashes and no spaces.
    expect(model.enums.find((e) => e.name === 'HostPlan')?.values).toEqual(['FREE', 'PRO', 'NETWORK']);
    // `| what | pick |` with `| db | postgres 16 |`: a stack table by what its rows name.
    expect(model.database).toBe('postgresql');
    expect(model.technologies?.map((t) => t.name)).toEqual(['Python', 'FastAPI', 'SQLAlchemy']);
  });

  it('a project tracker in Indonesian: columns found by their cells, comma-listed values an enum, an example call no endpoint', async () => {
    const model = await deriveModel({ apiFiles: files('proyek-api.id.md', 'proyek-requirements.id.md') });
    // `| No | Metode | Endpoint | Keterangan |` and `| Nama Field | Tipe Data | Wajib | Keterangan |`.
    expect(model.entities.map((e) => e.name)).toEqual(['Tim', 'Anggota', 'Proyek', 'Tugas']);
    // ``Contoh request `POST /api/proyek/14/tugas`:`` calls the declared `POST /api/proyek/{id}/tugas`.
    expect(model.operations.map((op) => `${op.method} ${op.path}`)).not.toContain('post /proyek/14/tugas');
    expect(model.operations).toHaveLength(20);
    expect(model.operations.filter((op) => op.kind === 'custom')).toEqual([]);
    // `Ya`/`Tidak`, `Harus unik`.
    expect(entity(model, 'Anggota').fields.filter((f) => f.required && !f.system && f.name !== 'id').map((f) => f.name)).toEqual(['nama_lengkap', 'email', 'peran', 'tim_id']);
    expect(uniques(model, 'Proyek')).toEqual(['kode']);
    expect(model.enums.find((e) => e.name === 'ProyekStatus')?.values).toEqual(['perencanaan', 'berjalan', 'selesai', 'dibatalkan']);
    expect(model.enums.find((e) => e.name === 'AnggotaPeran')?.values).toEqual(['admin', 'manajer', 'developer', 'tester']);
    // `| Basis data | PostgreSQL 15 |` under `| Komponen | Teknologi |`.
    expect(model.database).toBe('postgresql');
    // Rules in a language this reader does not know are reported under `## Aturan Bisnis`, not dropped.
    expect(model.warnings?.filter((w) => w.message.startsWith('rule not understood'))).toHaveLength(10);
  });

  it('a language school in Polish: `lektorzy` names the Lektor that `lektor_id` keys, tak/nie required, values in code spans', async () => {
    const model = await deriveModel({ apiFiles: files('szkola-api.pl.md', 'szkola-requirements.pl.md') });
    expect(entity(model, 'Lektor').table).toBe('lektorzy');
    // `Przykład odpowiedzi \`GET /v1/kursy/7\`:` labels a call's example, not the type: `## Kursy` holds Kurs rows.
    expect(entity(model, 'Kurs').table).toBe('kursy');
    expect(keys(model, 'Kurs')).toEqual(['lektor_id->Lektor RESTRICT']);
    expect(entity(model, 'Lektor').fields.filter((f) => !f.required).map((f) => f.name)).toContain('jezyki');
    expect(model.enums.find((e) => e.name === 'KursJezyk')?.values).toEqual(['angielski', 'niemiecki', 'hiszpanski', 'wloski', 'francuski']);
    expect(model.database).toBe('postgresql');
  });

  it('ticketing in Confluence style: fields in sentences, `reference to Ticket type`, codes listed as the type, numbered criteria', async () => {
    const model = await deriveModel({ apiFiles: files('ticketing-confluence-api.md', 'ticketing-confluence-requirements.md') });
    expect(model.entities.map((e) => e.name).sort()).toEqual(['Customer', 'Event', 'Order', 'TicketType', 'Venue']);
    // `- a **name** (required, up to 120 characters),` ... `- a **capacity**, which is a whole number and must be at least 1,`.
    const venue = entity(model, 'Venue');
    const field = (name: string) => venue.fields.find((f) => f.name === name)!;
    expect(venue.fields.filter((f) => !f.system && f.name !== 'id').map((f) => `${f.name} ${f.required ? 'required' : 'optional'}`)).toEqual(['name required', 'city required', 'address_line optional', 'capacity optional', 'contact_email optional', 'timezone required']);
    expect([field('name').constraints, field('capacity').type, field('capacity').constraints, field('timezone').default]).toEqual([{ maxLength: 120 }, { kind: 'integer' }, { minimum: 1 }, 'UTC']);
    // `| ticket type | reference to Ticket type |`: the key to TicketType, named in words.
    expect(keys(model, 'Order')).toEqual(['customer->Customer RESTRICT', 'ticket_type->TicketType RESTRICT']);
    // `DRAFT / ON_SALE / SOLD_OUT / CANCELLED / ARCHIVED` and `PENDING, PAID, CANCELLED, REFUNDED` where the type goes.
    expect(model.enums.map((e) => [e.name, e.values])).toEqual([['EventStatus', ['DRAFT', 'ON_SALE', 'SOLD_OUT', 'CANCELLED', 'ARCHIVED']], ['OrderStatus', ['PENDING', 'PAID', 'CANCELLED', 'REFUNDED']]]);
    // `**AC-6** Deleting an event does not remove it from the database: it is marked as archived`.
    expect(softDeleted(model)).toContain('Event');
    // `**AC-2** An order's quantity must be between 1 and 10`: the criterion's number is no part of it.
    expect(entity(model, 'Order').fields.find((f) => f.name === 'quantity')?.constraints).toEqual({ minimum: 1, maximum: 10 });
  });

  it('IoT as OpenAPI-ish markdown: a rule that says `it` or `(ON DELETE CASCADE)` is a warning, never a stop', async () => {
    const model = await deriveModel({ apiFiles: files('iot-openapi-ish-api.md', 'iot-openapi-ish-requirements.md') });
    expect(model.entities.map((e) => e.name)).toEqual(['Site', 'Thing', 'Alert', 'Reading']);
    expect(keys(model, 'Thing')).toEqual(['site_id->Site RESTRICT']);
    expect(model.warnings?.some((w) => w.message.includes('ON DELETE CASCADE'))).toBe(true);
  });

  it('group buying by a Java developer: a VO table under its response line, one enum in both documents, keys the documents declare', async () => {
    const model = await deriveModel({ apiFiles: files('tuangou-api.zh.md', 'tuangou-requirements.zh.md') });
    // `| leader_id | Long | 是 | 主键，自增 |`: the key, generated; no `id` beside it.
    expect(model.entities.map((e) => `${e.name} ${e.primaryKey.field}`)).toEqual(expect.arrayContaining(['Leader leader_id', 'Product product_id', 'Order order_id', 'OrderItem item_id']));
    expect(entity(model, 'Product').fields.map((f) => f.name)).not.toContain('id');
    expect(keys(model, 'OrderItem')).toEqual(['order_id->Order RESTRICT', 'product_id->Product RESTRICT']);
    // `0正常 1停用` in the API list and in the design: one enum.
    expect(model.enums.find((e) => e.name === 'LeaderStatus')?.values).toEqual(['0', '1']);
    expect(model.database).toBe('mysql');
  });

  it('meeting rooms in a Japanese 設計書: `### 3.1 部署登録（No.2）` details the listed 部署登録, `部署（departments）` names Department', async () => {
    const model = await deriveModel({ apiFiles: files('kaigishitsu-sekkeisho-api.ja.md', 'kaigishitsu-sekkeisho-requirements.ja.md') });
    expect(model.entities.map((e) => `${e.name} ${e.primaryKey.field}`)).toEqual(['Department department_id', 'Employee employee_id', 'Room room_id', 'Reservation reservation_id']);
    expect(model.operations.filter((op) => op.kind === 'custom')).toEqual([]);
    // In the order the body's table lists them (`### 3.4 予約登録（No.14）` details the listed 予約登録).
    expect(keys(model, 'Reservation')).toEqual(['employee_id->Employee RESTRICT', 'room_id->Room RESTRICT']);
    expect(uniques(model, 'Employee')).toEqual(expect.arrayContaining(['employee_no', 'email']));
    expect(softDeleted(model)).toEqual(['Employee']);
  });

  it('courses in Spanish: `### 📝 Inscripción` names Inscripcion, `curso + estudiante es única` its keys, a `baja lógica`', async () => {
    const model = await deriveModel({ apiFiles: files('cursos-api.es.md', 'cursos-requisitos.es.md') });
    expect(model.entities.map((e) => e.name)).toEqual(['Profesor', 'Curso', 'Estudiante', 'Inscripcion']);
    expect(model.operations.filter((op) => op.kind === 'custom')).toEqual([]);
    expect(uniques(model, 'Inscripcion')).toEqual(['curso_id+estudiante_id']);
    expect(softDeleted(model)).toEqual(['Curso']);
    // "Los listados se paginan con `pagina` (empieza en 1) y `tamano` (por defecto 20, máximo 50)".
    const list = model.operations.find((op) => op.kind === 'list' && op.path === '/profesores')!;
    expect(list.params.filter((p) => p.role === 'page' || p.role === 'limit').map((p) => [p.wireName, p.default, p.constraints.maximum])).toEqual([['pagina', 1, undefined], ['tamano', 20, 50]]);
  });

  it('an enum whose notes list no values is an error naming the field, not a guess', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-enum-'));
    const file = path.join(dir, 'api.md');
    await writeFile(file, '# API\n\n## Things\n\n### POST /things\n\n| Field | Type | Required | Notes |\n| --- | --- | --- | --- |\n| name | string | yes | |\n| kind | enum | yes | the kind of thing |\n');
    const error = await deriveModel({ apiFiles: [file] }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(InfraStackError);
    expect((error as InfraStackError).describe()).toMatch(/api\.md:10: field kind is an enum, but neither its type nor its notes list the values/);
  });

  it('the shop as first written: its prose gives a unique sku and tag name, and soft deleted users and orders', async () => {
    const model = await deriveModel({ apiFiles: documents[0]![1] });
    expect(uniques(model, 'Product')).toEqual(['sku']);
    expect(uniques(model, 'Tag')).toEqual(['name']);
    expect(softDeleted(model)).toEqual(['User', 'Order']);
    expect(links(model)).toEqual([
      'many-to-one OrderItem.order_id->Order',
      'many-to-one Category.parent_id->Category',
      'many-to-one Product.category_id->Category',
      'many-to-one Order.user_id->User (soft deleted with it)',
      'many-to-one OrderItem.product_id->Product',
      'many-to-many Product.tag_ids->Tag',
    ]);
    expect(entity(model, 'User').reasons.softDelete?.rule).toBe('rule "Deleting a user keeps their orders for accounting: orders are soft deleted with the user."');
    expect(entity(model, 'User').reasons.softDelete?.source).toMatchObject({ file: documents[0]![1][1], line: 16 });
    expect(model.warnings).toBeUndefined();
  });

  it('the mall: a prefix and a heading\'s path ended by Chinese punctuation, a field\'s items in their own table, a bound said not to hold', async () => {
    const model = await deriveModel({ apiFiles: documents[20]![1] });
    expect(model.basePath).toBe('/api/v1');
    expect(model.entities.map((e) => e.name)).toEqual(['User', 'Product', 'Order', 'OrderItem']);
    expect(model.operations.filter((op) => op.entity === 'Product').map((op) => `${op.method.toUpperCase()} ${op.path}`)).toContain('POST /products');
    // `items 字段：` then a table: the order's items, owned rows deleted with it (`订单删除时其明细一并删除`).
    expect(entity(model, 'Order').fields.find((f) => f.name === 'items')!.type).toEqual({ kind: 'array', items: { kind: 'object', name: 'OrderItem' } });
    expect(entity(model, 'OrderItem').owner).toMatchObject({ entity: 'Order', field: 'order_id' });
    expect(keys(model, 'OrderItem')).toEqual(['order_id->Order CASCADE', 'product_id->Product RESTRICT']);
    // `库存，不能小于0`: at least 0, not at most -1.
    expect(entity(model, 'Product').fields.find((f) => f.name === 'stock')!.constraints).toEqual({ minimum: 0 });
    expect(uniques(model, 'User')).toEqual(['phone']);
  });

  it('the terse fleet list: filters named in the endpoint table, plates are unique, drivers never hard-deleted, created_at set by the server', async () => {
    const model = await deriveModel({ apiFiles: files('fleet-mgmt-api.md', 'fleet-mgmt-requirements.md') });
    const list = (path: string) => model.operations.find((op) => op.method === 'get' && op.path === path)!.params.map((p) => p.name);
    expect(list('/vehicles')).toEqual(expect.arrayContaining(['fleet_id', 'status']));
    expect(list('/assignments')).toEqual(expect.arrayContaining(['driver_id', 'vehicle_id', 'active']));
    expect(uniques(model, 'Vehicle')).toContain('plate');
    expect(softDeleted(model)).toContain('Driver');
    expect(model.operations.find((op) => op.method === 'post' && op.path === '/fleets')!.input?.fields).toEqual(['name', 'region']);
  });

  it('the Japanese clinic and the Spanish library: statuses in brackets, enum words of their language', async () => {
    const clinic = await deriveModel({ apiFiles: files('clinic-api.ja.md', 'clinic-requirements.ja.md') });
    expect(clinic.entities.map((e) => e.name)).toEqual(['Patient', 'Doctor', 'Appointment']);
    const create = clinic.operations.find((op) => op.method === 'post' && op.path === '/patients')!;
    expect([create.kind, String(create.response.status)]).toEqual(['create', '201']);
    const library = await deriveModel({ apiFiles: files('biblioteca-api.es.md', 'biblioteca-requisitos.es.md') });
    const genero = entity(library, 'Libro').fields.find((f) => f.name === 'genero')!;
    expect(genero.type.kind).toBe('enum');
    expect(library.enums.find((e) => genero.type.kind === 'enum' && e.name === genero.type.name)!.values).toContain('novela');
    // `電話番号。重複不可`, `患者の電話番号は重複不可とする。`; `ISBN-13, no puede repetirse`, `El DNI de cada socio es único.`
    expect(uniques(clinic, 'Patient')).toContain('phone');
    expect(clinic.warnings?.map((w) => w.message).join('\n')).not.toContain('重複不可とする');
    expect(uniques(library, 'Libro')).toContain('isbn');
    expect(uniques(library, 'Socio')).toContain('dni');
    expect(library.warnings?.map((w) => w.message).join('\n')).not.toMatch(/DNI de cada socio|ISBN de un libro/);
  });

  it('the clinic: uniques and an index from notes, soft deletes and a cascade from its requirements, one rule not understood', async () => {
    const model = await deriveModel({ apiFiles: documents[1]![1] });
    expect(model.basePath).toBe('/v1');
    expect(model.entities.map((e) => e.name)).toEqual(['Doctor', 'Patient', 'Appointment']);
    expect(uniques(model, 'Doctor')).toEqual(['license_no', 'email']);
    expect(entity(model, 'Doctor').indexes.map((i) => i.fields.join('+'))).toContain('specialty');
    expect(uniques(model, 'Patient')).toEqual(['insurance_number']);
    expect(softDeleted(model)).toEqual(['Patient', 'Appointment']);
    expect(keys(model, 'Appointment')).toEqual(['doctor_id->Doctor CASCADE', 'patient_id->Patient RESTRICT']);
    expect(links(model)).toContain('many-to-one Appointment.patient_id->Patient (soft deleted with it)');
    const fields = Object.fromEntries(entity(model, 'Doctor').fields.map((f) => [f.name, f]));
    expect(fields.license_no).toMatchObject({ type: { kind: 'string' }, required: true, constraints: { maxLength: 32 } });
    expect(fields.bio).toMatchObject({ nullable: true, required: false });
    expect(fields.active).toMatchObject({ default: true });
    expect(fields.specialty!.type).toEqual({ kind: 'enum', name: 'DoctorSpecialty' });
    const appointment = Object.fromEntries(entity(model, 'Appointment').fields.map((f) => [f.name, f]));
    expect(appointment.status).toMatchObject({ default: 'scheduled' });
    expect(appointment.duration_min).toMatchObject({ default: 30 });
    const list = model.operations.find((op) => op.method === 'get' && op.path === '/doctors')!;
    expect(list.params.map((p) => [p.name, p.role])).toEqual([['page', 'page'], ['page_size', 'limit'], ['specialty', 'filter']]);
    expect(model.warnings?.map((w) => [w.message, w.source.line])).toEqual([['rule not understood, ignored: "A doctor\'s license number can never change once created."', 22]]);
  });

  it('the library in Chinese: notes in Chinese, references by section names, rules in Chinese', async () => {
    const model = await deriveModel({ apiFiles: documents[2]![1] });
    expect(model.basePath).toBe('/api/v2');
    expect(model.database).toBe('postgresql');
    expect(model.entities.map((e) => e.name)).toEqual(['Reader', 'Book', 'Loan']);
    expect(uniques(model, 'Reader')).toEqual(['card_no']);
    expect(uniques(model, 'Book')).toEqual(['isbn']);
    expect(entity(model, 'Book').fields.find((f) => f.name === 'stock')).toMatchObject({ default: 0 });
    expect(softDeleted(model)).toEqual(['Reader', 'Loan']);
    expect(keys(model, 'Loan')).toEqual(['reader_id->Reader RESTRICT', 'book_id->Book CASCADE']);
    expect(links(model)).toContain('many-to-one Loan.reader_id->Reader (soft deleted with it)');
    expect(entity(model, 'Reader').fields.find((f) => f.name === 'level')).toMatchObject({ default: 'normal' });
    expect(model.warnings?.map((w) => w.source.line)).toEqual([17]);
  });

  it('the Spanish events: endpoints listed in a table, then detailed; one rule in English, one not understood', async () => {
    const model = await deriveModel({ apiFiles: documents[3]![1] });
    expect(model.entities.map((e) => e.name)).toEqual(['Venue', 'Event']);
    expect(model.operations.map((op) => `${op.method.toUpperCase()} ${op.path} ${op.kind}`)).toEqual([
      'GET /venues list',
      'GET /venues/{venue_id} get',
      'DELETE /venues/{venue_id} delete',
      'GET /events list',
      'GET /events/{event_id} get',
      'PATCH /events/{event_id} patch',
      'DELETE /events/{event_id} delete',
      'POST /venues create',
      'POST /events create',
    ]);
    expect(uniques(model, 'Venue')).toEqual(['nombre']);
    expect(keys(model, 'Event')).toEqual(['venue_id->Venue CASCADE']);
    expect(model.warnings).toHaveLength(1);
  });

  it('the task tracker: bullets, model headings, TypeScript types and rules that add keys and links', async () => {
    const model = await deriveModel({ apiFiles: documents[4]![1] });
    expect(model.entities.map((e) => e.name)).toEqual(['Project', 'Task', 'Label']);
    expect(uniques(model, 'Project')).toEqual(['name']);
    expect(uniques(model, 'Label')).toEqual(['name']);
    expect(softDeleted(model)).toEqual(['Task']);
    expect(keys(model, 'Task')).toEqual(['project_id->Project CASCADE', 'parent_id->Task SET NULL']);
    expect(links(model)).toContain('many-to-many Task.label_ids->Label');
    expect(entity(model, 'Task').fields.find((f) => f.name === 'id')!.type).toEqual({ kind: 'integer' });
  });

  it('the blog in Chinese: endpoints from 请求方式/请求地址 lines, uniques from notes and from a rule sentence, MySQL', async () => {
    const model = await deriveModel({ apiFiles: documents[5]![1] });
    expect(model.database).toBe('mysql');
    expect(model.entities.map((e) => e.name)).toEqual(['Article', 'User', 'Comment']);
    expect(model.operations.filter((op) => op.entity === 'Article').map((op) => `${op.method.toUpperCase()} ${op.path} ${op.summary ?? ''}`)).toEqual([
      'POST /articles 创建文章',
      'GET /articles 文章列表',
      'GET /articles/{id} 文章详情',
      'DELETE /articles/{id} 删除文章',
    ]);
    expect(uniques(model, 'Article')).toEqual(['slug']);
    expect(uniques(model, 'User')).toEqual(['username', 'email']);
    expect(entity(model, 'User').uniques.map((unique) => unique.reason.rule)).toEqual(['rule "用户名唯一，邮箱唯一。"', 'rule "用户名唯一，邮箱唯一。"']);
    const title = entity(model, 'Article').fields.find((f) => f.name === 'title');
    expect(title).toMatchObject({ required: true, constraints: { maxLength: 100 } });
    // Articles are soft deleted, and deleting one deletes its comments: they are soft deleted with it.
    expect(softDeleted(model)).toEqual(['Article', 'Comment']);
    expect(links(model)).toContain('many-to-one Comment.article_id->Article (soft deleted with it)');
    expect(keys(model, 'Comment')).toEqual(['article_id->Article CASCADE', 'user_id->User RESTRICT', 'parent_id->Comment SET NULL']);
    expect(keys(model, 'Article')).toEqual(['author_id->User RESTRICT']);
    expect(model.warnings).toBeUndefined();
  });

  it('the storefront: SQL column definitions as types, a unique and values from rule sentences, a soft delete with its customer', async () => {
    const model = await deriveModel({ apiFiles: documents[6]![1] });
    expect(model.basePath).toBe('/v2');
    expect(model.database).toBe('postgresql');
    expect(model.entities.map((e) => e.name)).toEqual(['Customer', 'Product']);
    const customer = Object.fromEntries(entity(model, 'Customer').fields.map((f) => [f.name, f]));
    expect(customer.email).toMatchObject({ required: true, nullable: false, constraints: { maxLength: 255 } });
    expect(customer.phone).toMatchObject({ type: { kind: 'string' }, nullable: true });
    expect(customer.loyalty_points).toMatchObject({ type: { kind: 'integer' }, nullable: true, default: 0 });
    expect(uniques(model, 'Customer')).toEqual(['email']);
    expect(uniques(model, 'Product')).toEqual(['sku']);
    const product = Object.fromEntries(entity(model, 'Product').fields.map((f) => [f.name, f]));
    expect(product.weight_kg).toMatchObject({ type: { kind: 'number' }, nullable: true });
    expect(product.status!.type).toEqual({ kind: 'enum', name: 'ProductStatus' });
    expect(softDeleted(model)).toEqual(['Customer', 'Product']);
    expect(links(model)).toEqual(['many-to-one Product.customer_id->Customer (soft deleted with it)']);
    // Rule sentences in the requirements: a bound, a length, and values the table already gave (no warning).
    expect(product.price).toMatchObject({ constraints: { exclusiveMinimum: 0 } });
    expect(customer.full_name).toMatchObject({ constraints: { maxLength: 100 } });
    expect(model.warnings).toBeUndefined();
  });

  it('a rule under a rules heading naming no entity is an error at its line', async () => {
    const error = await deriveModel({ apiFiles: files('clinic-requirements.md') }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InfraStackError);
    expect((error as InfraStackError).describe()).toBe(`${files('clinic-requirements.md')[0]}:19: the rule "Appointments are soft deleted." names "Appointments", which is no entity of the documents`);
  });

  it('the blog: a table after bullet endpoints and one labelled "Tag model:" are resources; filters named in passing', async () => {
    const model = await deriveModel({ apiFiles: documents[7]![1] });
    expect(model.entities.map((e) => e.name)).toEqual(['Author', 'Post', 'Tag', 'Comment']);
    // Comments are listed and added under a post, and deleted at `/comments/:id`: one resource.
    const comments = model.operations.filter((op) => op.path.includes('comments')).map((op) => `${op.method} ${op.path} ${op.kind} ${op.entity ?? ''}`);
    expect(comments).toEqual(['post /posts/{postId}/comments create Comment', 'get /posts/{postId}/comments list Comment', 'delete /comments/{id} delete Comment']);
    expect(entity(model, 'Comment').pathScope).toEqual(['post_id']);
    expect(uniques(model, 'Author')).toEqual(['handle', 'email']);
    expect(softDeleted(model)).toEqual(['Author']);
    // "Deleting a post deletes its comments": the key the path also names cascades.
    expect(links(model)).toEqual(['many-to-one Post.author_id->Author', 'many-to-one Comment.post_id->Post', 'many-to-many Post.tag_ids->Tag']);
    expect(keys(model, 'Comment')).toEqual(['post_id->Post CASCADE']);
    const list = model.operations.find((op) => op.method === 'get' && op.path === '/posts')!;
    expect(list.params.filter((p) => p.role === 'filter').map((p) => p.name)).toEqual(['status', 'author_id']);
    expect(list.summary).toBe('List posts');
  });

  it('the inventory: the table after each list of endpoints is the resource, a read-only column leaves the create a create', async () => {
    const model = await deriveModel({ apiFiles: documents[8]![1] });
    expect(model.entities.map((e) => e.name)).toEqual(['Warehouse', 'Product', 'StockMovement']);
    expect(model.operations.filter((op) => op.kind === 'custom')).toEqual([]);
    expect(uniques(model, 'Warehouse')).toEqual(['codigo']);
    expect(keys(model, 'StockMovement')).toEqual(['product_id->Product RESTRICT']);
    expect(model.operations.find((op) => op.method === 'get' && op.path === '/products')!.params.filter((p) => p.role === 'filter').map((p) => p.name)).toEqual(['sku', 'category']);
    // A French rule naming the German section's resource in French is not understood, and says so.
    expect(model.warnings?.map((w) => w.source.line)).toEqual([57]);
  });

  it('the school: endpoints after bold titles and in a fenced block, query strings in passing, one key to a class', async () => {
    const model = await deriveModel({ apiFiles: documents[9]![1] });
    expect(model.entities.map((e) => e.name)).toEqual(['Student', 'Class', 'Course']);
    expect(model.operations.filter((op) => op.kind === 'custom')).toEqual([]);
    expect(model.operations.filter((op) => op.entity === 'Course').map((op) => op.kind)).toEqual(['create', 'list', 'get', 'update', 'delete']);
    // "A student belongs to a class": the homeroom_id that references Classes is that key; no second one.
    expect(keys(model, 'Student')).toEqual(['homeroom_id->Class SET NULL']);
    const list = model.operations.find((op) => op.method === 'get' && op.path === '/students')!;
    expect(list.params.filter((p) => p.role === 'filter').map((p) => p.name)).toEqual(['grade', 'homeroom_id']);
  });

  it('the clinic listed in an overview: each resource section gives its endpoints their body and its name for rules', async () => {
    const model = await deriveModel({ apiFiles: documents[10]![1] });
    expect(model.entities.map((e) => e.name)).toEqual(['Patient', 'Doctor', 'Appointment']);
    expect(model.operations.filter((op) => op.kind === 'custom')).toEqual([]);
    expect(uniques(model, 'Patient')).toEqual(['phone']);
    expect(uniques(model, 'Doctor')).toEqual(['license_no']);
    // "Bệnh nhân bị xóa mềm": the section `Bệnh nhân (Patients)` names the patients.
    expect(softDeleted(model)).toEqual(['Patient']);
    expect(keys(model, 'Appointment')).toEqual(['patient_id->Patient RESTRICT', 'doctor_id->Doctor RESTRICT']);
    expect(model.warnings?.map((w) => w.source.line)).toEqual([74]);
  });

  it('the forum: a collection under an item of another is a resource of its own, an action on the item stays custom', async () => {
    const model = await deriveModel({ apiFiles: documents[11]![1] });
    expect(model.entities.map((e) => e.name)).toEqual(['Topic', 'Reply', 'Bookmark']);
    const kinds = (entityName: string) => model.operations.filter((op) => op.entity === entityName).map((op) => `${op.kind} ${op.path}`);
    expect(kinds('Reply')).toEqual(['list /topics/{topicId}/replies', 'create /topics/{topicId}/replies', 'get /topics/{topicId}/replies/{replyId}', 'delete /topics/{topicId}/replies/{replyId}']);
    // Named by a heading of its own in a bullet list, with no path to one row: still its own collection.
    expect(kinds('Bookmark')).toEqual(['list /users/{userId}/bookmarks', 'create /users/{userId}/bookmarks']);
    expect(model.operations.filter((op) => op.kind === 'custom').map((op) => op.path)).toEqual(['/topics/{topicId}/close']);
    // Rows are created, listed and found under the item the path names.
    expect(entity(model, 'Reply').pathScope).toEqual(['topic_id']);
    expect(entity(model, 'Bookmark').pathScope).toEqual(['user_id']);
    // "引用的回复" ("the reply quoted"): the section `回复 Replies` names the replies in either script.
    // The topic a reply is created under is no key to it: the path takes 64-bit values, a topic's key is 32-bit.
    expect(keys(model, 'Reply')).toEqual(['quote_reply_id->Reply SET NULL']);
    expect(keys(model, 'Bookmark')).toEqual(['topic_id->Topic RESTRICT']);
  });

  it('the recipes: example JSON bodies give the fields a table would, typed by their values', async () => {
    const model = await deriveModel({ apiFiles: documents[12]![1] });
    expect(model.entities.map((e) => [e.name, e.table])).toEqual([['Receita', 'receitas'], ['Avaliacao', 'avaliacoes']]);
    const typed = (name: string) => entity(model, name).fields.filter((f) => !f.system).map((f) => `${f.name} ${f.type.kind}${'format' in f.type && f.type.format ? `(${f.type.format})` : ''}${f.required ? '' : '?'}`);
    // `criado_em` shown in the example answer: the row's creation time under the document's (Portuguese) name.
    expect(typed('Receita')).toEqual(['id integer', 'titulo string', 'tempo_preparo integer', 'vegano boolean', 'ingredientes array', 'nota number', 'criado_em string(date-time)']);
    expect(entity(model, 'Receita').fields.find((f) => f.name === 'criado_em')!.stamp).toBe('created');
    // A null in the example leaves the field optional; a date, an e-mail keep their formats.
    expect(typed('Avaliacao')).toEqual(['id integer', 'autor string(email)', 'estrelas integer', 'comentario string?', 'feita_em string(date)']);
    expect(model.operations.filter((op) => op.kind === 'custom')).toEqual([]);
  });

  it('the leave system: rules run on with commas are read clause by clause, and a resource named like a request is one', async () => {
    const model = await deriveModel({ apiFiles: documents[13]![1] });
    expect(model.entities.map((e) => e.name)).toEqual(['Employee', 'Department', 'LeaveRequest', 'LeaveType', 'Approval']);
    // "员工工号、邮箱全局唯一": two fields share one predicate; "假期类型编码不能重复".
    expect(uniques(model, 'Employee')).toEqual(['emp_no', 'email']);
    expect(uniques(model, 'LeaveType')).toEqual(['code']);
    // "请假申请删除为软删除" and "删除员工时，其所有请假申请一并删除".
    expect(softDeleted(model)).toEqual(['LeaveRequest']);
    expect(keys(model, 'LeaveRequest')).toEqual(['employee_id->Employee CASCADE', 'leave_type_id->LeaveType RESTRICT']);
    // "一条请假申请可以有多条审批记录": the approvals listed under a request key it.
    expect(keys(model, 'Approval')).toEqual(['leave_request_id->LeaveRequest RESTRICT']);
    // "部门下还有员工时不允许删除": the key written short (`dept_id`) keys the department, RESTRICT.
    // "每个部门只能有一个负责人，负责人必须是本部门员工" names no entity in its clauses: a warning, no key.
    expect(keys(model, 'Employee')).toEqual(['dept_id->Department RESTRICT']);
    expect(model.warnings?.map((w) => w.source.line)).toEqual([9, 11, 10]);
  });

  it('the recipes in Spanish: a collection listed under an item and deleted at the top is one resource, a cascade to a list of children', async () => {
    const model = await deriveModel({ apiFiles: documents[14]![1] });
    expect(model.entities.map((e) => [e.name, e.table])).toEqual([
      ['Usuario', 'usuarios'], ['Receta', 'recetas'], ['Categoria', 'categorias'], ['Ingrediente', 'ingredientes'], ['Comentario', 'comentarios'], ['Valoracion', 'valoraciones'],
    ]);
    const kinds = (entityName: string) => model.operations.filter((op) => op.entity === entityName).map((op) => `${op.kind} ${op.path}`);
    expect(kinds('Comentario')).toEqual(['list /recetas/{recetaId}/comentarios', 'create /recetas/{recetaId}/comentarios', 'delete /comentarios/{id}']);
    expect(kinds('Valoracion')).toEqual(['create /recetas/{recetaId}/valoraciones']);
    // The example `POST /recetas` body shows one request: the route still creates a Receta, required as its table says.
    expect(kinds('Receta')).toContain('create /recetas');
    expect(entity(model, 'Receta').fields.filter((f) => f.required && !f.system).map((f) => f.name)).toEqual(['id', 'titulo', 'tiempo_preparacion', 'dificultad', 'autor_id', 'publicada', 'creada_en']);
    // "Al eliminar una receta se eliminan también sus ingredientes, comentarios y valoraciones."
    expect(keys(model, 'Ingrediente')).toEqual(['receta_id->Receta CASCADE']);
    expect(keys(model, 'Comentario')).toEqual(['receta_id->Receta CASCADE', 'usuario_id->Usuario RESTRICT']);
    expect(keys(model, 'Valoracion')).toEqual(['receta_id->Receta CASCADE', 'usuario_id->Usuario RESTRICT']);
    expect(softDeleted(model)).toEqual(['Comentario']);
    expect(entity(model, 'Usuario').fields.find((f) => f.name === 'fecha_registro')!.type).toEqual({ kind: 'string', format: 'date-time' });
    expect(model.operations.filter((op) => op.kind === 'custom')).toEqual([]);
  });

  it('the fleet: fields listed in fenced blocks, on a line after the type, in braces after a POST, and as an example after the bullets', async () => {
    const model = await deriveModel({ apiFiles: documents[15]![1] });
    expect(model.entities.map((e) => e.name)).toEqual(['Vehicle', 'Driver', 'Depot', 'Assignment', 'Service', 'FuelLog']);
    const written = (name: string) => entity(model, name).fields.filter((f) => !f.system && f.name !== 'id').map((f) => `${f.name}${f.required ? '*' : ''} ${f.type.kind}${'format' in f.type && f.type.format ? `(${f.type.format})` : ''}`);
    // `vin*   string(17)   unique`, `purchased_on   Date` (a day, by its name).
    expect(written('Vehicle')).toEqual(['vin* string', 'plate* string', 'make* string', 'model* string', 'year* integer', 'odometer_km integer', 'status enum', 'depot_id integer', 'fleet_no string', 'purchased_on string(date)']);
    // `fleet_no  string(8)  unique per depot`: among a depot's vehicles only.
    expect(uniques(model, 'Vehicle')).toEqual(['vin', 'plate', 'depot_id+fleet_no']);
    // `POST /v1/depots {name*, city*, capacity: int}`.
    expect(written('Depot')).toEqual(['name* string', 'city* string', 'capacity integer']);
    // `FuelLog: vehicle_id* int, driver_id int, liters* decimal(6,2), ...`.
    expect(written('FuelLog').slice(0, 3)).toEqual(['vehicle_id* integer', 'driver_id integer', 'liters* number(decimal)']);
    // The example JSON after the drivers' bullets is their body.
    expect(written('Driver')).toEqual(['name* string', 'license_no* string', 'license_expires* string(date)', 'phone* string', 'active* boolean']);
    // `license_no unique.`, and `(unique vehicle_id + filled_at)` in a sentence.
    expect(uniques(model, 'Driver')).toEqual(['license_no']);
    expect(uniques(model, 'FuelLog')).toEqual(['vehicle_id+filled_at']);
    // `POST /v1/services/:id/complete — sets completed_at, status=done`: the verb's state and its moment.
    expect(model.operations.filter((op) => op.kind === 'custom').map((op) => op.path)).toEqual([]);
    expect(model.operations.find((op) => op.path === '/services/{id}/complete')?.sets?.changes).toEqual([
      { field: 'status', value: 'done' },
      { field: 'completed_at', now: true },
    ]);
  });

  it('the French clinic: animaux are Animal rows listed under their owner, defaults vrai/faux, lists of codes and words as enums, a length in words, PostgreSQL named in a sentence', async () => {
    const model = await deriveModel({ apiFiles: documents[21]![1] });
    expect(model.entities.map((e) => `${e.name} ${e.table}`)).toEqual(['Proprietaire proprietaires', 'Animal animaux', 'RendezVous rendez_vous']);
    expect(keys(model, 'RendezVous')).toEqual(['animal_id->Animal RESTRICT']);
    // `/proprietaires/{id}/animaux`: the owner's id is the animals' proprietaire_id, not their own id.
    const underOwner = model.operations.find((op) => op.path === '/proprietaires/{id}/animaux')!;
    expect(underOwner.params.map((p) => `${p.role} ${p.field}`)).toEqual(['scope proprietaire_id']);
    const field = (entityName: string, name: string) => entity(model, entityName).fields.find((f) => f.name === name)!;
    expect([field('Proprietaire', 'accepte_rappels').default, field('Animal', 'sterilise').default, field('RendezVous', 'urgence').default]).toEqual([true, false, false]);
    expect(model.enums.map((e) => `${e.name}: ${e.values.join(' ')}`)).toEqual(['AnimalEspece: chien chat lapin furet autre', 'RendezVousStatut: prevu confirme annule termine']);
    expect(field('RendezVous', 'statut').default).toBe('prevu');
    expect(field('Proprietaire', 'nom').constraints.maxLength).toBe(100);
    expect(model.database).toBe('postgresql');
    // Rules naming a field by its words: `numéro de puce` (numero_puce), `l'adresse e-mail d'un propriétaire` (its note), `la durée` (duree_minutes), `le poids` (poids_kg).
    expect(entity(model, 'Animal').uniques.map((u) => `${u.fields.join('+')}: ${u.reason.rule.slice(0, 11)}`)).toEqual(['numero_puce: rule "RG2 :']);
    expect(entity(model, 'Proprietaire').uniques.map((u) => `${u.fields.join('+')}: ${u.reason.rule.slice(0, 11)}`)).toEqual(['email: rule "RG3 :']);
    expect(field('RendezVous', 'duree_minutes').constraints).toEqual({ minimum: 15, maximum: 120 });
    expect(field('Animal', 'poids_kg').constraints).toEqual({ exclusiveMinimum: 0 });
    // RG4's "Un animal peut avoir plusieurs rendez-vous" is read: the key its rendez-vous hold to it.
    expect(keys(model, 'RendezVous').map((key) => key.split(' ')[0])).toContain('animal_id->Animal');
    expect(model.warnings?.map((w) => w.message.slice(0, 45))).toEqual([
      'rule not understood, ignored: "RG5 : Le statu',
      'rule not understood, ignored: "RG9 : On ne su',
    ]);
  });

  it('the Korean gym: 타입 and 필수 여부 columns, Y/N, 기본값 defaults, 중복 불가, codes after a label or slashed, MySQL in a Korean row', async () => {
    const model = await deriveModel({ apiFiles: documents[22]![1] });
    const member = entity(model, 'Member');
    expect(member.fields.filter((f) => !f.system && f.required).map((f) => f.name)).toEqual(['id', 'name', 'email', 'phone', 'membership_type', 'start_date', 'end_date']);
    expect(member.fields.find((f) => f.name === 'status')!.default).toBe('ACTIVE');
    expect(entity(model, 'Reservation').fields.find((f) => f.name === 'status')!.default).toBe('RESERVED');
    expect(member.uniques.map((u) => `${u.fields.join('+')}: ${u.reason.rule}`)).toEqual([expect.stringMatching(/^email: the field's note "이메일 \(중복 불가\)"/)]);
    expect(model.enums.map((e) => `${e.name}: ${e.values.join(' ')}`)).toEqual(['MemberGender: M F', 'MemberMembershipType: MONTHLY QUARTERLY YEARLY', 'ClassLevel: BEGINNER INTERMEDIATE ADVANCED']);
    expect(model.database).toBe('mysql');
    // `회원이 삭제되면 해당 회원의 예약도 함께 삭제된다`, `예약이 있는 수업은 삭제할 수 없다`: a cascade and a restrict in Korean.
    expect(keys(model, 'Reservation')).toEqual(['member_id->Member CASCADE', 'class_id->Class RESTRICT']);
    expect(entity(model, 'Reservation').foreignKeys.find((k) => k.field === 'member_id')!.reason?.rule).toMatch(/회원이 삭제되면/);
    // The rest of its rules, field rules and relations in Korean, are not read yet: each is named, none dropped in silence.
    expect(model.warnings?.filter((w) => w.message.startsWith('rule not understood')).length).toBe(7);
  });

  it('the help desk: lines after an example body say which fields are required, their values and defaults; a query string as sent names the filters', async () => {
    const model = await deriveModel({ apiFiles: documents[23]![1] });
    const input = (method: string, path: string) => model.operations.find((op) => op.method === method && op.path === path)!.input!;
    // `title` and `requester_email` are said to be required: the example's other fields are not.
    expect(input('post', '/tickets').required).toEqual(['title', 'requester_email']);
    const ticket = entity(model, 'Ticket');
    expect(ticket.fields.filter((f) => f.default !== undefined).map((f) => `${f.name}=${String(f.default)}`)).toEqual(['priority=normal', 'status=open']);
    expect(model.enums.find((e) => e.name === 'TicketPriority')!.values).toEqual(['low', 'normal', 'high', 'urgent']);
    expect(ticket.fields.find((f) => f.name === 'title')!.constraints.maxLength).toBe(200);
    // No line says an agent's field is required; the two with defaults need not be sent.
    expect(input('post', '/agents').required).toEqual(['name', 'email', 'team', 'max_open_tickets']);
    expect(entity(model, 'Comment').fields.find((f) => f.name === 'internal')!.default).toBe(false);
    const list = model.operations.find((op) => op.method === 'get' && op.path === '/tickets')!;
    expect(list.params.map((p) => `${p.name} ${p.role}`)).toEqual(['status filter', 'priority filter', 'assignee_id filter', 'page page', 'size limit']);
  });

  it('the courses: a heading naming its model in two languages, the collection that creates enrollments takes their flat item path', async () => {
    const model = await deriveModel({ apiFiles: documents[16]![1] });
    expect(model.entities.map((e) => e.name).sort()).toEqual(['Course', 'Enrollment', 'Instructor', 'Lesson', 'Student']);
    const kinds = (entityName: string) => model.operations.filter((op) => op.entity === entityName).map((op) => `${op.kind} ${op.path}`);
    expect(kinds('Enrollment')).toEqual([
      'list /courses/{courseId}/enrollments', 'create /courses/{courseId}/enrollments', 'patch /enrollments/{enrollmentId}', 'delete /enrollments/{enrollmentId}', 'list /students/{studentId}/enrollments',
    ]);
    // Listed under a student too: the path's value filters on the rows' own `student_id`.
    const byStudent = model.operations.find((op) => op.path === '/students/{studentId}/enrollments')!;
    expect(byStudent.params.filter((p) => p.in === 'path').map((p) => `${p.role} ${p.field}`)).toEqual(['scope student_id']);
    expect(entity(model, 'Course').fields.find((f) => f.name === 'start_date')!.type).toEqual({ kind: 'string', format: 'date' });
    expect(uniques(model, 'Course')).toEqual(['code']);
  });

  it('the motor pool: deleting sets the field the rule names, no deleted_at beside it; a note in brackets keeps a type\'s format', async () => {
    const model = await deriveModel({ apiFiles: files('motorpool-api.md', 'motorpool-requirements.md') });
    expect(softDeleted(model)).toEqual(['Vehicle', 'Trip']);
    const vehicle = entity(model, 'Vehicle');
    expect(vehicle.softDeleteField).toBe('retired_at');
    expect(vehicle.fields.map((f) => f.name)).not.toContain('deleted_at');
    expect(vehicle.fields.find((f) => f.name === 'retired_at')).toMatchObject({ readOnly: true, nullable: true, required: false, stamp: 'deleted' });
    // The trips, which no rule marks otherwise, get the added `deleted_at`.
    expect(entity(model, 'Trip').softDeleteField).toBeUndefined();
    expect(entity(model, 'Trip').fields.map((f) => f.name)).toContain('deleted_at');
    expect(links(model)).toEqual(['many-to-one Trip.vehicle_id->Vehicle (soft deleted with it)']);
    expect(vehicle.fields.find((f) => f.name === 'price')!.type).toEqual({ kind: 'number', format: 'decimal' });
    expect(vehicle.fields.find((f) => f.name === 'registered_at')!.type).toEqual({ kind: 'string', format: 'date-time' });
  });

  it('the veterinary clinic: values listed in another table, bounds of two tables both held, wrapped rules read whole, Spanish stamps', async () => {
    const model = await deriveModel({ apiFiles: files('veterinaria-api.es.md', 'veterinaria-requisitos.es.md') });
    const mascota = entity(model, 'Mascota');
    // `especie | enum | Ver valores arriba` takes the detail table's values; `sexo`'s are glossed (`M` (macho) o `H` (hembra)).
    expect(model.enums.find((e) => e.name === (mascota.fields.find((f) => f.name === 'especie')!.type as { name: string }).name)!.values).toEqual(['perro', 'gato', 'conejo', 'ave', 'reptil', 'otro']);
    expect(model.enums.find((e) => e.name === (mascota.fields.find((f) => f.name === 'sexo')!.type as { name: string }).name)!.values).toEqual(['M', 'H']);
    // `decimal (5,2)` in one table and "Mayor que 0" in the other.
    expect(mascota.fields.find((f) => f.name === 'peso_kg')!.constraints).toMatchObject({ exclusiveMinimum: 0, maximum: 999.99 });
    const list = model.operations.find((op) => op.method === 'get' && op.path === '/citas')!;
    expect(list.params.map((p) => p.wireName)).toEqual(expect.arrayContaining(['pagina', 'por_pagina']));
    expect(uniques(model, 'Propietario')).toEqual(['dni', 'email']);
    expect(uniques(model, 'Veterinario')).toEqual(['num_colegiado', 'email']);
    // `… se eliminan también todas sus citas, en cascada.`: `en cascada` is how, not what.
    expect(links(model)).toContain('many-to-one Cita.mascota_id->Mascota');
    expect(entity(model, 'Cita').foreignKeys.find((k) => k.field === 'mascota_id')!.onDelete).toBe('CASCADE');
    // The soft delete sets the column its (wrapped) sentence names, which the API tables never listed.
    expect(softDeleted(model)).toEqual(['Cita']);
    expect(entity(model, 'Cita').softDeleteField).toBe('eliminado_en');
    expect(entity(model, 'Cita').fields.map((f) => f.name)).not.toContain('deleted_at');
    expect(entity(model, 'Cita').fields.filter((f) => f.stamp !== undefined).map((f) => `${f.name}:${f.stamp}`)).toEqual(['creado_en:created', 'actualizado_en:updated', 'eliminado_en:deleted']);
    expect(model.warnings?.some((w) => /names "en cascada"/.test(w.message)) ?? false).toBe(false);
  });

  it('the terse library: types after notes in brackets, every endpoint implemented, a book\'s one author no unique key', async () => {
    const model = await deriveModel({ apiFiles: files('library-terse-api.md', 'library-terse-requirements.md') });
    expect(model.entities.map((e) => e.name)).toEqual(['Author', 'Book', 'Member', 'Loan']);
    expect(entity(model, 'Member').fields.find((f) => f.name === 'first_name')).toMatchObject({ required: true, type: { kind: 'string' } });
    expect(model.operations.filter((op) => op.kind === 'custom')).toEqual([]);
    // `Every book has exactly one author` where the book holds author_id: required, and many books share an author.
    expect(uniques(model, 'Book')).toEqual(['isbn']);
    expect(entity(model, 'Book').fields.find((f) => f.name === 'author_id')!.required).toBe(true);
    expect(entity(model, 'Book').foreignKeys.find((k) => k.field === 'author_id')!.onDelete).toBe('CASCADE');
    expect(uniques(model, 'Member')).toEqual(['email']);
    // `Soft-deleted loans are excluded. Sorted by borrowed_at desc.` names no mark: the added deleted_at is.
    expect(softDeleted(model)).toEqual(['Loan']);
    expect(entity(model, 'Loan').softDeleteField).toBeUndefined();
    expect(entity(model, 'Loan').fields.filter((f) => f.stamp === 'deleted' || f.name === 'deleted_at').map((f) => f.name)).toEqual(['deleted_at']);
  });

  it('the camelCase WMS: list item tables, a deleted warehouse\'s records cascading, suppliers and products marked by is_deleted', async () => {
    const model = await deriveModel({ apiFiles: files('wms-camel-api.zh.md', 'wms-camel-requirements.zh.md') });
    expect(model.entities.map((e) => e.name)).toEqual(['Warehouse', 'Product', 'Supplier', 'StockRecord']);
    // `删除仓库采用物理删除，删除时级联删除该仓库下的所有库存记录`: for good, its records with it; no parent warehouse.
    expect(softDeleted(model)).toEqual(['Product', 'Supplier']);
    expect(entity(model, 'Warehouse').fields.map((f) => f.name)).not.toContain('parent_id');
    expect(entity(model, 'StockRecord').foreignKeys.find((k) => k.field === 'warehouse_id')!.onDelete).toBe('CASCADE');
    // `skuCode | String | （关联查询）` on a record is no reference to an entity `查询`.
    expect(entity(model, 'StockRecord').foreignKeys.map((k) => k.field)).toEqual(['warehouse_id', 'product_id']);
    // `表中增加 is_deleted 字段（tinyint，0 未删除、1 已删除，默认 0），删除时只把 is_deleted 置为 1`: added, the mark.
    expect(entity(model, 'Supplier').softDeleteField).toBe('is_deleted');
    expect(entity(model, 'Supplier').softDeleteFlag).toEqual({ live: 0, deleted: 1 });
    expect(entity(model, 'Product').softDeleteField).toBe('is_deleted');
    expect(uniques(model, 'Warehouse')).toEqual(['warehouse_code']);
    // `条形码（barcode）可以为空，不为空时必须唯一`: the identifier glossing the label names the field.
    expect(uniques(model, 'Product')).toEqual(['sku_code', 'barcode']);
    // `（仓库 ID + 商品 ID 联合唯一）`: the keys to the entities the labels name.
    expect(uniques(model, 'StockRecord')).toEqual(['warehouse_id+product_id']);
    // `表名统一加 wms_ 前缀，单数形式：wms_warehouse、wms_product、wms_supplier、wms_stock_record`.
    expect(model.entities.map((e) => e.table)).toEqual(['wms_warehouse', 'wms_product', 'wms_supplier', 'wms_stock_record']);
  });

  it('event tickets in a Japanese 設計書: each rule the business rules state, read from labels, wrapped lines and the API名 headings', async () => {
    const model = await deriveModel({ apiFiles: files('tickets-sekkei-api.ja.md', 'tickets-sekkei-requirements.ja.md') });
    expect(model.entities.map((e) => e.name)).toEqual(['Venue', 'Event', 'Participant', 'Ticket']);
    // `### 4.16 チケット一覧取得（No.16）` details `GET /events/{eventId}/tickets`: its answer's table is a ticket's row.
    expect(entity(model, 'Ticket').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['ticket_no', 'status', 'price', 'issued_at', 'cancelled_at', 'cancel_reason']));
    // `システム内で一意` in the answer's table, `重複時は 409` in the body's: both hold. `会場コードはシステム全体で一意とする`: by its label.
    expect(uniques(model, 'Venue')).toEqual(['venue_code']);
    // `参加者のメールアドレスは一意とする`: the participant's field labelled メールアドレス.
    expect(uniques(model, 'Participant')).toEqual(['email']);
    expect(uniques(model, 'Ticket')).toEqual(['ticket_no']);
    // `参加者は物理削除しない。削除時は削除フラグ（deleted_flag）を true にし、削除日時（deleted_at）を` / `設定する（論理削除）。`
    expect(softDeleted(model)).toEqual(['Participant']);
    // `イベントを削除した場合、そのイベントに紐づくチケットもすべて削除する（カスケード削除）`; `イベントが1件でも登録されている会場は削除できない`.
    expect(keys(model, 'Ticket')).toEqual(['event_id->Event CASCADE', 'participant_id->Participant RESTRICT']);
    expect(keys(model, 'Event')).toEqual(['venue_id->Venue RESTRICT']);
    // `列挙 | 省略時 DRAFT` on the create: the values the answer's table lists, the default the note gives (`初期値`, `省略時`).
    const status = entity(model, 'Event').fields.find((f) => f.name === 'status')!;
    expect(model.enums.find((e) => e.name === (status.type as { name: string }).name)!.values).toEqual(['DRAFT', 'PUBLISHED', 'CLOSED', 'CANCELLED']);
    expect(status.default).toBe('DRAFT');
    expect(entity(model, 'Ticket').fields.find((f) => f.name === 'status')!.default).toBe('RESERVED');
  });

  it('the German dental practice: patients archived by archiviert_am, appointments keyed to Zahnarzt, an invoice per appointment at most', async () => {
    const model = await deriveModel({ apiFiles: files('zahnarztpraxis-api.de.md', 'zahnarztpraxis-anforderungen.de.md') });
    expect(model.entities.map((e) => e.name)).toEqual(['Patient', 'Zahnarzt', 'Behandlung', 'Termin', 'Rechnung']);
    // `Patienten werden nie physisch gelöscht … archiviert_am mit dem Zeitpunkt befüllt`.
    expect(softDeleted(model)).toEqual(['Patient']);
    expect(entity(model, 'Patient').softDeleteField).toBe('archiviert_am');
    // `## 2. Zahnärzte` holds Zahnarzt rows, as `zahnarzt_id` says.
    expect(keys(model, 'Termin')).toEqual(['patient_id->Patient RESTRICT', 'zahnarzt_id->Zahnarzt RESTRICT', 'behandlung_id->Behandlung SET NULL']);
    // `Termin 1 : 0..1 Rechnung`: one invoice per appointment at most.
    expect(uniques(model, 'Rechnung')).toEqual(['rechnungsnummer', 'termin_id']);
    expect(uniques(model, 'Behandlung')).toEqual(['bezeichnung']);
    // `| versichertennummer | string (max 20) | nein* | *Pflicht wenn … |`: the footnote leaves it optional.
    expect(entity(model, 'Patient').fields.find((f) => f.name === 'versichertennummer')!.required).toBe(false);
    expect(model.database).toBe('postgresql');
  });

  it('the Portuguese marketplace: a SKU unique within its store, orders soft deleted by excluido_em, products in many categories', async () => {
    const model = await deriveModel({ apiFiles: files('feira-api.pt.md', 'feira-requisitos.pt.md') });
    expect(model.entities.map((e) => e.name)).toEqual(['Loja', 'Categoria', 'Produto', 'Pedido', 'ItensPedido']);
    // `**único dentro da loja**`; the examples under `Exemplo POST /lojas/8/produtos:` name no type of their own.
    expect(uniques(model, 'Produto')).toEqual(['loja_id+sku']);
    expect(softDeleted(model)).toEqual(['Pedido']);
    expect(entity(model, 'Pedido').softDeleteField).toBe('excluido_em');
    expect(keys(model, 'Categoria')).toEqual(['categoria_pai_id->Categoria SET NULL']);
    expect(links(model)).toContain('many-to-many Produto.categoria_ids->Categoria');
    // `Campos do item do pedido (tabela \`itens_pedido\`):`.
    expect(entity(model, 'ItensPedido').table).toBe('itens_pedido');
    // `Banco de dados **MySQL 8** — … não quer manter outro SGBD`: the negation is another clause's.
    expect(model.database).toBe('mysql');
  });

  it('the Korean task tracker: tasks soft deleted by is_deleted, projects deleted for good, labels on many tasks', async () => {
    const model = await deriveModel({ apiFiles: files('tasks-notion-api.ko.md', 'tasks-notion-requirements.ko.md') });
    expect(model.entities.map((e) => e.name)).toEqual(['Workspace', 'Project', 'Task', 'Comment', 'Label']);
    // `이때는 소프트 삭제가 아니라 물리 삭제이고`: the project is not soft deleted; its tasks are, by their flag.
    expect(softDeleted(model)).toEqual(['Task']);
    expect(entity(model, 'Task').softDeleteField).toBe('is_deleted');
    expect(links(model)).toContain('many-to-many Task.label_ids->Label');
    // `| owner_id | Long | 생성한 사용자 ID |`: a user of another system, no entity to key to.
    expect(keys(model, 'Workspace')).toEqual([]);
  });

  it('the fleet from Google Docs: bold lines as headings, the server\'s fields read only, fuel logs deleted with their vehicle', async () => {
    const model = await deriveModel({ apiFiles: files('fleet-gdocs-api.md', 'fleet-gdocs-requirements.md') });
    // `**Maintenance records**` over its table is a heading: the records are rows of their own.
    expect(model.entities.map((e) => e.name)).toEqual(['Vehicle', 'Driver', 'Trip', 'FuelLog', 'MaintenanceRecord']);
    expect(uniques(model, 'Vehicle')).toEqual(['vin', 'license_plate']);
    expect(uniques(model, 'Driver')).toEqual(['email', 'license_number']);
    // `When a vehicle is deleted, **all of its fuel logs are deleted with it**`, no parent vehicle; `A vehicle that has any trips can't be deleted`.
    expect(keys(model, 'Vehicle')).toEqual([]);
    expect(keys(model, 'FuelLog')).toEqual(['vehicle_id->Vehicle CASCADE', 'driver_id->Driver SET NULL']);
    expect(keys(model, 'Trip')).toEqual(['vehicle_id->Vehicle RESTRICT', 'driver_id->Driver RESTRICT']);
    // `| ended\\_at | timestamp | server |`: set by the server, sent by no one.
    expect(entity(model, 'Trip').fields.find((f) => f.name === 'ended_at')!.readOnly).toBe(true);
  });

  it('recipes in Traditional Chinese: soft deleted recipes whose reviews go with them, one review per user and recipe', async () => {
    const model = await deriveModel({ apiFiles: files('recipes-tw-api.zh.md', 'recipes-tw-requirements.zh.md') });
    // `### [POST] /api/auth/register` is an action on accounts, no rows of its own.
    expect(model.entities.map((e) => e.name)).toEqual(['Recipe', 'Ingredient', 'Tag', 'User', 'Review']);
    // `**食譜採軟刪除**：刪除時只記錄 \`deleted_at\``; `**刪除食譜時一併刪除其評論**`.
    expect(softDeleted(model)).toEqual(['Recipe']);
    expect(keys(model, 'Review')).toEqual(['recipe_id->Recipe CASCADE', 'user_id->User SET NULL']);
    expect(uniques(model, 'Review')).toEqual(['user_id+recipe_id']);
    // `**食材名稱唯一**`, `| email | string | ✔ | 登入帳號，**不可重複** |`.
    expect(uniques(model, 'Ingredient')).toEqual(['name']);
    expect(uniques(model, 'User')).toEqual(['email']);
    // `| status | string | | 狀態：draft / published，預設 draft |`.
    expect(entity(model, 'Recipe').fields.find((f) => f.name === 'status')!.default).toBe('draft');
    // `名稱重複回 409 …，response 裡順便帶已存在那筆的 id`: the error's example gives an ingredient no fields.
    expect(entity(model, 'Ingredient').fields.map((f) => f.name)).not.toContain('error_code');
    expect(model.database).toBe('mysql');
  });

  it('the circulation service: YAML schemas, keys pointing at tables with their on-delete rules, members soft deleted', async () => {
    const model = await deriveModel({ apiFiles: files('circ-svc-api.md', 'circ-svc-requirements.md') });
    expect(model.entities.map((e) => e.name)).toEqual(['Author', 'Book', 'Member', 'Loan', 'Copy', 'Fine']);
    expect(keys(model, 'Book')).toEqual(['author_id->Author RESTRICT']);
    // `book_id -> books.id (on delete cascade)`, `loan_id -> loans.id (on delete cascade)`.
    expect(keys(model, 'Copy')).toEqual(['book_id->Book CASCADE']);
    expect(keys(model, 'Fine')).toEqual(['loan_id->Loan CASCADE']);
    expect(keys(model, 'Loan')).toEqual(['copy_id->Copy RESTRICT', 'member_id->Member RESTRICT']);
    expect(softDeleted(model)).toEqual(['Member']);
    expect(uniques(model, 'Member')).toEqual(['membership_no', 'email']);
    expect(uniques(model, 'Copy')).toEqual(['barcode']);
    // `- **SQLite** for v1 — one branch, one box` under `## 8. Stack`.
    expect(model.database).toBe('sqlite');
  });

  it('the CRM: contacts unique by email within their company, deals archived by their own flag', async () => {
    const model = await deriveModel({ apiFiles: files('crm-jira-api.md', 'crm-jira-requirements.md') });
    expect(model.entities.map((e) => e.name)).toEqual(['Company', 'Contact', 'Deal', 'Note', 'Activity']);
    expect(uniques(model, 'Company')).toEqual(['domain']);
    // `The email has to be unique per company — the same email can appear under two different companies`: not everywhere.
    expect(uniques(model, 'Contact')).toEqual(['company_id+email']);
    // `the deal gets \`archived = true\``: the flag is the mark.
    expect(softDeleted(model)).toEqual(['Deal']);
    expect(entity(model, 'Deal').softDeleteField).toBe('archived');
    expect(keys(model, 'Contact')).toEqual(['company_id->Company RESTRICT']);
    // `are still returned by \`GET /deals/{id}\``: the endpoint named again in the requirements, nothing new said.
    expect(model.operations.filter((op) => op.path === '/deals/{id}' && op.method === 'get')).toHaveLength(1);
  });

  it('the formal Chinese HR spec: employee numbers unique, employees and leave requests deleted logically by del_flag', async () => {
    const model = await deriveModel({ apiFiles: files('hr-formal-api.zh.md', 'hr-formal-requirements.zh.md') });
    expect(uniques(model, 'Emp')).toEqual(expect.arrayContaining(['emp_no']));
    expect(uniques(model, 'Dept')).toEqual(expect.arrayContaining(['dept_code']));
    expect(entity(model, 'Emp').softDeleteField).toBe('del_flag');
    expect(entity(model, 'Leave').softDeleteField).toBe('del_flag');
    expect(keys(model, 'Dept')).toEqual(['parent_id->Dept SET NULL']);
    expect(keys(model, 'Leave')).toEqual(['emp_id->Emp RESTRICT']);
    expect(model.database).toBe('mysql');
  });

  it('the Mexican event tickets: names unique, zones unique within their venue, tickets cancelled not deleted, gone with their event', async () => {
    const model = await deriveModel({ apiFiles: files('eventos-mx-api.es.md', 'eventos-mx-requisitos.es.md') });
    expect(uniques(model, 'Recinto')).toEqual(['nombre']);
    expect(uniques(model, 'Zona')).toEqual(['recinto_id+nombre']);
    // `**Único** en todo el sistema` is unique everywhere.
    expect(uniques(model, 'Boleto')).toEqual(['folio']);
    // `Los boletos no se borran, se cancelan`.
    expect(softDeleted(model)).toEqual(['Boleto']);
    expect(keys(model, 'Boleto')).toEqual(['evento_id->Evento CASCADE', 'zona_id->Zona RESTRICT']);
    // `- **Base de datos: PostgreSQL** (en producción …)`.
    expect(model.database).toBe('postgresql');
  });

  it('the inventory designed in SQL: each CREATE TABLE a table, its REFERENCES … ON DELETE keys, UNIQUE columns and pairs', async () => {
    const model = await deriveModel({ apiFiles: files('inventory-ddl-api.md', 'inventory-ddl-requirements.md') });
    expect(model.entities.map((e) => e.table)).toEqual(expect.arrayContaining(['warehouses', 'products', 'suppliers', 'stock_levels', 'stock_movements']));
    expect(uniques(model, 'Warehouse')).toEqual(['code']);
    expect(uniques(model, 'Product')).toEqual(['sku']);
    // `CONSTRAINT stock_levels_wh_prod_uq UNIQUE (warehouse_id, product_id)`; `One row per (warehouse, product)` under `### stock_levels`.
    expect(uniques(model, 'StockLevel')).toEqual(['warehouse_id+product_id']);
    expect(keys(model, 'StockLevel')).toEqual(['warehouse_id->Warehouse CASCADE', 'product_id->Product CASCADE']);
    expect(keys(model, 'Movement')).toEqual(['warehouse_id->Warehouse CASCADE', 'product_id->Product RESTRICT', 'supplier_id->Supplier SET NULL']);
    expect(softDeleted(model)).toEqual(['Supplier']);
    // `qty INTEGER NOT NULL DEFAULT 0`, `CHECK (qty >= 0)`.
    const qty = entity(model, 'StockLevel').fields.find((f) => f.name === 'qty')!;
    expect([qty.default, qty.constraints.minimum]).toEqual([0, 0]);
  });

  it('the French hotel: reservations archived by supprime_le, payments deleted with their reservation, clients kept while booked', async () => {
    const model = await deriveModel({ apiFiles: files('hotel-confluence-api.fr.md', 'hotel-confluence-regles.fr.md') });
    expect(model.entities.map((e) => e.name)).toEqual(['Client', 'Chambre', 'Reservation', 'Paiement']);
    // `RG-05 — … On ne supprime jamais physiquement une réservation … renseigner la colonne supprime_le`.
    expect(entity(model, 'Reservation').softDeleteField).toBe('supprime_le');
    // `Les paiements sont supprimés avec leur réservation`.
    expect(keys(model, 'Paiement')).toEqual(['reservation_id->Reservation CASCADE']);
    expect(keys(model, 'Reservation')).toEqual(['client_id->Client RESTRICT', 'chambre_id->Chambre RESTRICT']);
    expect(uniques(model, 'Client')).toEqual(['email']);
    expect(uniques(model, 'Chambre')).toEqual(['numero']);
    // The create lists four statuses, the update three (cancelling has its own endpoint): the field takes the four.
    const statut = entity(model, 'Reservation').fields.find((f) => f.name === 'statut')!.type as { name: string };
    expect(model.enums.find((e) => e.name === statut.name)!.values).toEqual(['en_attente', 'confirmee', 'annulee', 'terminee']);
  });

  it('a Notion export: toggled endpoint lines, a section\'s fields under a subheading, a stack of bullets naming Node and Express', async () => {
    const apiFiles = files('fithub-notion-api.md', 'fithub-notion-prd.md');
    const model = await deriveModel({ apiFiles });
    expect(model.entities.map((e) => e.name)).toEqual(['Member', 'Trainer', 'Class', 'Booking']);
    // `Members can't be hard deleted — we just set archived_at`; `Deleting a class removes its bookings`.
    expect(softDeleted(model)).toEqual(['Member']);
    expect(entity(model, 'Member').softDeleteField).toBe('archived_at');
    expect(keys(model, 'Booking')).toEqual(['member_id->Member RESTRICT', 'class_id->Class CASCADE']);
    // The stack its PRD lists (`- Node 20 + TypeScript`, `- Express`) is none this generator writes: one error, nothing written.
    const out = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-fithub-'));
    const error = await generate({ apiFiles, outDir: out }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(InfraStackError);
    expect((error as InfraStackError).describe()).toMatch(/fithub-notion-prd\.md:27: the tech stack chooses TypeScript as the language \("Node 20 \+ TypeScript"\)/);
  });

  it('projects: a boolean the rule names, or a field named as a deletion flag, is the mark; never empty, no deleted_at beside it', async () => {
    const model = await deriveModel({ apiFiles: files('projects-flag-api.zh.md', 'projects-flag-requirements.zh.md') });
    expect(softDeleted(model)).toEqual(['Project', 'Task', 'Label']);
    const flag = { readOnly: true, required: true, nullable: false, default: false, stamp: 'deleted' };
    // Named by the rule's sentence (`删除时把 is_deleted 置为 true`).
    expect(entity(model, 'Project').softDeleteField).toBe('is_deleted');
    expect(entity(model, 'Project').fields.find((f) => f.name === 'is_deleted')).toMatchObject(flag);
    // A `deleted` boolean on a soft-deleted entity whose rule names no mark.
    expect(entity(model, 'Label').softDeleteField).toBe('deleted');
    expect(entity(model, 'Label').fields.find((f) => f.name === 'deleted')).toMatchObject(flag);
    for (const name of ['Project', 'Task', 'Label']) expect(entity(model, name).fields.map((f) => f.name)).not.toContain('deleted_at');
    const projects = relationalSchema(model, STACK_NAMING).find((t) => t.name === 'projects')!;
    expect(projects.columns.find((c) => c.name === 'is_deleted')).toMatchObject({ nullable: false, default: false });
    expect(projects.softDeleteColumn).toBe('is_deleted');
    // A task's `del_flag` (`0正常 2删除`) is set to 2 when its project is deleted; `done`, a boolean of another name, is no mark.
    const task = entity(model, 'Task');
    expect(task.softDeleteField).toBe('del_flag');
    expect(task.softDeleteFlag).toEqual({ live: '0', deleted: '2' });
    expect(task.fields.find((f) => f.name === 'del_flag')).toMatchObject({ ...flag, default: '0', type: { kind: 'string' } });
    expect(task.fields.find((f) => f.name === 'done')!.readOnly).toBe(false);
    expect(links(model)).toEqual(['many-to-one Task.project_id->Project (soft deleted with it)']);
  });
});
