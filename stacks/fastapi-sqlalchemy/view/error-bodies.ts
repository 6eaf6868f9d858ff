import type { DomainModel, ErrorBody, ErrorSlot } from '../../../core/model/domain-model.js';
import { handlerName } from '../code-names.js';
import { call, collection, entry, pyFormat, pyValue, type PyExpr } from '../python/layout.js';
import { pyString } from '../python/names.js';

/** `app/presentation/error_bodies.py`: the error bodies the document declares, by operation and status. */
export interface ErrorBodiesView {
  /** `ANSWERS: list[dict[int, Answer]] = [...]`, laid out. */
  answers: string;
  /** `OPERATION_ANSWERS: dict[str, int] = {...}`, laid out: each operation's handler, by name. */
  operations: string;
  documentAnswers: number;
  /** The media type a request no operation takes is answered in (404), as a Python literal, when the document's shape has one. */
  notFoundMediaType?: string;
}

const SLOT_MEMBERS: Record<ErrorSlot, string> = {
  status: 'Slot.STATUS',
  'status-text': 'Slot.STATUS_TEXT',
  reason: 'Slot.REASON',
  message: 'Slot.MESSAGE',
  code: 'Slot.CODE',
  'request-id': 'Slot.REQUEST_ID',
  'request-uuid': 'Slot.REQUEST_UUID',
  timestamp: 'Slot.TIMESTAMP',
  path: 'Slot.PATH',
};

/** Undefined when no operation declares an error body the app can give: errors keep the app's own `{"detail": ...}`. */
export function errorBodiesView(model: DomainModel): ErrorBodiesView | undefined {
  const sets = model.errorResponses;
  if (!sets || sets.length === 0 || model.documentErrors === undefined) return undefined;
  const notFound = sets[model.documentErrors]?.find((answer) => answer.status === 404);
  const answers = collection(
    '[',
    sets.map((set) => collection('{', set.map((answer) => entry(String(answer.status), call('Answer', [pyString(answer.contentType), bodyExpr(answer.body)]))))),
  );
  const operations = collection(
    '{',
    model.operations.filter((op) => op.errors !== undefined).map((op) => entry(pyString(handlerName(op)), String(op.errors))),
  );
  return {
    answers: pyFormat(answers, 0, 'ANSWERS: list[dict[int, Answer]] = '),
    operations: pyFormat(operations, 0, 'OPERATION_ANSWERS: dict[str, int] = '),
    documentAnswers: model.documentErrors,
    ...(notFound ? { notFoundMediaType: pyString(notFound.contentType) } : {}),
  };
}

function bodyExpr(body: ErrorBody): PyExpr {
  switch (body.kind) {
    case 'slot':
      return SLOT_MEMBERS[body.slot];
    case 'value':
      return pyValue(body.value);
    case 'array':
      return collection('[', body.items.map(bodyExpr));
    case 'object':
      return collection('{', body.properties.map((p) => entry(pyString(p.name), bodyExpr(p.value))));
  }
}
