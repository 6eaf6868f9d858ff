import { alwaysHasValue, type TypeRef } from '../../../core/index.js';
import { PythonImports } from '../python/imports.js';
import { definition, pyFormat, pyParse } from '../python/layout.js';
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
  const { children, links } = view.storage;
  let rowsTyped = false;
  let existingTyped = false;
  for (const f of view.fields) {
    // A nested row (not served) is converted as a value: its own children and links are not followed.
    if (f.relation && !served) continue;
    if (f.relation) {
      const child = children.find((c) => c.attr === f.attr);
      const link = links.find((l) => l.field === f.attr);
      if (child) {
        const mapper = `${child.slug}_mapper`;
        imports.add('app.infrastructure.mappers', mapper);
        toDomain.push(argument(`${f.attr}=[${mapper}.to_value(child) for child in model.${child.attr}]`));
        // One `rows` for every child list: typed once, wide enough for each list's row class.
        apply.push(`rows${rowsTyped ? '' : ': list[Any]'} = list(model.${child.attr})`);
        if (!rowsTyped) imports.add('typing', 'Any');
        rowsTyped = true;
        apply.push(`model.${child.attr} = [\n        ${mapper}.from_value(value, rows[index] if index < len(rows) else None)\n        for index, value in enumerate(entity.${f.attr} or [])\n    ]`);
      } else if (link) {
        imports.add('app.infrastructure.models', link.model);
        const target = views.get(link.targetEntity)!;
        if (link.listsObjects) {
          imports.add('app.infrastructure.mappers', `${target.slug}_mapper`);
          // A link row not yet stored (built from an entity) has no target loaded: nothing to show of it yet.
          toDomain.push(argument(`${f.attr}=[${target.slug}_mapper.to_value(link.target) for link in model.${link.linksAttr} if link.target is not None]`));
        } else {
          toDomain.push(argument(`${f.attr}=[link.${link.toColumn} for link in model.${link.linksAttr}]`));
        }
        // A linked object the client sent without its key (the key may be left out) has none to link by.
        const keys = link.listsObjects ? `[value.get(${pyString(target.key.wire)}) for value in entity.${f.attr} or []]` : `entity.${f.attr} or []`;
        // Likewise one `existing` for every link list.
        apply.push(statement(existingTyped ? 'existing = ' : 'existing: dict[Any, Any] = ', `{link.${link.toColumn}: link for link in model.${link.linksAttr}}`));
        if (!existingTyped) imports.add('typing', 'Any');
        existingTyped = true;
        apply.push(statement(`model.${link.linksAttr} = `, `[existing.get(key) or ${link.model}(${link.toColumn}=key) for key in dict.fromkeys(${keys})]`));
      }
      continue;
    }
    toDomain.push(argument(`${f.attr}=model.${f.attr}`));
    // The app keeps its own timestamps; one the document lets clients send is theirs once sent.
    const ownTimestamp = f.timestamp === 'created' || f.timestamp === 'updated';
    if (ownTimestamp && (f.field.system || f.field.readOnly)) continue;
    if (f.primaryKey || ownTimestamp) apply.push(`if entity.${f.attr} is not None:\n        model.${f.attr} = entity.${f.attr}`);
    else apply.push(statement(`model.${f.attr} = `, `entity.${f.attr}`));
  }
  const valueFields = nested ? view.fields.filter((f) => !f.field.system && !f.relation) : [];
  const toValue = valueFields.map((f) => `${pyString(f.wire)}: model.${f.attr},`);
  const fromValue = valueFields.filter((f) => !f.primaryKey).map((f) => statement(`model.${f.attr} = `, fromValueExpression(f, imports)));
  if (toValue.length > 0) imports.add('typing', 'Any').add('pydantic_core', 'to_jsonable_python');
  const applyHeader = pyFormat(definition('def apply_to_model', [`entity: ${view.name}`, `model: ${view.model}`]), 0, '', ' -> None:');
  const fromValueHeader = pyFormat(definition('def from_value', ['value: dict[str, Any]', `model: ${view.model} | None = None`]), 0, '', ` -> ${view.model}:`);
  return { imports: imports.render(), toDomain, apply, toValue, fromValue, applyHeader, fromValueHeader };
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
