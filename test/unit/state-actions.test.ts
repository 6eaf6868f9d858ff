/**
 * Actions on a row that set a state its fields show (`POST /orders/{id}/cancel` where an order's
 * `status` takes `cancelled`): the verbs read, the operations derived from OpenAPI and markdown, the
 * handler and test generated.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnumType, Field } from '../../core/model/domain-model.js';
import { stateChangesOf } from '../../core/derive/state-actions.js';
import { generate } from '../../lib/index.js';
import { modelOfDocuments } from '../support/documents.js';

const source = { file: 'api.yaml', pointer: '' };
const field = (name: string, type: Field['type'], system = false): Field => ({ name, wireName: name, type, required: false, nullable: false, readOnly: false, writeOnly: false, constraints: {}, source, ...(system ? { system } : {}) });
const enums = new Map<string, EnumType>([
  ['OrderStatus', { name: 'OrderStatus', values: ['pending', 'paid', 'shipped', 'cancelled'], source }],
  ['EstadoCita', { name: 'EstadoCita', values: ['programada', 'cancelada', 'atendida'], source }],
  ['Review', { name: 'Review', values: ['open', 'approved'], source }],
]);

describe('the state a verb names', () => {
  const order = [field('id', { kind: 'integer' }, true), field('status', { kind: 'enum', name: 'OrderStatus' }), field('is_archived', { kind: 'boolean' }), field('active', { kind: 'boolean' })];

  it('is the enum value its participle is, regular or not, in English and the Romance languages', () => {
    expect(stateChangesOf('cancel', order, enums)).toEqual([{ field: 'status', value: 'cancelled' }]);
    expect(stateChangesOf('ship', order, enums)).toEqual([{ field: 'status', value: 'shipped' }]);
    expect(stateChangesOf('pay', order, enums)).toEqual([{ field: 'status', value: 'paid' }]);
    expect(stateChangesOf('cancelar', [field('estado', { kind: 'enum', name: 'EstadoCita' })], enums)).toEqual([{ field: 'estado', value: 'cancelada' }]);
    expect(stateChangesOf('atender', [field('estado', { kind: 'enum', name: 'EstadoCita' })], enums)).toEqual([{ field: 'estado', value: 'atendida' }]);
  });

  it('is a flag the participle names, un- and de- setting it back', () => {
    expect(stateChangesOf('archive', order, enums)).toEqual([{ field: 'is_archived', value: true }]);
    expect(stateChangesOf('unarchive', order, enums)).toEqual([{ field: 'is_archived', value: false }]);
    expect(stateChangesOf('activate', order, enums)).toEqual([{ field: 'active', value: true }]);
    expect(stateChangesOf('deactivate', order, enums)).toEqual([{ field: 'active', value: false }]);
  });

  it('is the moment the participle names too, or alone', () => {
    const service = [field('status', { kind: 'enum', name: 'OrderStatus' }), field('shipped_at', { kind: 'string', format: 'date-time' }), field('paid_on', { kind: 'string', format: 'date' })];
    expect(stateChangesOf('ship', service, enums)).toEqual([{ field: 'status', value: 'shipped' }, { field: 'shipped_at', now: true }]);
    expect(stateChangesOf('pay', [field('paid_on', { kind: 'string', format: 'date' })], enums)).toEqual([{ field: 'paid_on', now: true }]);
  });

  it('is none where no field or several take it', () => {
    expect(stateChangesOf('refund', order, enums)).toBeUndefined();
    const twice = [field('status', { kind: 'enum', name: 'Review' }), field('review', { kind: 'enum', name: 'Review' })];
    expect(stateChangesOf('approve', twice, enums)).toBeUndefined();
  });
});

const ORDERS = `openapi: 3.0.3
info: { title: Orders, version: '1' }
paths:
  /orders:
    post:
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } } }
      responses: { '201': { description: created, content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } } } }
  /orders/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
    get:
      responses: { '200': { description: one, content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } } } }
  /orders/{id}/cancel:
    parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
    post:
      responses: { '200': { description: cancelled, content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } } } }
  /orders/{id}/ship:
    parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
    post:
      responses: { '204': { description: shipped } }
  /orders/{id}/refund:
    parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
    post:
      requestBody: { content: { application/json: { schema: { type: object, properties: { reason: { type: string } } } } } }
      responses: { '200': { description: refunded, content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } } } }
components:
  schemas:
    Order:
      type: object
      required: [item]
      properties:
        id: { type: integer, readOnly: true }
        item: { type: string }
        status: { type: string, enum: [pending, shipped, cancelled, refunded], default: pending }
`;

describe('an action in an OpenAPI document', () => {
  it('sets the state where the body says nothing and the answer is the row or none; a body with fields stays custom', async () => {
    const model = await modelOfDocuments({ 'orders.yaml': ORDERS });
    const op = (name: string) => model.operations.find((o) => o.path === `/orders/{id}/${name}`)!;
    expect(op('cancel')).toMatchObject({ kind: 'action', entity: 'Order', keyParam: 'id', sets: { changes: [{ field: 'status', value: 'cancelled' }] }, response: { status: 200, type: { kind: 'object', name: 'Order' } } });
    expect(op('cancel').sets!.reason.rule).toBe('the verb "cancel" sets status to cancelled');
    expect(op('ship')).toMatchObject({ kind: 'action', sets: { changes: [{ field: 'status', value: 'shipped' }] }, response: { status: 204 } });
    expect(op('ship').response.type).toBeUndefined();
    expect(op('refund').kind).toBe('custom');
  });

  it('generates the handler, and a test of it at a row the test creates', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-actions-'));
    try {
      await writeFile(path.join(dir, 'orders.yaml'), ORDERS);
      await generate({ apiFiles: [path.join(dir, 'orders.yaml')], outDir: path.join(dir, 'out'), docs: false });
      const backend = (file: string) => readFile(path.join(dir, 'out/backend', file), 'utf8');
      const router = await backend('app/presentation/api/v1/routers/order.py');
      expect(router).toContain('from app.domain.enums import OrderStatus');
      expect(router).toContain('updated = await repository.update(replace(entity, status=OrderStatus.CANCELLED))\n    return OrderRead.model_validate(updated)');
      expect(router).toContain('@router.post("/orders/{id:integer}/ship", status_code=204, response_class=Response)\nasync def post_orders_id_ship(');
      expect(router).toContain('    """Sets the Order\'s status to shipped."""\n    entity = await repository.get(id)\n    if entity is None:\n        raise EntityNotFoundError("Order", id)\n    await repository.update(replace(entity, status=OrderStatus.SHIPPED))\n    return Response(status_code=204)\n');
      const tests = await backend('tests/unit/test_order_api.py');
      expect(tests).toContain('response = await client.post(order_url(created["id"]) + "/cancel")\n    assert response.status_code == 200, response.text\n    assert response.json()["status"] == "cancelled"');
      expect(tests).toContain('response = await client.post(order_url(created["id"]) + "/ship")\n    assert response.status_code == 204, response.text\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('an action in a markdown API list', () => {
  it('answers the row where the list says nothing of the answer, its key typed as the row\'s', async () => {
    const model = await modelOfDocuments({
      'api.md': '# Bookings\n\n## Bookings\n\n- `POST /bookings` — book\n  - guest (string, required)\n  - status (optional): pending / confirmed / cancelled\n- `GET /bookings/{id}` — one booking\n- `POST /bookings/{id}/cancel` — cancel a booking\n',
    });
    const cancel = model.operations.find((o) => o.path === '/bookings/{id}/cancel')!;
    expect(cancel).toMatchObject({ kind: 'action', sets: { changes: [{ field: 'status', value: 'cancelled' }] }, response: { status: 200, type: { kind: 'object', name: 'Booking' } } });
    expect(cancel.params.find((p) => p.name === 'id')?.type).toEqual(model.operations.find((o) => o.path === '/bookings/{id}')!.params.find((p) => p.name === 'id')!.type);
  });
});

describe('an action in `infra-stack model`', () => {
  it('is listed with what it sets and the verb that chose it', async () => {
    const { formatModelTable } = await import('../../bin/model/table.js');
    const model = await modelOfDocuments({ 'orders.yaml': ORDERS });
    const text = formatModelTable(model);
    expect(text).toContain('Actions\n\n  POST /orders/{id}/cancel: status = "cancelled"\n');
    expect(text).toMatch(/why: the verb "cancel" sets status to cancelled\n\s+at: {2}\S*orders\.yaml#\/paths\/~1orders~1\{id\}~1cancel\/post/);
  });
});
