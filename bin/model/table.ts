import { locationOf, type SourceLocation } from '../../core/model/api-document.js';
import type { AssignedText, Component, DomainModel, Entity, Field, ForeignKey, Placeholder, Reason, Relation } from '../../core/model/domain-model.js';
import { typeText } from '../../core/model/type-text.js';
import { alignColumns } from './columns.js';

const INDENT = '  ';
/** Width of the kind column of decisions (`foreign key`); their reasons sit under what follows it. */
const KIND_WIDTH = 'foreign key'.length;
const REASON_INDENT = `${INDENT}${' '.repeat(KIND_WIDTH)}  `;

/**
 * The model as text for a terminal: per entity its settings, a table of fields and its keys,
 * uniques and indexes, then the relations, each with the rule that produced it and where.
 * Source paths are printed as the model holds them (make them relative first).
 */
export function formatModelTable(model: DomainModel): string {
  const sections = [
    summaryLines(model),
    ...model.entities.map((entity) => entityLines(entity)),
    relationLines(model.relations),
    enumLines(model),
    answerLines(model.operations),
    actionLines(model.operations),
    componentLines(model.components ?? [], model.placeholders ?? []),
    warningLines(model.warnings ?? []),
  ];
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}

/** What the readers did not understand (a rule sentence), each with where it was written. */
function warningLines(warnings: NonNullable<DomainModel['warnings']>): string[] {
  if (warnings.length === 0) return [];
  return ['Warnings', '', ...warnings.map(({ message, source }) => `  ${sourceText(source)}: ${message}`)];
}

/** `file:line` for line-based documents, `file#/json/pointer` otherwise. */
export function sourceText(source: SourceLocation): string {
  return `${source.file}${source.line !== undefined ? ':' : '#'}${locationOf(source)}`;
}

function summaryLines(model: DomainModel): string[] {
  const counts = [
    plural(model.entities.length, 'entity', 'entities'),
    plural(model.relations.length, 'relation', 'relations'),
    plural(model.enums.length, 'enum', 'enums'),
    plural(model.operations.length, 'operation', 'operations'),
  ];
  return [
    `${model.title} ${model.version}`,
    `${counts.join(', ')}${model.basePath ? `; base path ${model.basePath}` : ''}${model.database ? `; database ${model.database}` : ''}`,
  ];
}

function entityLines(entity: Entity): string[] {
  const settings = [
    `table ${entity.table}`,
    `layers ${entity.layers.join(', ')}`,
    `soft delete ${entity.softDelete ? 'yes' : 'no'}`,
    `tenant ${entity.tenantField ?? 'none'}`,
    ...(entity.owner ? [`owned by ${entity.owner.entity} (${entity.owner.field})`] : []),
    ...(entity.renamedFrom ? [`renamed from ${entity.renamedFrom}`] : []),
  ];
  const table = [
    ...decisionLines('table', entity.table, entity.reasons.table),
    ...(entity.reasons.softDelete ? decisionLines('soft delete', entity.softDeleteField ? `yes, marked by ${entity.softDeleteField}` : 'yes', entity.reasons.softDelete) : []),
    ...(entity.reasons.primaryKey ? decisionLines('key', entity.primaryKey.field, entity.reasons.primaryKey) : []),
    ...(entity.reasons.stamps ? decisionLines('stamps', entity.fields.filter((f) => f.stamp !== undefined).map((f) => `${f.name} (${f.stamp})`).join(', '), entity.reasons.stamps) : []),
    ...(entity.reasons.writeOnly ? decisionLines('write only', entity.fields.filter((f) => f.writeOnly).map((f) => f.name).join(', '), entity.reasons.writeOnly) : []),
  ];
  return [
    `${entity.name}: ${settings.join('; ')}`,
    `${INDENT}from ${sourceText(entity.source)}`,
    '',
    ...fieldTable(entity),
    '',
    ...table,
    ...keyLines(entity),
  ];
}

function fieldTable(entity: Entity): string[] {
  const header = ['field', 'wire name', 'type', 'required', 'nullable', 'pk', 'system', 'references'];
  const rows = entity.fields.map((field) => [
    field.name,
    field.wireName,
    typeText(field.type),
    field.required ? 'yes' : 'no',
    field.nullable ? 'yes' : 'no',
    field.name === entity.primaryKey.field ? 'PK' : '',
    field.system ? 'yes' : '',
    referenceText(entity, field),
  ]);
  return alignColumns([header, ...rows], INDENT);
}

/** The foreign key a column holds, or the relation that carries a field that is no column. */
function referenceText(entity: Entity, field: Field): string {
  const key = entity.foreignKeys.find((candidate) => candidate.field === field.name);
  if (key) return `${key.target}.${key.targetField} on delete ${key.onDelete}`;
  return field.relation ? `no column: relation ${field.relation}` : '';
}

function keyLines(entity: Entity): string[] {
  const key = entity.primaryKey;
  return [
    decisionLine('primary key', `${key.field} (${typeText(key.type)}${key.generated ? `, generated${assignedTextNote(key.assignedText)}` : ''})`),
    ...entity.foreignKeys.flatMap((foreignKey) => decisionLines('foreign key', foreignKeyText(foreignKey), foreignKey.reason)),
    ...entity.uniques.flatMap((unique) => decisionLines('unique', unique.fields.join(', '), unique.reason)),
    ...entity.indexes.flatMap((index) => decisionLines('index', index.fields.join(', '), index.reason)),
  ];
}

/** How the app makes a text key up, where that is not its whole UUID in hex. */
function assignedTextNote(text: AssignedText | undefined): string {
  if (text === undefined || (text.form === 'hex' && text.digits === 32)) return '';
  return text.form === 'uuid-text' ? ' as a UUID\'s text' : ` as ${text.digits} hex digits`;
}

function foreignKeyText(key: ForeignKey): string {
  return `${key.field} -> ${key.target}.${key.targetField} on delete ${key.onDelete}`;
}

/** What was decided (`unique  email`), and below it the rule and the place that decided it. */
function decisionLines(kind: string, what: string, reason: Reason): string[] {
  return [decisionLine(kind, what), ...reasonLines(reason)];
}

function decisionLine(kind: string, what: string): string {
  return `${INDENT}${kind.padEnd(KIND_WIDTH)}  ${what}`;
}

function reasonLines(reason: Reason): string[] {
  return [`${REASON_INDENT}why: ${reason.rule}`, `${REASON_INDENT}at:  ${sourceText(reason.source)}`];
}

function relationLines(relations: readonly Relation[]): string[] {
  if (relations.length === 0) return [];
  return ['Relations', ...relations.flatMap((relation) => ['', ...relationBlock(relation)])];
}

function relationBlock(relation: Relation): string[] {
  const traits = [relation.selfReference ? 'self-reference' : '', relation.owned ? 'owned' : ''].filter(Boolean);
  const rows = [
    ['from -> to', `${relation.from} -> ${relation.to}`],
    ['attribute', `${relation.from}.${relation.attribute}${relation.inverse ? `, inverse ${relation.to}.${relation.inverse}` : ', no inverse'}`],
    [relation.kind === 'many-to-one' ? 'key' : 'list field', `${relation.from}.${relation.field}`],
    ...(relation.joinTable ? [['join table', `${relation.joinTable.table} (${relation.joinTable.fromColumn}, ${relation.joinTable.toColumn})`]] : []),
    ['on delete', relation.onDelete],
  ];
  return [
    `${INDENT}${relation.name}: ${relation.kind}${traits.length > 0 ? ` (${traits.join(', ')})` : ''}`,
    // One level deeper than the name, the text still starting where the reasons do.
    ...alignColumns(rows.map(([label = '', text = '']) => [label.padEnd(KIND_WIDTH - INDENT.length), text]), `${INDENT}${INDENT}`),
    ...reasonLines(relation.reason),
  ];
}

/** The actions that set a state of a row (`POST /orders/{id}/cancel`), each with what it sets and the verb that chose it. */
function actionLines(operations: DomainModel['operations']): string[] {
  const actions = operations.filter((op) => op.kind === 'action' && op.sets !== undefined);
  if (actions.length === 0) return [];
  return [
    'Actions',
    ...actions.flatMap((op) => [
      '',
      `${INDENT}${op.method.toUpperCase()} ${op.path}: ${op.sets!.changes.map((change) => `${change.field} = ${'now' in change ? 'now' : JSON.stringify(change.value)}`).join(', ')}`,
      ...reasonLines(op.sets!.reason),
    ]),
  ];
}

/** The envelopes the operations answer in (`{"code": 200, "msg": "success", "data": …}`), with how many answer in each. */
function answerLines(operations: DomainModel['operations']): string[] {
  const counts = new Map<string, number>();
  for (const op of operations) {
    const envelope = op.response.envelope;
    if (!envelope) continue;
    const shown = `{${[...envelope.fields.map((f) => `${JSON.stringify(f.name)}: ${JSON.stringify(f.value)}`), `${JSON.stringify(envelope.dataField)}: …`].join(', ')}}`;
    counts.set(shown, (counts.get(shown) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  return ['Answers', ...alignColumns([...counts].map(([shown, count]) => ['envelope', `${shown}: ${count} of ${plural(operations.length, 'operation', 'operations')}`]), INDENT)];
}

function enumLines(model: DomainModel): string[] {
  if (model.enums.length === 0) return [];
  return ['Enums', ...alignColumns(model.enums.map((type) => [type.name, type.values.join(', ')]), INDENT)];
}

function componentLines(components: readonly Component[], placeholders: readonly Placeholder[]): string[] {
  const lines: string[] = [];
  if (components.length > 0) {
    const rows = components.map((component) => [component.name, component.layer, component.entity ? `entity ${component.entity}` : '', sourceText(component.source)]);
    lines.push('Components', ...alignColumns(rows, INDENT));
  }
  if (placeholders.length > 0) {
    if (lines.length > 0) lines.push('');
    const rows = placeholders.map((placeholder) => [placeholder.name, placeholder.kind, `referenced by ${placeholder.referencedBy.join(', ')}`]);
    lines.push('Placeholders (referred to, not defined)', ...alignColumns(rows, INDENT));
  }
  return lines;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
