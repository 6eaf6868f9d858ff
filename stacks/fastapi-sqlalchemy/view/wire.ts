import type { Field, ObjectType } from '../../../core/index.js';
import type { EnumMembers } from '../python/enum-members.js';
import type { PythonImports } from '../python/imports.js';
import { pyAnnotated, pyCall } from '../python/layout.js';
import { fieldAttribute } from '../python/identifiers.js';
import { pyClassName, pyDocLine, pyLiteral, pyString } from '../python/names.js';
import { integerChoices, isPlainText, strictScalar, wireType } from '../python/types.js';
import type { IntegerWidth } from '../../../core/index.js';
import { amongAllowed, numberBoundArgs } from './number-bounds.js';
import { checkedPattern } from './pattern-samples.js';
import { classRegexEngine, type RegexEngine } from '../python/patterns.js';

export const COMPONENTS_MODULE = 'app.presentation.api.v1.schemas.components';

export interface WireFieldOptions {
  /** Every field optional with a None default (PATCH bodies). */
  partial?: boolean;
  /** Module nested object types are imported from; undefined inside that module. */
  modelModule?: string;
  /** Member names of the enums, for a default that names one. */
  enums: EnumMembers;
  /** The field's attribute in its class (./identifiers.ts: fieldAttributes of its owner). */
  attr: string;
  /** The width of the column an integer field is stored in. */
  integerWidth?: IntegerWidth | undefined;
  /**
   * Which way the class travels, for a field that may be left out but is not nullable: a request
   * refuses null for it, a response leaves it out when unset, a shared class of the document does both.
   */
  travels: 'request' | 'response' | 'both';
  /** The engine the field's class checks patterns with (python/patterns.ts classRegexEngine); Pydantic's default when unset. */
  regexEngine?: RegexEngine;
}

const COMMON_MODULE = 'app.presentation.api.v1.schemas.common';

/** One Pydantic field line: annotation, alias to the wire name, constraints, default. */
export function wireFieldLine(field: Field, imports: PythonImports, options: WireFieldOptions): string {
  const attr = options.attr;
  const strict = options.travels !== 'response';
  const items = integerChoices(field.type, field.constraints, imports, strict ? 'json' : 'answer') ?? boundedItems(field, imports, options.integerWidth, strict) ?? wireType(field.type, imports, options.modelModule, strict);
  const base = field.type.kind === 'array' && field.constraints.uniqueItems && options.travels !== 'response' ? distinctItems(items, imports) : items;
  // A required property read-only (write-only) is required in responses (requests) alone, as OpenAPI says.
  const oneWay = (field.readOnly && options.travels !== 'response') || (field.writeOnly && options.travels !== 'request');
  const optional = options.partial || !field.required || oneWay;
  const written = optional && !field.nullable ? omittable(base, imports, options.travels) : optional || field.nullable ? `${base} | None` : base;
  const annotation = readsObjectOrNone(field) && options.travels !== 'response' ? objectOrNone(written, imports) : written;
  const args: string[] = [];
  const scalarDefault = defaultLiteral(field, options.enums);
  if (optional) args.push(`default=${options.partial ? 'None' : (scalarDefault ?? 'None')}`);
  if (attr !== field.wireName) args.push(`alias=${pyString(field.wireName)}`);
  args.push(...constraintArgs(field, options.integerWidth));
  const pattern = checkedPattern(field.type, field.constraints);
  // The app checks what clients send; what it answers, it stored from them or made itself.
  if (pattern?.engines.includes(options.regexEngine ?? 'rust-regex') && options.travels !== 'response' && !field.readOnly) args.push(`pattern=${pyString(pattern.source)}`);
  if (args.length === 0) return pyAnnotated(attr, annotation, undefined, 4);
  if (args.length === 1 && args[0]!.startsWith('default=')) return pyAnnotated(attr, annotation, args[0]!.slice('default='.length), 4);
  imports.add('pydantic', 'Field');
  return pyCall('Field', args, 4, `${attr}: ${annotation} = `);
}

/** `Annotated[list[X], AfterValidator(distinct_items)]` (schemas/common.py): a list whose items the document wants unique. */
function distinctItems(list: string, imports: PythonImports): string {
  imports.add('typing', 'Annotated').add('pydantic', 'AfterValidator').add(COMMON_MODULE, 'distinct_items');
  return `Annotated[${list}, AfterValidator(distinct_items)]`;
}

/** A property naming no type whose keywords describe an object: a value sent there that is no object is read as none (object_or_none). */
export function readsObjectOrNone(field: Field): boolean {
  return field.typeless === true && field.nullable;
}

/** `Annotated[X | None, BeforeValidator(object_or_none)]` (schemas/common.py): a property naming no type, sent a value that is no object. */
function objectOrNone(annotation: string, imports: PythonImports): string {
  imports.add('typing', 'Annotated').add('pydantic', 'BeforeValidator').add(COMMON_MODULE, 'object_or_none');
  return `Annotated[${annotation}, BeforeValidator(object_or_none)]`;
}

/** The config of a class whose fields' patterns only Python's engine reads (a lookahead). */
export function withRegexEngine(config: string, fields: readonly Field[]): { config: string; regexEngine: RegexEngine } {
  const regexEngine = classRegexEngine(fields.map((field) => checkedPattern(field.type, field.constraints)));
  return { config: regexEngine === 'python-re' ? config.replace(/\)$/, ', regex_engine="python-re")') : config, regexEngine };
}

/** `MayOmit[X]` or `OmitIfNone[X]` (schemas/common.py): optional without being nullable. */
function omittable(base: string, imports: PythonImports, travels: WireFieldOptions['travels']): string {
  const alias = travels === 'response' ? 'OmitIfNone' : 'MayOmit';
  imports.add(COMMON_MODULE, alias);
  return `${alias}[${base}]`;
}

/** `list[Annotated[int, Field(ge=..., le=...)]]`: a list of ids, each bounded by the key column it links to. */
function boundedItems(field: Field, imports: PythonImports, integerWidth: IntegerWidth | undefined, strict: boolean): string | undefined {
  if (integerWidth === undefined || field.type.kind !== 'array' || field.type.items.kind !== 'integer') return undefined;
  imports.add('typing', 'Annotated').add('pydantic', 'Field');
  const item = strict ? strictScalar(field.type.items, imports)! : 'int';
  return `list[Annotated[${item}, Field(${numberBoundArgs(field.type.items, {}, integerWidth).join(', ')})]]`;
}

function constraintArgs(field: Field, integerWidth: IntegerWidth | undefined): string[] {
  const c = field.constraints;
  const args: string[] = [];
  const kind = field.type.kind;
  if (isPlainText(field.type, 'lengths')) {
    if (c.minLength !== undefined) args.push(`min_length=${c.minLength}`);
    if (c.maxLength !== undefined) args.push(`max_length=${c.maxLength}`);
  }
  args.push(...numberBoundArgs(field.type, c, integerWidth));
  if (kind === 'array') {
    if (c.minItems !== undefined) args.push(`min_length=${c.minItems}`);
    if (c.maxItems !== undefined) args.push(`max_length=${c.maxItems}`);
  }
  return args;
}

/** The document's default as a Python literal, for scalar and enum fields where it is valid. */
function defaultLiteral(field: Field, enums: EnumMembers): string | undefined {
  const value = field.default;
  if (value === undefined || value === null) return undefined;
  switch (field.type.kind) {
    case 'enum':
      return enums.reference(field.type.name, value);
    case 'string':
      return typeof value === 'string' && field.type.format === undefined ? pyString(value) : undefined;
    case 'integer':
      return Number.isInteger(value) && amongAllowed(field.constraints, value) ? pyLiteral(value) : undefined;
    case 'number':
      return typeof value === 'number' && field.type.format !== 'decimal' ? pyLiteral(Number.isInteger(value) ? `${value}.0` : value).replace(/"/g, '') : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? pyLiteral(value) : undefined;
    default:
      return undefined;
  }
}

export interface ClassView {
  name: string;
  doc: string;
  config: string;
  lines: string[];
}

/**
 * A class of the document's own shapes. `storedWidths`: the integer column widths of the entity the
 * type also is (an owned child sent nested in its parent), so a value past them is a 422 there too.
 */
export function componentClass(type: ObjectType, imports: PythonImports, enums: EnumMembers, storedWidths?: ReadonlyMap<string, IntegerWidth>): ClassView {
  const { config, regexEngine } = withRegexEngine(type.open ? 'ConfigDict(populate_by_name=True, extra="allow")' : 'ConfigDict(populate_by_name=True)', type.fields);
  return {
    name: pyClassName(type.name),
    doc: pyDocLine(type.description, `${type.name} as the API document describes it.`),
    config,
    lines: type.fields.map((field) => wireFieldLine(field, imports, { enums, attr: fieldAttribute(type, field.name), integerWidth: storedWidths?.get(field.name), travels: 'both', regexEngine })),
  };
}
