import { toSnake, type DomainModel, type Operation, type ResponseEnvelope } from '../../../core/index.js';
import { NameScope } from '../python/identifiers.js';
import { pyLiteral, pyString } from '../python/names.js';

/** The module of the envelope class and its `enveloped()`, written when some answer has an envelope. */
export const ENVELOPE_MODULE = 'app.presentation.api.v1.schemas.envelope';

/** One property of the envelope besides its data: its attribute, annotation and value on success. */
export interface EnvelopeFieldView {
  attr: string;
  /** The wire name as a Python string. */
  wire: string;
  annotation: string;
  value: string;
  /** How a test compares the value: `is` for `True`, `False` and `None` (ruff's E711, E712). */
  comparison: 'is' | '==';
  /** `Field(alias="errCode")` where the attribute is not the wire name. */
  alias?: string;
}

export interface EnvelopeView {
  fields: EnvelopeFieldView[];
  data: { attr: string; alias?: string };
  dataWire: string;
  /** Some property's attribute is not its wire name. */
  aliased: boolean;
  /** The document's words for it: `{"code": 200, "msg": "success", "data": ...}`. */
  example: string;
}

/**
 * The envelope the operations' answers come in. A document states one for all its answers (the
 * markdown reader gives each operation the same); where operations carry different ones, the
 * first one's class serves, and the others' operations answer without it (see `envelopeOf`).
 */
export function envelopeView(model: DomainModel): EnvelopeView | undefined {
  const envelope = modelEnvelope(model);
  if (!envelope) return undefined;
  const scope = new NameScope('attribute');
  const attribute = (name: string) => {
    const attr = scope.name(toSnake(name));
    return { attr, ...(attr !== name ? { alias: name } : {}) };
  };
  const fields = envelope.fields.map(({ name, value }) => ({ ...attribute(name), wire: pyString(name), annotation: annotationOf(value), value: pyLiteral(value), comparison: value === null || typeof value === 'boolean' ? ('is' as const) : ('==' as const) }));
  const data = attribute(envelope.dataField);
  const example = `{${[...envelope.fields.map((f) => `${JSON.stringify(f.name)}: ${JSON.stringify(f.value)}`), `${JSON.stringify(envelope.dataField)}: ...`].join(', ')}}`;
  const aliased = data.alias !== undefined || fields.some((f) => f.alias !== undefined);
  return { fields, data, dataWire: pyString(envelope.dataField), aliased, example: pyString(example).slice(1, -1) };
}

/** How a generated test reads an answer's body: out of its envelope (tests/answers.py), or as it is. */
export function answerReader(envelope: EnvelopeView | undefined): string {
  return envelope ? 'answer_of(response)' : 'response.json()';
}

/** The envelope the generated app wraps this operation's answer in: the model's one, when the operation carries it. */
export function envelopeOf(op: Operation, model: { operations: readonly Operation[] }): ResponseEnvelope | undefined {
  const envelope = op.response.envelope;
  return envelope && sameEnvelope(envelope, modelEnvelope(model)) ? envelope : undefined;
}

function modelEnvelope(model: { operations: readonly Operation[] }): ResponseEnvelope | undefined {
  return model.operations.find((op) => op.kind !== 'custom' && op.response.envelope !== undefined)?.response.envelope;
}

function sameEnvelope(a: ResponseEnvelope, b: ResponseEnvelope | undefined): boolean {
  return b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

function annotationOf(value: string | number | boolean | null): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'str';
}
