import type { OpenApiText, ResponseEnvelope, SecurityScheme, SourceLocation, TechnologyChoice } from './api-document.js';

/** A field or value type, independent of any target language. */
export type TypeRef =
  | { kind: 'integer'; format?: 'int32' | 'int64' }
  | { kind: 'number'; format?: 'float' | 'double' | 'decimal' }
  | { kind: 'string'; format?: StringFormat }
  | { kind: 'boolean' }
  | { kind: 'enum'; name: string }
  | { kind: 'literal'; values: string[] }
  | { kind: 'object'; name: string }
  | { kind: 'array'; items: TypeRef }
  | { kind: 'map'; values: TypeRef }
  /** `oneOf`/`anyOf` of referenced object schemas; stored as JSON. */
  | { kind: 'union'; variants: TypeRef[]; discriminator?: string }
  | { kind: 'json' }
  | { kind: 'binary' };

export type StringFormat = 'date' | 'date-time' | 'time' | 'uuid' | 'email' | 'uri' | 'byte' | 'password';

export interface Constraints {
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  /** A number's bound the value must pass (`> 0`); an integer's is its next integer as minimum/maximum. */
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  /** A string's regular expression (ECMA-262, unanchored, as JSON Schema reads it), as the document writes it. */
  pattern?: string;
  /** A number's step: the value divided by it is a whole number. */
  multipleOf?: number;
  /** No two items of the array are equal. */
  uniqueItems?: true;
  /**
   * The only values an integer takes, in the order written: the document's integer `enum`, or the
   * codes a note lists each with its meaning (`0 待支付，1 已支付`).
   */
  allowed?: number[];
}

export interface Field {
  /** snake_case identifier in the generated code. */
  name: string;
  /** The property name on the wire, as the document spells it. */
  wireName: string;
  type: TypeRef;
  required: boolean;
  nullable: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  description?: string;
  constraints: Constraints;
  /**
   * Its schema names no type though its keywords describe an object (Azure's `tags: {
   * additionalProperties }`): any JSON value is one of its values by the letter, and a value that
   * is no object is read as none.
   */
  typeless?: true;
  default?: unknown;
  /** Added by the tool, not the document: `id`, `created_at`, `updated_at`, `deleted_at`, a tenant key. */
  system?: boolean;
  /**
   * A moment the database keeps, under the document's own name (`createTime`, `gmt_modified`):
   * set when the row is inserted (`created`) or changed too (`updated`), or when it is soft deleted
   * (`deleted`: the field a rule names, `retired_at` of "we set `retired_at`"). `created_at`,
   * `updated_at` and `deleted_at` are these by their names.
   */
  stamp?: 'created' | 'updated' | 'deleted';
  /** The field is no column: a relation of this name carries it (child rows, or links through a join table). */
  relation?: string;
  /** The field's previous name (`x-renamed-from`), for regeneration. */
  renamedFrom?: string;
  /** What the document says about storing it (`x-unique`, `x-index`, `x-on-delete`, `x-references`). */
  hints?: FieldHints;
  source: SourceLocation;
}

export interface FieldHints {
  unique?: boolean;
  index?: boolean;
  onDelete?: OnDelete;
  references?: string;
  /** Soft deleting the row the key points at soft deletes this row too. */
  softDeleteCascade?: boolean;
  /** The row's primary key, though not named `id`. */
  primaryKey?: boolean;
  /** Why a hint is there when a rule in plain words asked for it, by hint (`unique`, `onDelete`...). */
  why?: Partial<Record<'unique' | 'index' | 'onDelete' | 'references' | 'softDeleteCascade' | 'primaryKey', Reason>>;
}

/** Why the derivation decided something: the rule applied and where in the input it looked. */
export interface Reason {
  rule: string;
  source: SourceLocation;
}

export type OnDelete = 'CASCADE' | 'SET NULL' | 'RESTRICT' | 'NO ACTION';

export interface ForeignKey {
  /** The entity field holding the key. */
  field: string;
  /** The entity referred to, and its key field. */
  target: string;
  targetField: string;
  onDelete: OnDelete;
  reason: Reason;
}

export interface UniqueConstraint {
  fields: string[];
  reason: Reason;
}

export interface Index {
  fields: string[];
  reason: Reason;
}

/** The layers one entity is generated in; class definitions ask for them item by item. */
export const ENTITY_LAYERS = ['domain', 'model', 'repository', 'api'] as const;
export type EntityLayer = (typeof ENTITY_LAYERS)[number];

/**
 * How two entities are linked. `many-to-one` reads from the side holding the key
 * (`Order.user` through `orders.user_id`); its `inverse` names the collection on the other side.
 * `many-to-many` links through a join table. `owned` children are written and deleted with their parent.
 */
export interface Relation {
  name: string;
  kind: 'many-to-one' | 'many-to-many';
  /** The entity holding the key (many-to-one) or the field listing the links (many-to-many). */
  from: string;
  to: string;
  /** many-to-one: the key field on `from`. many-to-many: the list field on `from` (`tag_ids`, `tags`). */
  field: string;
  /** Attribute on `from` that reads the other side (`user`, `tags`). */
  attribute: string;
  /** Attribute on `to` that reads back (`orders`), absent when nothing reads back. */
  inverse?: string;
  onDelete: OnDelete;
  selfReference: boolean;
  owned: boolean;
  /** many-to-one: soft deleting the `to` row soft deletes the `from` rows that point at it. */
  softDeleteCascade?: boolean;
  joinTable?: { table: string; fromColumn: string; toColumn: string };
  reason: Reason;
}

export interface PrimaryKey {
  field: string;
  type: TypeRef;
  /** Values are produced by the database or the application, not sent by clients on create. */
  generated: boolean;
  /** For a generated text key (no UUID column): the text the app gives it, which every constraint on it takes. */
  assignedText?: AssignedText;
}

/** A text the app makes up: a UUID's text, or the first `digits` hex digits of a UUID. */
/** A UUID's text, or hex digits of one after a literal prefix the document's pattern asks for (`fsap-` of `^fsap-[0-9a-f]{8,40}$`). */
export type AssignedText = { form: 'uuid-text' } | { form: 'hex'; digits: number; prefix?: string };

export type CrudKind = 'list' | 'get' | 'create' | 'update' | 'patch' | 'delete';

export interface Entity {
  name: string;
  /** snake_case singular, used for module and variable names. */
  slug: string;
  table: string;
  schemaName: string;
  description?: string;
  fields: Field[];
  primaryKey: PrimaryKey;
  foreignKeys: ForeignKey[];
  uniques: UniqueConstraint[];
  indexes: Index[];
  /** Rows carry `deleted_at` (or `softDeleteField`); reads hide them and DELETE sets it. */
  softDelete: boolean;
  /**
   * The document's own field DELETE sets, where a rule names one or the entity declares a
   * deletion flag: a date-time (`retired_at`), a boolean (`is_deleted`), or a text or integer flag
   * (`del_flag`, with `softDeleteFlag`); else `deleted_at`, added.
   */
  softDeleteField?: string;
  /** For a text or integer mark: its value while the row is live and once it is deleted (`"0"`, `"2"`). */
  softDeleteFlag?: SoftDeleteFlag;
  /** The tenant column uniques are scoped by, when the entity has one. */
  tenantField?: string;
  /** The entity this one's rows belong to (an array of nested objects became this child table). */
  owner?: { entity: string; field: string };
  /**
   * The fields a nested collection's path sets (`account_id` from `/accounts/{accountId}/invoices`),
   * each added by the tool beside the document's properties: no body carries them.
   */
  pathScope?: string[];
  layers: EntityLayer[];
  renamedFrom?: string;
  /** `writeOnly`: why fields a write's body sends and no answer shows were added (derive/body-fields.ts). */
  reasons: { table: Reason; softDelete?: Reason; primaryKey?: Reason; writeOnly?: Reason; stamps?: Reason };
  source: SourceLocation;
}

/** A named object type used on the wire but not persisted as its own table. */
export interface ObjectType {
  name: string;
  description?: string;
  fields: Field[];
  /** Extra keys allowed (`additionalProperties`). */
  open: boolean;
  /** The table its schema names (`x-table-name`, a database design's), where its rows are stored as a child table. */
  table?: string;
  source: SourceLocation;
}

export interface EnumType {
  name: string;
  values: string[];
  description?: string;
  source: SourceLocation;
}

export interface Parameter {
  name: string;
  wireName: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  type: TypeRef;
  required: boolean;
  description?: string;
  default?: unknown;
  constraints: Constraints;
  /**
   * What a CRUD operation uses the parameter for. `scope`: a parameter of a nested collection's
   * path (`accountId` of `/accounts/{accountId}/invoices`), stored in `field` when a row is created
   * and matched when rows are listed or found. `offset`: the count of rows a list skips
   * (`offset=20`, `start`, `$skip`), where the document pages so rather than by page number.
   */
  role: 'key' | 'scope' | 'filter' | 'page' | 'offset' | 'limit' | 'sort' | 'direction' | 'extra';
  /** For filters and scopes: the entity field compared with. */
  field?: string;
  /** For filters: how the field is compared with the value (`min_price`: price ≥ value). */
  comparison?: FilterComparison;
  /** For filters typed unlike their field: how the value becomes one the field holds (see FilterConversion). */
  conversion?: FilterConversion;
  /** For sorts: the values the document lists, each with the field it orders by. */
  sortValues?: SortValue[];
  /** A path parameter whose value holds a `/`: it fills several segments of the path (`{scope}`: `subscriptions/1/resourceGroups/rg`). */
  spansSegments?: true;
}

/** A documented sort value (less its `-`), and the entity field it orders by; none when the entity stores none. */
export interface SortValue {
  value: string;
  field?: string;
}

/** `in`: the parameter is a list of values, one of which the field equals. */
/** `contains`: the field's text holds the value, in any case (a search by part of a name, `模糊查询`). */
export type FilterComparison = 'eq' | 'in' | 'gte' | 'lte' | 'gt' | 'lt' | 'contains';

/**
 * How a filter's value becomes one its field holds. `parse`: a text read as the field's type (a
 * number, a date-time...); a text that does not read so matches no row. `date`: a date-time's day,
 * over a date. `day`: a date over a date-time, any moment of that day (UTC). `text`: a value's
 * text (ISO 8601 for a date), over a text field.
 */
export type FilterConversion = 'parse' | 'date' | 'day' | 'text';

export interface Body {
  /** JSON bodies have a type; other media types are passed through as raw bytes. */
  type?: TypeRef;
  contentType: string;
  required: boolean;
  /** Text media types (`text/plain`) the document also declares for this JSON body: its JSON, sent as text. */
  jsonAsText?: string[];
  /** Its schema names no type (Azure's), so any JSON value, `null` too, is one of its values: a write reads one that is no object as an empty one. */
  nullable?: true;
}

export interface ResponseShape {
  status: number;
  type?: TypeRef;
  /** For lists: how the page is represented (a plain array with a total header, or a wrapper object). */
  page?: { kind: 'array' } | { kind: 'wrapper'; typeName: string; itemsField: string; totalField?: string; pageField?: string; offsetField?: string; limitField?: string; nextField?: string };
  /** The wrapper the answer (or, where it has none, nothing) is sent in. */
  envelope?: ResponseEnvelope;
}

/**
 * A value the app puts in an error body when it answers: the status code (a number, or its digits
 * as text), its reason phrase (`Not Found`), the error's message, a code naming the error
 * (`not_found`), the request's id (as it came, or as a UUID), the time, the request's path.
 */
export type ErrorSlot = 'status' | 'status-text' | 'reason' | 'message' | 'code' | 'request-id' | 'request-uuid' | 'timestamp' | 'path';

/** An error body as the document declares it: JSON whose leaves are fixed values or slots the app fills. */
export type ErrorBody =
  | { kind: 'slot'; slot: ErrorSlot }
  | { kind: 'value'; value: string | number | boolean | null }
  | { kind: 'object'; properties: { name: string; value: ErrorBody }[] }
  | { kind: 'array'; items: ErrorBody[] };

/** How one error status is answered where the document declares its body: the media type and the body's shape. */
export interface ErrorResponse {
  status: number;
  contentType: string;
  body: ErrorBody;
}

export interface Operation {
  /** snake_case function name, unique across the model. */
  name: string;
  method: string;
  path: string;
  summary?: string;
  description?: string;
  /** The router the operation belongs to. */
  group: string;
  /** `action`: a request on a row that sets one of its fields to a value (`sets`), as `POST /orders/{id}/cancel` does. */
  kind: CrudKind | 'action' | 'custom';
  entity?: string;
  /**
   * For action: what its verb sets (`status` to `cancelled`, `completed_at` to the time of the
   * request), and why.
   */
  sets?: { changes: StateChange[]; reason: Reason };
  /**
   * For item operations: the entity field the path parameter (`keyParam`) selects on. An update
   * without `keyParam` reads its primary key from the body (`PUT /pet`).
   */
  keyField?: string;
  keyParam?: string;
  params: Parameter[];
  body?: Body;
  /**
   * For create/update/patch: which entity fields the body carries, and which of them it requires.
   * `ignored`: fields the body may also carry that the operation does not set (the key the app
   * assigns, a field read-only on the row): checked as the document types them, then not used.
   */
  input?: { fields: string[]; required: string[]; ignored?: string[] };
  /**
   * The error answers the document declares a body for (`404`, `4XX`, `default`): an index into
   * `DomainModel.errorResponses`, shared by operations that declare the same ones.
   */
  errors?: number;
  /** For create: the body is a list of rows (Petstore's `/user/createWithList`), created at once or none. */
  batch?: boolean;
  /**
   * For update: the replace also creates the row its path names when there is none (Azure's
   * `PUT .../jobCollections/{jobCollectionName}`, where no POST creates), answering `createdStatus`.
   */
  upsert?: { createdStatus: number };
  response: ResponseShape;
  /** Alternatives of the security schemes that must all accept a request; undefined: public. */
  security?: string[][];
  source: SourceLocation;
}

/** The values of a deletion flag while live and once deleted (`del_flag`: `"0"`, `"2"`; a boolean's: false, true). */
export interface SoftDeleteFlag {
  live: string | number | boolean;
  deleted: string | number | boolean;
}

/** A field an action sets: to a value, or (`now`) to the time of the request. */
export type StateChange = { field: string; value: string | boolean } | { field: string; now: true };

export interface DomainModel {
  title: string;
  version: string;
  description?: string;
  basePath: string;
  entities: Entity[];
  objectTypes: ObjectType[];
  enums: EnumType[];
  relations: Relation[];
  operations: Operation[];
  /** The distinct sets of error answers operations declare (`Operation.errors`), each by status. */
  errorResponses?: ErrorResponse[][];
  /** The set most operations declare: how a request no operation takes is answered (a path nothing serves). */
  documentErrors?: number;
  /** The security schemes operations require (`Operation.security` names them). */
  securitySchemes?: SecurityScheme[];
  /** The database the documents chose (markdown tech-stack table); the run's option wins when given. */
  database?: 'postgresql' | 'mysql' | 'sqlite';
  /** Where the documents made that choice. */
  databaseSource?: SourceLocation;
  /** The language, framework and ORM the documents ask for (markdown tech stack): the stack must be one that writes them. */
  technologies?: TechnologyChoice[];
  /** Repositories, adapters and pipeline steps of class definitions (see the last section). */
  components?: Component[];
  /** Classes the components refer to that the input does not define. */
  placeholders?: Placeholder[];
  /** For entities made from class definitions: the items that asked for each layer. */
  entityItems?: EntityClassItems[];
  /** What the readers skipped or doubted (a rule sentence not understood), with where. */
  warnings?: { message: string; source: SourceLocation }[];
  /**
   * The OpenAPI documents as written, for checking the generated app against them. Left out of
   * `infra-stack model --json` and of the snapshot a regeneration compares.
   */
  openApiTexts?: OpenApiText[];
}

// ---------------------------------------------------------------------------
// JSON class definitions: components, placeholders, and the items behind entities.
// ---------------------------------------------------------------------------

/** The non-data layers of class definitions. */
export type ComponentKind = 'repository' | 'adapter' | 'pipeline_step';

/** An attribute, a parameter or (named `return`) a return value of a component. */
export interface TypedValue {
  name: string;
  type: TypeRef;
  nullable: boolean;
  /** The type as the input wrote it (`Optional[Customer]`). */
  written: string;
}

export interface MethodSignature {
  name: string;
  description?: string;
  parameters: TypedValue[];
  /** Absent when the method returns None. */
  returns?: TypedValue;
}

/** A repository, adapter or pipeline step the input defines: a class of the stack, not a table. */
export interface Component {
  name: string;
  /** snake_case, for module names. */
  slug: string;
  layer: ComponentKind;
  description?: string;
  /** Constructor attributes, in the order written (`db_session: Session`). */
  attributes: TypedValue[];
  methods: MethodSignature[];
  /** Ports and classes its constructor is given, as written. */
  dependencies: string[];
  /** The port it implements: `app.application.interfaces.payment.IPaymentGateway` → module + name. */
  implements?: { module?: string; name: string };
  /** Settings it reads. */
  config: string[];
  /** Repositories: the entity (or, when none is defined, the class) it persists. */
  entity?: string;
  source: SourceLocation;
}

/**
 * A class the components refer to that the input does not define: an entity with no
 * `domain/entity` item, or a port (`IPaymentGateway`), which class definitions never define.
 */
export interface Placeholder {
  name: string;
  kind: 'entity' | 'port';
  /** Names of the components referring to it, sorted. */
  referencedBy: string[];
}

/** The class names the input gave an entity's layers, so generated files map back to items. */
export interface EntityClassItems {
  /** The entity's name in this model. */
  entity: string;
  domain?: string;
  model?: string;
  repository?: string;
}

/** What class definitions add to a DomainModel (the optional tail of DomainModel). */
export interface ClassDefinitionParts {
  components: Component[];
  placeholders: Placeholder[];
  entityItems: EntityClassItems[];
}
