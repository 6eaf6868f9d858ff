/**
 * The names the generated code takes from libraries, and the module each comes from. The import
 * block of every generated module is completed from this table (./import-resolver.ts), and the
 * naming rules (./identifiers.ts) keep the document's names off every one of them, so a name the
 * code uses always means the library's thing and is always imported.
 *
 * A name two libraries export (`Path`: pathlib or fastapi, `Enum`: enum or sqlalchemy, `Request`:
 * fastapi or werkzeug) has no entry: the module using it imports it itself, and is never completed
 * with a wrong guess. Such names are still kept off the document's names (AMBIGUOUS_NAMES).
 */
const BY_MODULE: Record<string, readonly string[]> = {
  abc: ['ABC', 'abstractmethod'],
  'collections.abc': ['AsyncIterator', 'Awaitable', 'Callable', 'Iterator', 'Mapping', 'Sequence'],
  contextlib: ['asynccontextmanager'],
  dataclasses: ['asdict', 'dataclass', 'field', 'fields', 'replace'],
  datetime: ['UTC', 'date', 'datetime', 'time', 'timedelta', 'timezone'],
  decimal: ['Decimal', 'InvalidOperation'],
  enum: ['StrEnum'],
  functools: ['lru_cache'],
  'logging.config': ['fileConfig'],
  typing: ['Annotated', 'Any', 'ClassVar', 'Generic', 'Literal', 'Self', 'TypeVar', 'cast'],
  // typing.override from Python 3.12 on; the backend runs on 3.11 too.
  typing_extensions: ['override'],
  uuid: ['UUID', 'uuid4'],
  alembic: ['context', 'op'],
  fastapi: ['APIRouter', 'Body', 'Cookie', 'Depends', 'FastAPI', 'Header', 'Query', 'status'],
  'fastapi.encoders': ['jsonable_encoder'],
  'fastapi.exceptions': ['RequestValidationError'],
  'fastapi.responses': ['JSONResponse'],
  httpx: ['ASGITransport', 'AsyncClient'],
  pydantic: ['AliasChoices', 'BaseModel', 'ConfigDict', 'EmailStr', 'Field', 'SecretStr', 'StrictBool', 'TypeAdapter', 'ValidationError'],
  pydantic_core: ['to_jsonable_python'],
  pydantic_settings: ['BaseSettings', 'SettingsConfigDict'],
  pytest_httpserver: ['HTTPServer'],
  sqlalchemy: [
    'BigInteger', 'Boolean', 'Date', 'DateTime', 'Float', 'ForeignKey', 'Index', 'Integer', 'JSON', 'LargeBinary', 'MetaData',
    'Numeric', 'Select', 'String', 'Text', 'Time', 'UniqueConstraint', 'Uuid', 'event', 'func', 'inspect', 'select',
  ],
  'sqlalchemy.engine': ['Connection'],
  'sqlalchemy.exc': ['IntegrityError', 'SQLAlchemyError'],
  'sqlalchemy.ext.asyncio': ['AsyncEngine', 'AsyncSession', 'async_sessionmaker', 'create_async_engine'],
  'sqlalchemy.orm': ['DeclarativeBase', 'InstrumentedAttribute', 'Mapped', 'mapped_column', 'relationship'],
  'sqlalchemy.pool': ['NullPool'],
};

/**
 * Library names used only by modules that declare none of the document's names (the app factory,
 * the error handlers, the database session, migrations, test fixtures): a field or parameter of
 * that name shadows nothing, and keeps its name (`status`, `context`, `select` are common fields).
 */
export const UNSHADOWED_NAMES: ReadonlySet<string> = new Set([
  'status', 'context', 'op', 'event', 'inspect', 'select', 'fileConfig', 'lru_cache', 'asynccontextmanager', 'jsonable_encoder',
  'to_jsonable_python', 'async_sessionmaker', 'create_async_engine', 'timezone', 'timedelta', 'asdict',
]);

/** Names more than one library the generated code uses exports: imported by hand where used. */
export const AMBIGUOUS_NAMES: readonly string[] = ['Enum', 'Path', 'Request', 'Response'];

/** Library name → its module, for names one library alone exports. */
export const LIBRARY_SYMBOLS: ReadonlyMap<string, string> = new Map(
  Object.entries(BY_MODULE).flatMap(([module, names]) => names.map((name): [string, string] => [name, module])),
);

/**
 * Names the generated code defines or imports from its own package at module level, which the
 * document's names must not take either (a handler called `router`, an operation called `replace`).
 */
export const STACK_NAMES: readonly string[] = [
  'router', 'api_router', 'app', 'entities', 'settings', 'logger', 'to_plain', 'utc_now', 'enum_values', 'get_session',
  'get_settings', 'enforce_foreign_keys', 'create_app', 'Base', 'Settings', 'Page', 'RepositoryPort', 'SqlAlchemyRepository',
  'InMemoryRepository', 'EntityNotFoundError', 'EntityAlreadyExistsError', 'DomainError', 'OperationNotImplementedError',
  'SessionDep', 'DEFAULT_PAGE_SIZE', 'MAX_PAGE_SIZE', 'HttpService', 'MayOmit', 'OmitIfNone', 'JsonInt', 'JsonNumber', 'absent_body', 'empty_body', 'object_or_empty', 'object_or_none',
  // The dialect module the models' column types name (`mysql.LONGTEXT()`): a `mysql` field would shadow it in the class body.
  'mysql',
];
