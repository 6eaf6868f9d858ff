/** The raw shape of a class definitions file, as validated by `shape.ts`. */

export const ENTITY_ITEM_LAYERS = ['domain/entity', 'infrastructure/model'] as const;
export const COMPONENT_ITEM_LAYERS = ['infrastructure/repository', 'infrastructure/adapter', 'infrastructure/pipeline_step'] as const;
export const ITEM_LAYERS = [...ENTITY_ITEM_LAYERS, ...COMPONENT_ITEM_LAYERS] as const;
/** Layers source document 000 lists that other workflows handle: read, reported as not handled, nothing generated. */
export const OTHER_WORKFLOW_LAYERS = [
  'domain/service',
  'application/interface',
  'application/use_case',
  'presentation/schema',
  'presentation/dependency',
  'presentation/router',
] as const;
export const DOCUMENTED_LAYERS = [...ITEM_LAYERS, ...OTHER_WORKFLOW_LAYERS] as const;
export type ItemLayer = (typeof DOCUMENTED_LAYERS)[number];

/** The keys each layer's generation reads, besides `class_name`, `layer`, `description` and the written-back keys. */
export const KEYS_READ: Record<(typeof ITEM_LAYERS)[number], readonly string[]> = {
  'domain/entity': ['attributes', 'constraints', 'imports'],
  'infrastructure/model': ['attributes', 'columns', 'table_name', 'constraints', 'imports'],
  'infrastructure/repository': ['attributes', 'methods', 'dependencies', 'implements', 'imports'],
  'infrastructure/adapter': ['attributes', 'methods', 'dependencies', 'implements', 'config', 'imports'],
  'infrastructure/pipeline_step': ['attributes', 'methods', 'dependencies', 'implements', 'imports'],
};

/** Keys the tool writes back after a run; accepted on input so a second run reads its own output. */
export const WRITTEN_BACK_KEYS = ['code_path', 'code_raw_url', 'test_path', 'test_raw_url'] as const;

export interface RawMethod {
  method_name: string;
  description?: string;
  parameters?: string[];
  return_type?: string;
}

/** A unique or index entry: one column name, or the names of a composite. */
export type RawColumnSet = string | string[];

export interface RawConstraints {
  on_delete?: string;
  unique?: RawColumnSet[];
  index?: RawColumnSet[];
}

export interface RawClassItem {
  class_name: string;
  layer: ItemLayer;
  description?: string;
  table_name?: string;
  attributes?: string[];
  /** SQLAlchemy column specs (source document 001): `"name: String nullable=False"`. */
  columns?: string[];
  /** Python import lines the item's types come from (source document 001). */
  imports?: string[];
  methods?: RawMethod[];
  dependencies?: string[];
  constraints?: RawConstraints;
  implements?: string;
  config?: string[];
  /** Unknown keys are kept as they are. */
  [key: string]: unknown;
}

/** One item with where it is: its index in the array and its JSON pointer. */
export interface LocatedItem {
  item: RawClassItem;
  index: number;
  pointer: string;
}
