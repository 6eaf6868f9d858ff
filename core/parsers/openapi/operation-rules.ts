import { InfraStackError } from '../../errors.js';
import type { ApiOperation } from '../../model/api-document.js';
import { describePointer } from './pointer-lines.js';

/**
 * The rules of the OpenAPI specification that its JSON Schema cannot state and that the
 * generated code relies on: operation ids name functions, so they are unique; a router's path
 * and its function's path parameters must match, each placeholder once (its fragment is no part
 * of a request: path-values.ts sentParameters).
 */
export function assertOperationRules(file: string, text: string, operations: readonly ApiOperation[]): void {
  const fail = (message: string, pointer: string): never => {
    throw new InfraStackError(`invalid OpenAPI document: ${message}`, { file, location: describePointer(text, pointer) });
  };
  const firstWithId = new Map<string, ApiOperation>();
  for (const operation of operations) {
    const where = `${operation.method.toUpperCase()} ${operation.path}`;
    const id = operation.operationId;
    if (id !== undefined) {
      const first = firstWithId.get(id);
      if (first) fail(`the operationId "${id}" of ${where} is already the one of ${first.method.toUpperCase()} ${first.path}; operation ids must be unique`, `${operation.source.pointer}/operationId`);
      firstWithId.set(id, operation);
    }
    // A placeholder in the fragment is in no request (index.ts sentParameters drops its parameter).
    const sent = operation.path.split('#', 1)[0]!;
    // A placeholder in the query written in the path is a query parameter's (path-values.ts sentParameters).
    const [pathPart, queryPart = ''] = sent.split('?', 2) as [string, string?];
    for (const [, name] of queryPart.matchAll(/\{([^}]+)\}/g)) {
      if (!operation.parameters.some((parameter) => parameter.name === name)) fail(`${where} has {${name}} in its path's query but no parameter named "${name}"`, operation.source.pointer);
    }
    const templated = [...pathPart.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
    const inTemplate = new Set(templated);
    const twice = templated.find((name, index) => templated.indexOf(name) !== index);
    if (twice !== undefined) fail(`${where} has {${twice}} twice in its path: a request could give it two values, and one parameter holds one; name each place apart`, operation.source.pointer);
    const declared = new Set(operation.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name));
    for (const name of inTemplate) {
      if (!declared.has(name)) fail(`${where} has {${name}} in its path but no path parameter named "${name}"`, operation.source.pointer);
    }
    for (const name of declared) {
      if (!inTemplate.has(name)) fail(`${where} declares the path parameter "${name}", which its path does not have`, operation.source.pointer);
    }
  }
}
