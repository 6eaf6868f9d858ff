/**
 * The Alembic history as the files of `migrations/versions` declare it, whoever wrote them: each
 * file's `revision` and `down_revision` (none, one, or a tuple for a merge revision).
 */

/** One revision file: its id and the revisions it follows. */
export interface RevisionNode {
  path: string;
  id: string;
  parents: string[];
}

/** The revisions declared by the files (path → text); files that declare no `revision` (helpers, `__init__.py`) are not revisions. */
export function revisionGraph(files: ReadonlyMap<string, string>): RevisionNode[] {
  const nodes: RevisionNode[] = [];
  for (const [path, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!path.endsWith('.py')) continue;
    const id = assignedValue(text, 'revision');
    if (id === undefined) continue;
    const ids = stringsIn(id);
    if (ids.length !== 1) continue;
    const parents = assignedValue(text, 'down_revision');
    nodes.push({ path, id: ids[0]!, parents: parents === undefined ? [] : stringsIn(parents) });
  }
  return nodes;
}

/** The revisions no other revision follows. */
export function headsOf(nodes: readonly RevisionNode[]): RevisionNode[] {
  const followed = new Set(nodes.flatMap((node) => node.parents));
  return nodes.filter((node) => !followed.has(node.id));
}

/** A revision that follows one no file declares: Alembic cannot load such a history. */
export function danglingParent(nodes: readonly RevisionNode[]): { node: RevisionNode; parent: string } | undefined {
  const ids = new Set(nodes.map((node) => node.id));
  for (const node of nodes) {
    const parent = node.parents.find((id) => !ids.has(id));
    if (parent !== undefined) return { node, parent };
  }
  return undefined;
}

/**
 * The text assigned to a module-level name (`name = ...` or `name: type = ...`), up to the end of
 * the line, or of the bracket it opens.
 */
function assignedValue(text: string, name: string): string | undefined {
  const match = new RegExp(`^${name}(?:[ \\t]*:[^=\\n]*)?[ \\t]*=(?!=)[ \\t]*`, 'm').exec(text);
  if (!match) return undefined;
  const start = match.index + match[0].length;
  const opener = text[start];
  if (opener !== '(' && opener !== '[') {
    const end = text.indexOf('\n', start);
    return text.slice(start, end === -1 ? undefined : end);
  }
  const closer = opener === '(' ? ')' : ']';
  const end = text.indexOf(closer, start);
  return end === -1 ? undefined : text.slice(start, end + 1);
}

/** The string literals of a Python expression (`None` has none). */
function stringsIn(expression: string): string[] {
  const code = expression.replace(/#.*$/gm, '');
  return [...code.matchAll(/(['"])((?:(?!\1)[^\\\n])*)\1/g)].map((match) => match[2]!);
}
