import { InfraStackError } from '../../errors.js';

/**
 * The YAML reader used for line numbers also accepts comments and trailing commas; a class
 * definitions file is JSON, so those are refused here with the line and column. The scan is
 * our own because the messages of `JSON.parse` do not always say where.
 */
export function assertStrictJson(file: string, text: string): void {
  const problem = firstJsonSyntaxError(text);
  if (problem) throw new InfraStackError(`malformed JSON: ${problem.message}`, { file, location: lineAndColumn(text, problem.position) });
}

interface SyntaxProblem {
  position: number;
  message: string;
}

class Stop extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The first place where `text` is not JSON (RFC 8259), or undefined when it is. */
export function firstJsonSyntaxError(text: string): SyntaxProblem | undefined {
  let at = 0;
  const stop = (message: string): never => {
    throw new Stop({ position: at, message });
  };
  const shown = () => (at < text.length ? JSON.stringify(text[at]) : 'the end of the file');
  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at += 1;
  };
  const string = () => {
    at += 1;
    while (at < text.length && text[at] !== '"') {
      if (text[at] === '\\') at += 1;
      else if (text.charCodeAt(at) < 0x20) stop('a line break or control character inside a string');
      at += 1;
    }
    if (at >= text.length) stop('a string is not closed');
    at += 1;
  };
  const value = (): void => {
    skipSpace();
    const char = text[at];
    if (char === '{') return object();
    if (char === '[') return array();
    if (char === '"') return string();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, at)) {
        at += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = at;
    if (NUMBER.test(text)) {
      at = NUMBER.lastIndex;
      return;
    }
    stop(`expected a value, found ${shown()}`);
  };
  const members = (close: string, member: () => void, what: string) => {
    at += 1;
    skipSpace();
    if (text[at] === close) {
      at += 1;
      return;
    }
    for (;;) {
      member();
      skipSpace();
      if (text[at] === close) {
        at += 1;
        return;
      }
      if (text[at] !== ',') stop(`expected "," or "${close}", found ${shown()}`);
      at += 1;
      skipSpace();
      if (text[at] === close) stop(`a trailing comma before "${close}": expected ${what}`);
    }
  };
  const object = () =>
    members(
      '}',
      () => {
        skipSpace();
        if (text[at] !== '"') stop(`expected a double-quoted key, found ${shown()}`);
        string();
        skipSpace();
        if (text[at] !== ':') stop(`expected ":", found ${shown()}`);
        at += 1;
        value();
      },
      'another key',
    );
  const array = () => members(']', value, 'another value');
  try {
    if (text.charCodeAt(0) === 0xfeff) at = 1;
    value();
    skipSpace();
    if (at < text.length) stop(`unexpected ${shown()} after the end of the JSON value`);
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return error.problem;
    throw error;
  }
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
