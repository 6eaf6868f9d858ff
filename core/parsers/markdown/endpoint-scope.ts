import { toPascal } from '../../naming.js';

/** `post /products/{product_id}/restock` → `PostProductsRestock`: names what an endpoint hoists. */
export function endpointScope(method: string, route: string): string {
  return toPascal(`${method} ${route.replace(/\{[^}]*\}/g, '')}`);
}
