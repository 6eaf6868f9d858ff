import type { Component, MethodSignature, TypedValue } from '../../../core/index.js';
import { toSnake } from '../../../core/index.js';
import { call, collection, definition, keyword, pyFormat, pyParse, pyValue } from '../python/layout.js';
import { pyDocLine, pyString } from '../python/names.js';
import type { BackendClasses } from './component-classes.js';
import { collaborators, collaboratorValue, type Collaborator } from './component-members.js';
import { ComponentModule, type PlaceholderView } from './component-module.js';
import { valueSample, valueSamples } from './component-samples.js';
import { pyDocstring, wrapText } from './docstrings.js';

/** `run(context: dict) -> dict`, the method every step has (source document 001). */
export const RUN: MethodSignature = {
  name: 'run',
  parameters: [{ name: 'context', type: { kind: 'json' }, nullable: false, written: 'dict' }],
  returns: { name: 'return', type: { kind: 'json' }, nullable: false, written: 'dict' },
};

export interface StepView {
  name: string;
  stepName: string;
  /** The class docstring, quotes included, laid out at 4. */
  doc: string;
  imports: string;
  placeholders: PlaceholderView[];
  init?: { header: string; lines: string[] };
  methods: { header: string; lines: string[] }[];
}

export interface StepTestView {
  name: string;
  imports: string;
  stepName: string;
  /** A fake of the port the step works through, when it has one. */
  fake?: { header: string; attribute: string; methods: { header: string; lines: string[] }[] };
  makeStep: string[];
  tests: { def: string; lines: string[] }[];
}

/**
 * The methods of a step: those the item lists, `run(context)` when it lists none.
 * (Source document 001 writes the pipeline step's port under `implements`, and injects it.)
 */
export function stepMethods(component: Component): MethodSignature[] {
  return component.methods.length > 0 ? component.methods : [RUN];
}

/** The port a step hands its work to: the class it `implements`, injected like its dependencies. */
export function workPort(component: Component): string | undefined {
  return component.implements ? (component.implements.module ? `${component.implements.module}.${component.implements.name}` : component.implements.name) : undefined;
}

/** Whether a method is the step's `run`: it takes the context and returns the context updated. */
function mergesContext(method: MethodSignature, module: ComponentModule): boolean {
  const [context] = method.parameters;
  const dict = (value: TypedValue | undefined) => value !== undefined && !value.nullable && module.annotation(value) === 'dict[str, Any]';
  return method.name === 'run' && method.parameters.length === 1 && dict(context) && dict(method.returns);
}

/**
 * A pipeline step (source document 001): a `name`, its collaborators given to the constructor,
 * and `run(context)`. The work is its port's: `run` hands it the context and returns a new
 * context, the given one updated with what the port returns; other methods return the port's
 * answer. A step without a port has nothing to hand the work to: its methods raise
 * NotImplementedError until written.
 */
export function stepView(component: Component, backend: BackendClasses, portMethods: (port: string) => MethodSignature[]): StepView {
  const module = new ComponentModule(backend, portMethods);
  const port = workPort(component);
  const given = collaborators(component, module, port ? [port] : []);
  const worker = port ? given[0] : undefined;
  const methods = stepMethods(component).map((method) => ({ header: module.methodHeader(method, 4), lines: methodBody(method, worker, module) }));
  const placeholders = module.placeholderViews();
  const init = given.length > 0
    ? { header: pyFormat(definition('def __init__', ['self', ...given.map((c) => `${c.name}: ${c.annotation}`)]), 4, '', ' -> None:'), lines: given.map((c) => `self._${c.name} = ${c.name}`) }
    : undefined;
  const description = pyDocLine(component.description, `Pipeline step ${component.name}.`);
  const work = worker ? wrapText(`The work is ${worker.annotation}'s: \`run\` returns a new context, the given one updated with what ${worker.annotation} returns.`, 4) : [];
  return {
    name: component.name,
    stepName: stepNameOf(component),
    doc: pyDocstring(work.length > 0 ? [description, '', ...work] : [description], 4),
    imports: module.imports.render(),
    placeholders,
    ...(init ? { init } : {}),
    methods,
  };
}

function methodBody(method: MethodSignature, worker: Collaborator | undefined, module: ComponentModule): string[] {
  if (!worker) return [`raise NotImplementedError(${pyString(`${method.name}: the step's work is to be written`)})`];
  const delegated = call(`self._${worker.name}.${method.name}`, method.parameters.map((p) => p.name));
  if (mergesContext(method, module)) return [pyFormat(delegated, 8, 'result = await '), `return {**${method.parameters[0]!.name}, **result}`];
  return [pyFormat(delegated, 8, module.returnAnnotation(method) === 'None' ? 'await ' : 'return await ')];
}

/** `ResizeImageStep` → `resize_image`. */
export function stepNameOf(component: Component): string {
  return toSnake(component.name.replace(/(?<=.)Step$/, ''));
}

/** Unit tests: the step's name, and each method handing its work to a fake port. */
export function stepTestView(component: Component, view: StepView, backend: BackendClasses, portMethods: (port: string) => MethodSignature[]): StepTestView {
  const stepModule = `app.infrastructure.pipelines.steps.${component.slug}`;
  const module = new ComponentModule(backend, portMethods, stepModule);
  const { imports } = module;
  imports.add(stepModule, component.name);
  imports.addModule('pytest');
  const port = workPort(component);
  // Only the port's fake is used as a class; the other collaborators are made-up values.
  const given = collaborators(component, new ComponentModule(backend, portMethods, stepModule), port ? [port] : []);
  const worker = port ? given[0] : undefined;
  const fakeName = worker && `Fake${worker.annotation.replace(/^I(?=[A-Z])/, '')}`;
  const values = given.map((c) => (c === worker ? { name: c.name, line: `${c.name} = ${fakeName}()` } : collaboratorValue(c, component, imports)));
  const makeStep = [...values.map((v) => v.line), pyFormat(call(component.name, values.map((v) => keyword(v.name, v.name))), 4, 'step = ')];
  const tests: StepTestView['tests'] = [{ def: 'def test_name() -> None:', lines: [`assert ${component.name}.name == ${pyString(view.stepName)}`] }];
  const fakeMethods: NonNullable<StepTestView['fake']>['methods'] = [];
  const done = { [`${view.stepName}_done`]: true };
  for (const method of stepMethods(component)) {
    // A class the tests cannot make up (as an argument or an answer) keeps the method out of them.
    const samples = valueSamples(method.parameters, imports);
    const answer = method.returns ? valueSample(method.returns, imports) : undefined;
    if (samples === undefined || (method.returns && answer === undefined)) continue;
    const args = samples.map((s) => s.expr);
    const lines = [...makeStep];
    if (!worker) {
      imports.addModule('pytest');
      lines.push('with pytest.raises(NotImplementedError):', `    ${pyFormat(call(`step.${method.name}`, args), 8, 'await ')}`);
      tests.push({ def: `async def test_${method.name}_is_still_to_write() -> None:`, lines });
      continue;
    }
    const merges = mergesContext(method, module);
    const recorded = (values: string[]) => (values.length === 1 ? `(${values[0]},)` : `(${values.join(', ')})`);
    fakeMethods.push({
      header: module.methodHeader(method, 4),
      lines: [
        pyFormat(call('self.calls.append', [pyParse(recorded([pyString(method.name), ...method.parameters.map((p) => p.name)]))]), 8),
        ...(method.returns ? [pyFormat(merges ? pyValue(done) : answer!.expr, 8, 'return ')] : []),
      ],
    });
    if (merges) {
      const context = samples[0]!.json as Record<string, unknown>;
      lines.push(
        pyFormat(pyValue(context), 4, 'context: dict[str, Any] = '),
        pyFormat(call(`step.${method.name}`, ['context']), 4, 'result = await '),
        pyFormat(pyValue({ ...context, ...done }), 4, 'assert result == '),
        pyFormat(pyValue(context), 4, 'assert context == '),
        `assert ${worker.name}.calls == [${recorded([pyString(method.name), 'context'])}]`,
      );
    } else {
      lines.push(pyFormat(call(`step.${method.name}`, args), 4, method.returns ? 'result = await ' : 'await '));
      if (answer) lines.push(pyFormat(answer.expr, 4, 'assert result == '));
      lines.push(pyFormat(collection('[', [pyParse(recorded([pyString(method.name), ...args]))]), 4, `assert ${worker.name}.calls == `));
    }
    tests.push({ def: `async def test_${method.name}_hands_the_work_to_${worker.name}() -> None:`, lines });
  }
  if (worker) {
    imports.add('typing', 'Any');
    module.classRef(port!);
  }
  return {
    name: component.name,
    imports: imports.render(),
    stepName: view.stepName,
    ...(worker && fakeName ? { fake: { header: `class ${fakeName}(${worker.annotation}):`, attribute: worker.name, methods: fakeMethods } } : {}),
    makeStep,
    tests,
  };
}
