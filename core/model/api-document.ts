/** A JSON Schema node as found in the document; `$ref`s to named schemas are kept. */
export type SchemaNode = Record<string, unknown>;

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options' | 'trace';

export interface SourceLocation {
  file: string;
  /** JSON pointer inside the file (for line-based formats: into the OpenAPI-shaped view of it). */
  pointer: string;
  /** 1-based line, when the format has lines worth naming (markdown); errors prefer it to the pointer. */
  line?: number;
}

/** Where an error about a source should point a user: its line when known, else its JSON pointer. */
export function locationOf(source: SourceLocation): string {
  return source.line !== undefined ? String(source.line) : source.pointer;
}

export interface ApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  description?: string;
  schema: SchemaNode;
  /** A path parameter whose value holds a `/` (path-values.ts valueSpansSegments). */
  spansSegments?: true;
}

export interface ApiBody {
  contentType: string;
  required: boolean;
  description?: string;
  schema?: SchemaNode;
  /** Text media types (`text/plain`) declared with the JSON body's own schema: its JSON, sent as text. */
  jsonAsText?: string[];
}

export interface ApiResponse {
  status: string;
  description?: string;
  contentType?: string;
  /** The answer itself: inside its envelope's data property, when it has one. */
  schema?: SchemaNode;
  envelope?: ResponseEnvelope;
}

/**
 * The wrapper a document puts every answer in (`{"code": 200, "msg": "success", "data": …}`,
 * `{"success": true, "data": …}`): the property holding the answer, and the value each other
 * property has when the request succeeded.
 */
export interface ResponseEnvelope {
  dataField: string;
  fields: { name: string; value: string | number | boolean | null }[];
}

/** How a client proves who it is (the document's security schemes), as the generated app checks it. */
export type SecurityScheme =
  | { name: string; kind: 'apiKey'; in: 'header' | 'query' | 'cookie'; parameter: string; source: SourceLocation }
  /** `http` bearer, and the tokens of `oauth2` and `openIdConnect`. */
  | { name: string; kind: 'bearer' | 'basic'; source: SourceLocation };

export interface ApiOperation {
  operationId?: string;
  method: HttpMethod;
  path: string;
  summary?: string;
  description?: string;
  tags: string[];
  parameters: ApiParameter[];
  requestBody?: ApiBody;
  responses: ApiResponse[];
  /**
   * Who may call it: alternatives, each the schemes that must all accept the request (`security`,
   * the operation's own else the document's). Undefined: anyone (also when one alternative is empty).
   */
  security?: string[][];
  source: SourceLocation;
}

export const DATABASE_CHOICES = ['postgresql', 'mysql', 'sqlite'] as const;
export type DatabaseChoice = (typeof DATABASE_CHOICES)[number];

/** What a tech-stack row or line chooses besides the database: the stack must write it. */
export type TechnologyTopic = 'language' | 'framework' | 'orm';

/** `| Web framework | Express 4 |`: the topic, the technology it names (`Express`), the choice as written, and where. */
export interface TechnologyChoice {
  topic: TechnologyTopic;
  name: string;
  written: string;
  source: SourceLocation;
}

/** Choices a document makes about the generated project (the markdown tech-stack table). */
export interface DocumentSettings {
  database?: DatabaseChoice;
  /** Where the choice was made, for messages. */
  source?: SourceLocation;
  /** The language, framework and ORM the document asks for, in its order. */
  technologies?: TechnologyChoice[];
}

/** A type as a class definition writes it (`Optional[Customer]`), parsed into a schema node. */
export interface TypedName {
  name: string;
  /** JSON Schema; a class that is no schema of the document is `{ "x-class": "Invoice" }`. */
  schema: SchemaNode;
  /** The text as written, kept for messages and docs. */
  written: string;
}

export interface ComponentMethod {
  name: string;
  parameters: TypedName[];
  returns: TypedName;
  description?: string;
}

/** Layers of the JSON class definitions that are not data: they become classes of the stack, not tables. */
export type ComponentLayer = 'infrastructure/repository' | 'infrastructure/adapter' | 'infrastructure/pipeline_step';

/** One class definition of a non-data layer, as the document gives it. */
export interface ComponentDefinition {
  name: string;
  layer: ComponentLayer;
  description?: string;
  attributes: TypedName[];
  methods: ComponentMethod[];
  /** Ports and classes it is given by its constructor (`ICustomerRepository`). */
  dependencies: string[];
  /** The port it implements, as a dotted import path when the document gives one. */
  implements?: string;
  /** Settings it reads (`PAYMENT_API_BASE_URL`). */
  config: string[];
  source: SourceLocation;
}

/**
 * A rule a document states in plain words (`Orders are soft deleted with the user.`), entities
 * named as written (`orders`, `the user`, `借阅`); the derivation resolves the names.
 */
export type DocumentRule =
  /** Rows of `entity` are soft deleted. */
  /** `context`: where the entity was read from a clause that said it in passing, the sentence up to there, read when the clause names none. */
  | { kind: 'soft-delete'; entity: string; context?: string; source: RuleSource }
  /** Rows of `entity` are deleted for good: never soft deleted, not even with a soft-deleted parent. */
  | { kind: 'hard-delete'; entity: string; source: RuleSource }
  /** Deleting a `parent` deletes its `child` rows. */
  | { kind: 'cascade'; parent: string; child: string; source: RuleSource }
  /** A `parent` cannot be deleted while `child` rows refer to it: their key is ON DELETE RESTRICT. */
  | { kind: 'restrict'; parent: string; child: string; source: RuleSource }
  /** Deleting a `parent` keeps its `child` rows: the parent is soft deleted. */
  | { kind: 'keep'; parent: string; child: string; source: RuleSource }
  /** `Deleting a user leaves their tickets unassigned`: the child's key to the parent becomes null (ON DELETE SET NULL). */
  | { kind: 'set-null'; parent: string; child: string; source: RuleSource }
  /** `child` rows are soft deleted with their `parent` (both soft deleted). */
  | { kind: 'soft-delete-with'; parent: string; child: string; source: RuleSource }
  /** `entity` may have a parent of its own kind. */
  /** `via`: the word the sentence relates the two rows by (`reply` in `a comment may reply to another comment`), which names the key (`reply_to_id`). */
  | { kind: 'self-reference'; entity: string; via?: string; source: RuleSource }
  /** `from` carries many `to`, and a `to` many `from`. */
  | { kind: 'many-to-many'; from: string; to: string; source: RuleSource }
  /** Each `child` belongs to one `parent`. */
  | { kind: 'belongs-to'; child: string; parent: string; source: RuleSource }
  /** Each `owner` has one `owned`. */
  | { kind: 'has-one'; owner: string; owned: string; source: RuleSource }
  /**
   * A field's rule stated in a sentence (`Customer email must be unique`, `用户名唯一`): `subject`
   * names the field (and its entity, when written); `note` is read as the field's own notes would be.
   */
  | { kind: 'field-note'; subject: string; note: string; source: RuleSource }
  /** The `fields` (as written: `course_id`, `student_id`) are unique together, on the entity holding them all. */
  | { kind: 'unique-together'; fields: string[]; source: RuleSource }
  /** `表名统一加 wms_ 前缀：wms_warehouse、wms_product`: the tables' names, each its entity's name with a prefix or as written. */
  | { kind: 'table-names'; names: string[]; source: RuleSource };

/** `学员（student）`: a word of the document and the name it glosses, either way round. */
export interface GlossaryEntry {
  names: [string, string];
  source: SourceLocation;
}

/** Where a rule was read, and the sentence as written. */
export interface RuleSource extends SourceLocation {
  text: string;
  /** Read under a rules heading: naming no entity is an error, not a passing remark. */
  stated: boolean;
  /** The heading it was read under: a field named without its entity is the field of the entity the heading names, when it names one. */
  section?: string;
}

/** Something the reader did not understand, or understood with a doubt: shown, never fatal. */
export interface DocumentWarning {
  message: string;
  source: SourceLocation;
}

/** A format-independent view of one or more API documents. */
/** An OpenAPI document's text as the user wrote it (JSON or YAML), or its bundle as JSON when it refers to other files. */
export interface OpenApiText {
  /** The document's path, as given. */
  file: string;
  syntax: 'json' | 'yaml';
  text: string;
}

export interface ApiDocument {
  title: string;
  version: string;
  description?: string;
  /** Path prefix taken from the first server URL (`/v2`), or '' when none. */
  basePath: string;
  /** Named schemas, by name, in document order. */
  schemas: Map<string, { schema: SchemaNode; source: SourceLocation }>;
  operations: ApiOperation[];
  /** The security schemes the app can check (the ones operations name); others are notices. */
  securitySchemes?: SecurityScheme[];
  /** Non-data classes (JSON class definitions). */
  components: ComponentDefinition[];
  settings: DocumentSettings;
  sources: string[];
  /** The OpenAPI documents read, as written: what the generated app is checked against. */
  openApiTexts?: OpenApiText[];
  /** Some `$ref` points to another file or a URL: the documents' own bytes do not settle what they say. */
  readsOtherFiles?: boolean;
  /** Rules stated in plain words (markdown requirements and sections). */
  rules?: DocumentRule[];
  /** What the reader skipped or doubted, with where. */
  warnings?: DocumentWarning[];
  /**
   * Two names a heading gives one thing by (`### 4.5 学员（student）`, `## Inquilini (tenants)`):
   * rules written with either name the same entity.
   */
  glossary?: GlossaryEntry[];
  /** What the document holds that the tool read but does not use, each naming its file and place; shown after the run. */
  notices?: string[];
}
