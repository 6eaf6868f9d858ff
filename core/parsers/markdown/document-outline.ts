import { readBasePath, readPagingDefaults, readVersion, type PagingDefaults } from './document-lines.js';
import { readEndpointHeading, type EndpointHeading } from './endpoint-heading.js';
import { isBodyLabel, readQueryLine, readResponseLine, type QueryLine, type ResponseLine } from './endpoint-lines.js';
import { markdownError } from './errors.js';
import { readFieldTable, type FieldTable } from './field-table.js';
import { extractHintTokens } from './hint-tokens.js';
import { lineOf, paragraphLines, plainText, type MarkdownRoot, type MarkdownTable } from './markdown-tree.js';

/** A heading that is no endpoint: it groups the endpoints below it (`## Users`). */
export interface Section {
  title: string;
  depth: number;
  line: number;
  /** Hint tokens from the heading and its `Hints:` line, each with its line. */
  hintTokens: { tokens: string[]; line: number }[];
}

export interface Endpoint extends EndpointHeading {
  line: number;
  section?: Section;
  body?: FieldTable;
  responses: ResponseLine[];
  query?: QueryLine;
  description?: string;
}

export interface NamedTable {
  name: string;
  line: number;
  table: FieldTable;
}

/** A table that is neither a request body nor a named type, with the heading it sits under. */
export interface OtherTable {
  table: MarkdownTable;
  heading?: string;
}

/** The document as read: what each heading, paragraph and table says, not yet what it means. */
export interface DocumentOutline {
  title?: string;
  description?: string;
  basePath: string;
  version?: string;
  paging?: PagingDefaults;
  endpoints: Endpoint[];
  namedTables: NamedTable[];
  otherTables: OtherTable[];
}

const TITLE_PREFIX = /^(?:api\s+list|requirements)\s*:\s*/i;
const HINTS_LINE = /^hints\s*:\s*(.*)$/i;
const TYPE_LABEL = /^([A-Z][A-Za-z0-9_]*)\s*:$/;
const RESERVED_LABELS = new Set(['Body', 'Request', 'Response', 'Responses', 'Query', 'Hints', 'Parameters', 'Params', 'Example', 'Note', 'Notes']);

/** Walks the top-level blocks in order, keeping track of the heading each belongs to. */
export function readOutline(root: MarkdownRoot, file: string): DocumentOutline {
  const outline: DocumentOutline = { basePath: '', endpoints: [], namedTables: [], otherTables: [] };
  const sections: Section[] = [];
  let endpoint: Endpoint | undefined;
  let heading: string | undefined;
  let pendingLabel: { name: string; line: number } | undefined;
  /** Where the next unlabelled table under an endpoint goes: its body, or the response line just read. */
  let tableTarget: 'body' | ResponseLine | undefined;
  let afterTitle = false;
  const seenEndpoints = new Map<string, number>();

  for (const block of root.children) {
    const line = lineOf(block);
    // A `Name:` label names the table right after it, nothing further away.
    if (block.type !== 'table' && block.type !== 'paragraph') pendingLabel = undefined;
    if (block.type === 'heading') {
      const text = plainText(block);
      heading = text;
      pendingLabel = undefined;
      tableTarget = undefined;
      afterTitle = false;
      const found = readEndpointHeading(text, file, line);
      if (found) {
        const key = `${found.method.toUpperCase()} ${found.path}`;
        const first = seenEndpoints.get(key);
        if (first !== undefined) throw markdownError(file, line, `${key} is defined twice (first at line ${first})`);
        seenEndpoints.set(key, line);
        const section = [...sections].reverse().find((s) => s.depth < block.depth);
        endpoint = { ...found, line, ...(section ? { section } : {}), responses: [] };
        tableTarget = 'body';
        outline.endpoints.push(endpoint);
        continue;
      }
      endpoint = undefined;
      while (sections.length > 0 && sections[sections.length - 1]!.depth >= block.depth) sections.pop();
      if (outline.title === undefined && block.depth === 1) {
        outline.title = text.replace(TITLE_PREFIX, '').trim();
        afterTitle = true;
        continue;
      }
      const { text: title, tokens } = extractHintTokens(text);
      sections.push({ title, depth: block.depth, line, hintTokens: tokens.length > 0 ? [{ tokens, line }] : [] });
      continue;
    }
    if (block.type === 'paragraph') {
      const lines = paragraphLines(block);
      const label = lines.length === 1 ? TYPE_LABEL.exec(lines[0]!.text) : null;
      if (label && !RESERVED_LABELS.has(label[1]!)) {
        pendingLabel = { name: label[1]!, line };
        continue;
      }
      pendingLabel = undefined;
      const prose: string[] = [];
      for (const { text, line: textLine } of lines) {
        if (endpoint) {
          const response = readResponseLine(text, file, textLine);
          if (response) {
            endpoint.responses.push(response);
            tableTarget = response;
          } else if (isBodyLabel(text)) tableTarget = 'body';
          else {
            const query = readQueryLine(text, textLine);
            if (query) endpoint.query = { items: [...(endpoint.query?.items ?? []), ...query.items], line: endpoint.query?.line ?? query.line };
            else prose.push(text);
          }
          continue;
        }
        const hints = HINTS_LINE.exec(text);
        const section = sections[sections.length - 1];
        if (hints && section) {
          section.hintTokens.push({ tokens: extractHintTokens(hints[1]!).tokens, line: textLine });
          continue;
        }
        const basePath = readBasePath(text);
        if (basePath !== undefined) outline.basePath = basePath;
        const version = readVersion(text);
        if (version !== undefined) outline.version = version;
        const paging = readPagingDefaults(text);
        if (paging) outline.paging = paging;
        if (basePath === undefined && version === undefined && !paging) prose.push(text);
      }
      if (endpoint && prose.length > 0) endpoint.description = [endpoint.description, prose.join(' ')].filter(Boolean).join('\n\n');
      if (afterTitle && !endpoint && prose.length > 0 && outline.description === undefined) outline.description = prose.join(' ');
      continue;
    }
    if (block.type === 'table') {
      if (pendingLabel) {
        outline.namedTables.push({ name: pendingLabel.name, line: pendingLabel.line, table: readFieldTable(block, file) });
        pendingLabel = undefined;
      } else if (endpoint) {
        const where = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
        if (tableTarget === undefined || (tableTarget === 'body' && endpoint.body)) {
          throw markdownError(file, line, `a second table under ${where}: put \`Body:\`, a \`Response 200: Type\` line or a \`Name:\` paragraph above it to say what it lists`);
        }
        if (tableTarget === 'body') endpoint.body = readFieldTable(block, file);
        else tableTarget.table = readFieldTable(block, file);
        tableTarget = undefined;
      } else {
        outline.otherTables.push({ table: block, ...(heading !== undefined ? { heading } : {}) });
      }
      continue;
    }
  }
  return outline;
}
