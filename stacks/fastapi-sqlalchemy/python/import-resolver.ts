import { PythonImports } from './imports.js';
import { LIBRARY_SYMBOLS } from './symbols.js';

/**
 * Completes the imports of a generated module from what its code uses: each library name of
 * ./symbols.ts the code refers to, and neither imports nor defines, is imported. The one place
 * where imports of library names are decided for every module, whatever template or view wrote it:
 * a view that annotates a parameter `UUID` cannot leave the module without `from uuid import UUID`.
 *
 * The module's leading import block is read and written again with the missing names, in ruff's
 * order (PythonImports); a module that misses nothing comes back unchanged. Names the code only
 * spells inside strings, comments, after a dot (`x.date`) or as a keyword argument (`date=`) are
 * not uses. A module needing a name that no import block can take (its block holds comments or
 * conditional code) is an error, not a guess.
 */
export function completeImports(path: string, text: string): string {
  const code = codeTokens(text);
  const missing = new Set<string>();
  const imported = new Set<string>();
  const defined = new Set<string>();
  // The parameter list being read, if any: of a `def` (up to its closing bracket) or a `lambda` (up to its colon).
  let parameters: { depth: number; of: 'def' | 'lambda' } | undefined;
  for (let index = 0; index < code.length; index += 1) {
    const token = code[index]!;
    const previous = code[index - 1];
    const next = code[index + 1];
    if (token.text === '(' && code[index - 2]?.text === 'def') parameters = { depth: token.depth, of: 'def' };
    else if (token.kind === 'name' && token.text === 'lambda') parameters = { depth: token.depth, of: 'lambda' };
    else if (parameters?.of === 'def' && token.text === ')' && token.depth < parameters.depth) parameters = undefined;
    else if (parameters?.of === 'lambda' && token.text === ':' && token.depth === parameters.depth) parameters = undefined;
    if (token.kind !== 'name') continue;
    if (parameters !== undefined && token.depth === parameters.depth && ['(', ',', '*', '**', 'lambda'].includes(previous?.text ?? '')) {
      defined.add(token.text);
      continue;
    }
    if (previous?.kind === 'name' && (previous.text === 'def' || previous.text === 'class' || previous.text === 'as')) {
      defined.add(token.text);
      continue;
    }
    if (token.inImport) {
      // `from a.b import c, d` / `import a.b`: what follows `import` is imported (its first name, for a dotted module).
      if (token.afterImport && previous?.text !== '.') imported.add(token.text);
      continue;
    }
    if (previous?.kind === 'name' && previous.text === 'for') {
      defined.add(token.text);
      continue;
    }
    if (previous?.text === '.') continue;
    if (next?.text === '=' && token.depth > 0) continue; // a keyword argument
    if (next?.text === '=' && token.depth === 0 && token.lineStart) {
      defined.add(token.text);
      continue;
    }
    if (next?.text === ':' && token.depth === 0 && token.lineStart) {
      defined.add(token.text);
      continue;
    }
    if (LIBRARY_SYMBOLS.has(token.text)) missing.add(token.text);
  }
  for (const name of [...missing]) if (imported.has(name) || defined.has(name)) missing.delete(name);
  if (missing.size === 0) return text;
  return withImports(path, text, [...missing].sort());
}

interface Token {
  kind: 'name' | 'op';
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
  const scanString = (prefix: string): void => {
    const quote = text.startsWith(text[at]!.repeat(3), at) ? text[at]!.repeat(3) : text[at]!;
    const formatted = /f/i.test(prefix);
    at += quote.length;
    while (at < text.length) {
      if (text[at] === '\\' && !/r/i.test(prefix)) {
        at += 2;
        continue;
      }
      if (text.startsWith(quote, at)) {
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
          const name = /^[A-Za-z_]\w*/.exec(text.slice(at, at + 200));
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
    const word = /^[A-Za-z_]\w*/.exec(text.slice(at, at + 200));
    if (word) {
      const after = text[at + word[0].length];
      if ((after === '"' || after === "'") && /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/.test(word[0])) {
        at += word[0].length;
        scanString(word[0]);
        lineStart = false;
        continue;
      }
      push('name', word[0]);
      at += word[0].length;
      continue;
    }
    if (char === '"' || char === "'") {
      scanString('');
      lineStart = false;
      continue;
    }
    if (/[0-9]/.test(char)) {
      const number = /^[0-9][\w.]*/.exec(text.slice(at, at + 100))!;
      push('op', number[0]);
      at += number[0].length;
      continue;
    }
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') depth = Math.max(0, depth - 1);
    // Two-character operators, so `==`, `<=`, `!=`, `:=` are not read as `=` after a name.
    const two = text.slice(at, at + 2);
    if (['==', '!=', '<=', '>=', ':=', '->', '**', '//'].includes(two)) {
      push('op', two);
      at += 2;
      continue;
    }
    push('op', char);
    at += 1;
  }
  return tokens;
}

/** The module with its leading import block written again, holding `names` besides what it imported. */
function withImports(path: string, text: string, names: string[]): string {
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
    if (/#/.test(line) || /#/.test(members ?? '')) throw new Error(`${path}: its imports hold a comment; cannot add ${names.join(', ')}`);
    if (statement[1] !== undefined) imports.add(statement[1], ...members!.replace(/[()]/g, '').split(',').map((m) => m.trim()).filter((m) => m !== ''));
    else for (const module of statement[3]!.split(',')) imports.addModule(module.trim());
    end += 1;
  }
  // The blank lines after the block belong to what follows it.
  while (end > start && lines[end - 1]!.trim() === '') end -= 1;
  for (const name of names) imports.add(LIBRARY_SYMBOLS.get(name)!, name);
  const before = lines.slice(0, first);
  const after = lines.slice(end);
  const block = imports.render().split('\n');
  if (end === start) {
    // No import block: one goes after the docstring, apart from what follows by the blank lines ruff wants.
    const rest = after.join('\n').replace(/^\n+/, '');
    const gap = /^(?:class |def |async def |@)/.test(rest) ? '\n\n\n' : '\n\n';
    return `${[...before, ...(before.length ? [''] : []), ...block].join('\n')}${gap}${rest}`;
  }
  return [...before, ...(before.length ? [''] : []), ...block, ...after].join('\n');
}
