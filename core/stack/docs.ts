import type { Entity, DomainModel, Operation } from '../model/domain-model.js';
import type { Column } from '../schema/relational-schema.js';
import type { EngineConfig } from '../engine/hooks.js';

/**
 * What the docs need to know about the code a stack generates, so that the documents name the
 * stack's own functions, classes and files: the `docs` of the stack's descriptor. Paths are
 * relative to the output folder.
 */
export interface DocumentedStack {
  /** The stack's plugin name, as `config.stack` selects it. */
  name: string;
  /** One line: what the stack generates (`FastAPI + SQLAlchemy 2.0 (async)`). */
  title: string;
  /** The handler of an operation and what it calls. */
  endpoint(operation: Operation, entity: Entity | undefined, model: DomainModel): EndpointCode;
  /** The classes and files the stack generates for one entity, whether or not this run planned each. */
  components(entity: Entity, model: DomainModel): CodeComponent[];
  /** The type the ORM declares a column of the relational schema with (`String(64)`). */
  columnType(column: Column): string;
  technologies(config: EngineConfig, model: DomainModel): string[];
  /** How the generated code commits, rolls back and scopes sessions. */
  transactions: readonly string[];
  /** Checklist items the stack's templates satisfy by construction (a plan cannot show them). */
  guarantees: readonly string[];
  /** One line on what a folder holds, when the stack knows the folder. */
  folderPurpose(folder: string): string | undefined;
}

export interface EndpointCode {
  /** The file the handler is in. */
  file: string;
  handler: string;
  /** Repository methods the handler calls, in order (`UserRepository.get_by_username`). */
  repositoryCalls: string[];
  /** For operations beyond CRUD: the method the user implements (`ProductOperations.restock_product`). */
  useCase?: string;
}

export type ComponentRole = 'domain entity' | 'repository port' | 'ORM model' | 'mapper' | 'repository' | 'in-memory repository' | 'repository integration test';

export interface CodeComponent {
  role: ComponentRole;
  /** The class (or module) name. */
  name: string;
  file: string;
}
