import { PythonImports } from './imports.js';
import { LIBRARY_SYMBOLS } from './symbols.js';

/**
 * Computes the imports of a generated module from what its code uses, whatever template or view
 * wrote it: each library name of ./symbols.ts the code refers to, and neither imports nor
 * defines, is imported (a view that annotates a parameter `UUID` cannot leave the module without
 * `from uuid import UUID`), and each name the leading import block binds that the code never
 * uses is dropped (a router whose operations all answer 204 imports no `*Read` schema).
 *
 * The module's leading import block is read and written again in ruff's order (PythonImports);
 * a module that misses nothing and imports nothing in vain comes back unchanged. Names the code
 * only spells inside strings, comments, after a dot (`x.date`) or as a keyword argument (`date=`)
 * are not uses, except a string that reads as a type (`"Order | None"`, a forward reference).
 * A package's `__init__.py`, a module with `__all__` and a block holding comments (`# noqa`)
 * import on purpose: nothing is dropped from them. A module needing a name that no import block
 * can take (its block holds comments or conditional code) is an error, not a guess.
 */
export function completeImports(path: string, text: string): string {
  const code = codeTokens(text);
  try {
    return withUsedImports(path, text, code);
  } finally {
    code.clear();
  }
}

function withUsedImports(path: string, text: string, code: Tokens): string {
  const missing = new Set<string>();
  const imported = new Set<string>();
  const defined = new Set<string>();
  const used = new Set<string>();
  const { texts, kinds, depths, flags } = code;
  // The parameter list being read, if any: of a `def` (up to its closing bracket) or a `lambda` (up to its colon).
  let parameters: { depth: number; of: 'def' | 'lambda' } | undefined;
  for (let index = 0; index < code.length; index += 1) {
    const kind = kinds[index]!;
    const token = texts[index]!;
    const depth = depths[index]!;
    const previous = texts[index - 1];
    const next = texts[index + 1];
    if (kind === QUOTED) {
      used.add(token);
      continue;
    }
    if (token === '(' && texts[index - 2] === 'def') parameters = { depth, of: 'def' };
    else if (kind === NAME && token === 'lambda') parameters = { depth, of: 'lambda' };
    else if (parameters?.of === 'def' && token === ')' && depth < parameters.depth) parameters = undefined;
    else if (parameters?.of === 'lambda' && token === ':' && depth === parameters.depth) parameters = undefined;
    if (kind !== NAME) continue;
    if (flags[index]! & IN_IMPORT) {
      // `from a.b import c, d` / `import a.b`: what follows `import` is imported (its first name, for a dotted module).
      if (flags[index]! & AFTER_IMPORT && previous !== '.') imported.add(token);
      continue;
    }
    if (previous === '.') continue;
    // A keyword argument; at a parameter list's own depth `name=` is a parameter or the end of its annotation.
    if (next === '=' && depth > 0 && depth !== parameters?.depth) continue;
    used.add(token);
    const previousIsName = kinds[index - 1] === NAME;
    if (parameters !== undefined && depth === parameters.depth && previous !== undefined && PARAMETER_STARTS.has(previous)) {
      defined.add(token);
      continue;
    }
    if (previousIsName && (previous === 'def' || previous === 'class' || previous === 'as' || previous === 'for')) {
      defined.add(token);
      continue;
    }
    const lineStart = (flags[index]! & LINE_START) !== 0;
    if (depth === 0 && lineStart) {
      const targets = assignmentTargets(code, index);
      if (targets.length > 0) {
        for (const target of targets) defined.add(target);
        continue;
      }
    }
    if (next === ':' && depth === 0 && lineStart) {
      defined.add(token);
      continue;
    }
    if (LIBRARY_SYMBOLS.has(token)) missing.add(token);
  }
  for (const name of [...missing]) if (imported.has(name) || defined.has(name)) missing.delete(name);
  const importsOnPurpose = /(?:^|\/)__init__\.py$/.test(path) || used.has('__all__');
  const unused = importsOnPurpose ? new Set<string>() : new Set([...imported].filter((name) => !used.has(name)));
  if (missing.size === 0 && unused.size === 0) return text;
  return withImports(path, text, [...missing].sort(), unused);
}

/** What precedes a parameter's name in a parameter list. */
const PARAMETER_STARTS = new Set(['(', ',', '*', '**', 'lambda']);

/** The names a line starting at `start` assigns: `a = ...` or `a, b = ...`; none for any other line. */
function assignmentTargets(code: Tokens, start: number): string[] {
  const names: string[] = [];
  for (let index = start; index < code.length; index += 2) {
    if (code.kinds[index] !== NAME || code.depths[index] !== 0 || (index > start && code.flags[index]! & LINE_START)) return [];
    names.push(code.texts[index]!);
    const separator = code.texts[index + 1];
    if (separator === '=') return names;
    if (separator !== ',') return [];
  }
  return [];
}

const NAME = 0;
const OP = 1;
/** A name inside a string that reads as a type (a forward reference). */
const QUOTED = 2;
/** The first token of its logical line. */
const LINE_START = 1;
/** Part of an `import` or `from ... import` statement. */
const IN_IMPORT = 2;
/** In such a statement, after its `import` keyword. */
const AFTER_IMPORT = 4;

/**
 * A module's tokens as columns (kind, text, bracket depth, flags), one buffer reused from module
 * to module: every module of a large document goes through the scan, and an object per token
 * made the garbage collector the larger cost of it.
 */
class Tokens {
  length = 0;
  texts: string[] = [];
  kinds = new Uint8Array(1 << 14);
  depths = new Int32Array(1 << 14);
  flags = new Uint8Array(1 << 14);

  push(kind: number, text: string, depth: number, flags: number): void {
    if (this.length === this.kinds.length) this.grow();
    this.kinds[this.length] = kind;
    this.texts[this.length] = text;
    this.depths[this.length] = depth;
    this.flags[this.length] = flags;
    this.length += 1;
  }

  last(): string | undefined {
    return this.length > 0 ? this.texts[this.length - 1] : undefined;
  }

  /**
   * Empty again. Its texts are overwritten by the next module's: letting go of them cost more
   * than the scan, and they keep at most the largest module read alive.
   */
  clear(): void {
    this.length = 0;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    const depths = new Int32Array(size);
    depths.set(this.depths);
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    this.kinds = kinds;
    this.depths = depths;
    this.flags = flags;
  }
}

const buffer = new Tokens();

const STRING_PREFIX = /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/;
const TWO_CHARACTER_OPERATORS = new Set(['==', '!=', '<=', '>=', ':=', '->', '**', '//']);
const OPERATOR_STARTS = '=!<>:-*/';

/** `[A-Za-z_]`, as a name starts. */
function isNameStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

/** `\w`, as a name goes on. */
function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57);
}

/** The end of the run of name characters (or of a number's `[\w.]`) from `at`. */
function endOfWord(text: string, at: number, dots = false): number {
  let end = at + 1;
  for (; end < text.length; end += 1) {
    const code = text.charCodeAt(end);
    if (!isNameChar(code) && !(dots && code === 46)) break;
  }
  return end;
}

/**
 * The names and operators of Python source outside strings and comments (f-strings' replacement
 * fields are code), with the bracket depth of each, into the shared buffer. By character codes:
 * the loop every module of a large document goes through, character by character.
 */
function codeTokens(text: string): Tokens {
  const tokens = buffer;
  const size = text.length;
  let depth = 0;
  let lineStart = true;
  let inImport = false;
  let afterImport = false;
  let at = 0;
  const push = (kind: number, value: string) => {
    if (lineStart && kind === NAME && (value === 'import' || value === 'from')) inImport = true;
    const keyword = inImport && kind === NAME && value === 'import';
    tokens.push(kind, value, depth, (lineStart ? LINE_START : 0) | (inImport ? IN_IMPORT : 0) | (afterImport && !keyword ? AFTER_IMPORT : 0));
    if (keyword) afterImport = true;
    lineStart = false;
  };
  const pushQuotedType = (content: string): void => {
    if (!readsAsType(content)) return;
    for (const name of content.matchAll(/(?<![\w.])[A-Za-z_]\w*/g)) tokens.push(QUOTED, name[0], depth, 0);
  };
  /** A replacement field of an f-string, from after its `{` up to its matching brace: its names and operators. */
  const scanReplacementField = (): void => {
    let nested = 0;
    while (at < size && !(text.charCodeAt(at) === 125 && nested === 0)) {
      const char = text[at]!;
      if (char === '{' || char === '[' || char === '(') nested += 1;
      else if (char === '}' || char === ']' || char === ')') nested -= 1;
      if (isNameStart(text.charCodeAt(at)) && !isNameChar(text.charCodeAt(at - 1))) {
        const end = endOfWord(text, at);
        tokens.push(NAME, text.slice(at, end), depth + 1, 0);
        at = end;
        continue;
      }
      if (char === '"' || char === "'") {
        // A string inside the field: skip it.
        at += 1;
        while (at < size && text[at] !== char) at += text[at] === '\\' ? 2 : 1;
      } else if (char !== ' ') tokens.push(OP, char, depth + 1, 0);
      at += 1;
    }
  };
  const scanString = (prefix: string): void => {
    const quote = text.charCodeAt(at);
    const triple = text.charCodeAt(at + 1) === quote && text.charCodeAt(at + 2) === quote;
    const formatted = prefix.includes('f') || prefix.includes('F');
    const raw = prefix.includes('r') || prefix.includes('R');
    at += triple ? 3 : 1;
    const contentStart = at;
    while (at < size) {
      const code = text.charCodeAt(at);
      if (code === 92 && !raw) {
        at += 2;
        continue;
      }
      if (code === quote && (!triple || (text.charCodeAt(at + 1) === quote && text.charCodeAt(at + 2) === quote))) {
        if (!formatted) pushQuotedType(text.slice(contentStart, at));
        at += triple ? 3 : 1;
        return;
      }
      if (formatted && code === 123) {
        if (text.charCodeAt(at + 1) === 123) {
          at += 2;
          continue;
        }
        at += 1;
        scanReplacementField();
        continue;
      }
      at += 1;
    }
  };
  while (at < size) {
    const code = text.charCodeAt(at);
    if (code === 35) {
      // `#`: a comment, to the end of its line.
      const end = text.indexOf('\n', at);
      at = end === -1 ? size : end;
      continue;
    }
    if (code === 10) {
      if (depth === 0 && tokens.last() !== '\\') {
        lineStart = true;
        inImport = false;
        afterImport = false;
      }
      at += 1;
      continue;
    }
    if (code === 32 || code === 9 || code === 13) {
      at += 1;
      continue;
    }
    if (isNameStart(code)) {
      const end = endOfWord(text, at);
      const word = text.slice(at, end);
      const after = text.charCodeAt(end);
      if ((after === 34 || after === 39) && end - at <= 2 && STRING_PREFIX.test(word)) {
        at = end;
        scanString(word);
        lineStart = false;
        continue;
      }
      push(NAME, word);
      at = end;
      continue;
    }
    if (code === 34 || code === 39) {
      scanString('');
      lineStart = false;
      continue;
    }
    if (code >= 48 && code <= 57) {
      const end = endOfWord(text, at, true);
      push(OP, text.slice(at, end));
      at = end;
      continue;
    }
    const char = text[at]!;
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') depth = Math.max(0, depth - 1);
    // Two-character operators, so `==`, `<=`, `!=`, `:=` are not read as `=` after a name.
    const pair = OPERATOR_STARTS.includes(char) ? text.slice(at, at + 2) : '';
    if (TWO_CHARACTER_OPERATORS.has(pair)) {
      push(OP, pair);
      at += 2;
      continue;
    }
    push(OP, char);
    at += 1;
  }
  return tokens;
}

/**
 * A string's content that reads as a type expression (`Order`, `list[Tag] | None`), as a forward
 * reference does; prose (`Routes of Order.`) does not.
 */
function readsAsType(content: string): boolean {
  if (content.length === 0 || content.length > 300 || !/^[A-Za-z_]/.test(content)) return false;
  const squeezed = content.replace(/\s*\|\s*/g, '|').replace(/,\s*/g, ',');
  return /^[\w.[\],|'"]+$/.test(squeezed);
}

/**
 * The module with its leading import block written again, holding `names` besides what it
 * imported, without the names of `unused`.
 */
function withImports(path: string, text: string, names: string[], unused: Set<string>): string {
  const lines = text.split('\n');
  let first = 0;
  // The module docstring (one or more lines) stays above the imports.
  if (/^[rR]?"""/.test(lines[0] ?? '')) {
    const opening = lines[0]!;
    if (opening.length >= 6 && opening.trimEnd().endsWith('"""') && opening.trim() !== '"""') first = 1;
    else {
      first = 1;
      while (first < lines.length && !lines[first]!.includes('"""')) first += 1;
      first += 1;
    }
  }
  let start = first;
  while (start < lines.length && lines[start]!.trim() === '') start += 1;
  const imports = new PythonImports();
  let end = start;
  while (end < lines.length) {
    const line = lines[end]!;
    if (line.trim() === '') {
      end += 1;
      continue;
    }
    const statement = /^(?:from\s+(\S+)\s+import\s+(.*)|import\s+(.+))$/.exec(line);
    if (!statement) break;
    let members = statement[2];
    if (members !== undefined && members.trim() === '(') {
      const parts: string[] = [];
      end += 1;
      for (; end < lines.length && lines[end]!.trim() !== ')'; end += 1) parts.push(lines[end]!.trim());
      members = parts.join(' ');
    }
    if (/#/.test(line) || /#/.test(members ?? '')) {
      // Imports with a comment (`# noqa`) are kept as written, so the block cannot be written again.
      if (names.length === 0) return text;
      throw new Error(`${path}: its imports hold a comment; cannot add ${names.join(', ')}`);
    }
    const keep = (member: string) => !unused.has(boundName(member));
    if (statement[1] === '__future__') imports.add(statement[1], ...splitMembers(members!));
    else if (statement[1] !== undefined) {
      const kept = splitMembers(members!).filter(keep);
      if (kept.length > 0) imports.add(statement[1], ...kept);
    } else for (const module of statement[3]!.split(',').map((m) => m.trim()).filter(keep)) imports.addModule(module);
    end += 1;
  }
  // The blank lines after the block belong to what follows it.
  while (end > start && lines[end - 1]!.trim() === '') end -= 1;
  for (const name of names) imports.add(LIBRARY_SYMBOLS.get(name)!, name);
  const before = lines.slice(0, first);
  const after = lines.slice(end);
  const rendered = imports.render();
  const block = rendered === '' ? [] : rendered.split('\n');
  if (end === start || block.length === 0) {
    // No import block: one goes after the docstring, apart from what follows by the blank lines ruff wants.
    const rest = after.join('\n').replace(/^\n+/, '');
    const gap = /^(?:class |def |async def |@)/.test(rest) ? '\n\n\n' : '\n\n';
    if (block.length === 0) return before.length ? `${before.join('\n')}${gap}${rest}` : rest;
    return `${[...before, ...(before.length ? [''] : []), ...block].join('\n')}${gap}${rest}`;
  }
  return [...before, ...(before.length ? [''] : []), ...block, ...after].join('\n');
}

function splitMembers(members: string): string[] {
  return members.replace(/[()]/g, '').split(',').map((member) => member.trim()).filter((member) => member !== '');
}

/** The name an imported member or module binds: `b` for `a as b`, `a` for `a.b.c`. */
function boundName(member: string): string {
  const alias = / as (\w+)$/.exec(member);
  return alias ? alias[1]! : member.split('.')[0]!;
}
