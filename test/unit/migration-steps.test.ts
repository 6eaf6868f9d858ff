/**
 * Migrations as data (core/schema): the steps of a schema change, and their downgrade derived by
 * undoing each step in reverse. Each is run here on a simulated database that refuses what
 * PostgreSQL refuses on tables holding rows (a key to a table or column that does not exist, a
 * table dropped while another's key refers to it, a name taken twice, a required column added, or
 * made required while rows hold no value in it): the upgrade must take the previous schema to the
 * current one, and the derived downgrade must take it back, name for name.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../../core/derive/derive.js';
import { diffSchemas, migrationSteps, relationalSchema, reverseSteps, storageKey, type ColumnStep, type DomainModel, type MigrationStep, type Table } from '../../core/index.js';
import { parseOpenApiFile } from '../../core/parsers/openapi/index.js';
import { STACK_NAMING } from '../../stacks/fastapi-sqlalchemy/constraint-names.js';

async function modelOf(text: string): Promise<DomainModel> {
  const dir = await mkdtemp(path.join(tmpdir(), 'infra-stack-steps-'));
  try {
    await writeFile(path.join(dir, 'api.yaml'), text);
    return deriveModel(await parseOpenApiFile(path.join(dir, 'api.yaml')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const post = (name: string) => `  /${name.toLowerCase()}s:
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/${name}' } } } }
      responses: { '201': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/${name}' } } } } }
`;

const document = (schemas: Record<string, string>) => `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
${Object.keys(schemas).map(post).join('')}components:
  schemas:
${Object.entries(schemas)
  .map(([name, body]) => `    ${name}:\n      type: object\n${body}`)
  .join('')}`;

/** Authors and books refer to each other; notes link tags and are archived; everything changes at once. */
const BEFORE = document({
  Author: `      properties:
        id: { type: integer }
        name: { type: string }
        favorite_book_id: { type: integer, nullable: true }
`,
  Book: `      properties:
        id: { type: integer }
        title: { type: string }
        author_id: { type: integer, nullable: true }
`,
  Note: `      required: [title]
      properties:
        id: { type: integer }
        title: { type: string, maxLength: 80 }
        old_label: { type: string }
        status: { type: string, enum: [draft, live, gone] }
        tag_ids: { type: array, items: { type: integer } }
`,
  Tag: `      required: [name]
      properties:
        id: { type: integer }
        name: { type: string, maxLength: 40, x-unique: true }
`,
  Archive: `      properties:
        id: { type: integer }
        note_id: { type: integer }
`,
});

const AFTER = document({
  Writer: `      x-renamed-from: Author
      properties:
        id: { type: integer }
        name: { type: string }
        favorite_book_id: { type: integer, nullable: true }
`,
  Book: `      properties:
        id: { type: integer }
        title: { type: string }
        writer_id: { type: integer, nullable: true, x-renamed-from: author_id }
`,
  Note: `      required: [title, priority]
      properties:
        id: { type: integer }
        title: { type: string, maxLength: 20 }
        label: { type: string, x-renamed-from: old_label }
        status: { type: string, enum: [draft, live] }
        priority: { type: integer, default: 3 }
        label_ids: { type: array, items: { type: integer }, x-renamed-from: tag_ids }
`,
  Label: `      x-renamed-from: Tag
      required: [name]
      properties:
        id: { type: integer }
        name: { type: string, maxLength: 40 }
`,
  Audit: `      properties:
        id: { type: integer }
        note_id: { type: integer }
`,
});

interface SimulatedTable {
  columns: Map<string, string>;
  /** Columns some rows hold no value in (every table has rows). */
  empty: Set<string>;
  keys: Map<string, { columns: string[]; target: string; targetColumns: string[] }>;
  uniques: Map<string, string[]>;
  indexes: Map<string, string[]>;
}

/** A database that takes migration steps and refuses what PostgreSQL would refuse. */
class SimulatedDatabase {
  readonly tables = new Map<string, SimulatedTable>();
  /** Constraint and index names are one namespace per schema on PostgreSQL. */
  private readonly names = new Set<string>();

  /** A database holding `tables`, keys and all (as though the keys closing cycles were added too). */
  constructor(tables: readonly Table[]) {
    for (const table of tables) this.create(table, 'without keys');
    for (const table of tables) for (const key of table.foreignKeys) this.addKey(this.table(table.name), key.name, { columns: key.columns, target: key.targetTable, targetColumns: key.targetColumns });
  }

  apply(step: MigrationStep): void {
    switch (step.kind) {
      case 'check-values':
        this.table(step.check.table);
        return;
      case 'fill-column':
      case 'release-column': {
        const table = this.table(step.table);
        expect(table.columns.has(step.column.name), `${step.kind} ${step.table}.${step.column.name}`).toBe(true);
        if (step.kind === 'fill-column') table.empty.delete(step.column.name);
        return;
      }
      case 'carry-deletion-mark': {
        const table = this.table(step.table);
        for (const mark of [step.from, step.to]) expect(table.columns.has(mark.column), `carry ${step.table}.${mark.column}`).toBe(true);
        return;
      }
      case 'rename-table': {
        const table = this.table(step.from);
        expect(this.tables.has(step.to), `rename ${step.from} to ${step.to}: taken`).toBe(false);
        this.tables.delete(step.from);
        this.tables.set(step.to, table);
        for (const other of this.tables.values()) for (const key of other.keys.values()) if (key.target === step.from) key.target = step.to;
        return;
      }
      case 'create-table':
        this.create(step.table, 'with keys');
        return;
      case 'drop-table': {
        const table = this.table(step.table.name);
        for (const [name, other] of this.tables) {
          if (name === step.table.name) continue;
          for (const [keyName, key] of other.keys) expect(key.target, `drop ${step.table.name}: ${name}.${keyName} refers to it`).not.toBe(step.table.name);
        }
        for (const name of [...table.keys.keys(), ...table.uniques.keys(), ...table.indexes.keys()]) this.names.delete(name);
        this.tables.delete(step.table.name);
        return;
      }
      case 'add-cyclic-keys':
        for (const { table, key } of step.keys) this.addKey(this.table(table), key.name, { columns: key.columns, target: key.targetTable, targetColumns: key.targetColumns });
        return;
      case 'drop-cyclic-keys':
        for (const { table, key } of step.keys) this.drop(this.table(table).keys, key.name);
        return;
      case 'create-index':
        this.claim(step.index.name);
        this.table(step.table).indexes.set(step.index.name, step.index.columns);
        return;
      case 'drop-index':
        this.drop(this.table(step.table).indexes, step.index.name);
        return;
      case 'alter-table':
        for (const change of step.steps) this.alter(step.table, change);
        return;
    }
  }

  private alter(name: string, step: ColumnStep): void {
    const table = this.table(name);
    switch (step.kind) {
      case 'add-column':
        expect(table.columns.has(step.column.name), `add ${name}.${step.column.name}: exists`).toBe(false);
        expect(step.column.nullable || step.column.defaultsToNow, `add required ${name}.${step.column.name} to rows`).toBe(true);
        table.columns.set(step.column.name, columnState(step.column));
        if (!step.column.defaultsToNow) table.empty.add(step.column.name);
        return;
      case 'drop-column':
        expect(table.columns.get(step.column.name), `drop ${name}.${step.column.name}`).toBe(columnState(step.column));
        table.columns.delete(step.column.name);
        table.empty.delete(step.column.name);
        return;
      case 'alter-column': {
        expect(table.columns.get(step.from.name), `alter ${name}.${step.from.name}: from`).toBe(columnState(step.from));
        const empty = table.empty.delete(step.from.name);
        expect(step.to.nullable || !empty, `require ${name}.${step.from.name} while rows hold no value`).toBe(true);
        table.columns.delete(step.from.name);
        table.columns.set(step.to.name, columnState(step.to));
        if (empty) table.empty.add(step.to.name);
        return;
      }
      case 'rename-column': {
        const state = table.columns.get(step.from);
        expect(state, `rename ${name}.${step.from}`).toBeDefined();
        table.columns.delete(step.from);
        table.columns.set(step.to, state!);
        if (table.empty.delete(step.from)) table.empty.add(step.to);
        return;
      }
      case 'add-foreign-key':
        this.addKey(table, step.key.name, { columns: step.key.columns, target: step.key.targetTable, targetColumns: step.key.targetColumns });
        return;
      case 'drop-foreign-key':
        this.drop(table.keys, step.key.name);
        return;
      case 'add-unique':
        for (const column of step.unique.columns) expect(table.columns.has(column), `unique on ${name}.${column}`).toBe(true);
        this.claim(step.unique.name);
        table.uniques.set(step.unique.name, step.unique.columns);
        return;
      case 'drop-unique':
        this.drop(table.uniques, step.unique.name);
        return;
    }
  }

  private create(table: Table, keys: 'with keys' | 'without keys'): void {
    expect(this.tables.has(table.name), `create ${table.name}: exists`).toBe(false);
    const state: SimulatedTable = { columns: new Map(table.columns.map((column) => [column.name, columnState(column)])), empty: new Set(), keys: new Map(), uniques: new Map(), indexes: new Map() };
    this.tables.set(table.name, state);
    // A key closing a cycle comes with add-cyclic-keys.
    if (keys === 'with keys') for (const key of table.foreignKeys) if (!key.cyclic) this.addKey(state, key.name, { columns: key.columns, target: key.targetTable, targetColumns: key.targetColumns });
    for (const unique of table.uniques) {
      this.claim(unique.name);
      state.uniques.set(unique.name, unique.columns);
    }
    for (const index of table.indexes) {
      this.claim(index.name);
      state.indexes.set(index.name, index.columns);
    }
  }

  private addKey(table: SimulatedTable, name: string, key: SimulatedTable['keys'] extends Map<string, infer K> ? K : never): void {
    const target = this.tables.get(key.target);
    expect(target, `key ${name}: no table ${key.target}`).toBeDefined();
    for (const column of key.targetColumns) expect(target!.columns.has(column), `key ${name}: no column ${key.target}.${column}`).toBe(true);
    for (const column of key.columns) expect(table.columns.has(column), `key ${name}: no column ${column}`).toBe(true);
    this.claim(name);
    table.keys.set(name, { ...key });
  }

  private claim(name: string): void {
    expect(this.names.has(name), `${name}: taken`).toBe(false);
    this.names.add(name);
  }

  private drop(from: Map<string, unknown>, name: string): void {
    expect(from.has(name), `drop ${name}: none`).toBe(true);
    from.delete(name);
    this.names.delete(name);
  }

  private table(name: string): SimulatedTable {
    const table = this.tables.get(name);
    expect(table, `no table ${name}`).toBeDefined();
    return table!;
  }

  /** The database as comparable data: tables by name, each with its columns, keys, uniques and indexes. */
  snapshot(): unknown {
    const sorted = <V>(map: Map<string, V>) => Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)));
    return sorted(new Map([...this.tables].map(([name, t]) => [name, { columns: sorted(t.columns), keys: sorted(t.keys), uniques: sorted(t.uniques), indexes: sorted(t.indexes) }])));
  }
}

function columnState(column: Table['columns'][number]): string {
  return `${storageKey(column)} ${column.nullable ? 'null' : 'not null'}`;
}

describe('migrations as data', () => {
  it('takes the previous schema to the current one, and the derived downgrade takes it back, on a database that refuses what PostgreSQL refuses', async () => {
    const [beforeModel, afterModel] = await Promise.all([modelOf(BEFORE), modelOf(AFTER)]);
    const before = relationalSchema(beforeModel, STACK_NAMING);
    const after = relationalSchema(afterModel, STACK_NAMING);
    const diff = diffSchemas(before, after, { before: beforeModel, after: afterModel });
    // Everything at once: renamed tables (their join table with them), a renamed key column, a narrowed and a renamed column, a removed enum value, a required column, a dropped and a created table.
    expect(diff.altered.map((change) => `${change.renamedFrom ?? ''}>${change.table}`).sort()).toEqual(['>books', '>notes', 'authors>writers', 'note_tags>note_labels', 'tags>labels']);
    expect(diff.created.map((table) => table.name)).toEqual(['audits']);
    expect(diff.dropped.map((table) => table.name)).toEqual(['archives']);
    expect(diff.valueChecks).toEqual([{ table: 'notes', column: 'status', values: ['gone'] }]);

    const upgrade = migrationSteps(diff);
    const database = new SimulatedDatabase(before);
    for (const step of upgrade) database.apply(step);
    expect(database.snapshot()).toEqual(new SimulatedDatabase(after).snapshot());

    const downgrade = reverseSteps(upgrade);
    for (const step of downgrade) database.apply(step);
    expect(database.snapshot()).toEqual(new SimulatedDatabase(before).snapshot());
  });

  it('undoes a step by its reverse: reversing twice gives the steps back, checks and fills excepted', async () => {
    const [beforeModel, afterModel] = await Promise.all([modelOf(BEFORE), modelOf(AFTER)]);
    const diff = diffSchemas(relationalSchema(beforeModel, STACK_NAMING), relationalSchema(afterModel, STACK_NAMING), { before: beforeModel, after: afterModel });
    const upgrade = migrationSteps(diff);
    expect(upgrade.filter((step) => step.kind === 'check-values' || step.kind === 'fill-column').map((step) => step.kind)).toEqual(['check-values', 'fill-column']);
    expect(reverseSteps(reverseSteps(upgrade))).toEqual(upgrade.filter((step) => step.kind !== 'check-values' && step.kind !== 'fill-column'));
  });

  it('moves a deletion mark: the new one filled and marked from the old before the old goes; undone, the old one comes back nullable, marked, filled, required', async () => {
    const widget = (mark: 'deleted_at' | 'del_flag' | 'is_deleted') =>
      document({
        Widget: `      x-soft-delete: true
${mark === 'deleted_at' ? '' : `      x-soft-delete-field: ${mark}\n`}${mark === 'del_flag' ? "      x-soft-delete-value: '2'\n" : ''}      properties:
        id: { type: integer }
        name: { type: string }
${mark === 'del_flag' ? "        del_flag: { type: string, enum: ['0', '2'], readOnly: true }\n" : mark === 'is_deleted' ? '        is_deleted: { type: boolean, readOnly: true }\n' : ''}`,
      });
    const models = await Promise.all([modelOf(widget('deleted_at')), modelOf(widget('del_flag')), modelOf(widget('is_deleted'))]);
    const schemas = models.map((model) => relationalSchema(model, STACK_NAMING));
    const kinds = (steps: MigrationStep[]) => steps.map((step) => (step.kind === 'alter-table' ? step.steps.map((change) => `${change.kind} ${'column' in change ? change.column.name : 'from' in change && typeof change.from !== 'string' ? change.from.name : ''}`).join(', ') : step.kind));
    for (const [from, to, upgradeKinds] of [
      [0, 1, ['add-column del_flag', 'fill-column', 'alter-column del_flag', 'carry-deletion-mark', 'drop-column deleted_at']],
      [1, 2, ['add-column is_deleted, alter-column del_flag', 'fill-column', 'alter-column is_deleted', 'release-column', 'carry-deletion-mark', 'drop-column del_flag']],
    ] as const) {
      const diff = diffSchemas(schemas[from]!, schemas[to]!, { before: models[from]!, after: models[to]! });
      const upgrade = migrationSteps(diff);
      expect(kinds(upgrade)).toEqual(upgradeKinds);
      const database = new SimulatedDatabase(schemas[from]!);
      for (const step of upgrade) database.apply(step);
      expect(database.snapshot()).toEqual(new SimulatedDatabase(schemas[to]!).snapshot());
      for (const step of reverseSteps(upgrade)) database.apply(step);
      expect(database.snapshot()).toEqual(new SimulatedDatabase(schemas[from]!).snapshot());
    }
    const [textToBoolean] = [diffSchemas(schemas[1]!, schemas[2]!, { before: models[1]!, after: models[2]! })];
    expect(textToBoolean.altered[0]!.deletionMarkMoved).toEqual({ from: { column: 'del_flag', deleted: '2' }, to: { column: 'is_deleted', deleted: true } });
    expect(textToBoolean.destructive).toEqual([]);
    const timeToText = diffSchemas(schemas[0]!, schemas[1]!, { before: models[0]!, after: models[1]! });
    expect(timeToText.destructive).toEqual(['drop column widgets.deleted_at: when rows were deleted is lost (which rows are deleted is kept in del_flag)']);
    const down = reverseSteps(migrationSteps(textToBoolean));
    expect(down.find((step) => step.kind === 'carry-deletion-mark')).toMatchObject({ from: { column: 'is_deleted', deleted: true }, to: { column: 'del_flag', deleted: '2' } });
  });

  it('builds a schema from nothing as the initial migration does, and drops it all on the way down', async () => {
    const model = await modelOf(BEFORE);
    const tables = relationalSchema(model, STACK_NAMING);
    const empty = await modelOf("openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths: {}\n");
    const upgrade = migrationSteps(diffSchemas([], tables, { before: empty, after: model }));
    const database = new SimulatedDatabase([]);
    for (const step of upgrade) database.apply(step);
    expect(database.snapshot()).toEqual(new SimulatedDatabase(tables).snapshot());
    for (const step of reverseSteps(upgrade)) database.apply(step);
    expect(database.tables.size).toBe(0);
  });
});
