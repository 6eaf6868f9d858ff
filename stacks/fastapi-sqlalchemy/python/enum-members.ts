import type { EnumType } from '../../../core/index.js';
import { pyClassName, pyEnumMember } from './names.js';

/**
 * The Python member name of each value of each enum: `in-stock` → `IN_STOCK`, numbered when two
 * values spell the same member. One table, so enums.py and the defaults that name a member agree.
 */
export class EnumMembers {
  private readonly byEnum = new Map<string, Map<string, string>>();

  constructor(enums: readonly EnumType[]) {
    // The same values recur across a document's enums (`open`, `closed`, `all`): each is spelled once.
    const spelled = new Map<string, string>();
    const memberFor = (value: string): string => {
      let member = spelled.get(value);
      if (member === undefined) spelled.set(value, (member = pyEnumMember(value)));
      return member;
    };
    for (const { name, values } of enums) {
      const members = new Map<string, string>();
      const used = new Set<string>();
      for (const value of values) {
        let member = memberFor(value);
        for (let n = 2; used.has(member); n += 1) member = `${memberFor(value)}_${n}`;
        used.add(member);
        members.set(value, member);
      }
      this.byEnum.set(name, members);
    }
  }

  /** `[member, value]` pairs of an enum, in the document's order. */
  membersOf(enumName: string): [member: string, value: string][] {
    return [...(this.byEnum.get(enumName) ?? [])].map(([value, member]) => [member, value]);
  }

  /** `OrderStatus.PENDING` for a value of the enum; undefined for a value it does not have. */
  reference(enumName: string, value: unknown): string | undefined {
    const member = typeof value === 'string' ? this.byEnum.get(enumName)?.get(value) : undefined;
    return member === undefined ? undefined : `${pyClassName(enumName)}.${member}`;
  }
}
