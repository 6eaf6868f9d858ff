import { describe, expect, it } from 'vitest';
import { fieldAttributes, NameScope, pyName, type IdentifierKind } from '../../dist/stacks/fastapi-sqlalchemy/python/identifiers.js';
import { completeImports } from '../../dist/stacks/fastapi-sqlalchemy/python/import-resolver.js';
import { conditionalTier, documentPath, pathTypes, routeCondition, routePath, routeRank, shadowedOperations } from '../../dist/stacks/fastapi-sqlalchemy/view/route-paths.js';
import { pyColumnName } from '../../dist/stacks/fastapi-sqlalchemy/sql-words.js';
import type { Operation } from '../../dist/core/index.js';

/** Names a document may use for anything: none may come out as it went in where Python or the generated code gives it a meaning. */
const HOSTILE = [
  'class', 'from', 'import', 'lambda', 'None', 'True', 'match', 'case', 'type', '_', 'list', 'dict', 'str', 'int', 'date', 'datetime',
  'time', 'decimal', 'Decimal', 'UUID', 'uuid4', 'json', 'metadata', 'model_config', 'Field', 'field', 'Any', 'Annotated',
  'mapped_column', 'relationship', 'router', 'entities', 'replace', '2fa', '2016_11_15', '名前', 'café', '', '__init__', 'BaseModel',
  'ValueError', 'Exception', 'Base', 'Settings', 'l', 'I', 'O', 'i', 'o',
];

const KINDS: IdentifierKind[] = ['module', 'class', 'function', 'parameter', 'attribute', 'member'];

/** Python 3.11's keywords and soft keywords, and the names a class body or module of the generated code refers to. */
const FORBIDDEN = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield', 'match', 'case', 'type', '_', 'list', 'dict', 'str', 'int', 'date', 'datetime', 'time',
  'Decimal', 'UUID', 'uuid4', 'Field', 'field', 'Any', 'Annotated', 'mapped_column', 'relationship', 'router', 'entities',
  'replace', 'BaseModel', 'ValueError', 'Exception', 'Base', 'Settings', 'l', 'I', 'O',
]);

describe('Python identifiers', () => {
  it('turns every hostile name into a valid identifier of each kind that shadows nothing the code uses', () => {
    for (const kind of KINDS) {
      for (const name of HOSTILE) {
        const identifier = pyName(name, kind);
        expect(identifier, `${kind} ${JSON.stringify(name)}`).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
        expect(/^[0-9]/.test(identifier), `${kind} ${JSON.stringify(name)} → ${identifier}`).toBe(false);
        if (kind !== 'member' || ['l', 'I', 'O'].includes(identifier)) expect(FORBIDDEN.has(identifier), `${kind} ${JSON.stringify(name)} → ${identifier}`).toBe(false);
      }
    }
  });

  it('spells enum members of values in other scripts in Latin letters, not as stand-ins', async () => {
    const { pyEnumMember } = await import('../../dist/stacks/fastapi-sqlalchemy/python/names.js');
    expect(['文学', '科技', 'ひらがな', 'Привет', 'café', 'in-stock', ''].map(pyEnumMember)).toEqual(['WEN_XUE', 'KE_JI', 'HIRAGANA', 'PRIVET', 'CAFE', 'IN_STOCK', 'EMPTY']);
  });

  it('keeps names that are valid and free as they are, and spells the others readably', () => {
    expect(pyName('photo_urls', 'attribute')).toBe('photo_urls');
    expect(pyName('id', 'attribute')).toBe('id');
    expect(pyName('status', 'attribute')).toBe('status');
    expect(pyName('Pet', 'class')).toBe('Pet');
    expect(pyName('class', 'module')).toBe('class_');
    expect(pyName('2016_11_15', 'module')).toBe('n_2016_11_15');
    expect(pyName('date', 'attribute')).toBe('date_');
    expect(pyName('list', 'function')).toBe('list_');
    expect(pyName('json', 'attribute')).toBe('json_');
    expect(pyName('json', 'parameter')).toBe('json');
    expect(pyName('model_config', 'attribute')).toBe('model_config_');
    expect(pyName('None', 'class')).toBe('NoneSchema');
    expect(pyName('UUID', 'class')).toBe('UUIDSchema');
    expect(pyName('2Factor', 'class')).toBe('N2Factor');
    expect(pyName('café', 'attribute')).toBe('cafe');
    expect(pyName('名前', 'attribute')).toBe('value');
    expect(pyName('', 'class')).toBe('Unnamed');
    expect(pyName('2nd', 'member')).toBe('V_2ND');
    expect(pyName('i', 'member')).toBe('I_');
    expect(pyName('l', 'attribute')).toBe('l_');
    expect(pyName('O', 'class')).toBe('OSchema');
  });

  it('numbers names that collapse to one identifier in a scope, and answers the same for the same key', () => {
    const scope = new NameScope('parameter', ['payload']);
    expect(scope.name('class', 'a')).toBe('class_');
    expect(scope.name('class_', 'b')).toBe('class__2');
    expect(scope.name('payload', 'c')).toBe('payload_2');
    expect(scope.name('class', 'a')).toBe('class_');
  });

  it('never spells an attribute like another field of its owner on the wire', () => {
    const owner = { fields: [{ name: 'from', wireName: 'from' }, { name: 'from_2', wireName: 'from_' }, { name: 'foo_bar_2', wireName: 'fooBar' }, { name: 'foo_bar', wireName: 'foo_bar' }] };
    const attributes = fieldAttributes(owner);
    expect(attributes.get('from')).not.toBe('from_');
    expect(attributes.get('foo_bar')).toBe('foo_bar');
    expect(new Set(attributes.values()).size).toBe(4);
  });
});

describe('imports computed from what a module uses', () => {
  it('imports a library name the code uses and nothing else, in ruff order', () => {
    const module = [
      '"""In-memory repository."""',
      '',
      'from app.domain.entities import Widget',
      'from app.infrastructure.repositories.in_memory.base import InMemoryRepository',
      '',
      '',
      'class WidgetRepository(InMemoryRepository[Widget, int]):',
      '    async def get_by_code(self, code: UUID) -> Widget | None:',
      '        """Not a use: date, Decimal."""',
      '        return await self.get_by("code", code)  # nor: datetime',
      '',
    ].join('\n');
    expect(completeImports('repository.py', module)).toBe(
      [
        '"""In-memory repository."""',
        '',
        'from uuid import UUID',
        '',
        'from app.domain.entities import Widget',
        'from app.infrastructure.repositories.in_memory.base import InMemoryRepository',
        '',
        '',
        'class WidgetRepository(InMemoryRepository[Widget, int]):',
        '    async def get_by_code(self, code: UUID) -> Widget | None:',
        '        """Not a use: date, Decimal."""',
        '        return await self.get_by("code", code)  # nor: datetime',
        '',
      ].join('\n'),
    );
  });

  it('leaves a module that misses nothing as it is, whatever it names after a dot, as a keyword or as its own', () => {
    const module = [
      '"""Fine."""',
      '',
      'from datetime import date',
      '',
      '',
      'def handler(value: date, time: int) -> dict[str, object]:',
      '    field = f"{value.isoformat()} {time}"',
      '    return dict(Field=field, decimal=value.year, uuid4=f"{{Decimal}}")',
      '',
      '',
      'def split(key: str) -> tuple[str, str]:',
      '    field, _, comparison = key.partition("_")',
      '    return field, comparison',
      '',
    ].join('\n');
    expect(completeImports('fine.py', module)).toBe(module);
  });

  it('drops the names a module imports and never uses, keeping those it names in a forward reference', () => {
    const module = [
      '"""Routes of Widget."""',
      '',
      'from typing import TYPE_CHECKING, Annotated',
      '',
      'from fastapi import APIRouter, Query, Response',
      '',
      'from app.presentation.api.v1.schemas import Gadget, WidgetCreate, WidgetRead',
      '',
      'router = APIRouter(tags=["Widget"])',
      '',
      '',
      'async def create(body: WidgetCreate, limit: Annotated[int, Query(Response=1)] = 3) -> "Gadget | None":',
      '    """Answers Response, WidgetRead."""',
      '    return None',
      '',
    ].join('\n');
    expect(completeImports('routers/widget.py', module)).toBe(
      [
        '"""Routes of Widget."""',
        '',
        'from typing import Annotated',
        '',
        'from fastapi import APIRouter, Query',
        '',
        'from app.presentation.api.v1.schemas import Gadget, WidgetCreate',
        '',
        'router = APIRouter(tags=["Widget"])',
        '',
        '',
        'async def create(body: WidgetCreate, limit: Annotated[int, Query(Response=1)] = 3) -> "Gadget | None":',
        '    """Answers Response, WidgetRead."""',
        '    return None',
        '',
      ].join('\n'),
    );
  });

  it('drops a block none of whose names is used, and keeps the blank lines ruff wants', () => {
    expect(completeImports('m.py', '"""Doc."""\n\nfrom uuid import UUID\n\n\nclass A:\n    pass\n')).toBe('"""Doc."""\n\n\nclass A:\n    pass\n');
    expect(completeImports('m.py', '"""Doc."""\n\nimport os.path\n\nVALUE = 1\n')).toBe('"""Doc."""\n\nVALUE = 1\n');
  });

  it('keeps what a package, a module with __all__ or an import with a comment imports on purpose', () => {
    const reexports = 'from app.domain.entities.widget import Widget\n';
    expect(completeImports('app/domain/entities/__init__.py', reexports)).toBe(reexports);
    const listed = 'from app.x import Widget\n\n__all__ = ["Widget"]\n';
    expect(completeImports('app/y.py', listed)).toBe(listed);
    const registering = 'from app.infrastructure import models  # noqa: F401\n\nVALUE = 1\n';
    expect(completeImports('migrations/env.py', registering)).toBe(registering);
  });

  it('reads an annotation before a default inside a parameter list as a use', () => {
    expect(completeImports('m.py', 'def f(key: UUID = DEFAULT) -> None:\n    pass\n')).toBe('from uuid import UUID\n\n\ndef f(key: UUID = DEFAULT) -> None:\n    pass\n');
  });

  it('adds a block after the docstring of a module without imports', () => {
    expect(completeImports('m.py', '"""Doc."""\n\nVALUE: Any = None\n')).toBe('"""Doc."""\n\nfrom typing import Any\n\nVALUE: Any = None\n');
  });
});

describe('paths as the document writes them', () => {
  it('keeps the path, and reads the fragment and the literal query string apart', () => {
    expect(documentPath('/tags/{ResourceArn}#tagKeys')).toEqual({ path: '/tags/{ResourceArn}', query: [], fragment: 'tagKeys' });
    expect(documentPath('/jobs?action=archive&force')).toEqual({ path: '/jobs', query: [['action', 'archive'], ['force', undefined]] });
    expect(documentPath('/things/{thing-id}')).toEqual({ path: '/things/{thing-id}', query: [] });
  });

  const operation = (path: string, extra: Partial<Operation> = {}): Operation =>
    ({ name: path, method: 'post', path, group: 'g', kind: 'custom', params: [], response: { status: 200 }, source: { file: 'api.yaml', pointer: '' }, ...extra }) as Operation;
  const header = (wireName: string, values?: string[]) =>
    ({ name: wireName, wireName, in: 'header', required: true, type: values ? { kind: 'literal', values } : { kind: 'string' }, constraints: {}, role: 'extra' }) as Operation['params'][number];

  it('tells operations sharing a method and path apart by what the request carries: query, headers, the body media type', () => {
    const start = operation('/#X-Amz-Target=Svc.Start', { params: [header('X-Amz-Target')] });
    const stop = operation('/#X-Amz-Target=Svc.Stop', { params: [header('X-Amz-Target', ['Svc.Stop'])] });
    const json = operation('/analyze', { body: { contentType: 'application/json', required: true, type: { kind: 'json' } } });
    const stream = operation('/analyze#overload=stream', { body: { contentType: 'application/octet-stream', required: true } });
    const alone = operation('/alone');
    const all = [start, stop, json, stream, alone];
    expect(routeCondition(start, all)).toEqual({ query: [], headers: [['X-Amz-Target', 'Svc.Start']] });
    expect(routeCondition(stop, all)).toEqual({ query: [], headers: [['X-Amz-Target', 'Svc.Stop']] });
    expect(routeCondition(stream, all)).toEqual({ query: [], headers: [], contentType: 'application/octet-stream' });
    // The JSON operation takes what the others leave: registered after them.
    expect(routeCondition(json, all)).toEqual({ query: [], headers: [] });
    expect(routeRank(stream, all)).toBeLessThan(routeRank(json, all));
    expect(routeCondition(alone, all)).toBeUndefined();
  });

  it('puts routes told apart from another module\'s on their path in tiers tried before every plain route, the most demanding first', () => {
    const json = operation('/analyze', { group: 'images', body: { contentType: 'application/json', required: true, type: { kind: 'json' } } });
    const stream = operation('/analyze#overload=stream', { group: 'streams', body: { contentType: 'application/octet-stream', required: true } });
    const start = operation('/#X-Amz-Target=Svc.Start', { group: 'jobs', params: [header('X-Amz-Target', ['Svc.Start']), header('X-Trace')] });
    const stop = operation('/#X-Amz-Target=Svc.Stop', { group: 'stops', params: [header('X-Amz-Target', ['Svc.Stop'])] });
    const sameModule = [operation('/same#a', { params: [header('A')] }), operation('/same#b')];
    const all = [json, stream, start, stop, ...sameModule];
    expect([start, stream, stop].map((op) => conditionalTier(op, all))).toEqual([1, 2, 2]);
    // The route asking nothing stays on its module's router; so do routes whose path one module serves alone.
    expect([json, ...sameModule].map((op) => conditionalTier(op, all))).toEqual([0, 0, 0]);
  });

  it('names each operation no request reaches, with the one before it that takes its requests', () => {
    const segment = (wireName: string, type: Operation['params'][number]['type'] = { kind: 'string' }) =>
      ({ name: wireName, wireName, in: 'path', required: true, type, constraints: {}, role: 'extra' }) as Operation['params'][number];
    const byId = operation('/offers/{id}/accept', { params: [segment('id')] });
    const byOfferId = operation('/offers/{offer_id}/accept', { params: [segment('offer_id')] });
    const byUuid = operation('/offers/{key}/accept', { params: [segment('key', { kind: 'string', format: 'uuid' })] });
    const withHeader = operation('/offers/{code}/accept', { params: [segment('code'), header('X-Mode', ['fast'])] });
    const shadowed = shadowedOperations([byId, byOfferId, byUuid, withHeader]);
    // The UUID route matches fewer values and the header route asks more: both reachable.
    expect([...shadowed]).toEqual([[byOfferId, byId]]);
    expect(shadowedOperations([byId, byUuid]).size).toBe(0);
  });

  it('quotes a column name a database reserves where SQLAlchemy would leave it bare, and no other', () => {
    expect(pyColumnName('collation')).toBe('sa.quoted_name("collation", quote=True)');
    expect(pyColumnName('RETURNING')).toBe('sa.quoted_name("RETURNING", quote=True)');
    // SQLAlchemy quotes `order` itself; a plain name stays a plain string.
    expect(pyColumnName('order')).toBe('"order"');
    expect(pyColumnName('title')).toBe('"title"');
  });

  it('keeps a parameter from the literal segments other paths give its place, and matches an integer one as an integer', () => {
    const path = (wireName: string, kind: 'string' | 'integer' = 'string') =>
      ({ name: wireName, wireName, in: 'path', required: true, type: { kind }, constraints: {}, role: 'extra' }) as Operation['params'][number];
    const bySid = operation('/Accounts/{AccountSid}/Numbers/{Sid}.json', { params: [path('AccountSid'), path('Sid')] });
    const local = operation('/Accounts/{AccountSid}/Numbers/Local.json', { params: [path('AccountSid')] });
    const mobile = operation('/Accounts/{AccountSid}/Numbers/Mobile.json', { params: [path('AccountSid')] });
    const other = operation('/Elsewhere/{AccountSid}/Numbers/Toll.json', { params: [path('AccountSid')] });
    const pet = operation('/pets/{petId}', { params: [path('petId', 'integer')] });
    const all = [bySid, local, mobile, other, pet];
    expect(pathTypes(all).segments).toEqual([{ kind: 'segment', name: 'segment_1', className: 'Segment1Convertor', regex: '(?!(?:Local\\.json|Mobile\\.json)$)[^/]+' }]);
    expect(routePath(bySid, all)).toBe('/Accounts/{AccountSid}/Numbers/{Sid:segment_1}.json');
    expect(routePath(local, all)).toBe('/Accounts/{AccountSid}/Numbers/Local.json');
    expect(routePath(pet, all)).toBe('/pets/{petId:integer}');
    const regex = new RegExp(`^/Accounts/[^/]+/Numbers/(${pathTypes(all).segments[0]!.regex})\\.json$`);
    expect(regex.test('/Accounts/AC1/Numbers/PN123.json')).toBe(true);
    expect(regex.test('/Accounts/AC1/Numbers/Local.json')).toBe(false);
  });

  it('keeps a parameter from another path\'s whole rest, not from its literal alone (box: `/metadata/{scope}/{template_key}`)', () => {
    const path = (wireName: string) => ({ name: wireName, wireName, in: 'path', required: true, type: { kind: 'string' }, constraints: {}, role: 'extra' }) as Operation['params'][number];
    const byScope = operation('/files/{file_id}/metadata/{scope}/{template_key}', { params: [path('file_id'), path('scope'), path('template_key')] });
    const skills = operation('/files/{file_id}/metadata/global/boxSkillsCards', { params: [path('file_id')] });
    const classified = operation('/files/{file_id}/metadata/enterprise/{classification}', { params: [path('file_id'), path('classification')] });
    const all = [byScope, skills, classified];
    const segment = pathTypes(all).segmentOf.get(byScope)!.get('scope');
    expect(segment!.regex).toBe('(?!(?:enterprise/[^/]+|global/boxSkillsCards)$)[^/]+');
    const regex = new RegExp(`^/files/[^/]+/metadata/(${segment!.regex})/[^/]+$`);
    expect(regex.test('/files/1/metadata/global/properties')).toBe(true);
    expect(regex.test('/files/1/metadata/global/boxSkillsCards')).toBe(false);
    expect(regex.test('/files/1/metadata/enterprise/anything')).toBe(false);
  });

  it('matches a listed-values parameter sharing its segment with another by its values only (Buffer: `{id}{mediaTypeExtension}`)', () => {
    const id = { name: 'id', wireName: 'id', in: 'path', required: true, type: { kind: 'string' }, constraints: {}, role: 'extra' } as Operation['params'][number];
    const extension = { ...id, name: 'ext', wireName: 'ext', type: { kind: 'literal', values: ['.xml', '.json'] } } as Operation['params'][number];
    const alone = { ...extension, name: 'format', wireName: 'format' } as Operation['params'][number];
    const profile = operation('/profiles/{id}{ext}', { params: [id, extension] });
    const byFormat = operation('/reports/{format}', { params: [alone] });
    const all = [profile, byFormat];
    expect(pathTypes(all).segments).toEqual([{ kind: 'choice', name: 'choice_1', className: 'Choice1Convertor', regex: '(?:\\.json|\\.xml)' }]);
    expect(routePath(profile, all)).toBe('/profiles/{id}{ext:choice_1}');
    expect(routePath(byFormat, all)).toBe('/reports/{format}');
    const match = new RegExp(`^/profiles/(?<id>[^/]+)(?<ext>${pathTypes(all).segments[0]!.regex})$`).exec('/profiles/id-1.json');
    expect(match?.groups).toEqual({ id: 'id-1', ext: '.json' });
  });

  it('matches a parameter whose value holds a `/` across segments: any text, or only the values it lists', () => {
    const oneSegment = (wireName: string, type: Operation['params'][number]['type']) =>
      ({ name: wireName, wireName, in: 'path', required: true, type, constraints: {}, role: 'extra' }) as Operation['params'][number];
    const spanning = (wireName: string, type: Operation['params'][number]['type']) => ({ ...oneSegment(wireName, type), spansSegments: true as const });
    const scoped = operation('/{scope}/providers/Roles/{name}', { params: [spanning('scope', { kind: 'string' }), oneSegment('name', { kind: 'string' })] });
    const metric = operation('/metrics/{metricId}', { params: [spanning('metricId', { kind: 'literal', values: ['sessions', 'requests/count'] })] });
    const all = [scoped, metric];
    const types = pathTypes(all);
    expect(types.spanning).toBe(true);
    expect(types.segments).toEqual([{ kind: 'spans', name: 'spans_1', className: 'Spans1Convertor', regex: '(?:requests/count|sessions)' }]);
    expect(routePath(scoped, all)).toBe('/{scope:path}/providers/Roles/{name}');
    expect(routePath(metric, all)).toBe('/metrics/{metricId:spans_1}');
    expect(new RegExp(`^/metrics/${types.segments[0]!.regex}$`).test('/metrics/requests/count')).toBe(true);
    expect(new RegExp(`^/metrics/${types.segments[0]!.regex}$`).test('/metrics/requests/other')).toBe(false);
    expect(pathTypes([operation('/pets/{id}', { params: [oneSegment('id', { kind: 'string' })] })]).spanning).toBe(false);
  });

  it('matches a UUID parameter as a UUID only where another operation takes any text at its place (Jellyfin)', () => {
    const param = (wireName: string, format?: string) =>
      ({ name: wireName, wireName, in: 'path', required: true, type: { kind: 'string', ...(format ? { format } : {}) }, constraints: {}, role: 'extra' }) as Operation['params'][number];
    const byId = operation('/genres/{id}/mix', { params: [param('id', 'uuid')] });
    const byName = operation('/genres/{name}/mix', { params: [param('name')] });
    const alone = operation('/albums/{id}', { params: [param('id', 'uuid')] });
    const all = [byId, byName, alone];
    expect(routePath(byId, all)).toBe('/genres/{id:uuid}/mix');
    expect(routePath(byName, all)).toBe('/genres/{name}/mix');
    expect(routePath(alone, all)).toBe('/albums/{id}');
  });

  it('reads every assignment of a fragment as the value its query parameter or header must have (AWS query protocols)', () => {
    const action = (name: string) => ({ ...header(name), in: 'query' as const });
    const create = operation('/#Operation=CreateJob&Action=CreateJob', { params: [action('Action')] });
    const cancel = operation('/#Operation=CancelJob&Action=CancelJob', { params: [action('Action')] });
    expect(routeCondition(create, [create, cancel])).toEqual({ query: [['Action', 'CreateJob']], headers: [] });
    expect(routeCondition(cancel, [create, cancel])).toEqual({ query: [['Action', 'CancelJob']], headers: [] });
  });
});
