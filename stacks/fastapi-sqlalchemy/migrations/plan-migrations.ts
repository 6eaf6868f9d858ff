import { createHash } from 'node:crypto';
import { diffSchemas, InfraStackError, isEmptyDiff, type DomainModel, type PlannedFile, type PreviousRun, type RunReport, type Table } from '../../../core/index.js';
import { BACKEND_DIR, backendFiles } from '../code-names.js';
import { renderRevision } from './revision.js';
import { addCyclicKeyLines, columnDefinition, constraintItems, createIndexLine, cyclicKeysOf, dropCyclicKeyLines, dropIndexLine, MYSQL_TABLE_OPTION_ARGS } from './tables.js';
import { danglingParent, headsOf, revisionGraph, type RevisionNode } from './revision-graph.js';

const VERSIONS = `${BACKEND_DIR}/${backendFiles.migrationVersions}/`;

/**
 * The files of `migrations/versions`. A first run writes one initial revision creating every
 * table of `tables` (the run's relational schema). Later runs keep every revision the tool wrote
 * before exactly as it was generated (the manifest lists them; one you deleted stays deleted) and
 * never touch yours; they add one revision from the difference between the schema the last run
 * recorded (`previous.schema`) and this one, chained after the single head of the history on
 * disk, whoever wrote it. No difference, no revision; several heads stop the run until they are
 * merged.
 */
export function planMigrations(
  model: DomainModel,
  tables: readonly Table[],
  previous: PreviousRun,
  report: RunReport,
  owner: string,
  onDisk: ReadonlyMap<string, string> = new Map(),
  consent: { acceptDataLoss?: boolean; dryRun?: boolean } = {},
): PlannedFile[] {
  const written = writtenRevisions(previous);
  const history = revisionGraph(onDisk);
  if (history.length === 0 && written.length === 0) {
    const initial = tables.map((table) => ({
      name: table.name,
      primaryKey: table.primaryKey.columns,
      columns: table.columns.map((column) => columnDefinition({ holds: table.holds, primaryKey: table.primaryKey.columns }, column)),
      constraints: constraintItems(table),
      indexes: table.indexes.map((index) => ({ name: index.name, create: createIndexLine(table.name, index), drop: dropIndexLine(table.name, index) })),
    }));
    // The revision's id hashes the tables as earlier versions laid them out, which keeps their ids.
    const revision = createHash('sha256').update(JSON.stringify(initial)).digest('hex').slice(0, 12);
    const usesMysql = initial.some((table) => table.columns.some((column) => column.includes('mysql.')));
    // The key's name follows from the table's (in the hash above): it keeps the revision ids of earlier versions.
    const named = initial.map((table, position) => ({ ...table, primaryKeyName: tables[position]!.primaryKey.name }));
    const keys = cyclicKeysOf(tables);
    const data = { tables: named, revision, usesMysql, tableOptions: MYSQL_TABLE_OPTION_ARGS, addKeys: addCyclicKeyLines(keys), dropKeys: dropCyclicKeyLines([...keys].reverse()) };
    return [{ path: `${VERSIONS}${revision}_initial.py`, owner, template: 'backend/migrations/initial.py.njk', data }];
  }
  const kept = written.map(({ path, text }): PlannedFile => ({ path, owner, content: text, verbatim: true }));
  if (!previous.model) {
    report.regeneration.push(
      `No migration written: the manifest of the last run has no model to compare with (rebuilt, or written by an older version); ` +
        `if the schema changed, write this revision by hand (alembic revision --autogenerate). The next change gets one.`,
    );
    return kept;
  }
  const diff = diffSchemas(previous.schema ?? [], tables, { before: previous.model, after: model });
  report.regeneration.push(...diff.notes);
  if (isEmptyDiff(diff)) return kept;
  const head = singleHead(history);
  if (head === undefined) {
    report.regeneration.push(`No migration written: ${VERSIONS} holds no revision to chain after (the ones generated before were deleted); write this one by hand.`);
    return kept;
  }
  if (diff.destructive.length > 0 && consent.acceptDataLoss !== true) {
    const list = diff.destructive.map((operation) => `\n  - ${operation}`).join('');
    if (consent.dryRun !== true) {
      throw new InfraStackError(
        `the changes since the last run (documents, plugins or options) need a migration that may destroy data:${list}\n` +
          `Nothing was written. If an entity or a field was renamed, mark it (\`x-renamed-from: <old name>\`) and run again; ` +
          `if the data may go, run again with --accept-data-loss.`,
        { file: VERSIONS.slice(0, -1) },
      );
    }
    report.regeneration.push(`A run would stop here: the migration may destroy data (${diff.destructive.join('; ')}); it needs --accept-data-loss.`);
  }
  const revision = renderRevision(diff, head.id);
  const path = `${VERSIONS}${revision.id}_${revision.slug}.py`;
  const whose = written.some((file) => file.path === head.path) ? '' : `, your revision in ${head.path}`;
  report.regeneration.push(`New migration ${path} (after ${head.id}${whose}): ${revision.summary.join('; ')}.`);
  if (diff.destructive.length > 0 && consent.acceptDataLoss === true) report.regeneration.push(`${path} may destroy data (accepted with --accept-data-loss): ${diff.destructive.join('; ')}.`);
  report.regeneration.push(...revision.todo.map((line) => `In ${path}: ${line}.`));
  return [...kept, { path, owner, content: revision.text }];
}

/**
 * The revision files the last run generated (the manifest records them), oldest first: a new
 * one planned after them keeps the same order on the next run (the docs list them in plan order).
 */
function writtenRevisions(previous: PreviousRun): { path: string; text: string }[] {
  const files = new Map<string, string>();
  for (const [path, file] of previous.files) if (path.startsWith(VERSIONS) && file.text !== undefined) files.set(path, file.text);
  return oldestFirst(revisionGraph(files)).map((node) => ({ path: node.path, text: files.get(node.path)! }));
}

/** Each revision after the ones it follows (by path among equals); a revision following none of these comes first. */
function oldestFirst(nodes: RevisionNode[]): RevisionNode[] {
  const ordered: RevisionNode[] = [];
  const placed = new Set<string>();
  const ids = new Set(nodes.map((node) => node.id));
  let remaining = [...nodes];
  while (remaining.length > 0) {
    const ready = remaining.filter((node) => node.parents.every((parent) => placed.has(parent) || !ids.has(parent)));
    // A cycle: the rest by path, as they are.
    const next = ready.length > 0 ? ready : remaining;
    for (const node of next) {
      ordered.push(node);
      placed.add(node.id);
    }
    remaining = remaining.filter((node) => !placed.has(node.id));
  }
  return ordered;
}

/**
 * The head a new revision follows: the one revision of the history no other follows. Several
 * heads, a cycle, or a revision following one no file declares stop the run: Alembic itself
 * could not upgrade such a history.
 */
function singleHead(history: readonly RevisionNode[]): RevisionNode | undefined {
  if (history.length === 0) return undefined;
  const folder = VERSIONS.slice(0, -1);
  const dangling = danglingParent(history);
  if (dangling) {
    throw new InfraStackError(`revision ${dangling.node.id} follows ${dangling.parent}, which no file in ${folder} declares: restore that revision or fix its down_revision, then run again`, {
      file: dangling.node.path,
    });
  }
  const heads = headsOf(history);
  if (heads.length === 1) return heads[0];
  if (heads.length === 0) throw new InfraStackError(`the revisions in ${folder} form a cycle (every revision is followed by another): fix their down_revision, then run again`);
  throw new InfraStackError(
    `the migration history has ${heads.length} heads (${heads.map((head) => `${head.id} in ${head.path.slice(VERSIONS.length)}`).join(', ')}): ` +
      `run \`alembic merge heads -m "merge"\` in ${BACKEND_DIR}/, then run again; the new revision follows the merge`,
    { file: folder },
  );
}
