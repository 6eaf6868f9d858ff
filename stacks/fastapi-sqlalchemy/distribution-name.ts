/**
 * What `pip install -e '.[dev]'` puts in the backend's environment besides the backend itself:
 * pyproject.toml's requirements and what they require in turn, at its version ranges. A backend
 * distribution of one of these names would require itself (a document titled "FastAPI" made a
 * project `fastapi` requiring `fastapi[standard]`: unsatisfiable).
 */
export const INSTALLED_DISTRIBUTIONS: ReadonlySet<string> = new Set(
  (
    'agent-detector aiosqlite alembic annotated-doc annotated-types anyio ast-serialize asyncmy asyncpg certifi ' +
    'charset-normalizer click coverage detect-installer dnspython email-validator fastapi fastapi-cli fastapi-cloud-cli ' +
    'fastar googleapis-common-protos graphql-core greenlet h11 harfile httpcore httpcore2 httptools httpx httpx2 ' +
    'hypothesis hypothesis-graphql idna iniconfig jinja2 jsonschema-rs librt mako markdown-it-py markupsafe mdurl mypy ' +
    'mypy-extensions opentelemetry-api opentelemetry-exporter-http-transport opentelemetry-exporter-otlp-common ' +
    'opentelemetry-exporter-otlp-proto-common opentelemetry-exporter-otlp-proto-http opentelemetry-proto opentelemetry-sdk ' +
    'opentelemetry-semantic-conventions packaging pathspec pluggy protobuf pydantic pydantic-core pydantic-extra-types ' +
    'pydantic-settings pygments pyjwt pyrate-limiter pytest pytest-asyncio pytest-cov pytest-httpserver python-dotenv ' +
    'python-multipart pyyaml requests rich rich-toolkit rignore ruff schemathesis sentry-sdk shellingham sortedcontainers ' +
    'sqlalchemy starlette truststore typer typing-extensions typing-inspection urllib3 uvicorn uvloop watchfiles ' +
    'websockets werkzeug'
  ).split(' '),
);

/** The document's title as a distribution name (PEP 503 normalized): `Shop API` is `shop-api`. */
export function titleSlug(title: string): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? 'generated-backend' : slug;
}

/** The backend's distribution name: its title's, unless something it installs has that name (`fastapi-backend`). */
export function distributionName(title: string): string {
  const slug = titleSlug(title);
  return INSTALLED_DISTRIBUTIONS.has(slug) ? `${slug}-backend` : slug;
}
