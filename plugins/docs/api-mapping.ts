/** The view of `output/api-mapping.md`: each endpoint with its entity, operation, handler and repository calls. */
import { lookupFieldOf, type DomainModel, type Entity, type Operation } from '../../core/index.js';
import { cell, code } from './markdown.js';
import type { DocumentedStack } from '../../core/index.js';

export interface ApiMappingView {
  title: string;
  basePath: string;
  stack?: string;
  routers: { group: string; file?: string; rows: string[][] }[];
  toImplement: string[];
}

export function apiMappingView(model: DomainModel, stack: DocumentedStack | undefined): ApiMappingView {
  const entities = new Map(model.entities.map((e) => [e.name, e]));
  const groups = new Map<string, Operation[]>();
  for (const operation of model.operations) groups.set(operation.group, [...(groups.get(operation.group) ?? []), operation]);
  const routers = [...groups.keys()].sort().map((group) => {
    const operations = groups.get(group)!;
    const rows = operations.map((op) => row(op, op.entity === undefined ? undefined : entities.get(op.entity), model, stack));
    const file = stack?.endpoint(operations[0]!, undefined, model).file;
    return { group, ...(file !== undefined ? { file: code(file) } : {}), rows };
  });
  return {
    title: model.title,
    basePath: model.basePath,
    ...(stack ? { stack: stack.title } : {}),
    routers,
    toImplement: model.operations.filter((op) => op.kind === 'custom').map((op) => `${code(`${op.method.toUpperCase()} ${op.path}`)} (${code(op.name)})`),
  };
}

/** Method, path, entity, operation, handler, repository methods. */
function row(op: Operation, entity: Entity | undefined, model: DomainModel, stack: DocumentedStack | undefined): string[] {
  const code_ = stack?.endpoint(op, entity, model);
  const calls = code_ === undefined
    ? ''
    : code_.useCase !== undefined
      ? `none: use case ${code(code_.useCase)} (to implement, answers 501 until then)`
      : code_.repositoryCalls.map(code).join(', ');
  return [
    op.method.toUpperCase(),
    code(op.path),
    entity ? code(entity.name) : '—',
    operationText(op, entity),
    code(code_?.handler ?? op.name),
    calls,
  ].map(cell);
}

function operationText(op: Operation, entity: Entity | undefined): string {
  const filters = op.params.filter((p) => p.role === 'filter').map((p) => code(p.wireName));
  const sort = op.params.some((p) => p.role === 'sort');
  const lookup = entity === undefined ? undefined : lookupFieldOf(op, entity);
  const by = lookup === undefined ? '' : ` by ${code(lookup)}`;
  switch (op.kind) {
    case 'list':
      return ['list, paged', ...(filters.length > 0 ? [`filters ${filters.join(', ')}`] : []), ...(sort ? ['sorted'] : [])].join('; ');
    case 'get':
      return `get one${by}`;
    case 'create':
      return 'create';
    case 'update':
      return op.keyField !== undefined && op.keyParam === undefined ? `replace, by the ${code(entity?.fields.find((f) => f.name === op.keyField)?.wireName ?? op.keyField)} in the body` : `replace${by}`;
    case 'patch':
      return `partial update${by}`;
    case 'delete':
      return `${entity?.softDelete ? 'soft delete' : 'delete'}${by}`;
    case 'action':
      return `${(op.sets?.changes ?? []).map((change) => `sets ${code(entity?.fields.find((f) => f.name === change.field)?.wireName ?? change.field)} to ${'now' in change ? 'now' : code(String(change.value))}`).join(', ')}${by}`;
    case 'custom':
      return 'custom';
  }
}
