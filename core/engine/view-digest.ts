import { createHash } from 'node:crypto';

/** An object whose encoding is longer than this stands in its parents' encodings by its digest, computed once. */
const DIGEST_FROM = 512;

/**
 * Digests of what a template can read of a view: two views with the same digest render the same
 * text. Plain objects (own enumerable keys, in order: a template iterates them in that order),
 * arrays, maps, sets, dates and primitives are read; each value carries its kind and each text
 * its length, so no two different views spell the same encoding. A view holding a value whose
 * content cannot be read off it (a function, a class instance, a cycle) has no digest.
 *
 * The views of one plan share much (an entity's view is in its model, its repository, its
 * tests...): an object's digest is kept for as long as the object lives, so digest every view
 * of a plan before any is rendered or handed to a plugin, while none can have changed.
 */
export class ViewDigests {
  /** Per object: its encoding's digest when long, `null` when it has none. Short encodings are spelled again. */
  private readonly known = new WeakMap<object, string | null>();

  /** The digest of `view`, or undefined when it holds a value that cannot be digested. */
  of(view: unknown): string | undefined {
    const text = this.encode(view, new Set());
    return text === undefined ? undefined : sha256(text);
  }

  private encode(value: unknown, open: Set<object>): string | undefined {
    switch (typeof value) {
      case 'string':
        return `s${value.length}:${value}`;
      case 'number':
        return `n${Object.is(value, -0) ? '-0' : String(value)};`;
      case 'boolean':
        return value ? 't' : 'f';
      case 'undefined':
        return 'u';
      case 'bigint':
        return `b${String(value)};`;
      case 'object':
        return value === null ? 'z' : this.encodeObject(value, open);
      default:
        // Functions and symbols: what a template gets from them is not in the view.
        return undefined;
    }
  }

  private encodeObject(value: object, open: Set<object>): string | undefined {
    const known = this.known.get(value);
    if (known !== undefined) return known ?? undefined;
    if (open.has(value)) return undefined;
    open.add(value);
    const contents = this.contents(value, open);
    open.delete(value);
    if (contents === undefined) {
      this.known.set(value, null);
      return undefined;
    }
    if (contents.length < DIGEST_FROM) return contents;
    const digest = `h${sha256(contents)}`;
    this.known.set(value, digest);
    return digest;
  }

  private contents(value: object, open: Set<object>): string | undefined {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype === Array.prototype) return this.sequence(`[${(value as unknown[]).length};`, value as unknown[], open);
    if (prototype === Object.prototype || prototype === null) {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      let text = `{${keys.length};`;
      for (const key of keys) {
        const entry = this.encode(record[key], open);
        if (entry === undefined) return undefined;
        text += `${key.length}:${key}${entry}`;
      }
      return text;
    }
    if (prototype === Map.prototype) return this.sequence(`M${(value as Map<unknown, unknown>).size};`, [...(value as Map<unknown, unknown>)].flat(), open);
    if (prototype === Set.prototype) return this.sequence(`S${(value as Set<unknown>).size};`, [...(value as Set<unknown>)], open);
    if (prototype === Date.prototype) return `D${(value as Date).getTime()};`;
    // A class instance: its methods and private state are not in what its keys show.
    return undefined;
  }

  private sequence(head: string, items: readonly unknown[], open: Set<object>): string | undefined {
    let text = head;
    for (let index = 0; index < items.length; index += 1) {
      const item = this.encode(items[index], open);
      if (item === undefined) return undefined;
      text += item;
    }
    return text;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
