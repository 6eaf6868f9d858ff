/**
 * The type expressions class definitions write (`int`, `Optional[Customer]`, `dict[str, Any]`,
 * `datetime or None`), parsed into a small tree. Only unions with `None` are types here:
 * `X | None`, `X or None`, `Optional[X]`, `Union[X, None]` all become `{ kind: 'optional' }`.
 */
export type TypeExpression =
  | { kind: 'name'; name: string }
  | { kind: 'generic'; name: string; args: TypeExpression[] }
  | { kind: 'optional'; inner: TypeExpression };

/** A type text that does not parse; the message says what was expected. */
export class TypeSyntaxError extends Error {}

type Token = { kind: 'name' | '[' | ']' | ',' | '|'; text: string };

const TOKEN = /\s*(?:([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)|([[\],|]))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let position = 0;
  while (position < text.length) {
    if (/^\s*$/.test(text.slice(position))) break;
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(text);
    if (!match) throw new TypeSyntaxError(`unexpected "${text.slice(position).trim()[0]}"`);
    position = TOKEN.lastIndex;
    if (match[1] === 'or') tokens.push({ kind: '|', text: 'or' });
    else if (match[1] !== undefined) tokens.push({ kind: 'name', text: match[1] });
    else tokens.push({ kind: match[2] as Token['kind'], text: match[2]! });
  }
  return tokens;
}

const OPTIONAL_WRAPPERS = new Set(['Optional', 'typing.Optional']);
const UNION_WRAPPERS = new Set(['Union', 'typing.Union']);

export function isNone(expression: TypeExpression): boolean {
  return expression.kind === 'name' && expression.name === 'None';
}

/** `X | None` is optional X; `None | None` is None; several non-None members are refused. */
function union(members: TypeExpression[], text: string): TypeExpression {
  const others = members.filter((member) => !isNone(member));
  if (others.length === 0) return { kind: 'name', name: 'None' };
  if (others.length > 1) throw new TypeSyntaxError(`"${text}" is a union of several types: expected one type, optionally with "| None"`);
  const [only] = others as [TypeExpression];
  return others.length < members.length && only.kind !== 'optional' ? { kind: 'optional', inner: only } : only;
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  parseAll(): TypeExpression {
    if (this.tokens.length === 0) throw new TypeSyntaxError('the type is empty');
    const expression = this.union();
    const rest = this.tokens[this.index];
    if (rest) throw new TypeSyntaxError(`unexpected "${rest.text}"`);
    return expression;
  }

  private union(): TypeExpression {
    const members = [this.primary()];
    while (this.peek()?.kind === '|') {
      this.index += 1;
      members.push(this.primary());
    }
    return members.length === 1 ? members[0]! : union(members, this.text);
  }

  private primary(): TypeExpression {
    const token = this.next();
    if (token?.kind !== 'name') throw new TypeSyntaxError(token ? `unexpected "${token.text}"` : 'the type ends too early');
    if (this.peek()?.kind !== '[') return { kind: 'name', name: token.text };
    this.index += 1;
    const args = [this.union()];
    while (this.peek()?.kind === ',') {
      this.index += 1;
      args.push(this.union());
    }
    if (this.next()?.kind !== ']') throw new TypeSyntaxError(`"[" after ${token.text} is not closed`);
    if (OPTIONAL_WRAPPERS.has(token.text)) {
      if (args.length !== 1) throw new TypeSyntaxError('Optional takes one type');
      return union([args[0]!, { kind: 'name', name: 'None' }], this.text);
    }
    if (UNION_WRAPPERS.has(token.text)) return union(args, this.text);
    return { kind: 'generic', name: token.text, args };
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token | undefined {
    const token = this.tokens[this.index];
    this.index += 1;
    return token;
  }
}

/** Parses a type text; throws TypeSyntaxError with what went wrong. */
export function parseTypeExpression(text: string): TypeExpression {
  return new Parser(tokenize(text), text.trim()).parseAll();
}
