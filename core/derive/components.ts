import type { ApiDocument, ComponentDefinition, SchemaNode, SourceLocation, TypedName } from '../model/api-document.js';
import type { ClassDefinitionParts, Component, ComponentKind, EntityClassItems, MethodSignature, Placeholder, TypeRef, TypedValue } from '../model/domain-model.js';
import { SCHEMA_HINTS } from '../model/hints.js';
import { toSnake } from '../naming.js';
import { classNameOf, persistedEntityOf } from '../parsers/classes/persisted-entity.js';
import { isNullableSchema, lastSegment } from '../parsers/classes/type-schema.js';
import { SchemaTypes } from './schema-types.js';

/** Framework classes components are given (a database session); never placeholders. */
const EXTERNAL_CLASSES = new Set(['Session', 'AsyncSession', 'Engine', 'AsyncEngine', 'Connection']);

/** `IPaymentGateway`: the naming of ports in the source documents. */
const isPortName = (name: string) => /^I[A-Z]/.test(name);

/**
 * The class-definition parts of the model: components with TypeRefs, placeholders for the
 * classes they name but the input does not define, and the items behind each entity.
 */
export function deriveComponents(api: ApiDocument): ClassDefinitionParts {
  const types = new SchemaTypes(api);
  const isEntity = (name: string) => api.schemas.get(name)?.schema[SCHEMA_HINTS.entity] === true;
  const entityName = (schemaName: string) => types.nameOf(schemaName) ?? schemaName;
  const components = api.components.map((definition) => componentOf(definition, types, isEntity, entityName));
  return {
    components,
    placeholders: placeholdersOf(api, isEntity),
    entityItems: entityItemsOf(api, entityName),
  };
}

/** Whether the document has anything for `deriveComponents` to do. */
export function hasClassDefinitions(api: ApiDocument): boolean {
  return api.components.length > 0 || [...api.schemas.values()].some(({ schema }) => schema[SCHEMA_HINTS.classItems] !== undefined);
}

function componentOf(definition: ComponentDefinition, types: SchemaTypes, isEntity: (name: string) => boolean, entityName: (name: string) => string): Component {
  const { source } = definition;
  const value = (typed: TypedName, scope: string) => typedValueOf(typed, types, scope, source);
  const methods = definition.methods.map((method): MethodSignature => {
    const returns = method.returns.schema.type === 'null' ? undefined : value(method.returns, `${definition.name}${method.name}Result`);
    return {
      name: method.name,
      ...(method.description ? { description: method.description } : {}),
      parameters: method.parameters.map((p) => value(p, `${definition.name}${p.name}`)),
      ...(returns ? { returns } : {}),
    };
  });
  const layer = definition.layer.slice('infrastructure/'.length) as ComponentKind;
  const persisted = layer === 'repository' ? persistedEntityOf(definition, isEntity) : undefined;
  return {
    name: definition.name,
    slug: toSnake(definition.name),
    layer,
    ...(definition.description ? { description: definition.description } : {}),
    attributes: definition.attributes.map((a) => value(a, `${definition.name}${a.name}`)),
    methods,
    dependencies: [...definition.dependencies],
    ...(definition.implements ? { implements: implementsOf(definition.implements) } : {}),
    config: [...definition.config],
    ...(persisted !== undefined ? { entity: isEntity(persisted) ? entityName(persisted) : lastSegment(persisted) } : {}),
    source,
  };
}

function implementsOf(written: string): { module?: string; name: string } {
  const dot = written.lastIndexOf('.');
  return dot < 0 ? { name: written } : { module: written.slice(0, dot), name: written.slice(dot + 1) };
}

function typedValueOf(typed: TypedName, types: SchemaTypes, scope: string, source: SourceLocation): TypedValue {
  return { name: typed.name, type: typeRefOf(withoutNull(typed.schema), types, scope, source), nullable: isNullableSchema(typed.schema), written: typed.written };
}

/**
 * SchemaTypes reads `$ref`s and scalars; a class that is no schema (`{ "x-class": "Session" }`)
 * would come out as JSON there, so classes, and the lists and maps holding them, are read here.
 */
function typeRefOf(schema: SchemaNode, types: SchemaTypes, scope: string, source: SourceLocation): TypeRef {
  const className = schema[SCHEMA_HINTS.className];
  if (typeof className === 'string') return { kind: 'object', name: lastSegment(className) };
  if (schema.type === 'array' && schema.items && typeof schema.items === 'object') {
    return { kind: 'array', items: typeRefOf(withoutNull(schema.items as SchemaNode), types, `${scope}Item`, source) };
  }
  const values = schema.additionalProperties;
  if (schema.type === 'object' && values && typeof values === 'object' && Object.keys(values).length > 0) {
    return { kind: 'map', values: typeRefOf(withoutNull(values as SchemaNode), types, `${scope}Value`, source) };
  }
  return types.resolve(schema, scope, source).type;
}

/** The schema without its `null` alternative (nullability is reported beside the TypeRef). */
function withoutNull(schema: SchemaNode): SchemaNode {
  if (Array.isArray(schema.type)) {
    const rest = schema.type.filter((t) => t !== 'null');
    return { ...schema, type: rest.length === 1 ? rest[0] : rest };
  }
  if (Array.isArray(schema.anyOf)) {
    const rest = (schema.anyOf as SchemaNode[]).filter((variant) => variant.type !== 'null');
    if (rest.length === 1) return rest[0]!;
  }
  return schema;
}

/** Every class named in a component's types, its interface and its dependencies. */
function classesNamedBy(definition: ComponentDefinition): { types: string[]; ports: string[] } {
  const named: string[] = [];
  const visit = (schema: SchemaNode) => {
    const name = classNameOf(schema);
    if (name !== undefined) named.push(name);
    for (const key of ['items', 'additionalProperties'] as const) {
      const inner = schema[key];
      if (inner && typeof inner === 'object') visit(inner as SchemaNode);
    }
  };
  for (const typed of [...definition.attributes, ...definition.methods.flatMap((m) => [...m.parameters, m.returns])]) visit(typed.schema);
  const declared = [...(definition.implements ? [definition.implements] : []), ...definition.dependencies].map(lastSegment);
  return { types: named, ports: [...declared, ...named.map(lastSegment)].filter(isPortName) };
}

/**
 * Ports are always placeholders (class definitions have no layer for them). An entity is one
 * when a component names it and no `domain/entity` item defines it — an ORM model alone does
 * not make the domain class. Dotted names and framework classes are imports, not placeholders.
 */
function placeholdersOf(api: ApiDocument, isEntity: (name: string) => boolean): Placeholder[] {
  const found = new Map<string, Placeholder>();
  const add = (name: string, kind: Placeholder['kind'], by: string) => {
    const key = `${kind}:${name}`;
    const placeholder = found.get(key) ?? { name, kind, referencedBy: [] };
    if (!placeholder.referencedBy.includes(by)) placeholder.referencedBy.push(by);
    found.set(key, placeholder);
  };
  const definedComponents = new Set(api.components.map((c) => c.name));
  for (const definition of api.components) {
    const { types, ports } = classesNamedBy(definition);
    for (const port of ports) add(port, 'port', definition.name);
    for (const name of types) {
      if (name.includes('.') || EXTERNAL_CLASSES.has(name) || isPortName(name) || definedComponents.has(name)) continue;
      const layers = api.schemas.get(name)?.schema[SCHEMA_HINTS.layers];
      const hasDomainClass = isEntity(name) && (!Array.isArray(layers) || layers.includes('domain'));
      if (!hasDomainClass) add(name, 'entity', definition.name);
    }
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const placeholder of found.values()) placeholder.referencedBy.sort(byName);
  return [...found.values()].sort((a, b) => byName(a.name, b.name) || byName(a.kind, b.kind));
}

function entityItemsOf(api: ApiDocument, entityName: (schemaName: string) => string): EntityClassItems[] {
  const items: EntityClassItems[] = [];
  for (const [schemaName, { schema }] of api.schemas) {
    const recorded = schema[SCHEMA_HINTS.classItems] as { domain?: unknown; model?: unknown; repository?: unknown } | undefined;
    if (!recorded || typeof recorded !== 'object') continue;
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const [domain, model, repository] = [text(recorded.domain), text(recorded.model), text(recorded.repository)];
    items.push({ entity: entityName(schemaName), ...(domain ? { domain } : {}), ...(model ? { model } : {}), ...(repository ? { repository } : {}) });
  }
  return items;
}
