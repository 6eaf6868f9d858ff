import type { DomainModel, PlannedFile, PreviousRun, RunReport } from '../../../core/index.js';
import { BACKEND_DIR, backendFiles } from '../code-names.js';
import type { EntityView } from '../view/entities.js';
import { renderRevision } from './revision.js';
import { diffSchemas, isEmptyDiff } from './schema-diff.js';
import { migrationTables, MYSQL_TABLE_OPTION_ARGS } from './tables.js';
import { createHash } from 'node:crypto';

const VERSIONS = `${BACKEND_DIR}/${backendFiles.migrationVersions}/`;

/** A migration file of an earlier run, and the revision it declares. */
interface KnownRevision {
  path: string;
  text: string;
  id: string;
  parent: string | undefined;
}

/**
 * The files of `migrations/versions`. A first run writes one initial revision creating every
 * table. Later runs keep every revision written before exactly as it was generated, and add one
 * revision from the difference between the previous model and this one, chained after the last;
 * no difference, no revision.
 */
export function planMigrations(model: DomainModel, views: ReadonlyMap<string, EntityView>, previous: PreviousRun, report: RunReport, owner: string): PlannedFile[] {
  const known = knownRevisions(previous);
  const tables = migrationTables(model, views);
  if (known.length === 0) {
    const initial = tables.map(({ name, primaryKey, columns, constraints, indexes }) => ({
      name,
      primaryKey,
      columns: columns.map((column) => column.definition),
      constraints,
      indexes: indexes.map(({ name: indexName, create, drop }) => ({ name: indexName, create, drop })),
    }));
    const revision = createHash('sha256').update(JSON.stringify(initial)).digest('hex').slice(0, 12);
    const usesMysql = initial.some((table) => table.columns.some((column) => column.includes('mysql.')));
    const data = { tables: initial, revision, usesMysql, tableOptions: MYSQL_TABLE_OPTION_ARGS };
    return [{ path: `${VERSIONS}${revision}_initial.py`, owner, template: 'backend/migrations/initial.py.njk', data }];
  }
  const kept = known.map((revision): PlannedFile => ({ path: revision.path, owner, content: revision.text, verbatim: true }));
  const head = headOf(known);
  if (head === undefined) {
    report.regeneration.push(`No migration written: the earlier revisions in ${VERSIONS} do not form one chain with a single head.`);
    return kept;
  }
  if (!previous.model) {
    report.regeneration.push('No migration written: the manifest of the last run has no model to compare with (it was written by an older version); write this one by hand.');
    return kept;
  }
  const diff = diffSchemas(migrationTables(previous.model), tables, { before: previous.model, after: model });
  report.regeneration.push(...diff.notes);
  if (isEmptyDiff(diff)) return kept;
  const revision = renderRevision(diff, head);
  const path = `${VERSIONS}${revision.id}_${revision.slug}.py`;
  report.regeneration.push(`New migration ${path} (after ${head}): ${revision.summary.join('; ')}.`);
  return [...kept, { path, owner, content: revision.text }];
}

function knownRevisions(previous: PreviousRun): KnownRevision[] {
  const revisions: KnownRevision[] = [];
  for (const [path, file] of previous.files) {
    if (!path.startsWith(VERSIONS) || !path.endsWith('.py') || file.text === undefined) continue;
    const id = /^revision: str = "([^"]+)"$/m.exec(file.text)?.[1];
    if (id === undefined) continue;
    const parent = /^down_revision: str \| None = "([^"]+)"$/m.exec(file.text)?.[1];
    revisions.push({ path, text: file.text, id, parent });
  }
  return inChainOrder(revisions.sort((a, b) => (a.path < b.path ? -1 : 1)));
}

/** The revisions from the first to the last, so that a new one planned after them keeps the same order on the next run. */
function inChainOrder(revisions: KnownRevision[]): KnownRevision[] {
  const ordered: KnownRevision[] = [];
  const placed = new Set<string>();
  let parent: string | undefined;
  for (;;) {
    const next = revisions.find((r) => r.parent === parent && !placed.has(r.id));
    if (!next) break;
    ordered.push(next);
    placed.add(next.id);
    parent = next.id;
  }
  return [...ordered, ...revisions.filter((r) => !placed.has(r.id))];
}

/** The revision no other revision follows, when there is exactly one. */
function headOf(revisions: KnownRevision[]): string | undefined {
  const parents = new Set(revisions.map((r) => r.parent));
  const heads = revisions.filter((r) => !parents.has(r.id));
  return heads.length === 1 ? heads[0]!.id : undefined;
}
