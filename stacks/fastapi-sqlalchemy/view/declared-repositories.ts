import type { Component, MethodSignature } from '../../../core/index.js';
import { backendFiles } from '../code-names.js';
import { PythonImports } from '../python/imports.js';
import { call, pyFormat, pyParse } from '../python/layout.js';
import { pyString } from '../python/names.js';
import type { BackendClasses } from './component-classes.js';
import { ComponentModule, type PlaceholderView } from './component-module.js';
import { assertPrimitivesKept, constructorCall, declaredConstructor, declaredMethods, type ConstructorArgument, type DeclaredMethodView } from './declared-repository.js';
import type { EntityImportSets, EntityView } from './entities.js';

export interface DeclaredPortView {
  imports: string;
  methods: DeclaredMethodView[];
  placeholders: PlaceholderView[];
}

export interface DeclaredClassView {
  methods: DeclaredMethodView[];
  init?: { header: string; lines: string[] };
}

/** The repositories class definitions declare (source document 000), per entity name, as each module writes them. */
export interface DeclaredRepositories {
  port: Map<string, DeclaredPortView>;
  sql: Map<string, DeclaredClassView>;
  memory: Map<string, DeclaredClassView>;
  /** What the methods of each declared class need imported, for the module that adds its own. */
  sqlImports: Map<string, PythonImports>;
  memoryImports: Map<string, PythonImports>;
  /** The body of the dependency factory building the declared class. */
  factoryBodies: Map<string, string>;
  /** Declared methods whose names say nothing the generator implements. */
  toImplement: string[];
  /** The constructor parameters, for the tests. */
  constructors: Map<string, ConstructorArgument[]>;
}

export function declaredRepositories(
  entities: readonly EntityView[],
  importSets: ReadonlyMap<string, EntityImportSets>,
  backend: BackendClasses,
  portMethods: (port: string) => MethodSignature[],
): DeclaredRepositories {
  const result: DeclaredRepositories = { port: new Map(), sql: new Map(), memory: new Map(), sqlImports: new Map(), memoryImports: new Map(), factoryBodies: new Map(), toImplement: [], constructors: new Map() };
  for (const e of entities) {
    const component = e.declared;
    if (component === undefined) continue;
    assertPrimitivesKept(component, e);
    const portModule = `app.application.interfaces.${e.portModule}`;
    const port = new ComponentModule(backend, portMethods);
    port.imports.merge(importSets.get(e.name)!.port);
    const portMethodsView = declaredMethods(component, e, port, true);
    if (portMethodsView.methods.length > 0) port.imports.add('abc', 'abstractmethod');
    result.port.set(e.name, { imports: port.imports.render(), methods: portMethodsView.methods, placeholders: portMethodsView.placeholders });

    const sql = new ComponentModule(backend, portMethods, portModule);
    const init = declaredConstructor(component, sql);
    const sqlMethods = declaredMethods(component, e, sql, false);
    result.sql.set(e.name, { methods: sqlMethods.methods, init: { header: init.header, lines: init.lines } });
    result.sqlImports.set(e.name, sql.imports);
    result.constructors.set(e.name, init.arguments);

    const memory = new ComponentModule(backend, portMethods, portModule);
    result.memory.set(e.name, { methods: declaredMethods(component, e, memory, false).methods });
    result.memoryImports.set(e.name, memory.imports);

    result.factoryBodies.set(e.name, factoryBody(component, init.arguments));
    if (constructorCall(component, 'session') === undefined) result.toImplement.push(`${component.name}: its dependency factory and tests cannot make one (backend/app/presentation/api/v1/dependencies/repositories.py)`);
    const file = `backend/${backendFiles.sqlRepository(e.sqlRepositoryModule)}`;
    for (const method of sqlMethods.methods) if (!method.implemented) result.toImplement.push(`${component.name}.${method.name} (${file})`);
  }
  return result;
}

/** `return SqlCustomerRepository(db_session=session)`; an attribute the backend cannot supply makes the factory say so. */
function factoryBody(component: Component, args: readonly ConstructorArgument[]): string {
  const construction = constructorCall(component, 'session');
  if (construction === undefined) {
    const missing = args.find((a) => !a.session && !a.optional)!;
    return pyFormat(call('NotImplementedError', [pyString(`give ${component.name} its ${missing.name} (${missing.annotation}) here`)]), 4, 'raise ');
  }
  return pyFormat(pyParse(construction), 4, 'return ');
}
