import type { DomainModel, Field, Operation } from '../../../core/index.js';
import { schemaClassName, singleCreateOf } from '../code-names.js';
import type { EnumMembers } from '../python/enum-members.js';
import { PythonImports } from '../python/imports.js';
import { pyString } from '../python/names.js';
import type { EntityView, FieldView } from './entities.js';
import { COMPONENTS_MODULE, wireFieldLine, withRegexEngine, type ClassView } from './wire.js';

export interface SchemaModuleView {
  imports: string;
  /** `base`: the class the schema extends, BaseModel when none is given. */
  classes: (ClassView & { base?: string; changes?: { partial: boolean; lines: string[] } })[];
}

/** Read, create, update and patch schemas of an entity, each with its conversion to the domain. */
export function entitySchemas(view: EntityView, operations: Operation[], enums: EnumMembers, model: DomainModel): { module: SchemaModuleView; names: Record<string, string> } {
  const imports = new PythonImports().add('pydantic', 'BaseModel', 'ConfigDict');
  const classes: SchemaModuleView['classes'] = [];
  const names: Record<string, string> = {};
  const readFields = view.fields.filter((f) => f.onWire && !f.field.writeOnly);
  names.read = schemaClassName(view.name, 'Read', model);
  classes.push({
    name: names.read,
    doc: `${view.name} as the API returns it.`,
    config: 'ConfigDict(populate_by_name=True, from_attributes=True)',
    lines: readFields.map((f) => wireFieldLine({ ...f.field, required: f.primaryKey || answeredAlways(f) }, imports, { modelModule: COMPONENTS_MODULE, enums, attr: f.attr, travels: 'response' })),
  });
  const inputs: [kind: 'create' | 'update' | 'patch', suffix: 'Create' | 'Update' | 'Patch', doc: string][] = [
    ['create', 'Create', `What a client sends to create a ${view.name}.`],
    ['update', 'Update', `What a client sends to replace a ${view.name}.`],
    ['patch', 'Patch', `What a client sends to change some fields of a ${view.name}.`],
  ];
  for (const [kind, suffix, doc] of inputs) {
    // A batch create takes a list of what the single create takes.
    const operation = kind === 'create' ? singleCreateOf(operations) : operations.find((op) => op.kind === kind && op.input);
    if (!operation?.input) continue;
    const partial = kind === 'patch';
    const required = new Set(operation.input.required);
    const fields = view.fields.filter((f) => operation.input!.fields.includes(f.column));
    // Checked as the document types them, not set: a value for each may be left out.
    const ignored = new Set(operation.input.ignored ?? []);
    const declared = view.fields.filter((f) => operation.input!.fields.includes(f.column) || ignored.has(f.column));
    imports.add('typing', 'Any');
    names[kind] = schemaClassName(view.name, suffix, model);
    const { config, regexEngine } = withRegexEngine('ConfigDict(populate_by_name=True)', declared.map((f) => f.field));
    const textToo = operation.body?.jsonAsText !== undefined;
    if (textToo) imports.add('app.presentation.api.v1.schemas.common', 'JsonTextBody');
    classes.push({
      name: names[kind]!,
      ...(textToo ? { base: 'JsonTextBody' } : {}),
      doc,
      config,
      lines: declared.map((f) => {
        const unused = ignored.has(f.column);
        return wireFieldLine(unused ? ignoredField(f.field) : inputField(operation, f.field, required.has(f.column)), imports, { partial: partial || unused, modelModule: COMPONENTS_MODULE, enums, attr: f.attr, integerWidth: f.integerWidth, travels: 'request', regexEngine });
      }),
      changes: {
        partial,
        lines: fields.map((f) => {
          if (f.jsonStored) imports.add('app.presentation.api.v1.schemas.common', 'to_plain');
          const attr = f.attr;
          return `${pyString(attr)}: ${f.jsonStored ? `to_plain(self.${attr})` : `self.${attr}`},`;
        }),
      },
    });
  }
  return { module: { imports: imports.render(), classes }, names };
}

/**
 * A field as a body of `operation` carries it. The key a replace reads from its body (`PUT /pet`)
 * takes no default: a body without it names no row, not the row of the default (the Petstore's `id: 40`).
 */
function inputField(operation: Operation, field: Field, required: boolean): Field {
  const { default: _default, ...rest } = field;
  return operation.keyParam === undefined && operation.keyField === field.name ? { ...rest, required } : { ...field, required };
}

/** A field the body may carry that the operation does not set: any valid value, or none. */
function ignoredField(field: Field): Field {
  const { default: _default, ...rest } = field;
  return { ...rest, required: false };
}

/**
 * A required field the answer always holds: not a read-only one (gsmtasks' `url`, `sent_at`), which
 * no client sends and only what fills it (the database's defaults for timestamps, code the document
 * does not describe) gives a value: it is left out while the row has none, rather than failing the answer.
 */
function answeredAlways(f: FieldView): boolean {
  return f.field.required && !f.field.readOnly;
}
