/**
 * The paths of one method as a tree of segments, so the paths that could take a route's request
 * are found by walking the segments they share rather than by comparing every path with every
 * other (Microsoft Graph has 11,000 operations).
 */
export class PathTrie {
  private readonly literals = new Map<string, PathTrie>();
  /** Segments holding a parameter (`{id}`, `{id}.json`): they may match any text. */
  private readonly parameters = new Map<string, PathTrie>();
  private readonly ending: string[][] = [];

  /** `segments`: a path split at `/`; a path added twice is kept once. */
  add(segments: readonly string[]): void {
    let node: PathTrie = this;
    for (const segment of segments) {
      const children = isParameterSegment(segment) ? node.parameters : node.literals;
      let next = children.get(segment);
      if (!next) {
        next = new PathTrie();
        children.set(segment, next);
      }
      node = next;
    }
    if (node.ending.length === 0) node.ending.push([...segments]);
  }

  /**
   * The paths as long as `segments` with a literal at `at` that ends in `suffix` (and is longer), or
   * text around a parameter there,
   * which match some text `segments` matches at every other place. Before `at`, where `segments`
   * has a literal, only that literal: read left to right, as OpenAPI tools match, a path with a
   * parameter there is the less specific one and gives way to `segments`, not the reverse.
   */
  rivalsAt(segments: readonly string[], at: number, suffix: string): string[][] {
    const found: string[][] = [];
    const walk = (node: PathTrie, index: number): void => {
      if (index === segments.length) {
        found.push(...node.ending);
        return;
      }
      const segment = segments[index]!;
      if (index === at) {
        for (const [literal, child] of node.literals) if (literal.endsWith(suffix) && literal.length > suffix.length) walk(child, index + 1);
        // A segment of text around a parameter (Graph's `microsoft.graph.filterByCurrentUser(on='{on}')`)
        // takes only what its text allows, so a bare parameter gives way to it as to a literal.
        for (const [template, child] of node.parameters) if (template.endsWith(suffix) && holdsText(template.slice(0, template.length - suffix.length))) walk(child, index + 1);
        return;
      }
      if (isParameterSegment(segment)) {
        for (const child of node.literals.values()) walk(child, index + 1);
        for (const child of node.parameters.values()) walk(child, index + 1);
        return;
      }
      const same = node.literals.get(segment);
      if (same) walk(same, index + 1);
      if (index > at) for (const child of node.parameters.values()) walk(child, index + 1);
    };
    walk(this, 0);
    return found;
  }
}

function isParameterSegment(segment: string): boolean {
  return segment.includes('{');
}

/** Text outside the segment's parameters: `(on='{on}')` holds some, `{id}` none. */
function holdsText(segment: string): boolean {
  return segment.replace(/\{[^}]*\}/g, '') !== '';
}
