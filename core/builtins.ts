import { deriveComponents, hasClassDefinitions } from './derive/components.js';
import { deriveModel } from './derive/derive.js';
import type { InfraStackPlugin } from './engine/plugin.js';
import { writeBackGeneratedPaths } from './parsers/classes/write-back-run.js';

// Each parser, with the libraries it reads with, is loaded when a document of its format is read.

/** Reads OpenAPI 3.0/3.1 documents (YAML or JSON). */
export const openApiParserPlugin: InfraStackPlugin = {
  name: 'core:openapi',
  apply({ hooks }) {
    hooks.parse.for('openapi').tapPromise('core:openapi', async ({ file, defer }) => {
      const { parseOpenApiFile } = await import('./parsers/openapi/index.js');
      return parseOpenApiFile(file, { deferValidation: defer });
    });
  },
};

/** Reads markdown API lists and requirements documents (endpoints as headings, field tables, a tech-stack table). */
export const markdownParserPlugin: InfraStackPlugin = {
  name: 'core:markdown',
  apply({ hooks }) {
    // One reading of the run's markdown documents: each parse also sees the named types of the others.
    const runs = new WeakMap<object, import('./parsers/markdown/index.js').MarkdownRun>();
    hooks.parse.for('markdown').tapPromise('core:markdown', async ({ file, config }) => {
      const { parseMarkdownFile, MarkdownRun } = await import('./parsers/markdown/index.js');
      let run = runs.get(config);
      if (!run) {
        run = new MarkdownRun(config.apiFiles.filter((other) => /\.(?:md|markdown)$/i.test(other)));
        runs.set(config, run);
      }
      return parseMarkdownFile(file, run);
    });
  },
};

/** Reads JSON class definitions (an array of `{ class_name, layer, ... }`). */
export const classesParserPlugin: InfraStackPlugin = {
  name: 'core:classes',
  apply({ hooks }) {
    hooks.parse.for('classes').tapPromise('core:classes', async ({ file }) => {
      const { parseClassesFile } = await import('./parsers/classes/index.js');
      return parseClassesFile(file);
    });
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
