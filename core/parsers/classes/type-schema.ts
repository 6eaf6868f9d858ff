import type { SchemaNode } from '../../model/api-document.js';
import { SCHEMA_HINTS } from '../../model/hints.js';
import { encodeSegment } from '../openapi/json-pointer.js';
import { TypeSyntaxError, type TypeExpression } from './type-expression.js';

/**
 * Python scalar types to JSON Schema, after source document 000's column map
 * (`int→Integer`, `Decimal→Numeric`, `UUID→String(36)`, `bytes→LargeBinary`...).
 */
const SCALARS: Record<string, SchemaNode> = {
  int: { type: 'integer' },
  str: { type: 'string' },
  float: { type: 'number', format: 'double' },
  bool: { type: 'boolean' },
  datetime: { type: 'string', format: 'date-time' },
  'datetime.datetime': { type: 'string', format: 'date-time' },
  date: { type: 'string', format: 'date' },
  'datetime.date': { type: 'string', format: 'date' },
  time: { type: 'string', format: 'time' },
  'datetime.time': { type: 'string', format: 'time' },
  Decimal: { type: 'number', format: 'decimal' },
  'decimal.Decimal': { type: 'number', format: 'decimal' },
  UUID: { type: 'string', format: 'uuid' },
  'uuid.UUID': { type: 'string', format: 'uuid' },
  bytes: { type: 'string', format: 'binary' },
  list: { type: 'array' },
  List: { type: 'array' },
  'typing.List': { type: 'array' },
  dict: { type: 'object' },
  Dict: { type: 'object' },
  'typing.Dict': { type: 'object' },
  Any: {},
  'typing.Any': {},
  None: { type: 'null' },
};

const LISTS = new Set(['list', 'List', 'typing.List']);
const DICTS = new Set(['dict', 'Dict', 'typing.Dict']);

export const KNOWN_TYPE_NAMES = Object.keys(SCALARS).filter((name) => !name.includes('.'));

/** Whether a class name is a schema of the document (an entity), so it is referred to by `$ref`. */
export type EntityLookup = (className: string) => boolean;

export function schemaRef(name: string): SchemaNode {
  return { $ref: `#/components/schemas/${encodeSegment(name)}` };
}

/** The JSON Schema of a parsed type; a class that is no entity becomes `{ "x-class": name }`. */
export function schemaOfType(expression: TypeExpression, isEntity: EntityLookup): SchemaNode {
  switch (expression.kind) {
    case 'optional':
      return nullable(schemaOfType(expression.inner, isEntity));
    case 'generic':
      return genericSchema(expression.name, expression.args, isEntity);
    case 'name': {
      const scalar = SCALARS[expression.name];
      if (scalar) return { ...scalar };
      if (!/^[A-Z]/.test(lastSegment(expression.name))) {
        throw new TypeSyntaxError(`unknown type "${expression.name}": expected ${KNOWN_TYPE_NAMES.join(', ')} or a class name (capitalized)`);
      }
      return isEntity(expression.name) ? schemaRef(expression.name) : { [SCHEMA_HINTS.className]: expression.name };
    }
  }
}

function genericSchema(name: string, args: TypeExpression[], isEntity: EntityLookup): SchemaNode {
  if (LISTS.has(name)) {
    if (args.length !== 1) throw new TypeSyntaxError(`${name}[...] takes one type, found ${args.length}`);
    return { type: 'array', items: schemaOfType(args[0]!, isEntity) };
  }
  if (DICTS.has(name)) {
    const [key, value] = args;
    if (args.length !== 2 || !key || !value) throw new TypeSyntaxError(`${name}[...] takes a key and a value type, found ${args.length} type(s)`);
    if (!(key.kind === 'name' && key.name === 'str')) throw new TypeSyntaxError(`${name} keys must be str (JSON object keys are strings)`);
    return { type: 'object', additionalProperties: schemaOfType(value, isEntity) };
  }
  throw new TypeSyntaxError(`${name} takes no type arguments: expected list[X], dict[str, X] or Optional[X]`);
}

/** The schema that also admits null: `type: [t, 'null']` for typed nodes, `anyOf` for references. */
export function nullable(schema: SchemaNode): SchemaNode {
  if (Object.keys(schema).length === 0 || schema.type === 'null') return schema;
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.type)) return schema.type.includes('null') ? schema : { ...schema, type: [...schema.type, 'null'] };
  if (Array.isArray(schema.anyOf) && schema.anyOf.some((variant) => (variant as SchemaNode).type === 'null')) return schema;
  return { anyOf: [schema, { type: 'null' }] };
}

/** Whether the schema says Optional; `Any` (`{}`) does not count, it is written without Optional. */
export function isNullableSchema(schema: SchemaNode): boolean {
  if (schema.type === 'null') return true;
  if (Array.isArray(schema.type)) return schema.type.includes('null');
  return Array.isArray(schema.anyOf) && schema.anyOf.some((variant) => (variant as SchemaNode).type === 'null');
}

export function lastSegment(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}
