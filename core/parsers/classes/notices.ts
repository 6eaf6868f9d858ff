import type { SourceLocation } from '../../model/api-document.js';
import { ITEM_LAYERS, KEYS_READ, WRITTEN_BACK_KEYS, type LocatedItem } from './items.js';

const ALWAYS_READ = new Set<string>(['class_name', 'layer', 'description', ...WRITTEN_BACK_KEYS]);

/**
 * What the file holds that no generation reads: items of layers other workflows handle, and
 * keys the item's layer does not use. Each notice names the item and where it is; the keys stay in the file.
 */
export function unreadParts(items: LocatedItem[], where: (located: LocatedItem, pointer?: string) => string): string[] {
  const notices: string[] = [];
  for (const located of items) {
    const { item } = located;
    const layer = item.layer as (typeof ITEM_LAYERS)[number];
    if (!(ITEM_LAYERS as readonly string[]).includes(layer)) {
      notices.push(`${where(located)}: ${item.class_name} (${item.layer}) is not handled by this input: class definitions generate ${ITEM_LAYERS.join(', ')}`);
      continue;
    }
    const read = new Set([...ALWAYS_READ, ...KEYS_READ[layer]]);
    for (const key of Object.keys(item)) {
      if (read.has(key)) continue;
      notices.push(`${where(located, `${located.pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`)}: key "${key}" of ${item.class_name} is not used for ${item.layer} (kept in the file as written)`);
    }
  }
  return notices;
}

export function describeSource(source: SourceLocation): string {
  return `${source.file}${source.line !== undefined ? `:${source.line}` : ''} (${source.pointer})`;
}
