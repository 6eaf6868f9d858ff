import type { MethodSignature, TypedValue, TypeRef } from '../../../core/index.js';
import { PythonImports } from '../python/imports.js';
import { definition, pyFormat } from '../python/layout.js';
import { domainType } from '../python/types.js';
import { classOrigin, type BackendClasses, type ClassOrigin } from './component-classes.js';
import { genericArgument, withoutOptional } from './written-types.js';

type Placeholder = Extract<ClassOrigin, { kind: 'placeholder' }>;

/** A placeholder class as the module writes it, after the commented import it stands for. */
export interface PlaceholderView {
  name: string;
  role: 'entity' | 'port';
  /** `from app.application.interfaces.payment import IPaymentGateway` */
  intendedImport: string;
  module: string;
  doc: string;
  /** Port stubs: `async def` headers laid out, each body `raise NotImplementedError`. */
  methods: { name: string; header: string; parameters: TypedValue[] }[];
}

/**
 * One generated module of a component: its imports, the annotations of the values it declares,
 * and the placeholders it needs for the classes the backend does not have (one each).
 */
export class ComponentModule {
  readonly imports = new PythonImports();
  private readonly placeholders = new Map<string, Placeholder>();

  constructor(
    private readonly backend: BackendClasses,
    /** The methods a port is known to have: those of the components implementing it. */
    private readonly portMethods: (port: string) => MethodSignature[],
    /** For a test module: the component's module, whose placeholders it imports. */
    private readonly placeholdersFrom?: string,
  ) {}

  /** The name to write for a class: imported, or declared as a placeholder in this module. */
  classRef(written: string): string {
    const origin = classOrigin(written, this.backend);
    if (origin.kind === 'import') this.imports.add(origin.module, origin.name);
    else if (this.placeholdersFrom !== undefined) this.imports.add(this.placeholdersFrom, origin.name);
    else if (!this.placeholders.has(origin.name)) this.placeholders.set(origin.name, origin);
    return origin.name;
  }

  /** Whether the class is declared here as a placeholder. */
  isPlaceholder(name: string): boolean {
    return this.placeholders.has(name);
  }

  annotation(value: TypedValue): string {
    const type = this.type(value.type, withoutOptional(value.written));
    return value.nullable && type !== 'Any' ? `${type} | None` : type;
  }

  /** `async def name(self, a: int) -> R:` at `indent`, laid out as ruff writes it. */
  methodHeader(method: MethodSignature, indent: number): string {
    const parameters = method.parameters.map((p) => `${p.name}: ${this.annotation(p)}`);
    return pyFormat(definition(`async def ${method.name}`, ['self', ...parameters]), indent, '', ` -> ${this.returnAnnotation(method)}:`);
  }

  returnAnnotation(method: MethodSignature): string {
    return method.returns ? this.annotation(method.returns) : 'None';
  }

  /** The placeholders, ports' stubs resolved here too (they may name more missing classes), by name. */
  placeholderViews(): PlaceholderView[] {
    const views = new Map<string, PlaceholderView>();
    for (let pending = this.unviewed(views); pending.length > 0; pending = this.unviewed(views)) {
      for (const placeholder of pending) {
        const methods = placeholder.role === 'port' ? this.portMethods(placeholder.name) : [];
        views.set(placeholder.name, {
          name: placeholder.name,
          role: placeholder.role,
          module: placeholder.module,
          intendedImport: `from ${placeholder.module} import ${placeholder.name}`,
          doc: `Placeholder for ${placeholder.name} (the commented import above), which does not exist yet.`,
          methods: methods.map((m) => ({ name: m.name, header: this.methodHeader(m, 4), parameters: m.parameters })),
        });
      }
    }
    if ([...views.values()].some((v) => v.role === 'entity')) this.imports.add('dataclasses', 'dataclass');
    // Entities first: the ports' stubs may name them, and annotations are evaluated where they stand.
    const rank = (view: PlaceholderView) => `${view.role === 'entity' ? 0 : 1}${view.name}`;
    return [...views.values()].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
  }

  private unviewed(views: ReadonlyMap<string, PlaceholderView>): Placeholder[] {
    return [...this.placeholders.values()].filter((p) => !views.has(p.name));
  }

  private type(type: TypeRef, written: string): string {
    switch (type.kind) {
      case 'object':
        return this.classRef(dottedName(written, type.name));
      case 'array':
        return `list[${this.type(type.items, genericArgument(written, 0))}]`;
      case 'map':
        return `dict[str, ${this.type(type.values, genericArgument(written, 1))}]`;
      case 'json': {
        this.imports.add('typing', 'Any');
        const base = written.replace(/^typing\./, '').replace(/\[.*$/, '');
        if (base === 'dict' || base === 'Dict') return 'dict[str, Any]';
        return base === 'list' || base === 'List' ? 'list[Any]' : 'Any';
      }
      default:
        return domainType(type, this.imports);
    }
  }
}

/** The class as written, with its module when the text spells one (`sqlalchemy.orm.Session`). */
function dottedName(written: string, name: string): string {
  const match = new RegExp(`(?:[A-Za-z_]\\w*\\.)+${name}\\b`).exec(written);
  return match ? match[0] : name;
}
