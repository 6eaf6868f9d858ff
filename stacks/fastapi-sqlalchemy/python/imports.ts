const STDLIB = new Set([
  '__future__', 'abc', 'argparse', 'asyncio', 'base64', 'collections', 'contextlib', 'copy', 'csv', 'dataclasses', 'datetime',
  'decimal', 'enum', 'functools', 'hashlib', 'hmac', 'http', 'importlib', 'inspect', 'io', 'ipaddress', 'itertools', 'json',
  'logging', 'math', 'operator', 'os', 'pathlib', 'random', 're', 'secrets', 'shutil', 'socket', 'sqlite3', 'string', 'subprocess',
  'sys', 'tempfile', 'threading', 'time', 'types', 'typing', 'unittest', 'urllib', 'uuid', 'warnings', 'zoneinfo',
]);
const FIRST_PARTY = new Set(['app', 'tests', 'migrations']);

/**
 * Collects a module's imports and prints them the way ruff's isort rules expect: sections
 * (future, stdlib, third party, first party), plain imports before `from` imports, members
 * ordered constants, classes, then the rest.
 */
export class PythonImports {
  private readonly froms = new Map<string, Set<string>>();
  private readonly plain = new Set<string>();

  add(module: string, ...names: string[]): this {
    const members = this.froms.get(module) ?? new Set<string>();
    for (const name of names) members.add(name);
    this.froms.set(module, members);
    return this;
  }

  addModule(module: string): this {
    this.plain.add(module);
    return this;
  }

  /** Everything `other` imports, added to these; a name imported here already (from any module) is not imported twice. */
  merge(other: PythonImports): this {
    const known = new Set([...this.froms.values()].flatMap((names) => [...names]));
    for (const [module, names] of other.froms) {
      const fresh = [...names].filter((name) => !known.has(name));
      if (fresh.length > 0) this.add(module, ...fresh);
    }
    for (const module of other.plain) this.addModule(module);
    return this;
  }

  render(): string {
    const sections: string[][] = [[], [], [], []];
    const sectionOf = (module: string) => {
      const top = module.split('.')[0]!;
      if (module === '__future__') return 0;
      if (STDLIB.has(module) || STDLIB.has(top)) return 1;
      return FIRST_PARTY.has(top) ? 3 : 2;
    };
    for (const module of [...this.plain].sort(compareModules)) sections[sectionOf(module)]!.push(`import ${module}`);
    for (const module of [...this.froms.keys()].sort(compareModules)) {
      const members = [...this.froms.get(module)!].sort(compareMembers);
      const line = `from ${module} import ${members.join(', ')}`;
      sections[sectionOf(module)]!.push(line.length <= 100 ? line : `from ${module} import (\n${members.map((m) => `    ${m},`).join('\n')}\n)`);
    }
    return sections.filter((s) => s.length > 0).map((s) => s.join('\n')).join('\n\n');
  }
}

/** Ruff's isort compares names naturally: runs of digits by their value (`Geterc20balance` before `Geterc201`). */
function naturalCompare(x: string, y: string): number {
  const chunk = /(\d+|\D+)/g;
  const left = x.match(chunk) ?? [];
  const right = y.match(chunk) ?? [];
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const [a, b] = [left[index]!, right[index]!];
    if (a === b) continue;
    const bothNumbers = /^\d/.test(a) && /^\d/.test(b);
    if (bothNumbers) return Number(a) - Number(b) || a.length - b.length;
    return a < b ? -1 : 1;
  }
  return left.length - right.length;
}

function compareModules(a: string, b: string): number {
  return naturalCompare(a.toLowerCase(), b.toLowerCase());
}

function memberRank(name: string): number {
  const bare = name.split(' as ')[0]!;
  if (bare.length > 1 && bare === bare.toUpperCase() && /[A-Z]/.test(bare)) return 0;
  return /^[A-Z]/.test(bare) ? 1 : 2;
}

function compareMembers(a: string, b: string): number {
  const rank = memberRank(a) - memberRank(b);
  if (rank !== 0) return rank;
  return naturalCompare(a.toLowerCase(), b.toLowerCase()) || (a < b ? -1 : a > b ? 1 : 0);
}
