import type { Component, MethodSignature } from '../../../core/index.js';
import { call, collection, definition, entry, holdsEmptyContainer, keyword, pyFormat, pyTypeAdapter, pyValue } from '../python/layout.js';
import { pyDocLine, pyString } from '../python/names.js';
import { adapterSettings, type AdapterSettings } from './adapter-settings.js';
import type { BackendClasses } from './component-classes.js';
import { collaborators, collaboratorValue, type Collaborator } from './component-members.js';
import { ComponentModule, type PlaceholderView } from './component-module.js';
import { valueSample, valueSamples } from './component-samples.js';
import { pyDocstring, wrapText } from './docstrings.js';

export const HTTP_SERVICE_MODULE = 'app.infrastructure.adapters.http_service';
const SCALARS = new Set(['integer', 'number', 'boolean', 'string', 'literal']);
const READS = /^(?:get|find|list|fetch|search|retrieve|read|lookup|check)_/;

/** How one adapter method calls the service. */
interface HttpCall {
  verb: 'GET' | 'POST';
  path: string;
}

export interface AdapterView {
  name: string;
  slug: string;
  /** The class docstring, quotes included, laid out at 4. */
  doc: string;
  imports: string;
  placeholders: PlaceholderView[];
  header: string;
  resultAdapters: string[];
  init: { header: string; lines: string[] };
  methods: { header: string; lines: string[] }[];
  settings: AdapterSettings;
}

export interface AdapterTestView {
  name: string;
  imports: string;
  /** `return Settings(...)` pointing the adapter at the local server, laid out. */
  settingsReturn: string;
  /** The body of `client_for(settings)`: collaborators made up (the HTTP calls do not use them), the adapter returned. */
  clientLines: string[];
  tests: { def: string; lines: string[] }[];
  /** The method the reliability tests go through, when one can be called with made-up values. */
  probe?: { path: string; respond: string; call: string };
  baseUrlEnv: string;
  baseUrlField: string;
}

/**
 * An HTTP adapter (source document 001): it implements its port, reads its settings, and sends
 * each method's arguments to the service through HttpService (timeout, retries, idempotency).
 * The service's API is unknown, so a method maps to the path of its name: a read
 * (`get_…`, `find_…`, `list_…` with plain arguments) is a GET with a query string, anything
 * else a POST with a JSON body; the result is validated into the declared return type.
 */
export function adapterView(component: Component, backend: BackendClasses, portMethods: (port: string) => MethodSignature[]): AdapterView {
  const module = new ComponentModule(backend, portMethods);
  module.imports.add('typing', 'Self').add('app.core.config', 'Settings', 'get_settings').add(HTTP_SERVICE_MODULE, 'HttpService');
  const settings = adapterSettings(component, component.slug);
  const port = component.implements ? module.classRef(component.implements.module ? `${component.implements.module}.${component.implements.name}` : component.implements.name) : undefined;
  const given = collaborators(component, module);
  const resultAdapters: string[] = [];
  const methods = component.methods.map((method) => {
    const http = httpCall(method);
    const lines: string[] = [];
    const args = [pyString(http.verb), pyString(http.path)];
    if (method.parameters.length > 0) {
      lines.push(pyFormat(collection('{', method.parameters.map((p) => entry(pyString(p.name), p.name))), 8, 'payload = '));
      args.push(http.verb === 'GET' ? 'params=payload' : 'json=payload');
    }
    const request = call('self._http.request', args);
    const returns = module.returnAnnotation(method);
    if (returns === 'None') lines.push(pyFormat(request, 8, 'await '));
    else if (returns === 'Any') lines.push(pyFormat(request, 8, 'return await '));
    else {
      module.imports.add('pydantic', 'TypeAdapter');
      const adapter = `_${method.name.toUpperCase()}_RESULT`;
      resultAdapters.push(pyTypeAdapter(adapter, returns));
      lines.push(pyFormat(request, 8, 'answer = await '), `return ${adapter}.validate_python(answer)`);
    }
    return { header: module.methodHeader(method, 4), lines };
  });
  const placeholders = module.placeholderViews();
  const first = component.methods[0];
  const example = first ? ` (\`${first.name}\`: \`${httpCall(first).verb} ${httpCall(first).path}\`)` : '';
  const docLines = [
    ...wrapText(`Settings: ${settings.all.map((s) => (s === settings.apiKey ? `${s.env} (sent as a bearer token)` : s.env)).join(', ')}.`, 4),
    ...wrapText(`Each method sends its arguments to the service's path of its name${example}; adapt the paths to the service.`, 4),
  ];
  return {
    name: component.name,
    slug: component.slug,
    doc: pyDocstring([pyDocLine(component.description, 'Adapter of an external service over HTTP.'), '', ...docLines], 4),
    imports: module.imports.render(),
    placeholders,
    header: port ? pyFormat(call(`class ${component.name}`, [port]), 0, '', ':') : `class ${component.name}:`,
    resultAdapters,
    init: initOf(given, settings),
    methods,
    settings,
  };
}

function initOf(given: Collaborator[], settings: AdapterSettings): AdapterView['init'] {
  const header = pyFormat(definition('def __init__', ['self', ...given.map((c) => `${c.name}: ${c.annotation}`), 'settings: Settings | None = None']), 4, '', ' -> None:');
  const field = (setting: { field: string }) => `settings.${setting.field}`;
  const lines = [
    ...given.map((c) => `self._${c.name} = ${c.name}`),
    'settings = settings or get_settings()',
    `if not ${field(settings.baseUrl)}:`,
    `    raise ValueError(${pyString(`${settings.baseUrl.env} is not set`)})`,
    'headers = {"Accept": "application/json"}',
    ...(settings.apiKey
      ? [`if ${field(settings.apiKey)} is not None:`, `    headers["Authorization"] = f"Bearer {${field(settings.apiKey)}.get_secret_value()}"`]
      : []),
    pyFormat(
      call('HttpService', [
        keyword('base_url', field(settings.baseUrl)),
        keyword('headers', 'headers'),
        keyword('timeout_seconds', field(settings.timeout)),
        keyword('max_retries', field(settings.maxRetries)),
        keyword('backoff_seconds', field(settings.backoff)),
      ]),
      8,
      'self._http = ',
    ),
  ];
  return { header, lines };
}

function httpCall(method: MethodSignature): HttpCall {
  const plain = method.parameters.every((p) => SCALARS.has(p.type.kind));
  return { verb: READS.test(method.name) && plain ? 'GET' : 'POST', path: `/${method.name.replace(/_/g, '-')}` };
}

/** The adapter's tests against a local HTTP server (pytest-httpserver): each method, the retries, the settings. */
export function adapterTestView(component: Component, view: AdapterView, backend: BackendClasses, portMethods: (port: string) => MethodSignature[]): AdapterTestView {
  const module = new ComponentModule(backend, portMethods, `app.infrastructure.adapters.${component.slug}`);
  const imports = module.imports
    .add('pytest_httpserver', 'HTTPServer')
    .add('app.core.config', 'Settings')
    .add(`app.infrastructure.adapters.${component.slug}`, component.name);
  imports.addModule('pytest');
  const { settings } = view;
  if (settings.apiKey) imports.add('pydantic', 'SecretStr');
  // The collaborators are made-up values: their classes are not needed here.
  const values = collaborators(component, new ComponentModule(backend, portMethods)).map((c) => collaboratorValue(c, component, imports));
  const clientLines = [...values.map((v) => v.line), pyFormat(call(component.name, [...values.map((v) => keyword(v.name, v.name)), keyword('settings', 'settings')]), 4, 'return ')];
  const settingsLines = [
    keyword(settings.baseUrl.field, 'httpserver.url_for("/")'),
    ...(settings.apiKey ? [keyword(settings.apiKey.field, 'SecretStr("test-key")')] : []),
    keyword(settings.timeout.field, '5.0'),
    keyword(settings.maxRetries.field, '2'),
    keyword(settings.backoff.field, '0.0'),
  ];
  const settingsReturn = pyFormat(call('Settings', settingsLines), 4, 'return ');
  const tests: AdapterTestView['tests'] = [];
  let probe: AdapterTestView['probe'];
  const body = (indent: number) => (line: string) => `${' '.repeat(indent)}${line}`;
  for (const method of component.methods) {
    const samples = valueSamples(method.parameters, imports);
    const answer = method.returns ? valueSample(method.returns, imports) : undefined;
    if (samples === undefined || (method.returns && answer === undefined)) continue;
    const http = httpCall(method);
    const sent = Object.fromEntries(method.parameters.map((p, i) => [p.name, samples[i]!.json]));
    const invocation = call(`client.${method.name}`, samples.map((s) => s.expr));
    const expectArgs = [pyString(http.path), keyword('method', pyString(http.verb))];
    const lines: string[] = [];
    if (method.parameters.length > 0) {
      const value = http.verb === 'GET' ? queryOf(sent) : sent;
      lines.push(pyFormat(pyValue(value), 4, holdsEmptyContainer(value) ? 'sent: dict[str, Any] = ' : 'sent = '));
      expectArgs.push(keyword(http.verb === 'GET' ? 'query_string' : 'json', 'sent'));
    }
    if (settings.apiKey) expectArgs.push(keyword('headers', '{"Authorization": "Bearer test-key"}'));
    lines.push(pyFormat(call('httpserver.expect_oneshot_request', expectArgs), 4, 'handler = '));
    lines.push(answer ? pyFormat(call('handler.respond_with_json', [pyValue(answer.json)]), 4) : 'handler.respond_with_data("", status=204)');
    lines.push('async with client_for(settings_for(httpserver)) as client:');
    lines.push(answer ? `    ${pyFormat(invocation, 8, 'result = await ')}` : `    ${pyFormat(invocation, 8, 'await ')}`);
    if (answer) lines.push(pyFormat(answer.expr, 4, 'assert result == '));
    lines.push('httpserver.check_assertions()', 'request, _ = httpserver.log[0]');
    lines.push(http.verb === 'POST' ? 'assert request.headers.get("Idempotency-Key")' : 'assert request.headers.get("Idempotency-Key") is None');
    tests.push({ def: `async def test_${method.name}(httpserver: HTTPServer) -> None:`, lines: lines.map(body(4)) });
    probe ??= {
      path: http.path,
      respond: answer ? pyFormat(call('respond_with_json', [pyValue(answer.json)]), 4, `httpserver.expect_ordered_request(${pyString(http.path)}).`) : `httpserver.expect_ordered_request(${pyString(http.path)}).respond_with_data("", status=204)`,
      call: pyFormat(invocation, 8, 'await '),
    };
  }
  if (probe) imports.add(HTTP_SERVICE_MODULE, 'ExternalServiceError');
  return {
    name: component.name,
    imports: imports.render(),
    settingsReturn,
    clientLines,
    tests,
    ...(probe ? { probe } : {}),
    baseUrlEnv: settings.baseUrl.env,
    baseUrlField: settings.baseUrl.field,
  };
}

/** The query string pytest-httpserver compares: every value as text, as httpx sends it. */
function queryOf(sent: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(sent).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
}
