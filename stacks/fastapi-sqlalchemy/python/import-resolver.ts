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
  const missing = new Set<string>();
  const imported = new Set<string>();
  const defined = new Set<string>();
  const used = new Set<string>();
  // The parameter list being read, if any: of a `def` (up to its closing bracket) or a `lambda` (up to its colon).
  let parameters: { depth: number; of: 'def' | 'lambda' } | undefined;
  for (let index = 0; index < code.length; index += 1) {
    const token = code[index]!;
    const previous = code[index - 1];
    const next = code[index + 1];
    if (token.kind === 'quoted') {
      used.add(token.text);
      continue;
    }
    if (token.text === '(' && code[index - 2]?.text === 'def') parameters = { depth: token.depth, of: 'def' };
    else if (token.kind === 'name' && token.text === 'lambda') parameters = { depth: token.depth, of: 'lambda' };
    else if (parameters?.of === 'def' && token.text === ')' && token.depth < parameters.depth) parameters = undefined;
    else if (parameters?.of === 'lambda' && token.text === ':' && token.depth === parameters.depth) parameters = undefined;
    if (token.kind !== 'name') continue;
    if (token.inImport) {
      // `from a.b import c, d` / `import a.b`: what follows `import` is imported (its first name, for a dotted module).
      if (token.afterImport && previous?.text !== '.') imported.add(token.text);
      continue;
    }
    if (previous?.text === '.') continue;
    // A keyword argument; at a parameter list's own depth `name=` is a parameter or the end of its annotation.
    if (next?.text === '=' && token.depth > 0 && token.depth !== parameters?.depth) continue;
    used.add(token.text);
    if (parameters !== undefined && token.depth === parameters.depth && ['(', ',', '*', '**', 'lambda'].includes(previous?.text ?? '')) {
      defined.add(token.text);
      continue;
    }
    if (previous?.kind === 'name' && (previous.text === 'def' || previous.text === 'class' || previous.text === 'as')) {
      defined.add(token.text);
      continue;
    }
    if (previous?.kind === 'name' && previous.text === 'for') {
      defined.add(token.text);
      continue;
    }
    if (token.depth === 0 && token.lineStart) {
      const targets = assignmentTargets(code, index);
      if (targets.length > 0) {
        for (const target of targets) defined.add(target);
        continue;
      }
    }
    if (next?.text === ':' && token.depth === 0 && token.lineStart) {
      defined.add(token.text);
      continue;
    }
    if (LIBRARY_SYMBOLS.has(token.text)) missing.add(token.text);
  }
  for (const name of [...missing]) if (imported.has(name) || defined.has(name)) missing.delete(name);
  const importsOnPurpose = /(?:^|\/)__init__\.py$/.test(path) || used.has('__all__');
  const unused = importsOnPurpose ? new Set<string>() : new Set([...imported].filter((name) => !used.has(name)));
  if (missing.size === 0 && unused.size === 0) return text;
  return withImports(path, text, [...missing].sort(), unused);
}

/** The names a line starting at `start` assigns: `a = ...` or `a, b = ...`; none for any other line. */
function assignmentTargets(code: readonly Token[], start: number): string[] {
  const names: string[] = [];
  for (let index = start; index < code.length; index += 2) {
    const token = code[index]!;
    if (token.kind !== 'name' || token.depth !== 0 || (index > start && token.lineStart)) return [];
    names.push(token.text);
    const separator = code[index + 1];
    if (separator?.text === '=') return names;
    if (separator?.text !== ',') return [];
  }
  return [];
}

interface Token {
  /** `quoted`: a name inside a string that reads as a type (a forward reference). */
  kind: 'name' | 'op' | 'quoted';
  text: string;
  /** Bracket depth at the token. */
  depth: number;
  /** The first token of its logical line. */
  lineStart: boolean;
  /** Part of an `import` or `from ... import` statement. */
  inImport: boolean;
  /** In such a statement, after its `import` keyword. */
  afterImport?: boolean;
}

const NAME = /[A-Za-z_]\w*/y;
const NUMBER = /[0-9][\w.]*/y;
const STRING_PREFIX = /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/;
const TWO_CHARACTER_OPERATORS = new Set(['==', '!=', '<=', '>=', ':=', '->', '**', '//']);

/** `[A-Za-z_]`, as NAME starts. */
function isNameStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

/** `\w`, as NAME goes on. */
function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57);
}

/** The match of a sticky pattern starting at `at` (names of any length: generated class names reach hundreds of characters). */
function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/**
 * The names and operators of Python source outside strings and comments (f-strings' replacement
 * fields are code), with the bracket depth of each.
 */
function codeTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let lineStart = true;
  let inImport = false;
  let afterImport = false;
  let at = 0;
  const push = (kind: Token['kind'], value: string) => {
    if (lineStart && kind === 'name' && (value === 'import' || value === 'from')) inImport = true;
    const keyword = inImport && kind === 'name' && value === 'import';
    tokens.push({ kind, text: value, depth, lineStart, inImport, afterImport: afterImport && !keyword });
    if (keyword) afterImport = true;
    lineStart = false;
  };
  const pushQuotedType = (content: string): void => {
    if (!readsAsType(content)) return;
    for (const name of content.matchAll(/(?<![\w.])[A-Za-z_]\w*/g)) tokens.push({ kind: 'quoted', text: name[0], depth, lineStart: false, inImport: false });
  };
  const scanString = (prefix: string): void => {
    const quote = text.startsWith(text[at]!.repeat(3), at) ? text[at]!.repeat(3) : text[at]!;
    const formatted = /f/i.test(prefix);
    const raw = /r/i.test(prefix);
    at += quote.length;
    const contentStart = at;
    while (at < text.length) {
      if (text[at] === '\\' && !raw) {
        at += 2;
        continue;
      }
      if (text.startsWith(quote, at)) {
        if (!formatted) pushQuotedType(text.slice(contentStart, at));
        at += quote.length;
        return;
      }
      if (formatted && text[at] === '{') {
        if (text[at + 1] === '{') {
          at += 2;
          continue;
        }
        // A replacement field: its code up to the matching brace.
        at += 1;
        let nested = 0;
        const start = tokens.length;
        while (at < text.length && !(text[at] === '}' && nested === 0)) {
          const char = text[at]!;
          if (char === '{' || char === '[' || char === '(') nested += 1;
          else if (char === '}' || char === ']' || char === ')') nested -= 1;
          const name = matchAt(NAME, text, at);
          if (name && !/\w/.test(text[at - 1] ?? '')) {
            tokens.push({ kind: 'name', text: name[0], depth: depth + 1, lineStart: false, inImport: false });
            at += name[0].length;
            continue;
          }
          if (char === '"' || char === "'") {
            // A string inside the field: skip it.
            const inner = char;
            at += 1;
            while (at < text.length && text[at] !== inner) at += text[at] === '\\' ? 2 : 1;
          } else if (char !== ' ') tokens.push({ kind: 'op', text: char, depth: depth + 1, lineStart: false, inImport: false });
          at += 1;
        }
        if (start === tokens.length) continue;
        continue;
      }
      at += 1;
    }
  };
  while (at < text.length) {
    const char = text[at]!;
    if (char === '#') {
      while (at < text.length && text[at] !== '\n') at += 1;
      continue;
    }
    if (char === '\n') {
      if (depth === 0 && !(tokens.at(-1)?.text === '\\')) {
        lineStart = true;
        inImport = false;
        afterImport = false;
      }
      at += 1;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r') {
      at += 1;
      continue;
    }
    const code = text.charCodeAt(at);
    if (isNameStart(code)) {
      // By character codes: the loop every module of a large document goes through, character by character.
      let end = at + 1;
      while (end < text.length && isNameChar(text.charCodeAt(end))) end += 1;
      const word = text.slice(at, end);
      const after = text[end];
      if ((after === '"' || after === "'") && end - at <= 2 && STRING_PREFIX.test(word)) {
        at = end;
        scanString(word);
        lineStart = false;
        continue;
      }
      push('name', word);
      at = end;
      continue;
    }
    if (char === '"' || char === "'") {
      scanString('');
      lineStart = false;
      continue;
    }
    if (code >= 48 && code <= 57) {
      const number = matchAt(NUMBER, text, at)!;
      push('op', number[0]);
      at += number[0].length;
      continue;
    }
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') depth = Math.max(0, depth - 1);
    // Two-character operators, so `==`, `<=`, `!=`, `:=` are not read as `=` after a name.
    const second = text[at + 1];
    if (second !== undefined && TWO_CHARACTER_OPERATORS.has(char + second)) {
      push('op', char + second);
      at += 2;
      continue;
    }
    push('op', char);
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
