import path from 'node:path';
import type { OpenApiText, SecurityScheme } from '../../../core/model/api-document.js';
import type { DomainModel, Operation } from '../../../core/model/domain-model.js';
import { pyString } from '../python/names.js';

/** The contract test's folder, beside the unit and integration tests. */
export const CONTRACT_DIR = 'tests/contract';

/**
 * The credentials the contract test gives the app (through its settings) and schemathesis
 * (through `schemathesis.toml`'s environment placeholders): one of each kind the app checks.
 */
const CREDENTIAL_VARIABLES = { apiKey: 'CONTRACT_API_KEY', bearer: 'CONTRACT_BEARER_TOKEN', user: 'CONTRACT_BASIC_USER', password: 'CONTRACT_BASIC_PASSWORD' } as const;

export interface ContractDocument {
  /** The copy's name in tests/contract/ (`petstore.yaml`). */
  fileName: string;
  fileLiteral: string;
  /** The module-level names of its schema and test. */
  schemaName: string;
  testName: string;
  text: string;
  /** Some operation of it is served: a document whose every operation is left out has no test (schemathesis refuses a test that matches none). */
  checked: boolean;
}

export interface ContractView {
  documents: ContractDocument[];
  /** The documents the test checks, and the ones it cannot yet (every operation left out). */
  checked: ContractDocument[];
  unchecked: ContractDocument[];
  /** `schemathesis.toml`, whole. */
  toml: string;
  /** What the test's settings accept, by kind of scheme the app checks. */
  apiKeys: boolean;
  bearer: boolean;
  basic: boolean;
  variables: typeof CREDENTIAL_VARIABLES;
}

/** Why an operation of the document is left out of the check. */
interface Excluded {
  operation: Operation;
  reason: string;
}

/**
 * The contract test of the generated backend: the OpenAPI documents as written, checked against
 * the app by schemathesis, less the operations the app does not serve yet (the 501 stubs, and the
 * ones no request reaches), each listed in `schemathesis.toml` with the reason, for the user to
 * delete once written. Undefined when no OpenAPI document was read (markdown, class definitions).
 */
export function contractView(documentModel: DomainModel, servedModel: DomainModel): ContractView | undefined {
  const texts = documentModel.openApiTexts ?? [];
  if (texts.length === 0) return undefined;
  const served = new Set(servedModel.operations);
  const excluded: Excluded[] = [];
  for (const operation of documentModel.operations) {
    if (!served.has(operation)) excluded.push({ operation, reason: 'not served: another route takes its requests (see the run notes)' });
    else if (operation.kind === 'custom') excluded.push({ operation, reason: `answers 501 until you write it (${operation.name})` });
  }
  const schemes = servedModel.securitySchemes ?? [];
  const left = new Set(excluded.map((entry) => entry.operation));
  const checkedFiles = new Set(documentModel.operations.filter((operation) => !left.has(operation)).map((operation) => path.resolve(operation.source.file)));
  const documents = documentNames(texts, checkedFiles);
  return {
    documents,
    checked: documents.filter((document) => document.checked),
    unchecked: documents.filter((document) => !document.checked),
    toml: schemathesisToml(schemes, excluded, documents.length === 1 ? documents[0]!.fileName : '<document>', servedModel.basePath),
    apiKeys: schemes.some((s) => s.kind === 'apiKey'),
    bearer: schemes.some((s) => s.kind === 'bearer'),
    basic: schemes.some((s) => s.kind === 'basic'),
    variables: CREDENTIAL_VARIABLES,
  };
}

/** Each document's copy named after its file, with the extension of what it holds; names kept apart. */
function documentNames(texts: readonly OpenApiText[], checkedFiles: ReadonlySet<string>): ContractDocument[] {
  const taken = new Set<string>();
  return texts.map((text, index) => {
    const stem = path.basename(text.file).replace(/\.(json|ya?ml)$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'openapi';
    const extension = text.syntax === 'json' ? 'json' : 'yaml';
    let fileName = `${stem}.${extension}`;
    for (let n = 2; taken.has(fileName.toLowerCase()); n += 1) fileName = `${stem}-${n}.${extension}`;
    taken.add(fileName.toLowerCase());
    const suffix = texts.length === 1 ? '' : `_${index + 1}`;
    return { fileName, fileLiteral: pyString(fileName), schemaName: `schema${suffix}`, testName: `test_operation_conforms${suffix}`, text: text.text, checked: checkedFiles.has(path.resolve(text.file)) };
  });
}

function schemathesisToml(schemes: readonly SecurityScheme[], excluded: readonly Excluded[], documentFile: string, basePath: string): string {
  const lines = [
    '# How schemathesis checks the app against its API document (tests/contract/).',
    '#   in-process, on a temporary database: pytest -m contract',
    '#   against a running server (from this folder, the credentials below in the environment):',
    `#   st run tests/contract/${documentFile} --url http://127.0.0.1:8000${encodeURI(basePath)}`,
    '',
    'seed = 1',
    '',
    '[generation]',
    'mode = "all"',
    'max-examples = 10',
    '',
    '[checks]',
    '# Documents rarely list every status an app answers (404, 422): a status the document does not',
    '# name is no failure here. Run `st run` with this check on to see them.',
    'status_code_conformance.enabled = false',
  ];
  for (const scheme of schemes) {
    lines.push('', `[auth.openapi.${tomlKey(scheme.name)}]`);
    if (scheme.kind === 'apiKey') lines.push(`api_key = "\${${CREDENTIAL_VARIABLES.apiKey}}"`);
    else if (scheme.kind === 'bearer') lines.push(`bearer = "\${${CREDENTIAL_VARIABLES.bearer}}"`);
    else lines.push(`username = "\${${CREDENTIAL_VARIABLES.user}}"`, `password = "\${${CREDENTIAL_VARIABLES.password}}"`);
  }
  if (excluded.length > 0) {
    lines.push('', '# Operations left out of the check, each with why; delete an entry once the operation is served.');
    for (const { operation, reason } of excluded) {
      // One `include-name` (`GET /pet/findByTags`): the filters of an entry select what any of them matches.
      lines.push('', `# ${reason}`, '[[operations]]', `include-name = ${tomlString(`${operation.method.toUpperCase()} ${operation.path}`)}`, 'enabled = false');
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A TOML basic string: JSON's escapes are TOML's, but for DEL, which TOML wants escaped. */
function tomlString(text: string): string {
  return JSON.stringify(text).replace(/\x7f/g, '\\u007F');
}

/** A bare key when the name is one, else quoted. */
function tomlKey(name: string): string {
  return /^[A-Za-z0-9_-]+$/.test(name) ? name : tomlString(name);
}
