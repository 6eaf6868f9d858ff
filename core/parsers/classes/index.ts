import path from 'node:path';
import { InfraStackError } from '../../errors.js';
import { toTableName } from '../../naming.js';
import type { ApiDocument, SourceLocation } from '../../model/api-document.js';
import { pointerLineFinder } from '../openapi/pointer-lines.js';
import { loadStructuredFile } from '../openapi/source-text.js';
import { componentDefinitionOf } from './component-definitions.js';
import { entityNameOf, entitySchemaOf, type EntityItems } from './entity-schemas.js';
import { COMPONENT_ITEM_LAYERS, type LocatedItem, type RawClassItem } from './items.js';
import { describeSource, unreadParts } from './notices.js';
import { persistedEntityOf } from './persisted-entity.js';
import { assertClassDefinitions } from './shape.js';
import { assertStrictJson } from './strict-json.js';
import { TypeReader } from './type-reader.js';

/**
 * Reads a JSON class definitions file (source documents 000 and 001): domain entities and ORM
 * models become entity schemas, repositories, adapters and pipeline steps components.
 */
export async function parseClassesFile(file: string): Promise<ApiDocument> {
  const source = await loadStructuredFile(file);
  assertStrictJson(file, source.text);
  assertClassDefinitions(file, source.text, source.data);
  const lineOf = pointerLineFinder(source.text);
  const items: LocatedItem[] = source.data.map((item: RawClassItem, index) => ({ item, index, pointer: `/${index}` }));
  const where = (located: LocatedItem): SourceLocation => {
    const line = lineOf(located.pointer);
    return { file, pointer: located.pointer, ...(line !== undefined ? { line } : {}) };
  };
  assertUniqueClassNames(file, items, where);
  const at = (pointer: string) => {
    const line = lineOf(pointer);
    return describeSource({ file: path.relative(process.cwd(), file) || file, pointer, ...(line !== undefined ? { line } : {}) });
  };
  const notices = unreadParts(items, (located, pointer = located.pointer) => at(pointer));

  const entities = groupEntityItems(file, items, where);
  const reader = new TypeReader(file, source.text, (name) => entities.has(name));
  const components = items
    .filter(({ item }) => (COMPONENT_ITEM_LAYERS as readonly string[]).includes(item.layer))
    .map((located) => componentDefinitionOf(located, reader, where(located)));
  for (const component of components) {
    if (component.layer !== 'infrastructure/repository') continue;
    const persisted = entities.get(persistedEntityOf(component, (name) => entities.has(name)) ?? '');
    if (persisted && persisted.repository === undefined) persisted.repository = component.name;
  }

  const tables = new Map([...entities.values()].map((entity) => [entity.model?.item.table_name ?? toTableName(entity.name), entity.name]));
  const schemas: ApiDocument['schemas'] = new Map();
  for (const entity of entities.values()) {
    const first = [entity.domain, entity.model].filter((part): part is LocatedItem => part !== undefined).sort((a, b) => a.index - b.index)[0]!;
    schemas.set(entity.name, entitySchemaOf(entity, reader, lineOf, where(first), (table) => tables.get(table), (message, pointer) => notices.push(`${at(pointer)}: ${message}`)));
  }
  return {
    title: path.basename(file, path.extname(file)),
    version: '0.0.0',
    basePath: '',
    schemas,
    operations: [],
    components,
    settings: {},
    sources: [file],
    notices,
  };
}

function assertUniqueClassNames(file: string, items: LocatedItem[], where: (item: LocatedItem) => SourceLocation): void {
  const seen = new Map<string, LocatedItem>();
  for (const located of items) {
    const earlier = seen.get(located.item.class_name);
    if (earlier) {
      throw new InfraStackError(`class ${located.item.class_name} is defined twice (first at ${describe(where(earlier))}): expected one item per class name`, {
        file,
        location: describe(where(located)),
      });
    }
    seen.set(located.item.class_name, located);
  }
}

/** Domain entities and ORM models by entity name, in the order first written. */
function groupEntityItems(file: string, items: LocatedItem[], where: (item: LocatedItem) => SourceLocation): Map<string, EntityItems> {
  const entities = new Map<string, EntityItems>();
  for (const located of items) {
    const { layer } = located.item;
    if (layer !== 'domain/entity' && layer !== 'infrastructure/model') continue;
    const name = entityNameOf(located.item);
    const entity = entities.get(name) ?? { name };
    const slot = layer === 'domain/entity' ? 'domain' : 'model';
    const earlier = entity[slot];
    if (earlier) {
      throw new InfraStackError(
        `${located.item.class_name} and ${earlier.item.class_name} (${describe(where(earlier))}) are both the ${layer} of entity ${name}: expected one`,
        { file, location: describe(where(located)) },
      );
    }
    entity[slot] = located;
    entities.set(name, entity);
  }
  return entities;
}

function describe(source: SourceLocation): string {
  return source.line !== undefined ? `line ${source.line} (${source.pointer})` : source.pointer;
}
