import { pascalCase, snakeCase } from 'change-case';
import pluralize from 'pluralize';

/** `photoUrls` → `photo_urls`; digits stay attached to the word before them. */
export function toSnake(name: string): string {
  const snake = snakeCase(name.replace(/[^A-Za-z0-9]+/g, ' ').trim(), { separateNumbers: false });
  return snake === '' ? 'value' : snake;
}

/** `order-item` → `OrderItem`. */
export function toPascal(name: string): string {
  const pascal = pascalCase(name.replace(/[^A-Za-z0-9]+/g, ' ').trim(), { mergeAmbiguousCharacters: true });
  return pascal === '' ? 'Value' : pascal;
}

/** `ProductModel` → `products`, `Category` → `categories`, `Person` → `people`. */
export function toTableName(entityName: string): string {
  const base = entityName.replace(/(?<=.)Model$/, '');
  const words = toSnake(base).split('_');
  const last = words.pop() ?? base;
  return [...words, pluralize.plural(last)].join('_');
}

export function singular(word: string): string {
  return pluralize.singular(word);
}
