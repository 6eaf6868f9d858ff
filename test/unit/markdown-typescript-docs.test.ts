/**
 * API lists written by TypeScript teams (the blog in test/fixtures/markdown/written-by-others/
 * blog-ts-frontend-*.zh.md, written by a helper as a frontend developer would): generic interfaces
 * for the envelope and the page, aliases for unions, request interfaces under their endpoints; and
 * the classes they led to elsewhere (a PUT of some fields, a default no create sends, error codes
 * by meaning, ids with a prefix).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignableText, exampleOf } from '../../core/model/assigned-text.js';
import { parseMarkdownTree } from '../../core/parsers/markdown/markdown-tree.js';
import { formatsOfDeclaration } from '../../core/parsers/markdown/response-envelope.js';
import { statusErrorCodes } from '../../core/parsers/markdown/status-code-table.js';
import { readTypeScriptBlock } from '../../core/parsers/markdown/typescript-declarations.js';
import { deriveModel, generate } from '../../lib/index.js';
import { modelOfDocuments } from '../support/documents.js';

const dir = path.resolve('test/fixtures/markdown/written-by-others');
const BLOG = ['blog-ts-frontend-api.zh.md', 'blog-ts-frontend-requirements.zh.md'].map((name) => path.join(dir, name));

describe('TypeScript declarations', () => {
  it('gives the envelope and the page generic interfaces describe, the success values from their comments', () => {
    const block = readTypeScriptBlock(
      "interface ApiResponse<T> {\n  code: number      // 0 成功，其他都是失败\n  data: T\n  message: string   // 成功时是 'ok'\n}\n\ninterface PageResult<T> {\n  list: T[]\n  total: number\n  page: number\n  size: number\n}",
      10,
      'api.md',
    )!;
    expect(block.types).toEqual([]);
    const [envelope, page] = block.generics.map(formatsOfDeclaration);
    expect(envelope?.answer?.success).toEqual({ dataField: 'data', fields: [{ name: 'code', value: 0 }, { name: 'message', value: 'ok' }] });
    expect(page?.page).toEqual({ itemsField: 'list', fields: ['total', 'page', 'size'].map((name) => ({ name, kind: 'integer' })), line: 16 });
  });

  it('reads a member typed by an alias as its union, from the same block or an earlier one', () => {
    const earlier = readTypeScriptBlock("type UserRole = 'user' | 'admin'", 1, 'api.md')!;
    expect(earlier.aliases).toEqual(new Map([['UserRole', "'user' | 'admin'"]]));
    const block = readTypeScriptBlock("type PostStatus = 'draft' | 'published'\ninterface Post {\n  status: PostStatus\n  role?: UserRole | null\n  createdAt: string\n  viewCount: number\n  price: number\n}", 5, 'api.md', earlier.aliases)!;
    const rows = new Map(block.types[0]!.table.rows.map((row) => [row.name, row]));
    expect(rows.get('status')?.type).toEqual({ kind: 'enum', values: ['draft', 'published'] });
    expect(rows.get('role')?.type).toMatchObject({ kind: 'enum', values: ['user', 'admin'], nullable: true });
    // TypeScript says `string` for a moment and `number` for a count: their names say which.
    expect(rows.get('createdAt')?.type).toMatchObject({ kind: 'scalar', schema: { type: 'string', format: 'date-time' } });
    expect(rows.get('viewCount')?.type).toMatchObject({ kind: 'scalar', schema: { type: 'integer' } });
    expect(rows.get('price')?.type).toMatchObject({ kind: 'scalar', schema: { type: 'number' } });
  });
});

describe('the frontend developer\'s blog', () => {
  it('takes each request interface as its endpoint\'s body: a password stored, never answered; a PUT of some fields changes those', async () => {
    const model = await deriveModel({ apiFiles: BLOG });
    const user = model.entities.find((e) => e.name === 'User')!;
    expect(user.fields.find((f) => f.name === 'password')).toMatchObject({ writeOnly: true });
    expect(user.fields.find((f) => f.name === 'role')?.type).toEqual({ kind: 'enum', name: 'UserRole' });
    const op = (name: string) => model.operations.find((o) => o.name === name)!;
    expect(op('post_users').input).toEqual({ fields: ['username', 'email', 'password', 'nickname'], required: ['username', 'email', 'password'] });
    expect(op('put_users_id')).toMatchObject({ kind: 'patch', method: 'put', input: { fields: ['nickname', 'avatar', 'bio'], required: [] } });
    expect(op('get_users').response.envelope).toEqual({ dataField: 'data', fields: [{ name: 'code', value: 0 }, { name: 'message', value: 'ok' }] });
    expect(op('get_users').response.page).toMatchObject({ kind: 'wrapper', itemsField: 'list', totalField: 'total', pageField: 'page', limitField: 'size' });
    // Under a post (`POST /api/posts/:postId/comments` with `CreateCommentReq`), the rows keep their own type's name.
    expect(model.entities.map((e) => e.name)).toEqual(['User', 'Post', 'Tag', 'Comment']);
    expect(['get_posts_post_id_comments', 'post_posts_post_id_comments'].map((name) => `${op(name).kind} ${op(name).entity}`)).toEqual(['list Comment', 'create Comment']);
  });

  it('stores the default of a field no create sends (a user\'s role)', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-ts-blog-'));
    try {
      await generate({ apiFiles: BLOG, outDir: out, docs: false });
      const model = await readFile(path.join(out, 'backend/app/infrastructure/models/user.py'), 'utf8');
      expect(model).toMatch(/role: Mapped\[UserRole \| None\] = mapped_column\([\s\S]*?default=UserRole\.USER/);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe('a table of error codes', () => {
  const codes = (markdown: string) => {
    const [table] = parseMarkdownTree(markdown).children.filter((block) => block.type === 'table');
    return statusErrorCodes(table as never);
  };

  it('gives each status the code naming any error of it, not one cause of it', () => {
    expect(codes('| HTTP | Code | Meaning |\n|---|---|---|\n| 409 | `EVENT_SOLD_OUT` | No seats left |\n| 409 | `CONFLICT` | Unique value taken |\n| 400 | `VALIDATION_ERROR` | Bad field |\n| 422 | `INVALID_STATE` | Not allowed now |\n| 404 | NOT_FOUND | Missing |')).toEqual(
      new Map([[409, 'CONFLICT'], [400, 'VALIDATION_ERROR'], [404, 'NOT_FOUND']]),
    );
    expect(codes('| Status | Code |\n|---|---|\n| 409 | SLOT_TAKEN |')).toEqual(new Map());
  });
});

describe('ids the app gives after a literal prefix', () => {
  it('reads the prefix of each alternative, with as many digits as the pattern takes', () => {
    const efs = '^(arn:aws[-a-z]*:elasticfilesystem:[0-9a-z-:]+:access-point/fsap-[0-9a-f]{8,40}|fsap-[0-9a-f]{8,40})$';
    expect(assignableText([{ pattern: efs, maxLength: 128 }], 'hex')).toEqual({ form: 'hex', digits: 32, prefix: 'fsap-' });
    const instance = assignableText([{ pattern: '^i-[a-z0-9]{8,17}$' }], 'hex')!;
    expect(exampleOf(instance)).toMatch(/^i-[a-z0-9]{17}$/);
    // A prefix a quantifier makes optional, or a pattern whose digits are no hex, gives none.
    expect(assignableText([{ pattern: '^ab?c[0-9a-f]{8}$' }], 'hex')).toBeUndefined();
    expect(assignableText([{ pattern: '^[A-Z]{3}-\\d+$' }], 'hex')).toBeUndefined();
  });
});

describe('a default written after a type', () => {
  it('is the field\'s default, not a value of its enum', async () => {
    const model = await modelOfDocuments({
      'api.md': '# Events\n\n## POST /events\n\n| Field | Type | Required |\n|---|---|---|\n| title | string | yes |\n| status | enum: draft, published, cancelled (default draft) | no |\n| seats | integer (default 100) | no |\n\n## GET /events/{id}\n',
    });
    const fields = model.entities.find((e) => e.name === 'Event')!.fields;
    expect(model.enums.find((e) => e.name === 'EventStatus')?.values).toEqual(['draft', 'published', 'cancelled']);
    expect(fields.find((f) => f.name === 'status')?.default).toBe('draft');
    expect(fields.find((f) => f.name === 'seats')?.default).toBe(100);
  });
});
