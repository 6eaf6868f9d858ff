import { InfraStackError } from '../errors.js';
import { SCHEMA_HINTS } from '../model/hints.js';
import { mergedMarkdownSchema, type SchemaEntry } from './merge-schemas.js';
import { locationOf, type ApiDocument, type ApiOperation, type DocumentSettings, type SecurityScheme } from '../model/api-document.js';

/** Several documents describe one API: schemas by name and operations by method and path must not clash. */
export function mergeApiDocuments(documents: ApiDocument[]): ApiDocument {
  const [first, ...rest] = documents;
  if (!first) throw new InfraStackError('no API document given: pass at least one with --api');
  if (rest.length === 0) return first;
  const schemas = new Map(first.schemas);
  const operations = [...first.operations];
  const seen = new Map(operations.map((op) => [`${op.method} ${op.path}`, op]));
  for (const document of rest) {
    for (const [written, entry] of document.schemas) {
      const twin = schemas.has(written) ? undefined : designTwin(written, entry, schemas);
      // The API's name stays: its operations refer to it.
      const name = twin === undefined ? written : entry.schema[SCHEMA_HINTS.tableName] === undefined ? written : twin;
      if (twin !== undefined && name !== twin) {
        schemas.set(name, schemas.get(twin)!);
        schemas.delete(twin);
      }
      const existing = schemas.get(name);
      if (existing && JSON.stringify(existing.schema) !== JSON.stringify(entry.schema)) {
        // An API list's fields and the requirements' data model of one entity: both parts.
        const merged = mergedMarkdownSchema(existing, entry);
        if (merged) {
          schemas.set(name, merged);
          continue;
        }
        throw new InfraStackError(`schema ${name} is defined differently in ${existing.source.file}`, { file: entry.source.file, location: entry.source.pointer });
      }
      schemas.set(name, existing ?? entry);
    }
    for (const operation of document.operations) {
      const key = `${operation.method} ${operation.path}`;
      const other = seen.get(key);
      if (other !== undefined) {
        // `- GET /v1/items: filter warehouse_id, status` in the requirements: the endpoint named again, to say more of its query.
        if (!mentionsOnly(operation, other)) {
          throw new InfraStackError(`${operation.method.toUpperCase()} ${operation.path} is also defined in ${other.source.file}`, { file: operation.source.file, location: locationOf(operation.source) });
        }
        const known = new Set(other.parameters.map((parameter) => `${parameter.in} ${parameter.name}`));
        const added = operation.parameters.filter((parameter) => !known.has(`${parameter.in} ${parameter.name}`));
        const merged = { ...other, parameters: [...other.parameters, ...added] };
        operations[operations.indexOf(other)] = merged;
        seen.set(key, merged);
        continue;
      }
      seen.set(key, operation);
      operations.push(operation);
    }
  }
  return {
    ...first,
    schemas,
    operations,
    ...mergedSecuritySchemes(documents),
    components: documents.flatMap((d) => d.components),
    settings: mergeSettings(documents),
    sources: documents.flatMap((d) => d.sources),
    ...(documents.some((d) => d.openApiTexts) ? { openApiTexts: documents.flatMap((d) => d.openApiTexts ?? []) } : {}),
    ...(documents.some((d) => d.readsOtherFiles) ? { readsOtherFiles: true } : {}),
    ...(documents.some((d) => d.rules) ? { rules: documents.flatMap((d) => d.rules ?? []) } : {}),
    ...(documents.some((d) => d.warnings) ? { warnings: documents.flatMap((d) => d.warnings ?? []) } : {}),
    ...(documents.some((d) => d.glossary) ? { glossary: documents.flatMap((d) => d.glossary ?? []) } : {}),
    notices: documents.flatMap((d) => d.notices ?? []),
  };
}

/**
 * The API's schema a database design's table describes under a longer name, or the other way
 * round: `UserAddress` (`mall_user_address`) of `Address` (`/address`). Only one of the two names
 * a table of a design, the shorter name ends the longer, and no other schema so matches.
 */
function designTwin(name: string, entry: SchemaEntry, schemas: ReadonlyMap<string, SchemaEntry>): string | undefined {
  const designed = (candidate: SchemaEntry) => candidate.schema[SCHEMA_HINTS.tableName] !== undefined && candidate.schema[SCHEMA_HINTS.entity] === true;
  const ends = (long: string, short: string) => long.length > short.length && long.endsWith(short) && /[a-z0-9][A-Z]$/.test(long.slice(0, long.length - short.length + 1));
  // `InboundOrder` (`t_inbound_order`) of `Inbound` (`/inbound`): the design names the row with a word more.
  const starts = (long: string, short: string) => long.length > short.length && long.startsWith(short) && /^[A-Z]/.test(long.slice(short.length));
  const twins = (one: string, other: string) => ends(one, other) || ends(other, one) || starts(one, other) || starts(other, one);
  const matches = [...schemas].filter(([other, candidate]) => designed(entry) !== designed(candidate) && twins(name, other));
  return matches.length === 1 ? matches[0]![0] : undefined;
}

/** An operation said again with nothing new: no body, its path's and query parameters, no answer but the one already known. */
function mentionsOnly(operation: ApiOperation, other: ApiOperation): boolean {
  // An answer typed as the other's is (`are still returned by \`GET /deals/{id}\``: the Deal both documents know).
  const sameAnswer = (response: ApiOperation['responses'][number]) =>
    response.schema === undefined || other.responses.some((known) => known.status === response.status && JSON.stringify(known.schema) === JSON.stringify(response.schema));
  // Its path's own parameters come with the path (`GET /suppliers/{id} → 404` in a rule's bullet).
  return operation.requestBody === undefined && operation.responses.every(sameAnswer) && operation.parameters.every((parameter) => parameter.in === 'query' || parameter.in === 'path');
}

/** Documents may each choose a database; two different choices are an error naming both. */
function mergeSettings(documents: ApiDocument[]): DocumentSettings {
  const technologies = documents.flatMap(({ settings }) => settings.technologies ?? []);
  const database = mergedDatabase(documents);
  return technologies.length > 0 ? { ...database, technologies } : database;
}

function mergedDatabase(documents: ApiDocument[]): DocumentSettings {
  let chosen: DocumentSettings = {};
  for (const { settings } of documents) {
    if (settings.database === undefined) continue;
    if (chosen.database !== undefined && chosen.database !== settings.database) {
      const where = chosen.source ? ` in ${chosen.source.file}` : '';
      throw new InfraStackError(`database ${settings.database} contradicts ${chosen.database} chosen${where}`, {
        ...(settings.source ? { file: settings.source.file, location: locationOf(settings.source) } : {}),
      });
    }
    chosen = { database: settings.database, ...(settings.source ? { source: settings.source } : {}) };
  }
  return chosen;
}

/** Security schemes by name: the first document's definition of a name is the one operations use. */
function mergedSecuritySchemes(documents: ApiDocument[]): Pick<ApiDocument, 'securitySchemes'> {
  const byName = new Map<string, SecurityScheme>();
  for (const scheme of documents.flatMap((d) => d.securitySchemes ?? [])) if (!byName.has(scheme.name)) byName.set(scheme.name, scheme);
  return byName.size > 0 ? { securitySchemes: [...byName.values()] } : {};
}
