import type { DocumentOutline, Endpoint } from './document-outline.js';

/**
 * A request written with values in its path (``Example request `POST /api/projects/14/tasks`:``)
 * is a call of an endpoint the document declares with parameters there (`/api/projects/{id}/tasks`),
 * not an endpoint of its own: what it shows (a body, an answer) goes to the declared one where that
 * has none, and the call leaves the list. A value is a segment holding a digit (`14`, a UUID).
 */
export function withoutExampleCalls(outline: DocumentOutline): DocumentOutline {
  const templates = outline.endpoints.filter((endpoint) => endpoint.path.includes('{'));
  if (templates.length === 0) return outline;
  const calls = new Set<Endpoint>();
  for (const endpoint of outline.endpoints) {
    if (endpoint.path.includes('{')) continue;
    const template = templates.find((candidate) => candidate.method === endpoint.method && callsTemplate(endpoint.path, candidate.path));
    if (!template) continue;
    calls.add(endpoint);
    template.body ??= endpoint.body;
    if (template.responses.length === 0) template.responses.push(...endpoint.responses);
  }
  return calls.size === 0 ? outline : { ...outline, endpoints: outline.endpoints.filter((endpoint) => !calls.has(endpoint)) };
}

function callsTemplate(path: string, template: string): boolean {
  const segments = path.split('/');
  const patterns = template.split('/');
  if (segments.length !== patterns.length) return false;
  let filled = false;
  for (const [index, pattern] of patterns.entries()) {
    const segment = segments[index]!;
    if (/^\{[^{}]+\}$/.test(pattern)) {
      if (!/\d/.test(segment)) return false;
      filled = true;
    } else if (pattern !== segment) return false;
  }
  return filled;
}
