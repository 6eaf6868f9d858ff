import type { Component, DomainModel, EngineConfig, MethodSignature, PlannedFile } from '../../core/index.js';
import { backendFiles } from './code-names.js';
import { BACKEND_FOLDERS } from './folders.js';
import { PythonImports } from './python/imports.js';
import { call, pyAnnotated, pyFormat } from './python/layout.js';
import { pyString } from './python/names.js';
import { userModules, type ReadOutput } from './python/user-modules.js';
import type { AdapterSetting } from './view/adapter-settings.js';
import { adapterTestView, adapterView } from './view/adapters.js';
import type { BackendClasses } from './view/component-classes.js';
import { COMPONENT_DEPENDENCIES_MODULE, componentFactories, componentFactoryTests } from './view/component-factories.js';
import type { PlaceholderView } from './view/component-module.js';
import { valueSamples } from './view/component-samples.js';
import { stepMethods, stepNameOf, stepTestView, stepView } from './view/pipeline-steps.js';

type Add = (path: string, template: string, data?: object, origin?: PlannedFile['origin']) => void;

/** What the components add to files the rest of the stack writes. */
export interface ComponentsPlan {
  /** `Settings` fields of the adapters, laid out, by adapter; and whether one is a SecretStr. */
  settings: { adapter: string; module: string; lines: string[]; env: AdapterSetting[] }[];
  secretSettings: boolean;
  /** The backend calls external services: httpx at run time, pytest-httpserver to test. */
  http: boolean;
  /** The dependency aliases of the adapters' and steps' factories, by module, for the package's exports. */
  dependencies: [string, string][];
}

/** The entities the backend writes a domain class for, and their repository ports. */
export interface GeneratedEntity {
  name: string;
  slug: string;
  port: string;
  /** The port's module under `app.application.interfaces`. */
  portModule: string;
}

/** Settings every backend has; an adapter's `config` naming one of them does not declare it again. */
const BASE_SETTINGS = new Set(['app_name', 'database_url', 'database_echo', 'default_page_size', 'max_page_size']);

/**
 * The adapters and pipeline steps of class definitions (source document 001) with their tests,
 * the HTTP plumbing adapters share, and a smoke test of the placeholders standing in for the
 * classes they name that the backend does not have (source document 000).
 */
export function planComponents(model: DomainModel, config: EngineConfig, entities: GeneratedEntity[], add: Add, readOutput: ReadOutput): ComponentsPlan {
  const components = model.components ?? [];
  const adapters = components.filter((c) => c.layer === 'adapter');
  const steps = components.filter((c) => c.layer === 'pipeline_step');
  const backend = backendClasses(components, entities, readOutput);
  const portMethods = portMethodsOf(components);
  const smoke: { module: string; component: Component; placeholders: PlaceholderView[] }[] = [];

  const settings: ComponentsPlan['settings'] = [];
  const declared = new Set(BASE_SETTINGS);
  if (adapters.length > 0) {
    add('app/infrastructure/adapters/__init__.py', 'package_init.py.njk', { doc: BACKEND_FOLDERS['app/infrastructure/adapters'], imports: '', exports: [] });
    add('app/infrastructure/adapters/http_service.py', 'app/infrastructure/adapters/http_service.py.njk');
    add('tests/integration/test_http_service.py', 'tests/integration/test_http_service.py.njk');
  }
  for (const component of adapters) {
    const view = adapterView(component, backend, portMethods);
    add(`app/infrastructure/adapters/${component.slug}.py`, 'app/infrastructure/adapters/adapter.py.njk', { a: view }, { item: component.name, role: 'code' });
    add(backendFiles.adapterTest(component.slug), 'tests/integration/test_adapter.py.njk', { t: adapterTestView(component, view, backend, portMethods) }, { item: component.name, role: 'test' });
    const fresh = view.settings.all.filter((s) => !declared.has(s.field));
    for (const setting of fresh) declared.add(setting.field);
    if (fresh.length > 0) settings.push({ adapter: component.name, module: `app/infrastructure/adapters/${component.slug}.py`, lines: fresh.map((s) => pyAnnotated(s.field, s.type, s.default, 4)), env: fresh });
    if (view.placeholders.length > 0) smoke.push({ module: `app.infrastructure.adapters.${component.slug}`, component, placeholders: view.placeholders });
  }
  if (steps.length > 0) {
    for (const folder of ['app/infrastructure/pipelines', 'app/infrastructure/pipelines/steps']) {
      add(`${folder}/__init__.py`, 'package_init.py.njk', { doc: BACKEND_FOLDERS[folder], imports: '', exports: [] });
    }
  }
  // Two steps of one name (`Resize` and `ResizeStep`) keep their tests apart by their module names.
  const stepNames = steps.map(stepNameOf);
  const sharedName = (name: string) => stepNames.indexOf(name) !== stepNames.lastIndexOf(name);
  for (const component of steps) {
    const view = stepView(component, backend, portMethods);
    add(`app/infrastructure/pipelines/steps/${component.slug}.py`, 'app/infrastructure/pipelines/steps/step.py.njk', { s: view }, { item: component.name, role: 'code' });
    add(backendFiles.stepTest(sharedName(view.stepName) ? component.slug : view.stepName), 'tests/unit/test_pipeline_step.py.njk', { t: stepTestView(component, view, backend, portMethods) }, { item: component.name, role: 'test' });
    if (view.placeholders.length > 0) smoke.push({ module: `app.infrastructure.pipelines.steps.${component.slug}`, component, placeholders: view.placeholders });
  }
  let dependencies: [string, string][] = [];
  if (adapters.length > 0 || steps.length > 0) {
    const repositories = entities.map((e) => ({ port: e.port, dep: `${e.name}RepositoryDep` }));
    const { imports, factories } = componentFactories(components, repositories, backend, portMethods);
    add('app/presentation/api/v1/dependencies/components.py', 'app/presentation/api/v1/dependencies/components.py.njk', { imports, factories });
    add('tests/unit/test_component_dependencies.py', 'tests/unit/test_component_dependencies.py.njk', componentFactoryTests(components, factories));
    dependencies = factories.map((f) => [COMPONENT_DEPENDENCIES_MODULE, f.dep]);
  }
  const entityPlaceholders = domainPlaceholders(model, entities).map((name) => entities.find((e) => e.name === name)!);
  if (smoke.length > 0 || entityPlaceholders.length > 0) {
    add('tests/unit/test_placeholders.py', 'tests/unit/test_placeholders.py.njk', placeholderTests(smoke, entityPlaceholders));
  }
  return { settings, secretSettings: settings.some((s) => s.env.some((e) => e.type.startsWith('SecretStr'))), http: adapters.length > 0, dependencies };
}

/**
 * Entities whose domain class no `domain/entity` item defines while a component names them
 * (`SqlInvoiceRepository` saving an `Invoice`): the backend writes their domain module as a
 * placeholder, the fields of their model, until the item exists.
 */
export function domainPlaceholders(model: DomainModel, entities: readonly GeneratedEntity[]): string[] {
  const missing = new Set((model.placeholders ?? []).filter((p) => p.kind === 'entity').map((p) => p.name));
  return entities.filter((e) => missing.has(e.name)).map((e) => e.name);
}

export function backendClasses(components: Component[], entities: GeneratedEntity[], readOutput: ReadOutput): BackendClasses {
  const folder = { adapter: 'app.infrastructure.adapters', pipeline_step: 'app.infrastructure.pipelines.steps' } as const;
  return {
    entities: new Map(entities.map((e) => [e.name, `app.domain.entities.${e.slug}`])),
    ports: new Map(entities.map((e) => [e.port, `app.application.interfaces.${e.portModule}`])),
    portModules: new Map(components.flatMap((c) => (c.implements?.module ? [[c.implements.name, c.implements.module] as [string, string]] : []))),
    components: new Map(components.flatMap((c) => (c.layer === 'repository' ? [] : [[c.name, `${folder[c.layer]}.${c.slug}`] as [string, string]]))),
    defines: userModules(readOutput),
  };
}

/** A port's methods: those of the components implementing it, each name once. */
export function portMethodsOf(components: Component[]): (port: string) => MethodSignature[] {
  return (port) => {
    const methods = new Map<string, MethodSignature>();
    for (const component of components) {
      if (component.implements?.name !== port) continue;
      const own = component.layer === 'pipeline_step' ? stepMethods(component) : component.methods;
      for (const method of own) if (!methods.has(method.name)) methods.set(method.name, method);
    }
    return [...methods.values()];
  };
}

/** Each placeholder imports; entities are dataclasses; each port stub raises NotImplementedError. */
function placeholderTests(modules: { module: string; component: Component; placeholders: PlaceholderView[] }[], entities: GeneratedEntity[]): object {
  const imports = new PythonImports();
  const tests: { def: string; lines: string[] }[] = [];
  if (entities.length > 0) {
    imports.addModule('dataclasses');
    for (const e of entities) imports.add(`app.domain.entities.${e.slug}`, e.name);
    tests.push({ def: 'def test_entity_placeholders_are_dataclasses() -> None:', lines: entities.map((e) => `assert dataclasses.is_dataclass(${e.name})`) });
  }
  for (const { module, component, placeholders } of modules) {
    const dot = module.lastIndexOf('.');
    const alias = module.slice(dot + 1);
    imports.add(module.slice(0, dot), alias);
    const lines: string[] = [];
    let awaits = false;
    for (const p of placeholders) {
      if (p.role === 'entity') {
        imports.addModule('dataclasses');
        lines.push(`assert dataclasses.is_dataclass(${alias}.${p.name})`);
        continue;
      }
      const checked = lines.length;
      if (component.implements?.name === p.name && component.layer === 'adapter') lines.push(`assert issubclass(${alias}.${component.name}, ${alias}.${p.name})`);
      for (const method of p.methods) {
        const samples = valueSamples(method.parameters, imports);
        if (samples === undefined) continue;
        imports.addModule('pytest');
        awaits = true;
        lines.push('with pytest.raises(NotImplementedError):', `    ${pyFormat(call(`${alias}.${p.name}().${method.name}`, samples.map((s) => s.expr)), 8, 'await ')}`);
      }
      if (lines.length === checked) lines.push(`assert isinstance(${alias}.${p.name}(), ${alias}.${p.name})`);
    }
    tests.push({ def: `${awaits ? 'async ' : ''}def test_placeholders_of_${alias}() -> None:`, lines });
  }
  return { imports: imports.render(), tests, doc: pyString('The placeholders for classes the class definitions name but do not define.') };
}
