import type { ComponentDefinition, SchemaNode } from '../../model/api-document.js';
import { SCHEMA_HINTS } from '../../model/hints.js';
import { componentSchemaName } from '../openapi/json-pointer.js';

const SAVING_METHODS = ['save', 'create', 'add', 'insert', 'upsert', 'update'];

/**
 * The class a schema node names: the target of a `$ref`, or an `x-class`; looks through
 * `anyOf: [X, null]`. Undefined for scalars, arrays and maps.
 */
export function classNameOf(schema: SchemaNode): string | undefined {
  if (typeof schema.$ref === 'string') return componentSchemaName(schema.$ref);
  const className = schema[SCHEMA_HINTS.className];
  if (typeof className === 'string') return className;
  if (Array.isArray(schema.anyOf)) {
    const named = (schema.anyOf as SchemaNode[]).map(classNameOf).filter((name): name is string => name !== undefined);
    return named.length === 1 ? named[0] : undefined;
  }
  return undefined;
}

/**
 * The entity a repository persists: the longest tail of its name before `Repository` that is an
 * entity (`SqlCustomerRepository` → `Customer`), else the class its saving method takes
 * (`save(invoice: Invoice)`), which may be no entity at all (a placeholder is then due).
 */
export function persistedEntityOf(component: ComponentDefinition, isEntity: (name: string) => boolean): string | undefined {
  const base = component.name.replace(/(Repository|Repo)$/, '');
  const words = base.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? [];
  for (let start = 0; start < words.length; start += 1) {
    const candidate = words.slice(start).join('');
    if (isEntity(candidate)) return candidate;
  }
  for (const methodName of SAVING_METHODS) {
    const method = component.methods.find((m) => m.name === methodName);
    const named = method?.parameters.map((p) => classNameOf(p.schema)).find((name) => name !== undefined);
    if (named !== undefined) return named;
  }
  return undefined;
}
