/**
 * Rules stated in Spanish and German requirements, whose nouns are inflected (`Kunden`,
 * `Bestellungen`, `reservas`), reach the entities they name.
 */
import { describe, expect, it } from 'vitest';
import { isRulesHeading, readRuleSentences } from '../../core/parsers/markdown/rule-sentences.js';
import { modelOfDocuments } from '../support/documents.js';

function modelOf(apiList: string, requirements: string) {
  return modelOfDocuments({ 'api.md': apiList, 'requirements.md': requirements });
}

const table = (rows: string[]) => ['| Feld | Typ | Pflicht | Beschreibung |', '|---|---|---|---|', ...rows].join('\n');

describe('rules in other languages', () => {
  it('cascades from a German sentence naming its entities inflected', async () => {
    const api = [
      '# Shop',
      '',
      '- `GET /kunden` Kunden auflisten',
      '- `POST /kunden` Kunde anlegen',
      '- `GET /bestellungen` Bestellungen auflisten',
      '- `POST /bestellungen` Bestellung anlegen',
      '',
      'Kunde:',
      '',
      table(['| name | string | ja | |']),
      '',
      'Bestellung:',
      '',
      table(['| kunde_id | integer | ja | verweist auf Kunde |', '| summe | decimal | ja | mindestens 0 |']),
      '',
    ].join('\n');
    const model = await modelOf(api, '# Anforderungen\n\n## Regeln\n\n- Beim Löschen eines Kunden werden seine Bestellungen gelöscht.\n');
    const relation = model.relations.find((r) => r.from === 'Bestellung' && r.to === 'Kunde');
    expect(relation?.onDelete).toBe('CASCADE');
    expect(model.entities.find((e) => e.name === 'Bestellung')!.fields.find((f) => f.name === 'summe')!.constraints).toEqual({ minimum: 0 });
  });

  it('soft deletes from a Spanish sentence, and cascades from another', async () => {
    const api = [
      '# Reservas',
      '',
      '| Método | Ruta | Descripción |',
      '|---|---|---|',
      '| GET | /salas | Listar salas |',
      '| POST | /salas | Crear sala |',
      '| DELETE | /salas/{id} | Borrar sala |',
      '| GET | /reservas | Listar reservas |',
      '| POST | /reservas | Crear reserva |',
      '',
      '### Sala',
      '',
      '| Campo | Tipo | Obligatorio | Descripción |',
      '|---|---|---|---|',
      '| nombre | string | sí | único |',
      '| capacidad | integer | sí | entre 1 y 500 |',
      '',
      '### Reserva',
      '',
      '| Campo | Tipo | Obligatorio | Descripción |',
      '|---|---|---|---|',
      '| sala_id | integer | sí | referencia a Sala |',
      '',
    ].join('\n');
    const model = await modelOf(api, '# Requisitos\n\n## Reglas\n\n- Las reservas se eliminan de forma lógica (soft delete).\n- Al borrar una sala se borran sus reservas.\n');
    expect(model.entities.find((e) => e.name === 'Reserva')!.softDelete).toBe(true);
    expect(model.relations.find((r) => r.from === 'Reserva' && r.to === 'Sala')?.onDelete).toBe('CASCADE');
    expect(model.entities.find((e) => e.name === 'Sala')!.fields.find((f) => f.name === 'capacidad')!.constraints).toEqual({ minimum: 1, maximum: 500 });
    expect(model.warnings ?? []).toEqual([]);
  });

  it.each([
    ['Spanish', 'Un pedido pertenece a un cliente.'],
    ['French', 'Un pedido appartient à un cliente.'],
    ['German', 'Ein pedido gehört zu einem cliente.'],
    ['Portuguese', 'Um pedido pertence a um cliente.'],
  ])('keys a child to its parent from a %s "belongs to"', async (_language, rule) => {
    const api = [
      '# Tienda',
      '',
      '- `GET /clientes` Listar',
      '- `POST /clientes` Crear',
      '- `GET /pedidos` Listar',
      '- `POST /pedidos` Crear',
      '',
      '### Cliente',
      '',
      '| Campo | Tipo | Obligatorio |',
      '|---|---|---|',
      '| nombre | cadena de texto | sí |',
      '| alta | fecha y hora | sí |',
      '',
      '### Pedido',
      '',
      '| Campo | Tipo | Obligatorio |',
      '|---|---|---|',
      '| total | importe | sí |',
      '| entregado | booleano | no |',
      '',
    ].join('\n');
    const model = await modelOf(api, `# Requisitos\n\n## Reglas\n\n- ${rule}\n`);
    expect(model.relations.map((r) => `${r.from}.${r.field}->${r.to}`)).toEqual(['Pedido.cliente_id->Cliente']);
    const types = (name: string) => model.entities.find((e) => e.name === name)!.fields.filter((f) => !f.system && f.name !== 'id').map((f) => `${f.name} ${f.type.kind}${'format' in f.type && f.type.format ? `(${f.type.format})` : ''}`);
    expect(types('Cliente')).toEqual(['nombre string', 'alta string(date-time)']);
    expect(types('Pedido')).toEqual(['total number(decimal)', 'entregado boolean', 'cliente_id integer']);
    expect(model.warnings ?? []).toEqual([]);
  });

  it.each([
    ['English', 'A cliente with pedidos cannot be deleted.'],
    ['English, the other way round', 'You cannot delete a cliente that still has pedidos.'],
    ['Spanish', 'No se puede borrar un cliente que tenga pedidos asociados.'],
    ['French', 'On ne peut pas supprimer un cliente qui a des pedidos.'],
    ['German', 'Ein Cliente kann nicht gelöscht werden, solange er Pedidos hat.'],
    ['Portuguese', 'Não é possível excluir um cliente que tenha pedidos.'],
    ['Chinese', '客户下还有订单时不允许删除。'],
  ])('refuses to delete a parent its children refer to, from a %s sentence', async (_language, rule) => {
    const api = [
      '# Tienda',
      '',
      '## 客户 Clientes',
      '',
      '- `GET /clientes` Listar',
      '- `POST /clientes` Crear',
      '',
      '## 订单 Pedidos',
      '',
      '- `GET /pedidos` Listar',
      '- `POST /pedidos` Crear',
      '',
      '### Cliente',
      '',
      '| Campo | Tipo | Obligatorio |',
      '|---|---|---|',
      '| nombre | texto | sí |',
      '',
      '### Pedido',
      '',
      '| Campo | Tipo | Obligatorio |',
      '|---|---|---|',
      '| cliente_id | entero | no |',
      '',
    ].join('\n');
    const model = await modelOf(api, `# Requisitos\n\n## Reglas\n\n- ${rule}\n`);
    // An optional key would be set to NULL; the rule keeps the parent while children point at it.
    expect(model.entities.find((e) => e.name === 'Pedido')!.foreignKeys.map((k) => `${k.field}->${k.target} ${k.onDelete}`)).toEqual(['cliente_id->Cliente RESTRICT']);
    expect(model.warnings ?? []).toEqual([]);
  });

  it('resolves a rule by the second name a model heading gives (`Course (Kurs)`), and a Spanish word ending in an accented letter', async () => {
    const api = [
      '# Kurse',
      '',
      '- `GET /courses`',
      '- `POST /courses`',
      '- `GET /categorias`',
      '- `POST /categorias`',
      '',
      '### Course (Kurs)',
      '',
      '| Feld | Typ | Pflicht |',
      '|---|---|---|',
      '| title | string | ja |',
      '| categoria_id | int | nein |',
      '',
      '### Categoria',
      '',
      '| Campo | Tipo | Obligatorio |',
      '|---|---|---|',
      '| nombre | texto | sí |',
      '',
    ].join('\n');
    const model = await modelOf(api, '# Regeln\n\n## Regeln\n\n- Kurse werden weich gelöscht.\n- No se puede borrar una categoría que tenga courses.\n');
    expect(model.entities.find((e) => e.name === 'Course')!.softDelete).toBe(true);
    expect(model.entities.find((e) => e.name === 'Course')!.foreignKeys.map((k) => `${k.field}->${k.target} ${k.onDelete}`)).toEqual(['categoria_id->Categoria RESTRICT']);
    expect(model.warnings ?? []).toEqual([]);
  });
});

describe('rule sentences read in Italian, Vietnamese and hurried English', () => {
  const read = (text: string) => readRuleSentences([{ text, line: 1, inRules: true }], 'requirements.md').rules.map(({ source: _source, ...rule }) => rule);

  it('reads German restrictions, a parent of the same kind, a key cleared, and rows soft deleted with their parent', () => {
    expect(read('Eine Kategorie kann nicht gelöscht werden, solange ihr Fahrräder zugeordnet sind.')).toEqual([{ kind: 'restrict', parent: 'Kategorie', child: 'Fahrräder' }]);
    expect(read('Ein Fahrrad mit Buchungen kann nicht gelöscht werden.')).toEqual([{ kind: 'restrict', parent: 'Fahrrad', child: 'Buchungen' }]);
    expect(read('Eine Kategorie kann eine Oberkategorie haben.')).toEqual([{ kind: 'self-reference', entity: 'Kategorie', via: 'oberkategorie' }]);
    expect(read('Beim Löschen einer Station werden die Fahrräder nicht gelöscht, sondern ohne Station weitergeführt.')).toEqual([{ kind: 'set-null', parent: 'Station', child: 'Fahrräder' }]);
    expect(read('Fahrten werden mit ihrem Fahrzeug soft gelöscht.')).toEqual([{ kind: 'soft-delete-with', parent: 'Fahrzeug', child: 'Fahrten' }]);
  });

  it('takes a German compound ending in -regeln (Dutch -regels, Scandinavian -regler) as a rules heading, so what it does not understand under it is reported', () => {
    expect(['Geschäftsregeln', 'Fachliche Regeln', 'Löschregeln', 'Bedrijfsregels', 'Affärsregler', 'Forretningsregler', 'Reglerna'].map(isRulesHeading)).toEqual([true, true, true, true, true, true, true]);
    expect(['Regleringar', 'Reglering'].map(isRulesHeading)).toEqual([false, false]);
    expect(['Regelmäßige Berichte', 'Endpunkte'].map(isRulesHeading)).toEqual([false, false]);
  });

  it('reads cascades, restrictions, soft deletes and many-to-many written as these languages say them', () => {
    expect(read('Se si elimina un immobile, vengono eliminati anche tutti i suoi contratti.')).toEqual([{ kind: 'cascade', parent: 'un immobile', child: 'contratti' }]);
    expect(read('Un proprietario che ha ancora immobili in gestione non può essere eliminato.')).toEqual([{ kind: 'restrict', parent: 'proprietario', child: 'immobili' }]);
    expect(read('Non si può eliminare una zona che contiene sottozone.')).toEqual([{ kind: 'restrict', parent: 'zona', child: 'sottozone' }]);
    expect(read('Khi xóa nhà hàng, toàn bộ danh mục và món ăn của nhà hàng đó cũng bị xóa theo.')).toEqual([
      { kind: 'cascade', parent: 'nhà hàng', child: 'danh mục' },
      { kind: 'cascade', parent: 'nhà hàng', child: 'món ăn' },
    ]);
    expect(read('Khi xóa danh mục, các món ăn thuộc danh mục đó vẫn giữ lại, chỉ bỏ liên kết danh mục.')).toEqual([{ kind: 'set-null', parent: 'danh mục', child: 'món ăn' }]);
    expect(read('users are never really deleted, just flagged')).toMatchObject([{ kind: 'soft-delete' }]);
    expect(read('Gli inquilini eliminati vengono solo contrassegnati come cancellati.')).toMatchObject([{ kind: 'soft-delete' }]);
    // Many to many, said so: no key from one to the other.
    expect(read('Un inquilino può essere intestatario di più contratti e un contratto può avere più inquilini: relazione molti-a-molti.')).toEqual([
      { kind: 'many-to-many', from: 'inquilino', to: 'contratti' },
    ]);
  });

  it('reads a cascade said "along with it", and no cascade where the parent is only taken off its children', () => {
    expect(read('When an invoice is deleted, its lines are deleted along with it.')).toEqual([{ kind: 'cascade', parent: 'an invoice', child: 'its lines' }]);
    expect(read('Deleting a category just removes it from the products it was attached to; the products themselves remain.')).toEqual([]);
  });

  it('reads no soft delete where a clause negates it, and one where a later clause negates the hard delete', () => {
    expect(read('Soft delete is not used for tags.')).toEqual([]);
    expect(read('Nhà hàng bị xóa thì chỉ đánh dấu đã xóa (xóa mềm), không xóa khỏi cơ sở dữ liệu.')).toMatchObject([{ kind: 'soft-delete' }]);
  });
});

describe('a sentence forbidding a delete', () => {
  const read = (text: string) => readRuleSentences([{ text, line: 1, inRules: true }], 'requirements.md').rules.map(({ source: _source, ...rule }) => rule);

  it.each([
    ['删除分类时，若该分类下有商品，则不允许删除。', '分类', '商品'],
    ['删除部门前如果部门下存在员工则不能删除', '部门', '员工'],
    ['分类下有商品时不允许删除', '分类', '商品'],
  ])('%s restricts, and cascades nothing', (text, parent, child) => {
    expect(read(text)).toEqual([{ kind: 'restrict', parent, child }]);
  });

  it('keeps a cascade said without a negation', () => {
    expect(read('删除订单时删除其明细')).toEqual([{ kind: 'cascade', parent: '订单', child: '其明细' }]);
  });
});

describe('Spanish sentences as a clinic writes them', () => {
  const api = [
    '# API',
    '',
    '## Crear paciente `POST /pacientes`',
    '',
    '| campo | tipo | obligatorio | notas |',
    '|---|---|---|---|',
    '| nombre | texto | sí | |',
    '| documento_identidad | texto | sí | |',
    '',
    '## Paciente `GET /pacientes/{id}`',
    '',
    '## Crear cita `POST /citas`',
    '',
    '| campo | tipo | obligatorio | notas |',
    '|---|---|---|---|',
    '| paciente_id | entero | sí | |',
    '| duracion_minutos | entero | no | |',
    '',
    '## Cita `GET /citas/{id}`',
    '',
    '## Crear receta `POST /recetas`',
    '',
    '| campo | tipo | obligatorio | notas |',
    '|---|---|---|---|',
    '| cita_id | entero | sí | |',
    '| medicamento | texto | sí | |',
    '',
    '## Receta `GET /recetas/{id}`',
    '',
  ].join('\n');
  const requirements = [
    '# Requerimientos',
    '',
    '## Reglas',
    '',
    '- El documento de identidad del paciente también es único.',
    '- La duración de la cita debe estar entre 10 y 120.',
    '- Cuando se elimina una cita, se eliminan también todas sus recetas (eliminación en cascada).',
    '',
  ].join('\n');

  it('finds a field whose words hold "de" before its entity, without accents, and reads the cascade', async () => {
    const model = await modelOf(api, requirements);
    expect(model.warnings ?? []).toEqual([]);
    const entity = (name: string) => model.entities.find((e) => e.name === name)!;
    expect(entity('Paciente').uniques.map((u) => u.fields)).toEqual([['documento_identidad']]);
    expect(entity('Cita').fields.find((f) => f.name === 'duracion_minutos')?.constraints).toMatchObject({ minimum: 10, maximum: 120 });
    expect(entity('Receta').foreignKeys.find((k) => k.field === 'cita_id')?.onDelete).toBe('CASCADE');
  });
});
