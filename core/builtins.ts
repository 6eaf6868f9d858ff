import { deriveModel } from './derive/derive.js';
import type { InfraStackPlugin } from './engine/plugin.js';
import { parseMarkdownFile } from './parsers/markdown/index.js';
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

/** The base derivation; later taps of `deriveModel` refine what it produced. */
export const resourceDerivationPlugin: InfraStackPlugin = {
  name: 'core:derive',
  apply({ hooks }) {
    hooks.deriveModel.tap({ name: 'core:derive', stage: -100 }, (_model, { api }) => deriveModel(api));
  },
};

export const corePlugins: readonly InfraStackPlugin[] = [openApiParserPlugin, markdownParserPlugin, resourceDerivationPlugin];
