import { deriveComponents, hasClassDefinitions } from './derive/components.js';
import { deriveModel } from './derive/derive.js';
import type { InfraStackPlugin } from './engine/plugin.js';
import { parseMarkdownFile } from './parsers/markdown/index.js';
import { parseClassesFile } from './parsers/classes/index.js';
import { writeBackGeneratedPaths } from './parsers/classes/write-back-run.js';
import { parseOpenApiFile } from './parsers/openapi/index.js';

/** Reads OpenAPI 3.0/3.1 documents (YAML or JSON). */
export const openApiParserPlugin: InfraStackPlugin = {
  name: 'core:openapi',
  apply({ hooks }) {
    hooks.parse.for('openapi').tapPromise('core:openapi', ({ file }) => parseOpenApiFile(file));
  },
};

/** Reads markdown API lists and requirements documents (endpoints as headings, field tables, a tech-stack table). */
export const markdownParserPlugin: InfraStackPlugin = {
  name: 'core:markdown',
  apply({ hooks }) {
    hooks.parse.for('markdown').tapPromise('core:markdown', ({ file }) => parseMarkdownFile(file));
  },
};

/** Reads JSON class definitions (an array of `{ class_name, layer, ... }`). */
export const classesParserPlugin: InfraStackPlugin = {
  name: 'core:classes',
  apply({ hooks }) {
    hooks.parse.for('classes').tapPromise('core:classes', ({ file }) => parseClassesFile(file));
  },
};

/** The base derivation; later taps of `deriveModel` refine what it produced. */
export const resourceDerivationPlugin: InfraStackPlugin = {
  name: 'core:derive',
  apply({ hooks }) {
    hooks.deriveModel.tap({ name: 'core:derive', stage: -100 }, (_model, { api }) => deriveModel(api));
  },
};

/** Adds the components, placeholders and entity items of class definitions to the derived model. */
export const componentDerivationPlugin: InfraStackPlugin = {
  name: 'core:components',
  apply({ hooks }) {
    hooks.deriveModel.tap({ name: 'core:components', stage: 0 }, (model, { api }) => (hasClassDefinitions(api) ? { ...model, ...deriveComponents(api) } : model));
  },
};

/** Writes `code_path`/`test_path` (and raw URLs) of the generated files back into class definitions. */
export const classesWriteBackPlugin: InfraStackPlugin = {
  name: 'core:classes-writeback',
  apply({ hooks }) {
    hooks.afterEmit.tapPromise('core:classes-writeback', (summary) => writeBackGeneratedPaths(summary));
  },
};

export const corePlugins: readonly InfraStackPlugin[] = [
  openApiParserPlugin,
  markdownParserPlugin,
  classesParserPlugin,
  resourceDerivationPlugin,
  componentDerivationPlugin,
  classesWriteBackPlugin,
];
