import type converter from 'swagger2openapi';
import { InfraStackError } from '../../errors.js';

type Json = Record<string, unknown>;
type Swagger2Document = Parameters<typeof converter.convertObj>[0];

/** Where a Swagger 2.0 document keeps what OpenAPI 3 keeps under `/components/schemas/`. */
export const SWAGGER2_SCHEMA_POINTER_PREFIX = '/definitions/';

export function isSwagger2(data: Json): boolean {
  return data.swagger !== undefined;
}

/**
 * Upgrades an already validated and bundled Swagger 2.0 document (only local `$ref`s left)
 * to OpenAPI 3.0. `patch` mends the small slips the converter knows; `warnOnly` keeps it
 * from rejecting what the validator already accepted.
 */
export async function upgradeSwagger2(file: string, bundled: Json): Promise<Json> {
  try {
    const { default: converter } = await import('swagger2openapi');
    const { openapi } = await converter.convertObj(bundled as unknown as Swagger2Document, {
      patch: true,
      warnOnly: true,
      resolve: false,
      resolveInternal: false,
      source: file,
    });
    return openapi as unknown as Json;
  } catch (cause) {
    throw new InfraStackError(`cannot convert the Swagger 2.0 document to OpenAPI 3: ${(cause as Error).message}`, { file, cause });
  }
}
