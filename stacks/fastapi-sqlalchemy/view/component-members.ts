import type { Component } from '../../../core/index.js';
import { toSnake } from '../../../core/index.js';
import type { PythonImports } from '../python/imports.js';
import { pyFormat } from '../python/layout.js';
import { pyIdentifier } from '../python/names.js';
import { valueSample } from './component-samples.js';
import type { ComponentModule } from './component-module.js';
import { isPortName } from './component-classes.js';

/** One value a component's constructor takes. */
export interface Collaborator {
  /** The parameter, and the attribute (with a leading underscore) it is kept in. */
  name: string;
  annotation: string;
  /** The class, when the collaborator is one (not a plain value such as `bucket: str`). */
  className?: string;
}

/**
 * The constructor parameters of a component, in order: `leading` classes (a pipeline step's port),
 * the classes of `dependencies`, then `attributes` as written; each name once.
 */
export function collaborators(component: Component, module: ComponentModule, leading: string[] = []): Collaborator[] {
  const result: Collaborator[] = [];
  const used = new Set<string>();
  const push = (collaborator: Collaborator) => {
    if (used.has(collaborator.name)) return;
    used.add(collaborator.name);
    result.push(collaborator);
  };
  for (const written of [...leading, ...component.dependencies]) {
    const className = module.classRef(written.trim());
    push({ name: parameterName(written.trim().slice(written.trim().lastIndexOf('.') + 1)), annotation: className, className });
  }
  for (const attribute of component.attributes) {
    const annotation = module.annotation(attribute);
    push({ name: pyIdentifier(attribute.name), annotation, ...(attribute.type.kind === 'object' ? { className: annotation.replace(/ \| None$/, '') } : {}) });
  }
  return result;
}

/** `IImageResizer` → `image_resizer`, `AsyncSession` → `async_session`. */
export function parameterName(className: string): string {
  return pyIdentifier(toSnake(isPortName(className) ? className.slice(1) : className));
}

/** A made-up value for a collaborator; a class stands in as `cast(Any, object())`, never called by the HTTP tests. */
export function collaboratorValue(collaborator: Collaborator, component: Component, imports: PythonImports): { name: string; line: string } {
  const attribute = component.attributes.find((a) => a.name === collaborator.name);
  const sample = attribute && !collaborator.className ? valueSample(attribute, imports) : undefined;
  if (sample) return { name: collaborator.name, line: pyFormat(sample.expr, 4, `${collaborator.name} = `) };
  imports.add('typing', 'Any', 'cast');
  return { name: collaborator.name, line: `${collaborator.name} = cast(Any, object())` };
}
