import { fieldTableFromJsonExample } from './json-example.js';
import { fieldTableFromItems, fieldTableFromLines, fieldTableFromList, fieldTableFromSchemaBlock } from './field-lines.js';
import { fieldTableFromProse } from './prose-fields.js';
import { tableNameIn, tableNameInLabel, typeNameIn, typeNamesIn } from './type-label.js';
import { TAKES_NO_BODY, unlabelledTableOf } from './unlabelled-table.js';
import { readBasePath, readPagingDefaults, readVersion, type PagingDefaults } from './document-lines.js';
import { cleanHeadingText, readBlueprintAction, readBlueprintResource, readEndpointText, type EndpointHeading } from './endpoint-heading.js';
import { isBodyLabel, isQueryLabel, readBodyLabel, readInlineQuery, readQueryItem, readQueryLine, readResponseLine, type QueryLine, type ResponseLine } from './endpoint-lines.js';
import { readEndpointPart, readEndpointPartLine, type EndpointPart } from './endpoint-parts.js';
import { readEndpointTable } from './endpoint-table.js';
import { isStatusCodeTable, statusErrorCodes } from './status-code-table.js';
import {
  answerFormatOf,
  answerFormatOfTable,
  formatsOfDeclaration,
  inlineJsonObject,
  mergedAnswerFormat,
  pageFormatInWords,
  pageFormatOf,
  pageFormatOfTable,
  type AnswerFormat,
  type PageFormat,
} from './response-envelope.js';
import { inlineObjectType, readTypeScriptBlock, type DeclaredType } from './typescript-declarations.js';
import { pythonModels } from './pydantic-models.js';
import { markdownError } from './errors.js';
import { isFieldTable, readFieldTable, type FieldRow, type FieldTable } from './field-table.js';
import { InfraStackError } from '../../errors.js';
import { readFieldNotes } from './field-notes.js';
import { extractHintTokens } from './hint-tokens.js';
import { cellTexts, lineOf, paragraphLines, plainText, type MarkdownBlock, type MarkdownRoot, type MarkdownTable } from './markdown-tree.js';
import { isRulesHeading } from './rule-sentences.js';
import { ENUM_ELSEWHERE } from './enum-elsewhere.js';
import { glossaryRows } from './glossary-table.js';
import { readCreateTables } from './sql-ddl.js';
import { singular, toPascal, toSnake } from '../../naming.js';
import type { TypeExpression } from './type-expression.js';
import type { GlossaryEntry } from '../../model/api-document.js';

/** A line saying a field must be sent: `is required`, `(required)`, `obligatoire`; not `not required`. */
const STATED_REQUIRED = /(?<!\bnot\s)(?<!\bnon[\s-])\b(?:required|mandatory|obligatoire|obligatorio|obrigatório|erforderlich|pflicht)\b|必填|必須|필수/iu;

/** A heading that is no endpoint: it groups the endpoints below it (`## Users`). */
export interface Section {
  title: string;
  depth: number;
  line: number;
  /** Hint tokens from the heading and its `Hints:` line, each with its line. */
  hintTokens: { tokens: string[]; line: number }[];
  /** The heading names rules (`## Rules`, `## 业务规则`): each sentence below is a rule. */
  rules: boolean;
  /** The type the heading names (`## Bookings`), which its subsections without one of their own speak of. */
  type?: TableLabel;
}

/** How an endpoint was written: a heading details it; a bullet or a table row may only list it. */
export type EndpointForm = 'heading' | 'line' | 'table';

export interface Endpoint extends EndpointHeading {
  line: number;
  form: EndpointForm;
  section?: Section;
  body?: FieldTable;
  responses: ResponseLine[];
  query?: QueryLine;
  description?: string;
}

/** What a heading or label says the next table is: a type's fields, under the type's names. */
export type TableLabel = Omit<NamedTable, 'table'>;

export interface NamedTable {
  name: string;
  line: number;
  table: FieldTable;
  /** Other names its heading gives it: `Kurs` of `Course (Kurs)`, `课程` of `课程 Course`. */
  aliases?: string[];  /** The table its heading names (`mall_order` of `### mall_order 订单表`): a database design's. */
  tableName?: string;
  /** Columns unique together its design declares (`UNIQUE (warehouse_id, product_id)`). */
  uniques?: string[][];
}

/** A table that is neither a request body nor a named type, with the heading it sits under. */
export interface OtherTable {
  table: MarkdownTable;
  heading?: string;
}

/** A line of prose, with the sections it sits in: where rules in plain words are looked for. */
export interface Sentence {
  text: string;
  line: number;
  /** Under a rules heading: a sentence not understood is worth a warning. */
  inRules: boolean;
  /** The title of the heading it sits under (`4.5 学员（student）`, `Immobili`): what a sentence naming no entity speaks of. */
  section?: string;
}

/** A type named as a request's body: `RegisterReq`, `CreatePostRequest`, `UserDto`, `LoginBody`, `SearchParams`. */
const REQUEST_TYPE_NAME = /(?:Req|Request|Dto|DTO|Body|Params|Param|Input|Form|Payload|Command|Cmd)$/;

/** The document as read: what each heading, paragraph and table says, not yet what it means. */
export interface DocumentOutline {
  title?: string;
  description?: string;
  basePath: string;
  /** The base path was written in the document (else it may be inferred from the routes). */
  basePathWritten: boolean;
  version?: string;
  paging?: PagingDefaults;
  /** The envelope every answer comes in, and the error's body, when the document states them. */
  answerFormat?: AnswerFormat;
  /** What a page of a list looks like, when the document states it. */
  pageFormat?: PageFormat;
  /** The code of the error each status answers, from a table of them outside any endpoint (`| 404 | NOT_FOUND |`). */
  errorCodes: Map<number, string>;
  endpoints: Endpoint[];
  namedTables: NamedTable[];
  otherTables: OtherTable[];
  sentences: Sentence[];
  /** Headings giving one thing two names (`学员（student）`). */
  glossary: GlossaryEntry[];
}

/**
 * What a title says of the document before its name, in the languages of the reader: `API List:`,
 * `API-Liste:`, `Lista de API:`, `Liste des API :`, `Requirements:`, `Anforderungen:`, `Requisitos:`,
 * `需求文档：`, `接口列表：`, `API一覧：`.
 */
const TITLE_PREFIX =
  /^(?:(?:rest[\s-]*)?api[\s-]*(?:list[ea]?|liste|lista|列表|一覧|documentation|dokumentation|documentación|documentação|docs?|spec(?:ification)?)?|(?:list[ea]?|liste|danh\s+sách)\s+(?:de\s+|der\s+|des\s+|d[eo]s\s+)?(?:api|endpoints?)|requirements?|anforderungen|requisitos|exigences|yêu\s+cầu|需求(?:文档|说明)?|接口(?:文档|列表|清单)|要件(?:定義書?)?)\s*[:：—–-]\s*/iu;
const HINTS_LINE = /^hints\s*:\s*(.*)$/i;
/** `学员（student）`, `Inquilini (tenants)`: a heading naming one thing in two words, the second in brackets. */
const GLOSSED = /^([^()（）]+?)\s*[(（]\s*([^()（）]+?)\s*[)）]$/u;
/** `Book:`, and `ChiTietPhieuMuon (chi tiết phiếu mượn):` with a gloss in brackets before the colon. */
/** `Project:`, `Project (table projects):`, and without the colon where a gloss follows the name: `TeamMembership (join table)`. */
const TYPE_LABEL = /^([A-Z][A-Za-z0-9_]*)\s*(?:(?:[(（][^)）]*[)）])?\s*[:：]|[(（][^)）]*[)）])$/u;
/** `items 字段：`, `items:`, `Fields of items:`, `items 明细字段`, `` `items` fields ``, `items のフィールド`. */
const FIELD_LABEL =
  /^(?:(?:the\s+)?(?:fields|properties|attributes|columns)\s+(?:of|in)\s+(?:the\s+)?|campos\s+de\s+|champs\s+de\s+|felder\s+von\s+)?[`*_]*([A-Za-z_][A-Za-z0-9_]*)[`*_]*\s*(?:(?:array|list|object|item|items|element|elements)\s+)?(?:的?(?:明细)?(?:字段|子字段|参数|属性|元素|结构|对象|明细)(?:说明|定义|列表)?|fields?|properties|attributes|columns|structure|の?(?:フィールド|項目|要素))?\s*[:：]?$/iu;
/** Labels that say what a table is, not which type: `Fields:` above a table lists the fields of the section's own type. */
const RESERVED_LABELS = new Set([
  ...['Body', 'Request', 'Response', 'Responses', 'Query', 'Hints', 'Parameters', 'Params', 'Example', 'Note', 'Notes', 'Returns', 'Fields', 'Field', 'Attributes', 'Properties', 'Columns', 'Schema', 'Model'],
  // Spanish, Portuguese, French, German, Italian, Vietnamese.
  ...['Campos', 'Champs', 'Attributs', 'Felder', 'Attribute', 'Eigenschaften', 'Spalten', 'Campi', 'Atributos', 'Propiedades'],
]);

type TableTarget = 'body' | 'query' | ResponseLine;

/** Walks the blocks in order (into lists and quotes), keeping track of the heading each belongs to. */
class OutlineReader {
  readonly outline: DocumentOutline = { basePath: '', basePathWritten: false, endpoints: [], namedTables: [], otherTables: [], sentences: [], glossary: [], errorCodes: new Map() };
  private readonly sections: Section[] = [];
  /** `type UserRole = 'user' | 'admin'` in the blocks read so far, for members typed by the alias in later ones. */
  private readonly typeAliases = new Map<string, string>();
  private endpoint: { value: Endpoint; depth: number } | undefined;
  private heading: string | undefined;
  /** API Blueprint's resource heading (`### Customer [/customers/{id}]`) its action headings (`#### Retrieve [GET]`) fall under. */
  private blueprintResource: { name: string; path: string; queryNames: string[]; depth: number } | undefined;
  private pendingLabel: TableLabel | undefined;
  /**
   * The type a heading outside any endpoint names (`### Immobile`, `### Zona`), for as long as its
   * section lasts: the first field table or list of fields in it, wherever it stands (after the
   * section's search parameters, under `Campi dell'immobile:`), gives that type's fields.
   */
  private sectionType: TableLabel | undefined;
  /** The type of a section enclosing the current one, which names none (`#### (Marco's notes)` under `## Bookings`). */
  private enclosingType: TableLabel | undefined;
  /** The last field table read under the current endpoint, whose rows a label may name (`items 字段：`). */
  private lastTable: { endpoint: Endpoint; table: FieldTable } | undefined;
  /** A label naming a row of that table: the field table after it gives that row's items' fields. */
  private pendingFieldLabel: { row: FieldRow; name: string; line: number } | undefined;
  /** A heading with nothing under it yet: a bullet or paragraph giving an endpoint makes it the endpoint's title. */
  private pendingTitle: Section | undefined;
  /** Where the next unlabelled table under an endpoint goes: its body, or the response line just read. */
  private tableTarget: TableTarget | undefined;
  private afterTitle = false;
  /** The method or the path of an endpoint written as two labelled lines, until the other comes. */
  private parts: { method?: EndpointHeading['method']; path?: string; line: number } | undefined;
  /** `Request body (POST/PUT):` under endpoints a table or bullets listed: the next field table is their body. */
  private sectionBody: Endpoint[] | undefined;
  private readonly seen = new Map<string, Endpoint>();
  /** The depth of the last heading marked as one; a bold line standing for a heading sits under it. */
  private headingDepth = 1;
  /** The names and numbers an endpoint table gives the endpoints it lists, for the headings detailing them. */
  private readonly listedNames = new Map<Endpoint, { names?: string[]; number?: string }>();

  constructor(private readonly file: string) {}

  read(root: MarkdownRoot): DocumentOutline {
    this.visit(root.children);
    return this.outline;
  }

  private visit(blocks: readonly MarkdownBlock[]): void {
    for (const block of blocks) {
      const label = this.pendingLabel;
      if (block.type !== 'table' && block.type !== 'paragraph') this.pendingLabel = block.type === 'heading' ? this.pendingLabel : undefined;
      switch (block.type) {
        case 'heading':
          this.headingDepth = block.depth;
          this.readHeading(plainText(block), block.depth, lineOf(block));
          break;
        case 'paragraph': {
          // Google Docs and Word exports set their headings in bold: `**Maintenance records**` alone on its line.
          const bold = boldHeading(block);
          if (bold !== undefined) {
            this.readHeading(bold, Math.min(this.headingDepth + 1, 6), lineOf(block));
            break;
          }
          const lines = paragraphLines(block);
          if (this.readInlineType(lines)) break;
          if (this.readInlineObjectType(lines)) break;
          if (this.enclosingType && this.readSectionTypeLabel(lines, this.enclosingType)) break;
          if (this.readFieldLabel(lines)) break;
          if (this.sectionType && this.readSectionTypeLabel(lines, this.sectionType)) break;
          // Endpoint lines one under another (`GET /shows` then `POST /shows`), as bullets would list them.
          this.readListing(lines.filter((line) => this.givesEndpoint(line)).length > 1, () => this.readLines(lines, this.isTypeLabel(lines)));
          this.blockRead();
          break;
        }
        case 'list': {
          if (label && this.readNamedList(label, block.children as MarkdownBlock[])) {
            if (label === this.sectionType) this.sectionType = undefined;
            break;
          }
          if (this.readSectionTypeList(block.children as MarkdownBlock[])) break;
          if (this.readQueryList(block.children as MarkdownBlock[])) break;
          if (this.readBodyList(block.children as MarkdownBlock[])) break;
          this.readListing(this.endpointItems(block.children as MarkdownBlock[]) > 1, () => {
            for (const item of block.children) this.readListItem(item.children as MarkdownBlock[]);
          });
          this.blockRead();
          break;
        }
        case 'blockquote':
          this.visit(block.children as MarkdownBlock[]);
          break;
        case 'code':
          if (this.readTypeDeclarations(block.value, lineOf(block) + 1)) break;
          if (this.readCreateTables(block.value, lineOf(block) + 1)) break;
          // `**Success**` over `{"success": true, "data": {}}`: the envelope of every answer, not a type of that name.
          if (this.readAnswerFormat(block.value, lineOf(block) + 1)) break;
          if (label && this.readNamedBlock(label, block.value, lineOf(block) + 1)) {
            if (label === this.sectionType) this.sectionType = undefined;
            break;
          }
          if (!this.endpoint && this.readSchemaBlock(block.value, lineOf(block) + 1)) break;
          if (!this.readEndpointBlock(block.value, lineOf(block) + 1)) this.readJsonExample(block.value, lineOf(block) + 1);
          this.blockRead();
          break;
        case 'table':
          this.readTable(block);
          this.blockRead();
          break;
        default:
          break;
      }
    }
  }

  /** An example, outside any endpoint, of the envelope every answer comes in, an error's body or a page. */
  private readAnswerFormat(text: string, line: number): boolean {
    if (this.endpoint || this.sectionBody) return false;
    return this.adoptFormats(answerFormatOf(text, line), pageFormatOf(text, line));
  }

  /** A sentence stating the answers' envelope or a page's shape, in JSON (`统一返回格式：{"code": 200, …}`) or, for a page, in words. */
  private readFormatSentence(text: string, line: number): boolean {
    const inline = inlineJsonObject(text);
    const answer = inline === undefined ? undefined : answerFormatOf(inline, line);
    const page = inline === undefined ? pageFormatInWords(text, line) : pageFormatOf(inline, line);
    return this.adoptFormats(answer, page);
  }

  /** A table, outside any endpoint, of the envelope's properties (`| code | Integer | 200 表示成功 |`) or a page's. */
  private readFormatTable(table: MarkdownTable): boolean {
    let fields: FieldTable;
    try {
      fields = readFieldTable(table, this.file);
    } catch (error) {
      // A table of other things (the tech stack, a glossary) is no format; what it is is read later.
      if (error instanceof InfraStackError) return false;
      throw error;
    }
    return this.adoptFormats(answerFormatOfTable(fields.rows, fields.line), pageFormatOfTable(fields.rows, fields.line));
  }

  private adoptFormats(answer: AnswerFormat | undefined, page: PageFormat | undefined): boolean {
    if (answer) this.outline.answerFormat = mergedAnswerFormat(this.outline.answerFormat, answer);
    if (page) this.outline.pageFormat ??= page;
    return answer !== undefined || page !== undefined;
  }

  /**
   * A fenced block whose every line gives an endpoint (`POST /students`, `GET /students/{id}`) lists
   * them as bullets would; another (an example body, a curl command) is no part of the API list.
   */
  private readEndpointBlock(text: string, firstLine: number): boolean {
    const lines = text.split('\n').map((line, index) => ({ text: line.trim(), line: firstLine + index })).filter((line) => line.text !== '');
    if (lines.length === 0 || !lines.every((line) => this.givesEndpoint(line))) return false;
    this.readListing(lines.length > 1, () => this.readLines(lines, undefined));
    return true;
  }

  private givesEndpoint(line: { text: string; line: number }): boolean {
    try {
      return readEndpointText(line.text, this.file, line.line, 'opening') !== undefined;
    } catch {
      return false; // an example's line (`FETCH /x`) is no mistake in an endpoint heading
    }
  }

  /** A fenced block under a `Name:` label listing its fields, one a line, or as an example JSON object. */
  private readNamedBlock(label: { name: string; line: number; aliases?: string[] }, text: string, line: number): boolean {
    const table = fieldTableFromJsonExample(text, line, this.file) ?? fieldTableFromLines(text, line, this.file);
    if (table) {
      this.outline.namedTables.push({ ...label, table });
      return true;
    }
    const schema = fieldTableFromSchemaBlock(text, line, this.file);
    if (!schema || (schema.name !== undefined && schema.name !== label.name)) return false;
    this.addSchemaBlock(label, schema);
    return true;
  }

  /** `CREATE TABLE …` statements in a fenced block: a database design's tables, each named by its table. */
  private readCreateTables(text: string, line: number): boolean {
    const tables = readCreateTables(text, line, this.file);
    for (const { table, line: at, rows, uniques } of tables) {
      this.outline.namedTables.push({ name: toPascal(singular(table)), line: at, tableName: table, table: { rows, line: at }, ...(uniques.length > 0 ? { uniques } : {}) });
    }
    return tables.length > 0;
  }

  /** A YAML-like schema in a fenced block naming its type in its first line (`Member:`), no label above it. */
  private readSchemaBlock(text: string, line: number): boolean {
    const schema = fieldTableFromSchemaBlock(text, line, this.file);
    if (schema?.name === undefined || this.outline.namedTables.some((named) => named.name === schema.name)) return false;
    this.addSchemaBlock({ name: schema.name, line }, schema);
    return true;
  }

  /** The schema's fields, and what its `relations:` list says read as sentences of the section. */
  private addSchemaBlock(label: { name: string; line: number; aliases?: string[] }, schema: NonNullable<ReturnType<typeof fieldTableFromSchemaBlock>>): void {
    this.outline.namedTables.push({ ...label, table: schema.table });
    for (const sentence of schema.sentences) this.outline.sentences.push({ ...sentence, inRules: this.inRules(), ...this.sectionTitle() });
  }

  /**
   * `Campi dell'immobile:`, `Fields of the order:`, `Order fields:` in the section of `### Immobile`:
   * a one-line label naming the section's type in words; the next field table or list is its fields.
   */
  private readSectionTypeLabel(lines: { text: string; line: number }[], type: TableLabel): boolean {
    if (lines.length !== 1 || !/[:：]\s*$/.test(lines[0]!.text) || namesCall(lines[0]!.text)) return false;
    const words = lines[0]!.text.toLowerCase().split(/[^\p{L}\p{N}_]+/u);
    // `Fields on a booking:` under a subsection of `## Bookings`: there, the word singular too.
    const named = words.includes(type.name.toLowerCase()) || (type === this.enclosingType && words.map((word) => singular(word)).includes(singular(type.name.toLowerCase())));
    if (!named) return false;
    this.pendingLabel = type;
    return true;
  }

  /** A list of fields in the section of a heading naming a type, no endpoint open: that type's fields. */
  private readSectionTypeList(items: readonly MarkdownBlock[]): boolean {
    const type = this.sectionType;
    if (!type || this.endpoint || !this.readNamedList(type, items)) return false;
    this.sectionType = undefined;
    return true;
  }

  /** A bulleted list under a `Name:` label whose every item is a field (`- name: varchar(100), required`). */
  private readNamedList(label: TableLabel, items: readonly MarkdownBlock[]): boolean {
    const entries = items.map((item) => ({ text: plainText(item).trim(), line: lineOf(item) }));
    const read = entries.some((entry) => entry.text.includes('\n')) ? undefined : fieldTableFromItems(entries, this.file);
    if (!read) {
      // `- a **name** (required, up to 120 characters),`: fields in sentences.
      const prose = fieldTableFromProse(items, this.file);
      if (prose) this.outline.namedTables.push({ ...label, table: prose });
      return prose !== undefined;
    }
    this.outline.namedTables.push({ ...label, table: read.table });
    // `- (team_id, user_id) is unique` among the fields: a rule of the type, or a warning.
    for (const { text, line } of read.rest) this.outline.sentences.push({ text, line, inRules: true, section: label.name });
    return true;
  }

  /** `type User = { ... }`, `interface Task { ... }`, `class ItemIn(BaseModel):` in a fenced block: named types, as `Name:` tables would give them. */
  private readTypeDeclarations(text: string, line: number): boolean {
    const block = readTypeScriptBlock(text, line, this.file, this.typeAliases);
    if (!block) {
      const models = pythonModels(text, line, this.file);
      if (models) this.outline.namedTables.push(...models);
      return models !== undefined;
    }
    for (const [name, union] of block.aliases) this.typeAliases.set(name, union);
    if (!this.endpoint && !this.sectionBody) {
      for (const generic of block.generics) {
        const { answer, page } = formatsOfDeclaration(generic);
        this.adoptFormats(answer, page);
      }
    }
    if (this.readRequestType(block.types)) return true;
    this.outline.namedTables.push(...block.types);
    return true;
  }

  /**
   * `interface RegisterReq { … }` under `POST /api/users`: the one type a block declares under an
   * endpoint that sends a body, named as a request (`…Req`, `…Request`, `…Dto`, `…Body`,
   * `…Params`, `…Input`, `…Form`, `…Payload`), is that body.
   */
  private readRequestType(types: readonly DeclaredType[]): boolean {
    const endpoint = this.endpoint?.value;
    const [only] = types;
    if (!endpoint || types.length !== 1 || TAKES_NO_BODY.has(endpoint.method) || endpoint.body || !REQUEST_TYPE_NAME.test(only!.name)) return false;
    // Under another row (`POST /posts/:postId/comments`) the body keeps naming the rows' own type:
    // a request type there would name the collection's rows after the request.
    const collection = endpoint.path.replace(/\/[{:<][^/]*$/, '');
    if (/\/[{:<]/.test(collection)) return false;
    endpoint.body = only!.table;
    return true;
  }

  /** ``Comment = `{ id: string, body: string }` ``: a type declared on one line. */
  private readInlineObjectType(lines: { text: string; line: number }[]): boolean {
    const declared = lines.length === 1 ? inlineObjectType(lines[0]!.text, lines[0]!.line, this.file) : undefined;
    if (!declared) return false;
    this.outline.namedTables.push(declared);
    return true;
  }

  /** `FuelLog: vehicle_id* int, liters* decimal(6,2)`: a type and its fields on one line. */
  private readInlineType(lines: { text: string; line: number }[]): boolean {
    const match = lines.length === 1 ? /^\**`?([A-Z][A-Za-z0-9_]*)`?\**\s*[:：]\s*(.+)$/.exec(lines[0]!.text) : null;
    if (!match || RESERVED_LABELS.has(match[1]!)) return false;
    const table = fieldTableFromList(match[2]!, lines[0]!.line, this.file, false);
    if (!table) return false;
    this.outline.namedTables.push({ name: match[1]!, line: lines[0]!.line, table });
    return true;
  }

  /**
   * An example JSON body under an endpoint, as many lists give one instead of a table: its fields
   * are what a table would give where the block sits (a request label's body, a response line's
   * fields); under a `GET` or a `DELETE` without a label, the response's. Examples add what a table
   * did not: a second one, or one where neither fits, is left as the example it is.
   */
  private readJsonExample(text: string, line: number): void {
    // After a list of a resource's endpoints, an example is the body its creates and replaces send.
    const section = this.sectionBody;
    if (section) {
      const fields = fieldTableFromJsonExample(text, line, this.file);
      this.sectionBody = undefined;
      if (fields) for (const endpoint of section) endpoint.body ??= fields;
      return;
    }
    const endpoint = this.endpoint?.value;
    const target = this.tableTarget;
    if (!endpoint || target === undefined || target === 'query') return;
    const fields = fieldTableFromJsonExample(text, line, this.file);
    // `{"error_code": "INGREDIENT_ALREADY_EXISTS", "message": …}`: an error's answer, no row of the resource.
    if (!fields || isErrorExample(fields)) return;
    this.tableTarget = undefined;
    if (target !== 'body') {
      target.table ??= fields;
      return;
    }
    if (TAKES_NO_BODY.has(endpoint.method)) {
      if (endpoint.responses.length === 0) endpoint.responses.push({ status: this.defaultStatus(), fields: [], line, table: fields });
      return;
    }
    endpoint.body ??= fields;
  }

  /**
   * Reads a list of endpoints (bullets, a fenced block). A heading over several groups them: it
   * titles none. A field table after several is the section's resource, not the last endpoint's:
   * the body of its creates and replaces, as under `Request body (POST/PUT):`.
   */
  private readListing(several: boolean, read: () => void): void {
    if (several) this.pendingTitle = undefined;
    read();
    if (several && this.endpoint) this.labelSectionBody(['post', 'put']);
  }

  /** After a block: a heading titles only the endpoint its first block gives (or whose parts are being read). */
  private blockRead(): void {
    if (this.parts === undefined) this.pendingTitle = undefined;
  }

  /**
   * `### 3.1 部署登録（No.2）` after an overview table listing `部署登録 | POST | /departments`: the
   * heading details the one listed endpoint whose summary or name it repeats (its number and
   * remarks in brackets left off), else the one whose number it gives (`（No.2）`).
   */
  private listedBySummary(title: string): EndpointHeading | undefined {
    const bare = (text: string) => text.replace(/^\s*\d+(?:\.\d+)*\.?\s+/, '').replace(/\s*[(（][^)）]*[)）]\s*/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
    const wanted = bare(title);
    if (wanted === '') return undefined;
    const listed = this.outline.endpoints.filter((endpoint) => endpoint.form === 'table');
    const named = listed.filter((endpoint) => [endpoint.summary, ...(this.listedNames.get(endpoint)?.names ?? [])].some((name) => name !== undefined && bare(name) === wanted));
    const number = /[(（]\s*no\.?\s*(\d+)\s*[)）]/iu.exec(title)?.[1];
    const numbered = named.length === 0 && number !== undefined ? listed.filter((endpoint) => this.listedNames.get(endpoint)?.number === number) : named;
    const [only] = numbered;
    return numbered.length === 1 && only ? { method: only.method, path: only.path, ...(only.summary !== undefined ? { summary: only.summary } : {}) } : undefined;
  }

  /** `#### List customers [GET]` under `### Customers Collection [/customers{?page}]`: an endpoint at the resource's path. */
  private blueprintAction(text: string, depth: number): EndpointHeading | undefined {
    const resource = this.blueprintResource;
    const action = resource && depth > resource.depth ? readBlueprintAction(text) : undefined;
    if (!resource || !action) return undefined;
    // The template's query is the reads': a create at the same path takes none of it.
    const queryNames = action.method === 'get' ? resource.queryNames : [];
    return { method: action.method, path: resource.path, ...(action.summary !== '' ? { summary: action.summary } : {}), ...(queryNames.length > 0 ? { queryNames } : {}) };
  }

  private readHeading(text: string, depth: number, line: number): void {
    this.heading = text;
    this.parts = undefined;
    this.sectionBody = undefined;
    this.pendingLabel = undefined;
    this.sectionType = undefined;
    this.enclosingType = undefined;
    const clean = cleanHeadingText(text);
    // `#### Request body` or `#### 返回` under an endpoint heading says what the next table is.
    if (this.endpoint && depth > this.endpoint.depth && this.labelTarget(clean, line)) return;
    this.tableTarget = undefined;
    this.afterTitle = false;
    this.pendingTitle = undefined;
    const found = readEndpointText(text, this.file, line, 'anywhere') ?? this.blueprintAction(text, depth) ?? this.listedBySummary(clean);
    if (found) {
      const section = [...this.sections].reverse().find((s) => s.depth < depth);
      this.startEndpoint(found, line, 'heading', depth, section);
      return;
    }
    this.endpoint = undefined;
    if (this.blueprintResource && this.blueprintResource.depth >= depth) this.blueprintResource = undefined;
    const resource = readBlueprintResource(text);
    if (resource) this.blueprintResource = { ...resource, depth };
    while (this.sections.length > 0 && this.sections[this.sections.length - 1]!.depth >= depth) this.sections.pop();
    if (this.outline.title === undefined && depth === 1) {
      this.outline.title = clean.replace(TITLE_PREFIX, '').trim();
      this.afterTitle = true;
      return;
    }
    // `Customers Collection [/customers{?page}]`: the resource's name is the section's title; its path no hint.
    const { text: title, tokens } = resource ? { text: resource.name, tokens: [] } : extractHintTokens(clean);
    const glossed = GLOSSED.exec(title);
    if (glossed) this.outline.glossary.push({ names: [glossed[1]!.trim(), glossed[2]!.trim()], source: { file: this.file, pointer: '', line } });
    const parentRules = this.sections.some((s) => s.rules);
    const section: Section = { title, depth, line, hintTokens: tokens.length > 0 ? [{ tokens, line }] : [], rules: parentRules || isRulesHeading(title) };
    this.sections.push(section);
    this.pendingTitle = section;
    const typeName = typeNamesIn(title, true);
    const designed = typeName === undefined ? tableNameIn(title) : undefined;
    if (typeName !== undefined) {
      this.pendingLabel = { name: typeName.name, line, ...(typeName.aliases.length > 0 ? { aliases: typeName.aliases } : {}) };
      this.sectionType = this.pendingLabel;
      section.type = this.sectionType;
    } else if (designed !== undefined) {
      // `### mall_order 订单表`: its type is named once every table of the document is known (index.ts namedByTables).
      this.pendingLabel = { name: toPascal(singular(designed.table)), line, tableName: designed.table, ...(designed.label !== undefined ? { aliases: [designed.label] } : {}) };
      this.sectionType = this.pendingLabel;
      section.type = this.sectionType;
    } else {
      // `#### (Marco's section — quick and dirty)` under `## Bookings`: still the bookings' section, for a `Fields on a booking:` label.
      // Only for a label naming that type, while no table has given it its fields (readSectionTypeLabel).
      const inherited = [...this.sections].reverse().find((s) => s.depth < depth && s.type !== undefined)?.type;
      this.enclosingType = inherited && !this.outline.namedTables.some((named) => named.name === inherited.name) ? inherited : undefined;
      // `### 資料欄位`, `### Fields`, `### Data model` under `## 使用者 User`: the next table is the user's.
      if (this.enclosingType && FIELDS_HEADING.test(title)) this.pendingLabel = this.enclosingType;
    }
  }

  /** A label line or heading under an endpoint: sets the next table's target. */
  private labelTarget(text: string, line: number): boolean {
    const method = this.endpoint?.value.method ?? 'get';
    const readsQuery = TAKES_NO_BODY.has(method);
    const bodyLabel = readBodyLabel(text);
    if (bodyLabel?.methods && !bodyLabel.methods.includes(method) && this.labelSectionBody(bodyLabel.methods)) return true;
    // After endpoints a list gave, a body label names the body of those that take one, not the last listed GET or DELETE's query.
    const listed = this.endpoint !== undefined && this.endpoint.value.form !== 'heading';
    if (bodyLabel && !bodyLabel.methods && listed && readsQuery && this.labelSectionBody(['post', 'put'])) return true;
    if (bodyLabel) {
      this.tableTarget = readsQuery ? 'query' : 'body';
      return true;
    }
    if (isQueryLabel(text)) {
      this.tableTarget = readsQuery || /query|查询|consulta|requête|abfrage|truy vấn|クエリ/i.test(text) ? 'query' : 'body';
      return true;
    }
    const response = readResponseLine(text, this.file, line, this.defaultStatus());
    if (response && this.endpoint) {
      this.endpoint.value.responses.push(response);
      this.tableTarget = response;
      return true;
    }
    return false;
  }

  private defaultStatus(): string {
    return this.endpoint?.value.method === 'post' ? '201' : this.endpoint?.value.method === 'delete' ? '204' : '200';
  }

  /**
   * A paragraph of one line naming a type, for the field table after it: `Book:`, or a name alone as
   * people set it apart (`**Book**`, `` `Book` model ``, `Book object`), as a heading may.
   */
  private isTypeLabel(lines: { text: string; line: number }[]): TableLabel | undefined {
    if (lines.length !== 1) return undefined;
    const { text, line } = lines[0]!;
    // `Campos do item do pedido (tabela \`itens_pedido\`):`: the fields of the rows of that table.
    // A sentence ending in a colon (`列表類的 API 都支援分頁，… 回傳格式統一長這樣：`) introduces an example, names no type.
    const sentence = /[，。,;；]/u.test(text.replace(/[:：]\s*$/u, ''));
    const designed = /[:：]\s*$/u.test(text) && !namesCall(text) && !sentence ? tableNameInLabel(text.replace(/[:：]\s*$/u, '')) : undefined;
    if (designed) return { name: toPascal(singular(designed.table)), line, tableName: designed.table, ...(designed.label !== undefined ? { aliases: [designed.label] } : {}) };
    const name = TYPE_LABEL.exec(text)?.[1] ?? (sentence ? undefined : typeNameIn(text.replace(/[:：]$/, ''), false));
    if (name === undefined || namesCall(text) || RESERVED_LABELS.has(name) || isBodyLabel(text) || isQueryLabel(text)) return undefined;
    return { name, line };
  }

  /**
   * A one-line label naming a field of the table just read under this endpoint, whose value is a
   * list or an object the table does not describe: `items 字段：`, `items:`, `Fields of items:`,
   * `items 明细`, `` `items` fields ``. The table after it gives that field's items, as a type named
   * after the endpoint's resource and the field (`OrderItem` for `/orders`' `items`).
   */
  private readFieldLabel(lines: { text: string; line: number }[]): boolean {
    const last = this.lastTable;
    if (lines.length !== 1 || !last || last.endpoint !== this.endpoint?.value) return false;
    const { text, line } = lines[0]!;
    const written = FIELD_LABEL.exec(text.trim())?.[1];
    const row = written === undefined ? undefined : last.table.rows.find((r) => r.name === written);
    if (!row || !describesNoItems(row.type)) return false;
    this.pendingFieldLabel = { row, name: nestedTypeName(resourceTypeOf(last.endpoint.path), row.name), line };
    return true;
  }

  /**
   * A field table, and the types of the fields its rows nest (`items[].productId`): each a type named
   * after `owner` and the field (`OrderItem`), as a table under `items 字段：` would be.
   */
  private readFields(table: MarkdownTable, owner: string): FieldTable {
    const fields = readFieldTable(table, this.file);
    this.adoptNested(fields, owner);
    return fields;
  }

  /** Each nested field's own table as a named type; its row then holds that type (deeper ones alike). */
  private adoptNested(fields: FieldTable, owner: string): void {
    for (const { parent, table: nested } of fields.nested ?? []) {
      const row = fields.rows.find((r) => r.name === parent)!;
      const name = nestedTypeName(owner, parent);
      this.outline.namedTables.push({ name, line: nested.line, table: nested, ...aliasesOfRow(row, name) });
      row.type = row.type.kind === 'array' ? { kind: 'array', items: { kind: 'named', name } } : { kind: 'named', name };
      this.adoptNested(nested, name);
    }
  }

  /** A bulleted list under a query label (`**Query Parameters:**`): each item a parameter and its note. */
  private readQueryList(items: readonly MarkdownBlock[]): boolean {
    const endpoint = this.endpoint?.value;
    if (this.tableTarget !== 'query' || !endpoint) return false;
    const read = items.map((item) => ({ item: readQueryItem(plainText(item).split('\n')[0] ?? ''), line: lineOf(item) }));
    if (read.some(({ item }) => item === undefined)) return false;
    const known = new Set((endpoint.query?.items ?? []).map((item) => item.name));
    const added = read.map(({ item }) => item!).filter((item) => !known.has(item.name));
    endpoint.query = { items: [...(endpoint.query?.items ?? []), ...added], line: endpoint.query?.line ?? read[0]!.line };
    this.tableTarget = undefined;
    return true;
  }

  /**
   * `- POST /tutores — alta de tutor` and its fields as bullets under it (`  - nombre (texto,
   * obligatorio)`), as startups list them: the body it sends, when most items read as fields.
   */
  private readBodyList(items: readonly MarkdownBlock[]): boolean {
    const endpoint = this.endpoint?.value;
    if (!endpoint || TAKES_NO_BODY.has(endpoint.method) || endpoint.body || (this.tableTarget !== undefined && this.tableTarget !== 'body')) return false;
    const entries = items.map((item) => ({ text: plainText(item).trim(), line: lineOf(item) }));
    if (entries.some((entry) => entry.text.includes('\n'))) return false;
    const read = fieldTableFromItems(entries, this.file);
    if (!read) return false;
    endpoint.body = read.table;
    for (const { text, line } of read.rest) this.outline.sentences.push({ text, line, inRules: true, ...this.sectionTitle() });
    return true;
  }

  /** How many items of a list give an endpoint on their first line. */
  private endpointItems(items: readonly MarkdownBlock[]): number {
    return items.filter((item) => {
      const first = (item as { children?: MarkdownBlock[] }).children?.[0];
      if (first?.type !== 'paragraph') return false;
      const [line] = paragraphLines(first);
      return line !== undefined && readEndpointText(line.text, this.file, line.line, 'opening') !== undefined;
    }).length;
  }

  /** A list item: a bullet giving an endpoint opens it (its nested lines belong to it); other items are lines. */
  private readListItem(children: MarkdownBlock[]): void {
    const [first, ...rest] = children;
    if (first?.type === 'paragraph') {
      const lines = paragraphLines(first);
      this.readLines(lines, undefined);
    } else if (first) this.visit([first]);
    this.visit(rest);
  }

  private readLines(lines: { text: string; line: number }[], typeLabel: TableLabel | undefined): void {
    if (typeLabel) {
      this.pendingLabel = typeLabel;
      return;
    }
    this.pendingLabel = undefined;
    const prose: string[] = [];
    const wrapped = new WrappedSentences(this.outline.sentences, () => ({ inRules: this.inRules(), ...this.sectionTitle() }));
    for (const { text, line } of lines) {
      const part = readEndpointPartLine(text);
      if (part) {
        this.readPart(part, line);
        continue;
      }
      const found = readEndpointText(text, this.file, line, 'opening');
      if (found) {
        this.openFromLine(found, line);
        continue;
      }
      if (this.endpoint) {
        if (this.labelTarget(text, line)) continue;
        if (this.annotateExampleField(text, line)) continue;
        const query = readQueryLine(text, line);
        const current = this.endpoint.value;
        if (query) {
          current.query = { items: [...(current.query?.items ?? []), ...query.items], line: current.query?.line ?? query.line };
          continue;
        }
        // `Filtrar por medico_id, paciente_id, estado.` under a list's heading: its query, and its description.
        const named = current.method === 'get' ? readInlineQuery(text) : undefined;
        if (named) {
          const known = new Set((current.query?.items ?? []).map((item) => item.name));
          current.query = { items: [...(current.query?.items ?? []), ...named.names.filter((name) => !known.has(name)).map((name) => ({ name }))], line: current.query?.line ?? line };
          prose.push(text);
          continue;
        }
        prose.push(text);
        wrapped.add(text, line);
        continue;
      }
      const bodyLabel = readBodyLabel(text);
      if (bodyLabel && this.labelSectionBody(bodyLabel.methods ?? ['post', 'put'])) continue;
      const hints = HINTS_LINE.exec(text);
      const section = this.sections[this.sections.length - 1];
      if (hints && section) {
        section.hintTokens.push({ tokens: extractHintTokens(hints[1]!).tokens, line });
        continue;
      }
      const basePath = readBasePath(text);
      if (basePath !== undefined) {
        this.outline.basePath = basePath;
        this.outline.basePathWritten = true;
      }
      const version = readVersion(text);
      if (version !== undefined) this.outline.version = version;
      const paging = readPagingDefaults(text);
      if (paging) this.outline.paging = paging;
      const format = this.readFormatSentence(text, line);
      if (basePath === undefined && version === undefined && !paging && !format) {
        prose.push(text);
        wrapped.add(text, line);
      }
    }
    const current = this.endpoint?.value;
    if (current && prose.length > 0) current.description = [current.description, prose.join(' ')].filter(Boolean).join('\n\n');
    if (this.afterTitle && !current && prose.length > 0 && this.outline.description === undefined) this.outline.description = prose.join(' ');
  }

  /**
   * `` `title` is required, max 200 characters. `` after an example body: a line naming one of its
   * fields says what an example cannot (required or not, a default, values, bounds, a reference).
   * Once a line says a field is required, the example's fields no line says so of are optional; a
   * field given a default is optional too.
   */
  private annotateExampleField(text: string, line: number): boolean {
    const body = this.endpoint?.value.body;
    if (!body?.fromExample) return false;
    // The line's text has lost its code marks: the field's name, as the example spells it, opens it.
    const named = /^([\p{L}_][\p{L}\p{N}_]*)(?:\s+(.*))?$/u.exec(text.trim());
    const row = named ? body.rows.find((candidate) => candidate.name === named[1]) : undefined;
    if (!named || !row) return false;
    const said = (named[2] ?? '').replace(/^(?:is|are|est|es|ist)\s+/i, '').replace(/^[-—–:：]\s*/, '').replace(/`/g, '').trim();
    const notes = readFieldNotes(said, row.type, this.file, line);
    const required = notes.required ?? (STATED_REQUIRED.test(said) ? true : undefined);
    if (notes.type) row.type = notes.type;
    if (notes.defaultText !== undefined) row.defaultText = notes.defaultText;
    row.hints = { ...row.hints, ...notes.hints };
    if (said !== '') row.description ??= said;
    // A field with a default need not be sent.
    if (required === false || (required === undefined && notes.defaultText !== undefined)) row.required = false;
    if (required === true) {
      body.statedRequired = [...(body.statedRequired ?? []), row.name];
      for (const other of body.rows) other.required = body.statedRequired.includes(other.name);
    }
    return true;
  }

  /** A body label for the endpoints of the current section with these methods; false when it has none listed. */
  private labelSectionBody(methods: EndpointHeading['method'][]): boolean {
    const section = this.sections[this.sections.length - 1];
    if (!section) return false;
    const own = this.outline.endpoints.filter((e) => e.section === section && methods.includes(e.method));
    // A section of its own for a resource an overview listed (`## Bệnh nhân (Patients)` after a
    // table of every endpoint): its endpoints are the section's (its title names the resource in rules).
    let named = own;
    if (own.length === 0) {
      const resource = this.outline.endpoints.filter((e) => e.section !== section && headingNamesResource(section.title, e.path));
      named = resource.filter((e) => methods.includes(e.method));
      if (named.length > 0) for (const endpoint of resource) endpoint.section = section;
    }
    if (named.length === 0) return false;
    this.sectionBody = named;
    this.endpoint = undefined;
    this.tableTarget = undefined;
    return true;
  }

  /** The field table after a section's body label: the body of each of its endpoints with those methods that has none. */
  private readSectionBody(table: MarkdownTable): boolean {
    const target = this.sectionBody;
    this.sectionBody = undefined;
    if (!target || !isFieldTable(table)) return false;
    const fields = this.readFields(table, resourceTypeOf(target[0]!.path));
    for (const endpoint of target) if (!endpoint.body) endpoint.body = fields;
    return true;
  }

  /** An endpoint a line gives: titled by the heading right above it, when nothing else came between. */
  private openFromLine(found: EndpointHeading, line: number): void {
    const title = this.pendingTitle;
    if (title) {
      // `### 1.1 新增读者` then `- 接口：POST /readers`: the heading titles the endpoint, it groups nothing.
      this.sections.splice(this.sections.indexOf(title), 1);
      const summary = found.summary ?? title.title;
      this.startEndpoint({ ...found, ...(summary ? { summary } : {}) }, line, 'heading', title.depth, [...this.sections].reverse().find((s) => s.depth < title.depth));
      this.pendingTitle = undefined;
    } else {
      this.startEndpoint(found, line, 'line', this.sections[this.sections.length - 1]?.depth ?? 0, this.sections[this.sections.length - 1]);
    }
  }

  /** `请求方式：POST` then `请求地址：/api/articles` (either first): the endpoint opens once both are read. */
  private readPart(part: EndpointPart, line: number): void {
    const parts = { ...(this.parts ?? { line }) };
    if (part.kind === 'method') parts.method = part.method;
    else parts.path = part.path;
    if (parts.method === undefined || parts.path === undefined) {
      this.parts = parts;
      return;
    }
    this.parts = undefined;
    this.openFromLine({ method: parts.method, path: parts.path }, parts.line);
  }

  /** A key/value table whose rows give an endpoint's method and path (`| 请求方式 | POST |`). */
  private readPartsTable(table: MarkdownTable): boolean {
    const parts = table.children.flatMap((row) => {
      const [label = '', value = ''] = cellTexts(row);
      const part = readEndpointPart(label, value);
      return part ? [{ part, line: lineOf(row) }] : [];
    });
    if (!parts.some(({ part }) => part.kind === 'method') || !parts.some(({ part }) => part.kind === 'path')) return false;
    for (const { part, line } of parts) this.readPart(part, line);
    return true;
  }

  private sectionTitle(): { section?: string } {
    const title = this.sections[this.sections.length - 1]?.title;
    return title === undefined ? {} : { section: title };
  }

  private inRules(): boolean {
    return this.sections.some((section) => section.rules);
  }

  private readTable(table: MarkdownTable): void {
    const line = lineOf(table);
    const fieldLabel = this.pendingFieldLabel;
    this.pendingFieldLabel = undefined;
    if (fieldLabel && isFieldTable(table)) {
      const { row, name } = fieldLabel;
      this.outline.namedTables.push({ name, line: fieldLabel.line, table: this.readFields(table, name), ...aliasesOfRow(row, name) });
      row.type = row.type.kind === 'array' ? { kind: 'array', items: { kind: 'named', name } } : { kind: 'named', name };
      return;
    }
    if (this.pendingLabel && isFieldTable(table)) {
      if (this.pendingLabel === this.sectionType) this.sectionType = undefined;
      this.outline.namedTables.push({ ...this.pendingLabel, table: this.readFields(table, this.pendingLabel.name) });
      this.pendingLabel = undefined;
      return;
    }
    this.pendingLabel = undefined;
    // What each status means (`| 状态码 | 说明 |` under an endpoint): no fields to read. Outside any
    // endpoint, the codes of the errors it names (`| 404 | NOT_FOUND |`) are the error body's.
    if (isStatusCodeTable(table)) {
      if (!this.endpoint) for (const [status, code] of statusErrorCodes(table)) if (!this.outline.errorCodes.has(status)) this.outline.errorCodes.set(status, code);
      return;
    }
    if (this.readSectionBody(table)) return;
    if (!isFieldTable(table) && this.readPartsTable(table)) return;
    const listed = isFieldTable(table) ? undefined : readEndpointTable(table, this.file);
    if (listed) {
      const section = this.sections[this.sections.length - 1];
      for (const row of listed) {
        this.startEndpoint(row, row.line, 'table', 7, section);
        const endpoint = this.seen.get(`${row.method.toUpperCase()} ${row.path}`);
        if (endpoint && (row.names || row.number)) this.listedNames.set(endpoint, { ...(row.names ? { names: row.names } : {}), ...(row.number ? { number: row.number } : {}) });
      }
      this.endpoint = undefined;
      return;
    }
    const endpoint = this.endpoint?.value;
    // A field table alone in a resource's section is the body of the creates and replaces it has, or its heading names.
    if (!endpoint && isFieldTable(table) && this.labelSectionBody(['post', 'put']) && this.readSectionBody(table)) return;
    if (!endpoint && this.sectionType && isFieldTable(table)) {
      this.outline.namedTables.push({ ...this.sectionType, table: this.readFields(table, this.sectionType.name) });
      this.sectionType = undefined;
      return;
    }
    if (!endpoint && isFieldTable(table) && this.readFormatTable(table)) return;
    if (!endpoint) {
      this.outline.otherTables.push({ table, ...(this.heading !== undefined ? { heading: this.heading } : {}) });
      this.outline.glossary.push(...glossaryRows(table, this.file));
      return;
    }
    const where = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
    const target = this.tableTarget;
    if (target === undefined || (target === 'body' && endpoint.body)) {
      throw markdownError(this.file, line, `a second table under ${where}: put \`Body:\`, a \`Response 200: Type\` line or a \`Name:\` paragraph above it to say what it lists`);
    }
    const fields = this.readFields(table, resourceTypeOf(endpoint.path));
    this.lastTable = { endpoint, table: fields };
    const unlabelled = target === 'body' && TAKES_NO_BODY.has(endpoint.method) ? unlabelledTableOf(endpoint, fields) : target;
    if (unlabelled === 'response') {
      endpoint.responses.push({ status: this.defaultStatus(), fields: [], line, table: fields });
      this.tableTarget = undefined;
      return;
    }
    if (unlabelled === 'body') endpoint.body = fields;
    else if (unlabelled === 'query') {
      const items = fields.rows.map((row) => ({
        name: row.name,
        type: row.type,
        ...(row.description ? { note: row.description } : {}),
        ...(row.defaultText !== undefined ? { defaultText: row.defaultText } : {}),
        ...(typeof row.hints.maximum === 'number' ? { maximum: row.hints.maximum } : {}),
        ...(row.hints[ENUM_ELSEWHERE] === true ? { valuesElsewhere: { line: row.line } } : {}),
      }));
      endpoint.query = { items: [...(endpoint.query?.items ?? []), ...items], line: endpoint.query?.line ?? fields.line };
    } else unlabelled.table = fields;
    this.tableTarget = undefined;
  }

  /**
   * Records an endpoint. One a heading details replaces one a bullet or table row only listed
   * (keeping its summary); the same endpoint detailed twice is a mistake.
   */
  private startEndpoint(found: EndpointHeading, line: number, form: EndpointForm, depth: number, section: Section | undefined): void {
    // A table after a new endpoint is its own, not the section's a label or a list left waiting.
    this.sectionBody = undefined;
    const key = `${found.method.toUpperCase()} ${found.path}`;
    const first = this.seen.get(key);
    if (first && (form !== 'heading' || first.form === 'heading')) {
      if (first.form === 'heading' && form === 'heading') throw markdownError(this.file, line, `${key} is defined twice (first at line ${first.line})`);
      // A list repeating an endpoint listed or detailed before adds nothing.
      if (!first.summary && found.summary) first.summary = found.summary;
      if (form !== 'table') {
        this.endpoint = { value: first, depth };
        this.tableTarget = 'body';
      }
      return;
    }
    // `POST /depots {name*, city*, capacity: int}`: the braces list the body's fields.
    const braces = !TAKES_NO_BODY.has(found.method) ? /^\{([^{}]+)\}$/.exec(found.summary?.trim() ?? '') : null;
    const body = braces ? fieldTableFromList(braces[1]!, line, this.file, true) : undefined;
    const summary = (body ? undefined : found.summary) ?? first?.summary;
    const query = found.queryNames ? { query: { items: found.queryNames.map((name) => ({ name })), line } } : {};
    const endpoint: Endpoint = { method: found.method, path: found.path, ...(summary ? { summary } : {}), line, form, ...(section ? { section } : {}), ...query, ...(body ? { body } : {}), responses: [] };
    if (first) this.outline.endpoints.splice(this.outline.endpoints.indexOf(first), 1);
    this.seen.set(key, endpoint);
    this.outline.endpoints.push(endpoint);
    this.endpoint = { value: endpoint, depth };
    this.tableTarget = 'body';
  }
}

export function readOutline(root: MarkdownRoot, file: string): DocumentOutline {
  return new OutlineReader(file).read(root);
}

/** Whether a heading names the resource of a path: a word of it is the path's last literal segment (`Bệnh nhân (Patients)`, `/api/patients/{id}`). */
function headingNamesResource(title: string, path: string): boolean {
  const segment = path.split('/').filter((part) => part !== '' && !part.includes('{')).pop();
  if (segment === undefined) return false;
  const resource = singular(segment.toLowerCase().replace(/[-_]/g, ' '));
  const words = cleanHeadingText(title).toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, ' ').replace(/[-_]/g, ' ');
  return words.split(/\s+/).some((word, index, all) => word !== '' && [word, all.slice(index, index + resource.split(' ').length).join(' ')].some((phrase) => singular(phrase) === resource));
}

/** A field's type that says it holds a list or an object without saying of what: `array`, `object`, `list`, `json`. */
/** The type an endpoint's rows are, by its path's last literal segment: `Order` of `/orders/{id}/items`... of `/orders`. */
function resourceTypeOf(path: string): string {
  const resource = path.split('/').filter((segment) => segment !== '' && !segment.includes('{')).pop() ?? '';
  return /^[A-Za-z][\w-]*$/.test(resource) ? toPascal(singular(resource)) : '';
}

/** The type of a field's items or object, named after its owner: `OrderItem` for an order's `items`, `Item` with no owner. */
function nestedTypeName(owner: string, field: string): string {
  const own = toPascal(singular(field));
  return own.startsWith(owner) ? own : `${owner}${own}`;
}

/** Rules name a nested type's rows as its field and the field's note do (`商品明细，见下表`: `订单删除时其明细一并删除`). */
/**
 * A paragraph that is one short bold phrase and nothing else (`**Trips**`, `**17\\. List fuel logs**`,
 * `**Maintenance records**`): a heading as exports write them. A label (`**Response:**`) ends in a
 * colon, a sentence in a stop: neither is one.
 */
function boldHeading(block: MarkdownBlock): string | undefined {
  const children = (block as { children?: { type: string }[] }).children ?? [];
  const meaningful = children.filter((child) => !(child.type === 'text' && plainText(child as MarkdownBlock).trim() === ''));
  if (meaningful.length !== 1 || meaningful[0]!.type !== 'strong') return undefined;
  const text = plainText(meaningful[0] as MarkdownBlock).trim();
  if (text === '' || text.includes('\n') || /[:：.。!?！？]$/u.test(text) || text.split(/\s+/).length > 10) return undefined;
  // `**GET /api/v1/buildings**` under the heading detailing it: an endpoint's line, read as lines are.
  if (/(?:^|[^A-Za-z])(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)(?:\s+|[\]】)]\s*)\//.test(text)) return undefined;
  return text;
}

/** An example naming an error and its message (`error_code`, `errorCode`, `error`; `message`, `msg`, `detail`): an error's answer. */
function isErrorExample(fields: FieldTable): boolean {
  const names = fields.rows.map((row) => toSnake(row.name));
  return names.some((name) => /^(?:error|error_code|err_code|errcode|error_type)$/.test(name)) && names.some((name) => /^(?:message|msg|error_message|detail|details|error_description)$/.test(name));
}

/** A heading saying the fields follow: `Fields`, `Data model`, `資料欄位`, `字段说明`, `데이터 필드`, `Campos`, `Felder`. */
const FIELDS_HEADING =
  /^(?:(?:data\s+)?(?:fields|attributes|properties|schema|model|object)|data\s+model|資料欄位|欄位(?:說明|定義)?|字段(?:说明|定义)?|数据字段|資料結構|数据结构|項目(?:定義|一覧)?|フィールド|データ項目|데이터\s*필드|필드(?:\s*정의)?|campos|atributos|champs|attributs|felder|attribute|trường(?:\s+dữ\s+liệu)?)$/iu;

/** `Exemplo POST /lojas/8/produtos:`, `Resposta do GET /produtos/{id}:`: a label over a call's example, no type's. */
function namesCall(text: string): boolean {
  return /(?:^|\s)(?:GET|POST|PUT|PATCH|DELETE)\s+\/|(?:^|\s)\/[\w{}:.-]+\//u.test(text);
}

function aliasesOfRow(row: FieldRow, name: string): { aliases?: string[] } {
  const called = row.description?.split(/[，,。;；(（]/u, 1)[0]?.trim();
  const aliases = [...new Set([row.name, ...(called ? [called] : [])])].filter((alias) => alias !== name);
  return aliases.length > 0 ? { aliases } : {};
}

function describesNoItems(type: TypeExpression): boolean {
  const inner = type.kind === 'array' ? type.items : type;
  return inner.kind === 'scalar' && (inner.schema.type === undefined || inner.schema.type === 'object');
}

/**
 * The sentences of a paragraph's lines, a line that continues the one before joined to it: a
 * paragraph wrapped at a width (`… el mismo documento. Lo` / `mismo pasa con el email …`) says each
 * rule once, whole. A line continues the previous one when that one ends without a stop and it
 * begins in lower case, or both are Chinese or Japanese where the break falls.
 */
const CJK_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}）)、，]$/u;
const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}（(]/u;

class WrappedSentences {
  private last: { sentence: Sentence; line: number } | undefined;

  constructor(
    private readonly sentences: Sentence[],
    private readonly context: () => Omit<Sentence, 'text' | 'line'>,
  ) {}

  add(text: string, line: number): void {
    const last = this.last;
    const open = last !== undefined && last.line === line - 1 && !/[.!?。！？:：;；]$/u.test(last.sentence.text);
    // Chinese and Japanese wrap without a space: `…削除日時（deleted_at）を` / `設定する（論理削除）。`.
    const cjk = open && CJK_END.test(last.sentence.text) && CJK_START.test(text);
    if (open && (cjk || /^\p{Ll}/u.test(text))) {
      last.sentence.text = cjk ? `${last.sentence.text}${text}` : `${last.sentence.text} ${text}`;
      last.line = line;
      return;
    }
    const sentence = { text, line, ...this.context() };
    this.sentences.push(sentence);
    this.last = { sentence, line };
  }
}
