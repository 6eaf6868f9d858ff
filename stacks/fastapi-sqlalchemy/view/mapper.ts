import { alwaysHasValue, omittedWhenUnset, type TypeRef } from '../../../core/index.js';
import { PythonImports } from '../python/imports.js';
import { call, collection, definition, pyFormat, pyParse } from '../python/layout.js';
import { pyString } from '../python/names.js';
import { isServedEntity } from '../code-names.js';
import type { EntityView, FieldView } from './entities.js';

export interface MapperView {
  imports: string;
  /** `attr=expression` lines of `to_domain`. */
  toDomain: string[];
  /** Statements of `apply_to_model`. */
  apply: string[];
  /** `"wire": expression` lines of `to_value`, and `attr=expression` lines of `from_value`. */
  toValue: string[];
  fromValue: string[];
  /** `LEFT_OUT_WHEN_UNSET = frozenset(...)`: wire names `to_value` leaves out while unset (optional, never null). */
  leftOutWhenUnset?: string;
  /** Rows of the entity travel nested in another's value: `to_value` and `from_value` are written. */
  nested: boolean;
  /** The `def` lines of `apply_to_model` and `from_value`, laid out. */
  applyHeader: string;
  fromValueHeader: string;
}

const VALUE_CONVERTERS: Record<string, string> = { decimal: 'as_decimal', 'date-time': 'as_datetime', date: 'as_date', time: 'as_time', uuid: 'as_uuid' };

/**
 * The mapper of one entity: domain ↔ row, and row ↔ JSON value for rows that travel nested in
 * another entity (owned children, linked entities). Timestamps are the database's to set.
 */
export function mapperView(view: EntityView, views: Map<string, EntityView>, nested: boolean): MapperView {
  const imports = new PythonImports().add('app.infrastructure.models', view.model);
  const served = isServedEntity(view.entity);
  if (served) imports.add('app.domain.entities', view.name);
  const toDomain: string[] = [];
  const apply: string[] = [];
  const applyLocals = new TypedLocals(imports);
  for (const f of view.fields) {
    // A nested row (not served) is converted as a value, below.
    const relation = served ? relationCode(f, view, views, imports) : undefined;
    if (relation) {
      toDomain.push(argument(`${f.attr}=${relation.read}`));
      apply.push(...relation.write(`entity.${f.attr}`, applyLocals));
      continue;
    }
    if (f.relation) continue;
    toDomain.push(argument(`${f.attr}=model.${f.attr}`));
    // The app keeps its own timestamps; one the document lets clients send is theirs once sent.
    const ownTimestamp = f.timestamp === 'created' || f.timestamp === 'updated';
    if (ownTimestamp && (f.field.system || f.field.readOnly)) continue;
    if (f.primaryKey || ownTimestamp) apply.push(`if entity.${f.attr} is not None:\n        model.${f.attr} = entity.${f.attr}`);
    else apply.push(statement(`model.${f.attr} = `, `entity.${f.attr}`));
  }
  const valueFields = nested ? view.fields.filter((f) => !f.field.system) : [];
  const toValue: string[] = [];
  const fromValue: string[] = [];
  const valueLocals = new TypedLocals(imports);
  for (const f of valueFields) {
    // A nested row's own rows and links travel inside its value, as the owner's do inside the entity.
    // A served entity's do not: shown nested, it is shown flat, so rows linked in a cycle end.
    const relation = served ? undefined : relationCode(f, view, views, imports);
    if (relation) {
      toValue.push(pyFormat(pyParse(relation.read), 12, `${pyString(f.wire)}: `, ','));
      fromValue.push(...relation.write(`value.get(${pyString(f.wire)})`, valueLocals));
    } else if (!f.relation) {
      toValue.push(`${pyString(f.wire)}: model.${f.attr},`);
      if (!f.primaryKey) fromValue.push(statement(`model.${f.attr} = `, fromValueExpression(f, imports)));
    }
  }
  // An unset column of a property the document never lets be null reads back as the property left out, not null.
  const omittable = valueFields.filter((f) => !f.relation && omittedWhenUnset(f.field)).map((f) => pyString(f.wire));
  const leftOutWhenUnset = omittable.length > 0 ? pyFormat(call('frozenset', [collection('{', omittable)]), 0, 'LEFT_OUT_WHEN_UNSET = ') : undefined;
  if (nested) imports.add('typing', 'Any');
  if (toValue.length > 0) imports.add('pydantic_core', 'to_jsonable_python');
  const applyHeader = pyFormat(definition('def apply_to_model', [`entity: ${view.name}`, `model: ${view.model}`]), 0, '', ' -> None:');
  // A value of nothing but its key sets no column: the value is taken, unread (ruff's ARG rules).
  const valueParameter = fromValue.length > 0 ? 'value' : '_value';
  const fromValueHeader = pyFormat(definition('def from_value', [`${valueParameter}: dict[str, Any]`, `model: ${view.model} | None = None`]), 0, '', ` -> ${view.model}:`);
  return { imports: imports.render(), toDomain, apply, toValue, fromValue, leftOutWhenUnset, nested, applyHeader, fromValueHeader };
}

/**
 * The locals `rows` (a child list's current rows) and `existing` (a link list's rows by key) of one
 * function: annotated where first assigned, wide enough for every list's row class.
 */
class TypedLocals {
  private readonly typed = new Set<string>();
  constructor(private readonly imports: PythonImports) {}

  declare(name: string, annotation: string): string {
    if (this.typed.has(name)) return `${name} = `;
    this.typed.add(name);
    this.imports.add('typing', 'Any');
    return `${name}: ${annotation} = `;
  }
}

interface RelationCode {
  /** The relation's value read from `model`. */
  read: string;
  /** Statements that set the relation on `model` from `source`, a list (or None). */
  write: (source: string, locals: TypedLocals) => string[];
}

/** How a field carried by child rows or a link table is read from and written to the row. */
function relationCode(f: FieldView, view: EntityView, views: Map<string, EntityView>, imports: PythonImports): RelationCode | undefined {
  const code = rowsCode(f, view, views, imports);
  if (!code || alwaysHasValue(f.field) || (f.field.constraints.minItems ?? 0) < 1) return code;
  // No rows is both "never sent" and "sent empty"; a property the document wants non-empty can only mean the first: left out.
  return { ...code, read: `${code.read} or None` };
}

function rowsCode(f: FieldView, view: EntityView, views: Map<string, EntityView>, imports: PythonImports): RelationCode | undefined {
  if (!f.relation) return undefined;
  const { children, links } = view.storage;
  const child = children.find((c) => c.attr === f.attr);
  if (child) {
    const mapper = `${child.slug}_mapper`;
    imports.add('app.infrastructure.mappers', mapper);
    return {
      read: `[${mapper}.to_value(child) for child in model.${child.attr}]`,
      write: (source, locals) => [
        `${locals.declare('rows', 'list[Any]')}list(model.${child.attr})`,
        `model.${child.attr} = [\n        ${mapper}.from_value(item, rows[index] if index < len(rows) else None)\n        for index, item in enumerate(${source} or [])\n    ]`,
      ],
    };
  }
  const link = links.find((l) => l.field === f.attr);
  if (!link) return undefined;
  imports.add('app.infrastructure.models', link.model);
  const target = views.get(link.targetEntity)!;
  if (link.listsObjects) imports.add('app.infrastructure.mappers', `${target.slug}_mapper`);
  // A link row not yet stored (built from an entity) has no target loaded: nothing to show of it yet.
  const read = link.listsObjects
    ? `[${target.slug}_mapper.to_value(link.target) for link in model.${link.linksAttr} if link.target is not None]`
    : `[link.${link.toColumn} for link in model.${link.linksAttr}]`;
  return {
    read,
    write: (source, locals) => {
      // A linked object the client sent without its key (the key may be left out) has none to link by.
      const key = pyString(target.key.wire);
      const keys = link.listsObjects ? `[item[${key}] for item in ${source} or [] if item.get(${key}) is not None]` : `${source} or []`;
      return [
        statement(locals.declare('existing', 'dict[Any, Any]'), `{link.${link.toColumn}: link for link in model.${link.linksAttr}}`),
        statement(`model.${link.linksAttr} = `, `[existing.get(key) or ${link.model}(${link.toColumn}=key) for key in dict.fromkeys(${keys})]`),
      ];
    },
  };
}

function fromValueExpression(f: FieldView, imports: PythonImports): string {
  const required = alwaysHasValue(f.field);
  const read = required ? `value[${pyString(f.wire)}]` : `value.get(${pyString(f.wire)})`;
  const converter = converterOf(f.field.type);
  if (!converter) return read;
  imports.add('app.infrastructure.mappers.values', converter);
  return required ? `${converter}(${read})` : `None if ${read} is None else ${converter}(${read})`;
}

function converterOf(type: TypeRef): string | undefined {
  if (type.kind === 'number' && type.format === 'decimal') return VALUE_CONVERTERS.decimal;
  if (type.kind === 'string' && type.format) return VALUE_CONVERTERS[type.format];
  return undefined;
}

/** `name=value,` as an argument line of `Entity(...)` in `to_domain`, laid out. */
function argument(text: string): string {
  return pyFormat(pyParse(text), 8, '', ',');
}

/** `target = value` in a function body, laid out. */
function statement(target: string, value: string): string {
  return pyFormat(pyParse(value), 4, target);
}
