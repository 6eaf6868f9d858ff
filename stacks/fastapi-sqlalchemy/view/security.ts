import { toSnake, type DomainModel, type SecurityScheme } from '../../../core/index.js';
import { NameScope, pyName } from '../python/identifiers.js';
import { PythonImports } from '../python/imports.js';
import { pyCall, pyFormat, pyParameter, pyParse } from '../python/layout.js';
import { pyString } from '../python/names.js';

export const SECURITY_MODULE = 'app.presentation.api.v1.security';

/** One scheme of the document as `security.py` checks it. */
export interface SchemeView {
  kind: SecurityScheme['kind'];
  /** `APIKeyHeader`, `HTTPBearer`...: the FastAPI class that reads the credential. */
  readerClass: string;
  /** `_api_key_credentials = APIKeyHeader(name="api_key", ...)` */
  readerLine: string;
  /** `credential: Annotated[str | None, Security(_api_key_credentials)]` */
  credentialParameter: string;
  /** `an API key`, `a bearer token`, `a user and password`. */
  credentialWords: string;
  /** `async def <checker>(...) -> bool`: whether the request carries a credential the settings accept. */
  checker: string;
  /** What a 401 of a route asking for this scheme first names in WWW-Authenticate. */
  challenge: string;
}

/** A dependency a route takes: some alternative of schemes accepts the request, else 401. */
export interface RequirementView {
  name: string;
  /** One `<checker>_result: Annotated[bool, Depends(<checker>)]` per checker it depends on. */
  parameters: string[];
  /** `if not (a or b and c):`, laid out as ruff would. */
  test: string;
  /** Every checker it depends on, once, in order. */
  checkers: string[];
  /**
   * Per alternative, `pytest.param(Case(requirement, accepted, refused, challenge), id=...)` laid out
   * as a list item: httpx keyword arguments (Python dicts) carrying its credentials, accepted and
   * wrong, and what the 401's WWW-Authenticate asks for (`Bearer`, `Basic realm="api"`...).
   */
  cases: string[];
  /** `Bearer`, `Basic realm="api"` or `ApiKey header="…"`: what the 401's WWW-Authenticate asks for. */
  challengeLiteral: string;
}

export interface SecurityView {
  schemes: SchemeView[];
  /** The `from fastapi.security import ...` block. */
  securityImports: string;
  requirements: RequirementView[];
  /** Which kinds of credentials the settings must hold. */
  apiKeys: boolean;
  bearer: boolean;
  basic: boolean;
  /** The requirement a route depends on, by operation name. */
  requirementOf: ReadonlyMap<string, string>;
}

/** What `security.py`, the settings, the routes and the tests need to check the document's security. */
export function securityView(model: DomainModel): SecurityView | undefined {
  const schemes = model.securitySchemes ?? [];
  if (schemes.length === 0) return undefined;
  // Module-level names of security.py; the readers' get a leading underscore (private to the module).
  const scope = new NameScope('function');
  const views = new Map<string, SchemeView>();
  const schemeOf = new Map(schemes.map((scheme) => [scheme.name, scheme]));
  for (const scheme of schemes) {
    const stem = pyName(toSnake(scheme.name), 'function');
    const readerAttr = `_${scope.name(`${stem}_credentials`, `reader of ${scheme.name}`)}`;
    const [readerClass, readerArgs] = readerOf(scheme);
    views.set(scheme.name, {
      kind: scheme.kind,
      readerClass,
      readerLine: pyCall(readerClass, readerArgs, 0, `${readerAttr} = `),
      credentialParameter: pyParameter(`credential: Annotated[${CREDENTIAL_TYPES[scheme.kind]} | None, Security(${readerAttr})]`, 4),
      credentialWords: scheme.kind === 'apiKey' ? 'an API key' : scheme.kind === 'bearer' ? 'a bearer token' : 'a user and password',
      checker: scope.name(`${stem}_accepts`, `checker of ${scheme.name}`),
      challenge: challengeOf(scheme),
    });
  }
  const requirements = new Map<string, RequirementView>();
  const requirementOf = new Map<string, string>();
  for (const op of model.operations) {
    if (!op.security) continue;
    const key = JSON.stringify(op.security);
    let requirement = requirements.get(key);
    if (!requirement) {
      const alternatives = op.security.map((names) => names.map((name) => views.get(name)!.checker));
      const checkers = [...new Set(alternatives.flat())];
      const result = (checker: string) => `${checker.replace(/_accepts$/, '')}_accepted`;
      const name = scope.name(`require_${pyName(op.security.map((names) => names.map((name) => toSnake(name)).join('_and_')).join('_or_'), 'function')}`.slice(0, 50), `requirement ${key}`);
      const challenge = pyString(views.get(op.security[0]![0]!)!.challenge);
      requirement = {
        name,
        parameters: checkers.map((checker) => pyParameter(`${result(checker)}: Annotated[bool, Depends(${checker})]`, 4)),
        test: notAnyOf(alternatives.map((names) => names.map(result))),
        cases: op.security.map((names, index) => {
          const used = names.map((name) => schemeOf.get(name)!);
          const testCase = `Case(${name}, ${requestArguments(used, true)}, ${requestArguments(used, false)}, ${challenge})`;
          return pyFormat(pyParse(`pytest.param(${testCase}, id=${pyString(`${names.join(' and ')} (${index + 1})`)})`), 4, '', ',');
        }),
        checkers,
        challengeLiteral: challenge,
      };
      requirements.set(key, requirement);
    }
    requirementOf.set(op.name, requirement.name);
  }
  // Core keeps only the schemes some operation requires: each one here is used.
  const used = [...views.values()];
  const readers = used.map((view) => view.readerClass);
  const credentials = used.map((view) => CREDENTIAL_TYPES[view.kind]).filter((type) => type !== 'str');
  return {
    schemes: used,
    securityImports: new PythonImports().add('fastapi.security', ...new Set([...readers, ...credentials])).render(),
    requirements: [...requirements.values()],
    apiKeys: used.some((s) => s.kind === 'apiKey'),
    bearer: used.some((s) => s.kind === 'bearer'),
    basic: used.some((s) => s.kind === 'basic'),
    requirementOf,
  };
}

function challengeOf(scheme: SecurityScheme): string {
  if (scheme.kind === 'apiKey') return `ApiKey ${scheme.in}="${scheme.parameter}"`;
  return scheme.kind === 'bearer' ? 'Bearer' : 'Basic realm="api"';
}

const CREDENTIAL_TYPES: Record<SecurityScheme['kind'], string> = { apiKey: 'str', bearer: 'HTTPAuthorizationCredentials', basic: 'HTTPBasicCredentials' };

/** The FastAPI class that reads a scheme's credential, and its arguments (never a 403 of its own). */
function readerOf(scheme: SecurityScheme): [string, string[]] {
  const named = [`scheme_name=${pyString(scheme.name)}`, 'auto_error=False'];
  if (scheme.kind !== 'apiKey') return [scheme.kind === 'bearer' ? 'HTTPBearer' : 'HTTPBasic', named];
  const reader = scheme.in === 'header' ? 'APIKeyHeader' : scheme.in === 'query' ? 'APIKeyQuery' : 'APIKeyCookie';
  return [reader, [`name=${pyString(scheme.parameter)}`, ...named]];
}

/** `if not (a or b and c):`, each operand on its own line when too long, as ruff splits a boolean chain. */
function notAnyOf(alternatives: string[][]): string {
  if (alternatives.length === 1 && alternatives[0]!.length === 1) return `if not ${alternatives[0]![0]!}:`;
  const flat = `if not (${alternatives.map((names) => names.join(' and ')).join(' or ')}):`;
  if (4 + flat.length <= 100) return flat;
  const operands = alternatives.flatMap((names, i) => names.map((name, j) => `${j > 0 ? 'and ' : i > 0 ? 'or ' : ''}${name}`));
  return `if not (\n${operands.map((operand) => `        ${operand}`).join('\n')}\n    ):`;
}


/**
 * `{"headers": {...}, "params": {...}, "auth": (...)}`: how a test sends the credentials of a set of
 * schemes (API_KEY, TOKEN, the user `tester`, as tests/unit/test_security.py configures them), or wrong ones.
 */
function requestArguments(schemes: SecurityScheme[], accepted: boolean): string {
  // Two schemes may read one place (two bearer schemes the Authorization header, two API keys one
  // query parameter): one entry each.
  const headers = new Map<string, string>();
  const params = new Map<string, string>();
  let auth: string | undefined;
  for (const scheme of schemes) {
    if (scheme.kind !== 'apiKey') {
      if (scheme.kind === 'bearer') headers.set('"Authorization"', accepted ? 'f"Bearer {TOKEN}"' : '"Bearer not-a-token"');
      else auth = accepted ? '("tester", PASSWORD)' : '("tester", "wrong")';
    } else {
      const key = accepted ? 'API_KEY' : '"wrong"';
      if (scheme.in === 'header') headers.set(pyString(scheme.parameter), key);
      else if (scheme.in === 'query') params.set(pyString(scheme.parameter), key);
      else headers.set('"Cookie"', accepted ? `f"${scheme.parameter}={API_KEY}"` : `"${scheme.parameter}=wrong"`);
    }
  }
  const parts = [
    ...(headers.size > 0 ? [`"headers": {${[...headers].map(([name, value]) => `${name}: ${value}`).join(', ')}}`] : []),
    ...(params.size > 0 ? [`"params": {${[...params].map(([name, value]) => `${name}: ${value}`).join(', ')}}`] : []),
    ...(auth ? [`"auth": ${auth}`] : []),
  ];
  return `{${parts.join(', ')}}`;
}
