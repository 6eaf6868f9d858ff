import { toSnake } from '../../../core/index.js';

/** Where a class that a component names comes from in the backend. */
export type ClassOrigin =
  | { kind: 'import'; module: string; name: string }
  /** Not in the backend: a local stand-in, with the import it stands for. */
  | { kind: 'placeholder'; module: string; name: string; role: 'entity' | 'port' };

/** What the backend has besides the components: the classes it generates, and the user's own modules. */
export interface BackendClasses {
  /** Entities whose domain class is generated, by name → module. */
  entities: ReadonlyMap<string, string>;
  /** Ports the stack generates (entity repositories), by name → module. */
  ports: ReadonlyMap<string, string>;
  /** Modules the components' `implements` name for ports (`IPaymentGateway` → `app.application.interfaces.payment`). */
  portModules: ReadonlyMap<string, string>;
  /** The components' own classes, by name → module. */
  components: ReadonlyMap<string, string>;
  /** Whether a module the stack does not write defines the class (the user wrote it). */
  defines(module: string, name: string): boolean;
}

/** Class definitions say `Session`; the backend is async. */
const FRAMEWORK_CLASSES: Record<string, { module: string; name: string }> = {
  Session: { module: 'sqlalchemy.ext.asyncio', name: 'AsyncSession' },
  AsyncSession: { module: 'sqlalchemy.ext.asyncio', name: 'AsyncSession' },
  Engine: { module: 'sqlalchemy.ext.asyncio', name: 'AsyncEngine' },
  AsyncEngine: { module: 'sqlalchemy.ext.asyncio', name: 'AsyncEngine' },
  Connection: { module: 'sqlalchemy.ext.asyncio', name: 'AsyncConnection' },
};

/** `IPaymentGateway`: the naming of ports in the source documents. */
export const isPortName = (name: string) => /^I[A-Z]/.test(name);

/**
 * The origin of a class named as written (`IPaymentGateway`, `app.application.interfaces.payment.IPaymentGateway`,
 * `Session`, `Customer`): a framework class, a class the backend generates, a module of the user's,
 * or else a placeholder for the module the source documents would import it from
 * (`app.application.interfaces.<name without I>` for ports, `app.domain.entities.<name>` otherwise).
 */
export function classOrigin(written: string, backend: BackendClasses): ClassOrigin {
  const dot = written.lastIndexOf('.');
  const name = written.slice(dot + 1);
  const framework = FRAMEWORK_CLASSES[written] ?? (dot < 0 ? undefined : FRAMEWORK_CLASSES[name]);
  if (framework && (dot < 0 || written.startsWith('sqlalchemy.'))) return { kind: 'import', ...framework };
  const generated = backend.components.get(name) ?? backend.entities.get(name) ?? backend.ports.get(name);
  const role = isPortName(name) ? 'port' : 'entity';
  const module = dot >= 0 ? written.slice(0, dot) : role === 'port' ? (backend.portModules.get(name) ?? `app.application.interfaces.${toSnake(name.slice(1))}`) : `app.domain.entities.${toSnake(name)}`;
  if (dot >= 0 && !module.startsWith('app.')) return { kind: 'import', module, name };
  if (generated !== undefined && (dot < 0 || generated === module)) return { kind: 'import', module: generated, name };
  if (backend.defines(module, name)) return { kind: 'import', module, name };
  return { kind: 'placeholder', module, name, role };
}
