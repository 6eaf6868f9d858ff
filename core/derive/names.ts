import { InfraStackError } from '../errors.js';
import type { SourceLocation } from '../model/api-document.js';

/**
 * Hands out unique type names. Names the document chose are claimed first and must not
 * collide; names the tool makes up (inline schemas) step aside with a readable suffix.
 */
export class TypeNames {
  private readonly owners = new Map<string, string>();

  claim(name: string, owner: SourceLocation): string {
    const existing = this.owners.get(name);
    const where = `${owner.file}#${owner.pointer}`;
    if (existing !== undefined && existing !== where) {
      throw new InfraStackError(`the name ${name} is produced by both ${existing} and ${where}; rename one of them`, {
        file: owner.file,
        location: owner.pointer,
      });
    }
    this.owners.set(name, where);
    return name;
  }

  invent(preferred: string, owner: SourceLocation): string {
    const where = `${owner.file}#${owner.pointer}`;
    for (const candidate of [preferred, `${preferred}Object`, `${preferred}Type`]) {
      const existing = this.owners.get(candidate);
      if (existing === undefined || existing === where) {
        this.owners.set(candidate, where);
        return candidate;
      }
    }
    for (let n = 2; ; n += 1) {
      const candidate = `${preferred}${n}`;
      if (!this.owners.has(candidate)) {
        this.owners.set(candidate, where);
        return candidate;
      }
    }
  }

  has(name: string): boolean {
    return this.owners.has(name);
  }
}
