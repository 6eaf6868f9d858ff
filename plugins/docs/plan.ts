/** The four documents of `output/`, as template + data, from the model and the files planned so far. */
import type { PlanContext, PlannedFile } from '../../core/index.js';
import { apiMappingView } from './api-mapping.js';
import { dataModelView } from './data-model.js';
import { featureSlug, infrastructurePlanView } from './infrastructure-plan.js';
import { folderTree } from './project-structure.js';

export const DOCS_PLUGIN = 'docs';
export const OUTPUT_DIR = 'output';

/** What the docs plugin says of its own folders in the project structure. */
const OUTPUT_FOLDERS: Readonly<Record<string, string>> = {
  [OUTPUT_DIR]: 'Documentation of the generated code (this folder).',
  [`${OUTPUT_DIR}/plans`]: 'Layer plans, one folder per feature.',
};

export function planDocs(planned: readonly PlannedFile[], { model, config, stack: descriptor, schema }: PlanContext): PlannedFile[] {
  const stack = descriptor?.docs;
  const feature = featureSlug(model.title);
  const doc = (name: string, template: string, data: object): PlannedFile => ({ path: `${OUTPUT_DIR}/${name}`, owner: DOCS_PLUGIN, template: `docs/${template}`, data });
  const sources = config.apiFiles.map((file) => file.split(/[\\/]/).pop() ?? file);
  const files: PlannedFile[] = [
    doc('data-model.md', 'data-model.md.njk', { sources, v: dataModelView(model) }),
    doc('api-mapping.md', 'api-mapping.md.njk', { sources, v: apiMappingView(model, stack) }),
  ];
  if (stack) files.push(doc(`plans/${feature}/003-infrastructure-layer.md`, 'infrastructure-layer.md.njk', { sources, v: infrastructurePlanView(model, config, planned, stack, schema, descriptor?.migrations?.folder) }));
  const structurePath = `${OUTPUT_DIR}/backend-codegen-project-structure.md`;
  const everything = [...planned, ...files, { path: structurePath, owner: DOCS_PLUGIN }];
  const describe = (folder: string) => OUTPUT_FOLDERS[folder] ?? (folder === `${OUTPUT_DIR}/plans/${feature}` ? `Plans for ${model.title}.` : stack?.folderPurpose(folder));
  files.push(doc('backend-codegen-project-structure.md', 'project-structure.md.njk', { sources, title: model.title, tree: folderTree(everything, describe), fileCount: everything.length }));
  return files;
}
