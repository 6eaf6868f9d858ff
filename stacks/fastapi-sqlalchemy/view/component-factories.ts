import type { Component, MethodSignature } from '../../../core/index.js';
import { PythonImports } from '../python/imports.js';
import { call, collection, definition, entry, keyword, pyFormat, pyParse, type PyExpr } from '../python/layout.js';
import { adapterSettings } from './adapter-settings.js';
import { pyString } from '../python/names.js';
import type { BackendClasses } from './component-classes.js';
import { collaborators, type Collaborator } from './component-members.js';
import { ComponentModule } from './component-module.js';
import { workPort } from './pipeline-steps.js';

export const COMPONENT_DEPENDENCIES_MODULE = 'app.presentation.api.v1.dependencies.components';

/** A factory of an adapter or a pipeline step, as a FastAPI dependency, and its `Annotated` alias. */
export interface ComponentFactoryView {
  header: string;
  body: string[];
  alias: string;
  /** The alias's name (`PaymentGatewayClientDep`). */
  dep: string;
  /** What the factory needs that no generated class supplies; empty when it builds the class. */
  missing: string[];
  /** `get_payment_gateway_client` */
  name: string;
  /** Its parameters and what supplies each: an alias of this module or the repositories', or `settings`. */
  params: { name: string; dep: string }[];
}

/** The repositories the backend writes: a port a collaborator may name, and its dependency alias. */
export interface RepositoryDependency {
  port: string;
  dep: string;
}

/**
 * Source document 001's "DI and Presentation Notes": a factory per adapter and pipeline step,
 * constructing it with its declared dependencies. A collaborator is supplied by the adapter that
 * is, or implements, its class (one the backend has: a missing port is a placeholder of each module
 * naming it, no two alike), or by the repository of its port; an adapter gets the settings.
 * A factory missing a collaborator no generated class supplies (a plain value, a port nothing
 * implements) raises NotImplementedError naming it, for the user to write. Factories come in
 * dependency order; one caught in a cycle is missing what closes it.
 */
export function componentFactories(components: readonly Component[], repositories: readonly RepositoryDependency[], backend: BackendClasses, portMethods: (port: string) => MethodSignature[]): { imports: string; factories: ComponentFactoryView[] } {
  const built = components.filter((c) => c.layer === 'adapter' || c.layer === 'pipeline_step');
  const imports = new PythonImports().add('typing', 'Annotated').add('fastapi', 'Depends');
  const supplier = (className: string | undefined) =>
    className === undefined ? undefined : (built.find((c) => c.layer === 'adapter' && c.name === className) ?? built.find((c) => c.layer === 'adapter' && c.implements?.name === className));
  const givenOf = new Map(built.map((c) => [c, collaboratorsOf(c, backend, portMethods)]));
  const factories: ComponentFactoryView[] = [];
  const done = new Set<Component>();
  const visiting = new Set<Component>();
  const visit = (component: Component): void => {
    if (done.has(component) || visiting.has(component)) return;
    visiting.add(component);
    const params: string[] = [];
    const supplied: { name: string; dep: string }[] = [];
    const args: string[] = [];
    const missing: string[] = [];
    const repositoryDeps: string[] = [];
    const { given, module: declaring } = givenOf.get(component)!;
    for (const collaborator of given) {
      // A port the backend lacks is a placeholder of each module naming it: no adapter's is this one.
      const placeholder = collaborator.className !== undefined && declaring.isPlaceholder(collaborator.className);
      const adapter = placeholder ? undefined : supplier(collaborator.className);
      const repository = repositories.find((r) => r.port === collaborator.className);
      if (adapter && adapter !== component && !visiting.has(adapter)) {
        visit(adapter);
        params.push(`${collaborator.name}: ${adapter.name}Dep`);
        supplied.push({ name: collaborator.name, dep: `${adapter.name}Dep` });
      } else if (repository) {
        repositoryDeps.push(repository.dep);
        params.push(`${collaborator.name}: ${repository.dep}`);
        supplied.push({ name: collaborator.name, dep: repository.dep });
      } else {
        missing.push(`${collaborator.name} (${collaborator.annotation}${placeholder ? ', a placeholder until it is written' : ''})`);
        continue;
      }
      args.push(collaborator.name);
    }
    if (missing.length === 0 && repositoryDeps.length > 0) imports.add('app.presentation.api.v1.dependencies.repositories', ...repositoryDeps);
    if (component.layer === 'adapter' && missing.length === 0) {
      imports.add('app.core.config', 'Settings', 'get_settings');
      params.push('settings: Annotated[Settings, Depends(get_settings)]');
      args.push('settings');
      supplied.push({ name: 'settings', dep: 'settings' });
    }
    const module = `${component.layer === 'adapter' ? 'app.infrastructure.adapters' : 'app.infrastructure.pipelines.steps'}.${component.slug}`;
    imports.add(module, component.name);
    const factory = `get_${component.slug}`;
    const dep = `${component.name}Dep`;
    factories.push({
      header: pyFormat(definition(`def ${factory}`, missing.length > 0 ? [] : params), 0, '', ` -> ${component.name}:`),
      body:
        missing.length > 0
          ? [pyFormat(call('raise NotImplementedError', [pyString(`${component.name} needs ${missing.join(', ')}, which no generated class supplies: write this factory`)]), 4)]
          : [pyFormat(call(component.name, args.map((a) => keyword(a, a))), 4, 'return ')],
      alias: pyFormat(pyParse(`Annotated[${component.name}, Depends(${factory})]`), 0, `${dep} = `),
      dep,
      missing,
      name: factory,
      params: missing.length > 0 ? [] : supplied,
    });
    visiting.delete(component);
    done.add(component);
  };
  for (const component of built) visit(component);
  return { imports: imports.render(), factories };
}

/**
 * Unit tests of the factories: each that builds its class does, given settings pointing every
 * adapter somewhere (no request is sent) and the factories of its collaborators (a repository a
 * stand-in: the constructor only keeps it); each missing a collaborator says so.
 */
export function componentFactoryTests(components: readonly Component[], factories: readonly ComponentFactoryView[]): { imports: string; lines: string[]; tests: { def: string; lines: string[] }[] } {
  const imports = new PythonImports().addModule('pytest');
  const byDep = new Map(factories.map((f, index) => [f.dep, { factory: f, component: components.filter((c) => c.layer === 'adapter' || c.layer === 'pipeline_step').find((c) => `${c.name}Dep` === f.dep)!, index }]));
  const adapters = components.filter((c) => c.layer === 'adapter');
  const lines: string[] = [];
  if (adapters.length > 0) {
    imports.add('app.core.config', 'get_settings');
    const update = collection('{', adapters.map((a) => entry(pyString(adapterSettings(a, a.slug).baseUrl.field), pyString('http://127.0.0.1:9'))));
    lines.push(pyFormat(call('get_settings().model_copy', [keyword('update', update)]), 0, 'SETTINGS = '));
  }
  const build = (factory: ComponentFactoryView): PyExpr => {
    const args = factory.params.map(({ name, dep }) => {
      const nested = byDep.get(dep);
      if (nested) return keyword(name, build(nested.factory));
      if (dep === 'settings') return keyword(name, 'SETTINGS');
      imports.add('typing', 'Any', 'cast');
      return keyword(name, 'cast(Any, object())');
    });
    imports.add(COMPONENT_DEPENDENCIES_MODULE, factory.name);
    return call(factory.name, args);
  };
  const tests = [...byDep.values()].map(({ factory, component }) => {
    if (factory.missing.length > 0) {
      imports.add(COMPONENT_DEPENDENCIES_MODULE, factory.name);
      return { def: `def test_${factory.name}_is_left_to_write() -> None:`, lines: ['with pytest.raises(NotImplementedError):', `    ${factory.name}()`] };
    }
    const module = `${component.layer === 'adapter' ? 'app.infrastructure.adapters' : 'app.infrastructure.pipelines.steps'}.${component.slug}`;
    imports.add(module, component.name);
    return { def: `def test_${factory.name}_builds_${component.slug}() -> None:`, lines: [pyFormat(call('isinstance', [build(factory), component.name]), 4, 'assert ')] };
  });
  return { imports: imports.render(), lines, tests };
}

/** The constructor's collaborators, as the component's module declares them (a step's port first). */
function collaboratorsOf(component: Component, backend: BackendClasses, portMethods: (port: string) => MethodSignature[]): { given: Collaborator[]; module: ComponentModule } {
  const module = new ComponentModule(backend, portMethods);
  const port = component.layer === 'pipeline_step' ? workPort(component) : undefined;
  return { given: collaborators(component, module, port ? [port] : []), module };
}
