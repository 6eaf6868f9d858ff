import { readFile } from 'node:fs/promises';
import path from 'node:path';

const COUPON_PATHS = `  /coupons:
    get:
      operationId: listCoupons
      responses:
        "200":
          description: Coupons
          content:
            application/json:
              schema: { type: array, items: { $ref: "#/components/schemas/Coupon" } }
    post:
      operationId: createCoupon
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Coupon" }
      responses:
        "201":
          description: Created
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Coupon" }
`;

const COUPON_SCHEMA = `    Coupon:
      type: object
      required: [code, percent]
      properties:
        id: { type: integer, readOnly: true }
        code: { type: string, maxLength: 20 }
        percent: { type: integer, minimum: 1, maximum: 100 }
`;

const REVIEW_PATHS = `  /reviews:
    get:
      operationId: listReviews
      responses:
        "200":
          description: Reviews
          content:
            application/json:
              schema: { type: array, items: { $ref: "#/components/schemas/Review" } }
    post:
      operationId: createReview
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Review" }
      responses:
        "201":
          description: Created
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Review" }
`;

const REVIEW_SCHEMA = `    Review:
      type: object
      required: [productId, rating]
      properties:
        id: { type: integer, readOnly: true }
        productId: { type: integer }
        rating: { type: integer, minimum: 1, maximum: 5 }
        comment: { type: string, maxLength: 500 }
`;

/**
 * The shop example before and after a change of the API, for regeneration scenarios. Before:
 * the shop plus coupons. After: coupons gone, reviews added, products gain an optional weight,
 * their stock becomes optional, orders may be refunded, and users' fullName is renamed
 * displayName (with the hint that says so).
 */
export async function shopRevisions(root: string): Promise<{ before: string; after: string }> {
  const shop = await readFile(path.join(root, 'examples/shop/openapi.yaml'), 'utf8');
  const withPaths = (text: string, paths: string) => text.replace('\npaths:\n', `\npaths:\n${paths}`);
  const withSchemas = (text: string, schemas: string) => text.replace('\n  schemas:\n', `\n  schemas:\n${schemas}`);
  const before = withSchemas(withPaths(shop, COUPON_PATHS), COUPON_SCHEMA);
  const after = withSchemas(withPaths(shop, REVIEW_PATHS), REVIEW_SCHEMA)
    .replace('required: [name, sku, price, stock, categoryId]', 'required: [name, sku, price, categoryId]')
    .replace('        stock: { type: integer, minimum: 0 }\n', '        stock: { type: integer, minimum: 0 }\n        weight: { type: number }\n')
    .replace('enum: [pending, paid, shipped, cancelled]', 'enum: [pending, paid, shipped, cancelled, refunded]')
    .replaceAll('fullName: { type: [string, "null"], maxLength: 120 }', 'displayName: { type: [string, "null"], maxLength: 120, x-renamed-from: fullName }');
  if (after === withSchemas(withPaths(shop, REVIEW_PATHS), REVIEW_SCHEMA)) throw new Error('the shop example changed: update shopRevisions');
  return { before, after };
}
