import { alwaysHasValue, type DomainModel, type Entity, type Operation, type Parameter, type Relation } from '../../../core/index.js';
import { entityModule } from '../code-names.js';
import { pyFormat, pyValue } from '../python/layout.js';
import { pyIdentifier, pyLiteral, pyString } from '../python/names.js';
import { bodyArgument, parameterSample, requestArguments, requestKeywords, requestStatement, scopedPath } from './request-arguments.js';
import type { Samples } from './samples.js';

/** Seed variant: values apart from the ones the tests send, so uniques do not collide. */
const SEED_VARIANT = 7;

/** A create's path for a test, with the rows its path values key made to exist. */
export interface ExistingPath {
  /** Python: a string, or an f-string naming the values below. */
  path: string;
  /** The seed functions it calls. */
  seeds: string[];
  /** Statements naming the seeded values, to put before the request (with `bind`). */
  bindings: string[];
  /** The Python expression each keyed path value is, by field. */
  values: Map<string, string>;
  /** Some row is stored through its repository (a store function): the test takes a session. */
  storesRows?: boolean;
}

/** How a row no operation creates is stored through its repository, for a seed. */
export interface StoredRow {
  /** `TaskRepository`, importable from app.infrastructure.repositories. */
  repository: string;
  /** `TaskRepository(session)`. */
  repositoryCall: string;
  /** `values: dict[str, Any] = {...}`: the domain entity's values, laid out at a function's indent. */
  values: string;
  /** The entity's key attribute. */
  keyAttr: string;
  /** The domain attribute of a field. */
  attrOf(field: string): string;
}

/** `store_task(client, session)`: a row stored through its repository, its key returned. */
export interface StoreFunction extends Omit<StoredRow, 'attrOf'> {
  name: string;
  entity: string;
  /** Statements giving `values` the keys of rows that exist (seeded or stored first), or none. */
  keys: string[];
  /** It takes the client too: some row it needs is created over HTTP. */
  takesClient: boolean;
}

/** A place in a path a Python expression fills, marked to survive URL encoding. */
export function pathMark(expression: string): string {
  return `\u0000${expression}\u0000`;
}

/** A path with marks as Python: a plain string without any, else an f-string with each filled. */
export function pythonPath(marked: string): string {
  if (!marked.includes('%00')) return pyString(marked);
  const template = marked.replace(/[{}]/g, (brace) => brace + brace).replace(/%00(.*?)%00/g, (_, expression: string) => `{${decodeURIComponent(expression)}}`);
  return `f${pyString(template)}`;
}

export interface SeedFunction {
  name: string;
  /** `response = await client.post(...)`, with the query and headers the operation requires. */
  request: string;
  status: number;
  payload: string;
  keyWire: string;
  assignments: string[];
}

/**
 * Integration tests run against a database that enforces foreign keys: before a row is sent,
 * the rows its required keys point at are created over HTTP, and optional keys are left out.
 */
export class Seeding {
  readonly functions = new Map<string, SeedFunction>();
  readonly stores = new Map<string, StoreFunction>();
  private readonly entities: Map<string, Entity>;
  private readonly creates: Map<string, Operation>;

  /**
   * `storedRow` tells how a row of an entity is stored through its repository where it can be
   * without other rows first, or undefined: the parent a nested create's path names, when no
   * operation creates one (influxdata's tasks, created by a request of another shape), is stored so.
   */
  constructor(
    private readonly model: DomainModel,
    private readonly samples: Samples,
    private readonly storedRow: (entity: string) => StoredRow | undefined = () => undefined,
  ) {
    this.entities = new Map(model.entities.map((e) => [e.name, e]));
    // Related rows are seeded one at a time: by the entity's single create.
    this.creates = new Map(model.operations.filter((op) => op.kind === 'create' && op.entity && op.input && !op.batch).map((op) => [op.entity!, op]));
  }

  /** Python statements that fix up `data` (a create payload of `entity`), or undefined when a required parent cannot be created. */
  assignments(entity: Entity, inputFields: string[], required: string[], visiting: string[] = []): string[] | undefined {
    const lines: string[] = [];
    const wireOf = (e: Entity, field: string) => e.fields.find((f) => f.name === field)?.wireName ?? field;
    const keyLine = (target: string, isRequired: boolean, slot: string, pop: string) => {
      if (!isRequired) return [pop];
      const seed = this.seedName(target, [...visiting, entity.name]);
      return seed ? [`${slot} = await ${seed}(client)`] : undefined;
    };
    // A list of links: the keys of a row created for it where one is required, else left out.
    const linkLine = (relation: Relation, isRequired: boolean, slot: 'data' | 'item') => {
      const from = this.entities.get(relation.from)!;
      const wire = pyLiteral(wireOf(from, relation.field));
      const seed = isRequired ? this.seedName(relation.to, [...visiting, entity.name]) : undefined;
      if (isRequired && !seed) return undefined;
      const type = from.fields.find((f) => f.name === relation.field)?.type;
      if (seed && type?.kind === 'array' && type.items.kind !== 'object') return `${slot}[${wire}] = [await ${seed}(client)]`;
      return `${slot}.pop(${wire}, None)`;
    };
    for (const key of entity.foreignKeys) {
      if (entity.owner && key.field === entity.owner.field) continue;
      if (!inputFields.includes(key.field)) continue;
      const wire = wireOf(entity, key.field);
      const line = keyLine(key.target, required.includes(key.field) && key.target !== entity.name, `data[${pyLiteral(wire)}]`, `data.pop(${pyLiteral(wire)}, None)`);
      if (!line) return undefined;
      lines.push(...line);
    }
    for (const relation of this.model.relations) {
      if (relation.from === entity.name && relation.kind === 'many-to-many' && inputFields.includes(relation.field)) {
        const line = linkLine(relation, required.includes(relation.field), 'data');
        if (!line) return undefined;
        lines.push(line);
      }
      if (relation.owned && relation.to === entity.name && inputFields.includes(relation.inverse!)) {
        const child = this.entities.get(relation.from)!;
        const childLines: string[] = [];
        for (const key of child.foreignKeys) {
          if (key.field === child.owner?.field) continue;
          const field = child.fields.find((f) => f.name === key.field)!;
          const line = keyLine(key.target, alwaysHasValue(field), `item[${pyLiteral(field.wireName)}]`, `item.pop(${pyLiteral(field.wireName)}, None)`);
          if (!line) return undefined;
          childLines.push(...line);
        }
        for (const link of this.model.relations.filter((r) => r.from === child.name && r.kind === 'many-to-many')) {
          const line = linkLine(link, alwaysHasValue(child.fields.find((f) => f.name === link.field)!), 'item');
          if (!line) return undefined;
          childLines.push(line);
        }
        if (childLines.length > 0) {
          lines.push(`for item in data.get(${pyLiteral(wireOf(entity, relation.inverse!))}) or []:`, ...childLines.map((l) => `    ${l}`));
        }
      }
    }
    return lines;
  }

  /**
   * The path a create is sent to, as Python, with each path value that keys another row naming
   * one that exists: the payload's own where `data` carries it (`f"/posts/{data['post_id']}/comments"`),
   * else a row seeded for it (`f"/orgs/{await create_org(client)}/sites"`); other values as
   * `valueOf` gives them. Undefined when such a row cannot be made.
   */
  existingPath(
    create: Operation,
    entity: Entity,
    valueOf: (parameter: Parameter) => unknown,
    options: { client: string; inData: ReadonlySet<string>; visiting: string[]; bind?: boolean; session?: string },
  ): ExistingPath | undefined {
    const targets = new Map(entity.foreignKeys.map((key) => [key.field, key.target]));
    const found: ExistingPath = { path: '', seeds: [], bindings: [], values: new Map() };
    let impossible = false;
    const marked = scopedPath(create, (parameter) => {
      const target = parameter.field === undefined ? undefined : targets.get(parameter.field);
      if (target === undefined) return valueOf(parameter);
      const field = parameter.field!;
      const wire = entity.fields.find((f) => f.name === field)!.wireName;
      const created = options.inData.has(field) ? undefined : this.seedName(target, [...options.visiting, entity.name]);
      const stored = created === undefined && !options.inData.has(field) && options.session !== undefined ? this.storeName(target, [...options.visiting, entity.name]) : undefined;
      const seed = created ?? stored;
      if (!options.inData.has(field) && seed === undefined) impossible = true;
      if (stored !== undefined) found.storesRows = true;
      let expression = seed === undefined ? `data[${pyString(wire).replace(/^"|"$/g, "'")}]` : `await ${stored !== undefined ? this.storeCall(stored, options.client, options.session!) : `${seed}(${options.client})`}`;
      if (seed !== undefined) found.seeds.push(seed);
      if (seed !== undefined && options.bind) {
        // Named once, so the test finds the row under the same parent it created it under.
        found.bindings.push(`${pyIdentifier(field)} = ${expression}`);
        expression = pyIdentifier(field);
      }
      found.values.set(field, expression);
      return pathMark(expression);
    }, this.samples);
    if (impossible) return undefined;
    found.path = pythonPath(marked);
    found.seeds = [...new Set(found.seeds)];
    return found;
  }

  /**
   * `store_task`: a row of `target` stored through its repository, the rows its required keys
   * point at made first (over HTTP, else stored too), its optional keys left empty.
   */
  private storeName(target: string, visiting: string[]): string | undefined {
    const entity = this.entities.get(target);
    const row = entity ? this.storedRow(target) : undefined;
    if (!entity || !row || visiting.includes(target)) return undefined;
    const name = `store_${entityModule(entity)}`;
    if (this.stores.has(name)) return name;
    const keys: string[] = [];
    let takesClient = false;
    for (const key of entity.foreignKeys) {
      const slot = `values[${pyLiteral(row.attrOf(key.field))}]`;
      const field = entity.fields.find((f) => f.name === key.field)!;
      if (!field.required || key.target === target) {
        keys.push(`${slot} = None`);
        continue;
      }
      const created = this.seedName(key.target, [...visiting, target]);
      const stored = created === undefined ? this.storeName(key.target, [...visiting, target]) : undefined;
      if (created === undefined && stored === undefined) return undefined;
      takesClient ||= created !== undefined || this.stores.get(stored!)!.takesClient;
      keys.push(`${slot} = await ${created !== undefined ? `${created}(client)` : this.storeCall(stored!, 'client', 'session')}`);
    }
    const { attrOf: _, ...stored } = row;
    this.stores.set(name, { name, entity: entity.name, ...stored, keys, takesClient });
    return name;
  }

  /** `store_task(client, session)`, or `store_task(session)` for a store that creates nothing over HTTP. */
  private storeCall(name: string, client: string, session: string): string {
    return `${name}(${this.stores.get(name)!.takesClient ? `${client}, ` : ''}${session})`;
  }

  private seedName(target: string, visiting: string[]): string | undefined {
    const entity = this.entities.get(target);
    const create = this.creates.get(target);
    if (!entity || !create?.input || visiting.includes(target)) return undefined;
    const name = `create_${entityModule(entity)}`;
    if (this.functions.has(name)) return name;
    const fields = entity.fields.filter((f) => create.input!.fields.includes(f.name));
    const assignments = this.assignments(entity, create.input.fields, create.input.required, visiting);
    if (!assignments) return undefined;
    const key = entity.fields.find((f) => f.name === entity.primaryKey.field)!;
    // A path value keying another row names one seeded for it; a seed that cannot make one is none.
    const path = this.existingPath(create, entity, (parameter) => parameterSample(parameter, this.samples), { client: 'client', inData: new Set(), visiting });
    if (!path) return undefined;
    this.functions.set(name, {
      name,
      request: requestStatement(4, 'response = ', 'await client.post', [path.path, bodyArgument(create, 'data'), ...requestKeywords(requestArguments(create, this.samples))]),
      status: create.response.status,
      payload: pyFormat(pyValue(this.samples.fields(fields, SEED_VARIANT)), 4, 'data: dict[str, Any] = '),
      keyWire: key.wireName,
      assignments,
    });
    return name;
  }
}
