import type { ApiDocument, SchemaNode, SourceLocation } from '../model/api-document.js';
import type { Constraints, EnumType, Field, ObjectType, StringFormat, TypeRef } from '../model/domain-model.js';
import { SCHEMA_HINTS } from '../model/hints.js';
import { toPascal, toSnake, singular } from '../naming.js';
import { componentSchemaName, encodeSegment } from '../parsers/openapi/json-pointer.js';
import { TypeNames } from './names.js';
import { fieldHintsOf, fieldName, sourceOf } from './field-hints.js';

const STRING_FORMATS: Record<string, StringFormat> = {
  date: 'date',
  'date-time': 'date-time',
  datetime: 'date-time',
  time: 'time',
  uuid: 'uuid',
  email: 'email',
  uri: 'uri',
  url: 'uri',
  byte: 'byte',
  password: 'password',
};

/** The type of a schema of one value (an integer, a number, a boolean, a text of a format), ignoring any `enum`; undefined for others. */
export function scalarTypeOf(schema: SchemaNode): TypeRef | undefined {
  switch (schema.type) {
    case 'integer':
      return schema.format === 'int64' || schema.format === 'uint64' ? { kind: 'integer', format: 'int64' } : { kind: 'integer' };
    case 'number':
      return schema.format === 'decimal' ? { kind: 'number', format: 'decimal' } : { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'string':
      if (schema.format === 'binary') return { kind: 'binary' };
      if (schema.format === 'decimal') return { kind: 'number', format: 'decimal' };
      return typeof schema.format === 'string' && STRING_FORMATS[schema.format] ? { kind: 'string', format: STRING_FORMATS[schema.format]! } : { kind: 'string' };
    default:
      return undefined;
  }
}

/** The references followed so far when flattening from the top: none (never changed). */
const NOTHING_SEEN: ReadonlySet<string> = new Set();

/** Inline objects nested deeper than this become JSON: only a recursive `allOf` extension nests so deep. */
const MAX_INLINE_OBJECT_DEPTH = 24;

export interface ResolvedType {
  type: TypeRef;
  nullable: boolean;
}

/** Normalized view of a schema: `allOf` merged, `nullable`/`type: [.., null]` folded, refs followed. */
interface Flat {
  schema: SchemaNode;
  nullable: boolean;
  ref?: string;
}

/**
 * Turns JSON Schema nodes into TypeRefs, registering named object types and enums as it
 * meets them. Inline objects and enums are named after where they appear.
 */
export class SchemaTypes {
  readonly objectTypes = new Map<string, ObjectType>();
  readonly enums = new Map<string, EnumType>();
  private readonly names = new TypeNames();
  private readonly componentNames = new Map<string, string>();
  private readonly componentTypes = new Map<string, ResolvedType>();
  private inlineObjectDepth = 0;
  /** A component's schema flattened, per reference to it: shared, never changed. */
  private readonly targetCache = new Map<string, Flat>();
  /** The non-null variants of the `oneOf`/`anyOf` that a flattened node stood for. */
  private readonly unionVariants = new WeakMap<SchemaNode, { keyword: 'oneOf' | 'anyOf'; variants: SchemaNode[] }>();

  constructor(private readonly api: ApiDocument) {
    for (const [name, { source }] of api.schemas) {
      // `boolean` and `Boolean`, `FileDTO` and `FileDto`: the later schema takes a numbered name.
      const preferred = toPascal(name);
      this.componentNames.set(name, this.names.has(preferred) ? this.names.invent(`${preferred}2`, source) : this.names.claim(preferred, source));
    }
  }

  /** The generated name of a component schema. */
  nameOf(componentName: string): string | undefined {
    return this.componentNames.get(componentName);
  }

  componentName(schema: SchemaNode | undefined): string | undefined {
    const ref = schema?.$ref;
    if (typeof ref === 'string') return componentSchemaName(ref);
    const sole = soleReference(schema?.allOf);
    return sole ? this.componentName(sole) : undefined;
  }

  componentSchema(name: string): SchemaNode | undefined {
    return this.api.schemas.get(name)?.schema;
  }

  /** The properties of an object schema, with the ones it requires. */
  propertiesOf(schema: SchemaNode): { properties: Map<string, SchemaNode>; required: Set<string> } {
    return this.flattenObject(schema);
  }

  /** Whether a schema takes JSON `null` among its values (`nullable`, a `null` type or variant, or no type at all). */
  admitsNull(schema: SchemaNode): boolean {
    return this.flatten(schema, NOTHING_SEEN).nullable;
  }

  resolve(schema: SchemaNode | undefined, scope: string, source: SourceLocation): ResolvedType {
    if (!schema) return { type: { kind: 'json' }, nullable: false };
    return this.resolveWith(schema, () => this.flatten(schema, NOTHING_SEEN), scope, source);
  }

  /** `resolve`, with the schema flattened by `flatOf` if it needs to be (a component reference does not). */
  private resolveWith(schema: SchemaNode, flatOf: () => Flat, scope: string, source: SourceLocation): ResolvedType {
    const name = this.componentName(schema);
    if (name !== undefined && this.api.schemas.has(name)) {
      const nullableHere = schema.nullable === true || (Array.isArray(schema.allOf) && (schema.allOf as SchemaNode[]).some((part) => part?.nullable === true));
      const resolved = this.resolveComponent(name);
      return { type: resolved.type, nullable: resolved.nullable || nullableHere };
    }
    const flat = flatOf();
    if (flat.ref !== undefined) {
      const target = componentSchemaName(flat.ref);
      if (target !== undefined && this.api.schemas.has(target)) {
        const resolved = this.resolveComponent(target);
        return { type: resolved.type, nullable: resolved.nullable || flat.nullable };
      }
    }
    return { type: this.typeOfFlat(flat.schema, scope, source, false), nullable: flat.nullable };
  }

  fieldsOf(schema: SchemaNode, ownerName: string, source: SourceLocation): Field[] {
    const { properties, required } = this.flattenObject(schema);
    const fields: Field[] = [];
    for (const [wireName, propertySchema] of properties) {
      const propertySource = sourceOf(propertySchema, { file: source.file, pointer: `${source.pointer}/properties/${encodeSegment(wireName)}` });
      const scope = `${ownerName}${toPascal(wireName)}`;
      // Flattened once, for its type (unless it references a component) and for its annotations.
      let flattened: Flat | undefined;
      const flatOf = () => (flattened ??= this.flatten(propertySchema, NOTHING_SEEN));
      const { type, nullable } = this.resolveWith(propertySchema, flatOf, scope, propertySource);
      const flat = flatOf().schema;
      const annotated = withReferenceAnnotations(propertySchema);
      const hints = fieldHintsOf(annotated, propertySource);
      const renamedFrom = annotated[SCHEMA_HINTS.renamedFrom];
      // Keys set in a fixed order, optional ones only when present (the snapshot's text depends on it).
      const field: Omit<Field, 'constraints' | 'source'> & Partial<Field> = {
        name: fieldName(wireName, fields, propertySource, properties.keys()),
        wireName,
        type,
        required: required.has(wireName),
        nullable,
        readOnly: flat.readOnly === true,
        writeOnly: flat.writeOnly === true,
      };
      if (typeof flat.description === 'string') field.description = flat.description;
      field.constraints = constraintsOf(flat);
      if ((type.kind === 'object' || type.kind === 'map') && namesNoType(flat)) field.typeless = true;
      if (flat.default !== undefined) field.default = flat.default;
      if (typeof renamedFrom === 'string') field.renamedFrom = toSnake(renamedFrom);
      if (hints) field.hints = hints;
      field.source = propertySource;
      fields.push(field as Field);
    }
    return fields;
  }

  constraintsOf(schema: SchemaNode | undefined): Constraints {
    return schema ? constraintsOf(this.flatten(schema, NOTHING_SEEN).schema) : {};
  }

  /** Whether the document marks the value read-only (through references and `allOf` too). */
  readOnlyOf(schema: SchemaNode): boolean {
    return this.flatten(schema, NOTHING_SEEN).schema.readOnly === true;
  }

  private resolveComponent(name: string): ResolvedType {
    const cached = this.componentTypes.get(name);
    if (cached) return cached;
    const entry = this.api.schemas.get(name)!;
    const typeName = this.componentNames.get(name)!;
    const flat = this.flatten(entry.schema, new Set([`#/components/schemas/${encodeSegment(name)}`]));
    if (isObjectSchema(flat.schema)) {
      const resolved: ResolvedType = { type: { kind: 'object', name: typeName }, nullable: flat.nullable };
      this.componentTypes.set(name, resolved);
      this.registerObject(typeName, flat.schema, entry.source);
      return resolved;
    }
    const placeholder: ResolvedType = { type: { kind: 'json' }, nullable: flat.nullable };
    this.componentTypes.set(name, placeholder);
    const resolved: ResolvedType = { type: this.typeOfFlat(flat.schema, typeName, entry.source, true), nullable: flat.nullable };
    this.componentTypes.set(name, resolved);
    return resolved;
  }

  private registerObject(name: string, schema: SchemaNode, source: SourceLocation): void {
    const objectType: ObjectType = {
      name,
      ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
      fields: [],
      open: schema.additionalProperties !== undefined && schema.additionalProperties !== false,
      ...(typeof schema[SCHEMA_HINTS.tableName] === 'string' && schema[SCHEMA_HINTS.tableName] !== '' ? { table: schema[SCHEMA_HINTS.tableName] as string } : {}),
      source,
    };
    this.objectTypes.set(name, objectType);
    objectType.fields = this.fieldsOf(schema, name, source);
  }

  private typeOfFlat(schema: SchemaNode, scope: string, source: SourceLocation, named: boolean): TypeRef {
    const union = this.unionVariants.get(schema);
    if (union) return this.unionOf(union.variants, schema, scope, { file: source.file, pointer: `${source.pointer}/${union.keyword}` });
    const type = schema.type as string | undefined;
    if (Array.isArray(schema.enum) && (type === 'string' || type === undefined) && schema.enum.every((v) => typeof v === 'string' || v === null)) {
      const values = [...new Set(schema.enum.filter((v): v is string => typeof v === 'string'))];
      if (values.length > 0) return this.registerEnum(scope, values, schema, source, named);
    }
    const scalar = scalarTypeOf(schema);
    if (scalar) return scalar;
    switch (type) {
      case 'array': {
        const items = (schema.items ?? {}) as SchemaNode;
        const itemScope = named ? `${scope}Item` : toPascal(singular(scope));
        const itemSource = { file: source.file, pointer: `${source.pointer}/items` };
        return { kind: 'array', items: this.resolve(items, itemScope === scope ? `${scope}Item` : itemScope, itemSource).type };
      }
      case 'object':
      case undefined: {
        if (isObjectSchema(schema)) {
          if (!named && this.inlineObjectDepth >= MAX_INLINE_OBJECT_DEPTH) return { kind: 'json' };
          const name = named ? scope : this.names.invent(scope, source);
          this.inlineObjectDepth += named ? 0 : 1;
          try {
            this.registerObject(name, schema, source);
          } finally {
            this.inlineObjectDepth -= named ? 0 : 1;
          }
          return { kind: 'object', name };
        }
        const extra = schema.additionalProperties;
        if (extra && typeof extra === 'object' && Object.keys(extra).length > 0) {
          const valueSource = { file: source.file, pointer: `${source.pointer}/additionalProperties` };
          return { kind: 'map', values: this.resolve(extra as SchemaNode, `${scope}Value`, valueSource).type };
        }
        // `type: object` with no properties: a JSON object of anything, still an object (not a list or a number).
        return type === 'object' ? { kind: 'map', values: { kind: 'json' } } : { kind: 'json' };
      }
      default:
        return { kind: 'json' };
    }
  }

  /**
   * A typed union when every variant references an object schema (`oneOf: [Cat, Dog]`), with the
   * document's discriminator noted; any other mix (scalars, inline variants) is plain JSON.
   */
  private unionOf(variants: SchemaNode[], schema: SchemaNode, scope: string, source: SourceLocation): TypeRef {
    if (!variants.every((variant) => this.componentName(variant) !== undefined)) return { kind: 'json' };
    const types = variants.map((variant, index) => this.resolve(variant, scope, { file: source.file, pointer: `${source.pointer}/${index}` }).type);
    const names = new Set(types.map((type) => (type.kind === 'object' ? type.name : undefined)));
    if (names.has(undefined) || names.size !== types.length) return { kind: 'json' };
    const discriminator = (schema.discriminator as { propertyName?: unknown } | undefined)?.propertyName;
    return { kind: 'union', variants: types, ...(typeof discriminator === 'string' && discriminator !== '' ? { discriminator } : {}) };
  }

  private registerEnum(scope: string, values: string[], schema: SchemaNode, source: SourceLocation, named: boolean): TypeRef {
    const name = named ? scope : this.names.invent(scope, source);
    this.enums.set(name, {
      name,
      values,
      ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
      source,
    });
    return { kind: 'enum', name };
  }

  private flatten(schema: SchemaNode, seen: ReadonlySet<string>): Flat {
    let nullable = schema.nullable === true;
    let current = schema;
    let ref: string | undefined;
    if (typeof current.$ref === 'string') {
      ref = current.$ref;
      if (componentSchemaName(ref) === undefined) return { schema: {}, nullable };
      if (seen.has(ref)) return { schema: {}, nullable, ref };
      const name = componentSchemaName(ref)!;
      const target = this.api.schemas.get(name)?.schema;
      if (!target) return { schema: {}, nullable };
      const inner = seen.size === 0 ? this.flattenedTarget(ref, target) : this.flatten(target, new Set([...seen, ref]));
      // OpenAPI 3.1 lets a reference carry its own description, readOnly, hints…: they win over the
      // target's. Most references carry none, and share the target's flattened schema.
      const beside = hasAnnotations(current) ? annotationsBeside(current) : undefined;
      return { schema: beside ? { ...inner.schema, ...beside } : inner.schema, nullable: nullable || inner.nullable, ref };
    }
    if (Array.isArray(current.type)) {
      const types = current.type.filter((t) => t !== 'null');
      nullable ||= types.length < current.type.length;
      current = { ...current, type: types.length === 1 ? types[0] : types.length === 0 ? undefined : 'mixed' };
    }
    for (const key of UNION_KEYWORDS) {
      const variants = current[key];
      if (!Array.isArray(variants)) continue;
      const nonNull = (variants as SchemaNode[]).filter((v) => v.type !== 'null' && !(v.enum && Array.isArray(v.enum) && v.enum.every((x) => x === null)));
      nullable ||= nonNull.length < variants.length;
      if (nonNull.length === 1) {
        const inner = this.flatten(nonNull[0]!, seen);
        const { [key]: _dropped, ...rest } = current;
        return { schema: { ...rest, ...inner.schema }, nullable: nullable || inner.nullable, ...(inner.ref ? { ref: inner.ref } : {}) };
      }
      const { [key]: _dropped, ...rest } = current;
      current = { ...rest, type: 'mixed' };
      this.unionVariants.set(current, { keyword: key, variants: nonNull });
    }
    if (Array.isArray(current.allOf)) {
      const sole = soleReference(current.allOf);
      if (sole && !current.properties) {
        const target = this.flatten(sole, seen);
        if (target.ref) {
          const annotations = (current.allOf as SchemaNode[]).filter((part) => part !== sole);
          const { allOf: _dropped, ...rest } = current;
          const nullableHere = annotations.some((part) => part.nullable === true);
          return { schema: Object.assign({ ...target.schema }, ...annotations, rest) as SchemaNode, nullable: nullable || nullableHere || target.nullable, ref: target.ref };
        }
      }
      const parts = (current.allOf as SchemaNode[]).map((part) => this.flatten(part, seen));
      const merged: SchemaNode = {};
      const properties: Record<string, unknown> = {};
      const required = new Set<string>();
      for (const part of [...parts.map((p) => p.schema), current]) {
        for (const [key, value] of Object.entries(part)) {
          if (key === 'properties' && value && typeof value === 'object') Object.assign(properties, value);
          else if (key === 'required' && Array.isArray(value)) value.forEach((r) => required.add(String(r)));
          else if (key !== 'allOf' && merged[key] === undefined) merged[key] = value;
        }
      }
      if (Object.keys(properties).length > 0) {
        merged.properties = properties;
        merged.type = 'object';
      }
      if (required.size > 0) merged.required = [...required];
      // A part taking null for naming no type (Azure's `Resource`) leaves the whole to its own type.
      const partNullable = parts.some((p) => p.nullable && (p.schema.nullable === true || !namesNoType(p.schema)));
      return { schema: merged, nullable: nullable || partNullable || namesNoType(merged) };
    }
    return { schema: current, nullable: nullable || namesNoType(current) };
  }

  /** The target of a top-level `$ref`, flattened once per reference. */
  private flattenedTarget(ref: string, target: SchemaNode): Flat {
    let flat = this.targetCache.get(ref);
    if (flat === undefined) {
      flat = this.flatten(target, new Set([ref]));
      this.targetCache.set(ref, flat);
    }
    return flat;
  }

  private flattenObject(schema: SchemaNode): { properties: Map<string, SchemaNode>; required: Set<string> } {
    const flat = this.flatten(schema, NOTHING_SEEN).schema;
    const properties = new Map(Object.entries((flat.properties ?? {}) as Record<string, SchemaNode>));
    const required = new Set(Array.isArray(flat.required) ? flat.required.map(String) : []);
    return { properties, required };
  }
}

const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'nullable', 'default', 'externalDocs']);

function isAnnotation(key: string): boolean {
  return ANNOTATIONS.has(key) || key.startsWith('x-');
}

const UNION_KEYWORDS = ['oneOf', 'anyOf'] as const;

function hasAnnotations(node: SchemaNode): boolean {
  for (const key in node) if (isAnnotation(key)) return true;
  return false;
}

/** The annotations written next to a `$ref`. */
function annotationsBeside(reference: SchemaNode): SchemaNode {
  return Object.fromEntries(Object.entries(reference).filter(([key]) => isAnnotation(key)));
}

/** A property with the annotations of its `allOf: [{ $ref }, { x-on-delete, … }]` parts lifted onto it. */
function withReferenceAnnotations(property: SchemaNode): SchemaNode {
  const sole = soleReference(property.allOf);
  if (!sole || !Array.isArray(property.allOf)) return property;
  const annotations = (property.allOf as SchemaNode[]).filter((part) => part !== sole);
  return Object.assign({}, ...annotations, property) as SchemaNode;
}

/**
 * The one `$ref` of an `allOf` that only annotates it (`allOf: [{ $ref }, { description }]`,
 * the usual way to describe a reference), else undefined.
 */
function soleReference(allOf: unknown): SchemaNode | undefined {
  if (!Array.isArray(allOf)) return undefined;
  const parts = allOf as SchemaNode[];
  const references = parts.filter((part) => typeof part?.$ref === 'string');
  if (parts.length === 1) return parts[0];
  if (references.length !== 1) return undefined;
  const annotationsOnly = parts.every((part) => part === references[0] || Object.keys(part ?? {}).every(isAnnotation));
  return annotationsOnly ? references[0] : undefined;
}

function isObjectSchema(schema: SchemaNode): boolean {
  return (schema.type === 'object' || schema.type === undefined) && !!schema.properties && typeof schema.properties === 'object' && Object.keys(schema.properties).length > 0;
}

const CONSTRAINT_KEYS = ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems'] as const;

function constraintsOf(schema: SchemaNode): Constraints {
  const constraints: Constraints = {};
  for (const key of CONSTRAINT_KEYS) {
    const value = schema[key];
    if (typeof value === 'number') constraints[key] = value;
  }
  if (schema.type === 'integer') {
    // An exclusive bound of an integer is the next integer in (OpenAPI 3.0 writes it as a flag on minimum/maximum).
    const exclusive = (keyword: 'exclusiveMinimum' | 'exclusiveMaximum', inclusive: 'minimum' | 'maximum', step: number) => {
      const value = schema[keyword];
      const bound = typeof value === 'number' ? value : value === true ? constraints[inclusive] : undefined;
      if (bound !== undefined) narrow(constraints, inclusive, (inclusive === 'minimum' ? Math.floor(bound) : Math.ceil(bound)) + step);
    };
    exclusive('exclusiveMinimum', 'minimum', 1);
    exclusive('exclusiveMaximum', 'maximum', -1);
  } else if (schema.type === 'number') {
    // OpenAPI 3.1 writes the bound itself, 3.0 a flag on minimum/maximum: the bound then excludes, it no longer includes.
    const exclusive = (keyword: 'exclusiveMinimum' | 'exclusiveMaximum', inclusive: 'minimum' | 'maximum') => {
      const value = schema[keyword];
      const bound = typeof value === 'number' ? value : value === true ? constraints[inclusive] : undefined;
      if (bound === undefined) return;
      if (value === true) delete constraints[inclusive];
      constraints[keyword] = bound;
    };
    exclusive('exclusiveMinimum', 'minimum');
    exclusive('exclusiveMaximum', 'maximum');
  }
  if (typeof schema.pattern === 'string' && isEcmaRegex(schema.pattern)) constraints.pattern = schema.pattern;
  if (typeof schema.multipleOf === 'number' && schema.multipleOf > 0 && Number.isFinite(schema.multipleOf)) constraints.multipleOf = schema.multipleOf;
  if (schema.uniqueItems === true) constraints.uniqueItems = true;
  const allowed = integerEnum(schema);
  if (allowed) constraints.allowed = allowed;
  // A format that names a width bounds the values as a minimum and maximum would (int64's bounds,
  // past what a double holds exactly, stay with the format: the stacks know them).
  const range = typeof schema.format === 'string' && (schema.type === 'integer' || schema.type === 'number') ? FORMAT_RANGES[schema.format] : undefined;
  if (range) {
    narrow(constraints, 'minimum', range[0]);
    if (range[1] !== undefined) narrow(constraints, 'maximum', range[1]);
  }
  return constraints;
}

/** An integer's listed values (`enum: [0, 1, 2]`, a null among them for a nullable one), each once. */
function integerEnum(schema: SchemaNode): number[] | undefined {
  if (schema.type !== 'integer' || !Array.isArray(schema.enum)) return undefined;
  const values = schema.enum.filter((value) => value !== null);
  if (values.length === 0 || !values.every((value) => typeof value === 'number' && Number.isSafeInteger(value))) return undefined;
  return [...new Set(values as number[])];
}

/** A regular expression JSON Schema's dialect (ECMA-262) reads; another (`(?P<name>…)`, Python's) is none the document can mean. */
function isEcmaRegex(pattern: string): boolean {
  for (const flags of ['u', '']) {
    try {
      new RegExp(pattern, flags);
      return true;
    } catch {
      // the next dialect
    }
  }
  return false;
}

/** The values of each integer format (OpenAPI's format registry): [minimum, maximum]; uint64's maximum is int64's (a stack's widest column). */
const FORMAT_RANGES: Record<string, [number, number | undefined]> = {
  int8: [-(2 ** 7), 2 ** 7 - 1],
  int16: [-(2 ** 15), 2 ** 15 - 1],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint8: [0, 2 ** 8 - 1],
  uint16: [0, 2 ** 16 - 1],
  uint32: [0, 2 ** 32 - 1],
  uint64: [0, undefined],
};

/** Tightens a bound: the larger minimum, the smaller maximum. */
function narrow(constraints: Constraints, key: 'minimum' | 'maximum', value: number): void {
  const current = constraints[key];
  constraints[key] = current === undefined ? value : key === 'minimum' ? Math.max(current, value) : Math.min(current, value);
}

/**
 * A schema naming no type takes any JSON value, null too (JSON Schema's `properties` and `format`
 * apply only to the values of their type): Azure's `tags: { additionalProperties: … }`, an
 * `interval` described and no more. A listed value or a `const` says what it takes.
 */
function namesNoType(schema: SchemaNode): boolean {
  return schema.type === undefined && schema.enum === undefined && schema.const === undefined && schema.not === undefined;
}
