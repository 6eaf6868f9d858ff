import type { ComponentDefinition, ComponentLayer, SourceLocation } from '../../model/api-document.js';
import type { LocatedItem } from './items.js';
import type { TypeReader } from './type-reader.js';

/** A repository, adapter or pipeline step item as a ComponentDefinition with typed members. */
export function componentDefinitionOf(located: LocatedItem, reader: TypeReader, source: SourceLocation): ComponentDefinition {
  const { item, pointer } = located;
  return {
    name: item.class_name,
    layer: item.layer as ComponentLayer,
    ...(item.description ? { description: item.description } : {}),
    attributes: (item.attributes ?? []).map((text, i) => reader.typedName(text, `${pointer}/attributes/${i}`)),
    methods: (item.methods ?? []).map((method, m) => {
      const methodPointer = `${pointer}/methods/${m}`;
      return {
        name: method.method_name,
        parameters: (method.parameters ?? []).map((text, p) => reader.typedName(text, `${methodPointer}/parameters/${p}`)),
        returns: reader.returnType(method.return_type, method.return_type === undefined ? methodPointer : `${methodPointer}/return_type`),
        ...(method.description ? { description: method.description } : {}),
      };
    }),
    dependencies: [...(item.dependencies ?? [])],
    ...(item.implements ? { implements: item.implements } : {}),
    config: [...(item.config ?? [])],
    source,
  };
}
