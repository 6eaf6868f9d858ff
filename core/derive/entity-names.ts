import type { ApiDocument, SchemaNode } from '../model/api-document.js';
import { SCHEMA_HINTS } from '../model/hints.js';
import { isInflectionOf, singular, toSnake, withoutAccents } from '../naming.js';
import { findResources } from './resources.js';
import { SchemaTypes } from './schema-types.js';

/** Words around a noun that do not name it: `their orders`, `the user`, `其借阅记录`. */
export const ENGLISH_FILLERS = /\b(?:the|a|an|its|their|his|her|our|your|all|each|every|any|some|these|those|one|also|too|itself|themselves|for\s+\w+(?:\s+\w+)?|records?|rows?|entries)\b/gi;
const CHINESE_FILLERS = /其|它的|他的|该|对应的|相关的|所有的?|这个|每个|每位|一个|记录|数据|信息|的/g;
/** Particles after a Korean noun (topic, subject, object, possessive, place, means, `도`, `만`). */
const KOREAN_PARTICLE = /(?<=[\uac00-\ud7a3])(?:에서|으로|은|는|이|가|을|를|의|도|만|에|로|과|와)(?=\s|$)/gu;
/** Words a section title adds to a resource's name: `读者管理`, `Doctor endpoints`. */
const TITLE_FILLERS = /管理|模块|接口|相关|服务|列表|(?:分页)?查询|新增|添加|修改|编辑|删除|详情|获取|一覧取得|詳細取得|一覧|取得|登録|詳細|更新|削除|作成|変更|検索|\b(?:management|endpoints?|module|api|apis|resources?|section)\b/gi;

/** A prefix or suffix making a noun its own children: `sub` (English, Spanish, French, German), Italian `sotto`, `子`, `下级`, `하위`, Vietnamese `con`. */
const CHILD_WORD = /^(?:sub[-\s]?|sotto[-\s]?|子|下级|下属|하위\s*)(\S.*)$|^(.+?)\s+con$/u;

export interface Target {
  name: string;
  schema: SchemaNode;
}

/** Names people call each schema by: `OrderItem` is `order item(s)`, `order_item(s)`; a resource also by its section (tag). */
export class EntityNames {
  private readonly aliases = new Map<string, string>();
  /** The schemas a resource path serves: tables for certain. */
  readonly served = new Set<string>();

  constructor(api: ApiDocument) {
    for (const [name, { schema }] of api.schemas) {
      if (schema.type !== 'object' && schema.properties === undefined) continue;
      const aliases = schema[SCHEMA_HINTS.aliases];
      if (Array.isArray(aliases)) for (const alias of aliases) if (typeof alias === 'string') this.add(alias, name);
      const words = toSnake(name).split('_');
      const last = words.pop()!;
      for (const variant of [[...words, last], [...words, pluralOf(last)], [...words, singular(last)]]) {
        this.add(variant.join(' '), name);
        this.add(variant.join('_'), name);
        this.add(variant.join(''), name);
      }
    }
    const resources = findResources(api, new SchemaTypes(api));
    for (const resource of resources) {
      this.served.add(resource.schemaName);
      const segment = resource.collectionPath.split('/').filter(Boolean).pop();
      if (segment) this.add(segment.replace(/[-_]/g, ' '), resource.schemaName);
      for (const tag of new Set(resource.operations.flatMap((op) => op.tags))) {
        const cleaned = normalized(tag.replace(TITLE_FILLERS, ' '));
        for (const part of cleaned.split(/\s*[/|,，、()（）]\s*|\s+-\s+/)) {
          this.add(part, resource.schemaName);
          // A title in two scripts (`回复 Replies`, `2. 回复 Replies`) names the resource in each.
          for (const run of part.match(/[\u4e00-\u9fff]+|[^\u4e00-\u9fff]+/g) ?? []) if (/\p{L}/u.test(run)) this.add(run.replace(/^[\d\s.]+/, ''), resource.schemaName);
        }
      }
      // `会議室一覧取得`, `会議室登録`, `会議室詳細取得`: the noun the summaries of its operations share, once their verbs are off.
      const nouns = resource.operations.map((op) => (op.summary ?? '').replace(TITLE_FILLERS, '').replace(/[\s・の]+$/u, '').trim()).filter((noun) => /^[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]{1,8}$/u.test(noun));
      for (const noun of new Set(nouns)) if (nouns.filter((other) => other === noun).length >= 2) this.add(noun, resource.schemaName);
    }
    this.addGlossary(api.glossary);
  }

  /** The schema a section's title names: whole, or one of the names a gloss gives (`学员（student）`, `Teachers / 讲师`). */
  ofTitle(title: string): string | undefined {
    const cleaned = title.replace(TITLE_FILLERS, ' ').replace(/^[\d\s.]+/, '');
    const parts = [cleaned, ...cleaned.split(/\s*[/|,，、()（）]\s*/)].map((part) => part.trim()).filter((part) => part !== '');
    const named = new Set(parts.map((part) => this.exact(part)).filter((name): name is string => name !== undefined));
    return named.size === 1 ? [...named][0] : undefined;
  }

  /** `学员（student）`: the other name of a gloss names what its one does. */
  private addGlossary(glossary: ApiDocument['glossary']): void {
    for (const { names } of glossary ?? []) {
      const [first, second] = names;
      const named = this.exact(second) ?? this.exact(first);
      if (named === undefined) continue;
      this.add(first, named);
      this.add(second, named);
    }
  }

  private add(alias: string, name: string): void {
    const key = normalized(alias);
    if (key !== '' && !this.aliases.has(key)) this.aliases.set(key, name);
    // `库存记录` is also `库存`: the phrases naming it lose the filler words too (`其库存记录`).
    const bare = withoutFillers(alias);
    if (bare !== key && /^[\u4e00-\u9fff]{2,}$/.test(bare) && !this.aliases.has(bare)) this.aliases.set(bare, name);
  }

  /** The schema a phrase names as a whole (an alias, singular or plural), or undefined. */
  exact(phrase: string): string | undefined {
    const text = withoutFillers(phrase);
    return this.aliases.get(text) ?? this.aliases.get(singular(text));
  }

  /** The schema a phrase names: written as an alias, else the longest alias it contains as words. */
  resolve(phrase: string): string | undefined {
    // `Món ăn` whole, before `an` is taken for an English article.
    const whole = this.aliases.get(normalized(phrase));
    if (whole) return whole;
    const text = withoutFillers(phrase);
    const exact = this.aliases.get(text) ?? this.aliases.get(singular(text));
    if (exact) return exact;
    let best: [string, string] | undefined;
    for (const [alias, name] of this.aliases) {
      const contained = /[\u4e00-\u9fff]/.test(alias) ? text.includes(alias) : new RegExp(`(?:^|\\s)${escape(alias)}(?:$|\\s)`).test(text);
      if (contained && (!best || alias.length > best[0].length)) best = [alias, name];
    }
    return best?.[1] ?? this.chineseHead(text) ?? this.inflected(text) ?? this.withoutKoreanParticles(text) ?? this.childrenOf(text);
  }

  /** `subtasks`, `sub-categories`, `子分类`, `下级部门`, `danh mục con`: rows of the same table under a row, named as the table's. */
  private childrenOf(text: string): string | undefined {
    const bare = CHILD_WORD.exec(text)?.slice(1).find((part) => part !== undefined);
    return bare !== undefined && bare !== text ? this.resolve(bare) : undefined;
  }

  /** A Korean noun with its particle (`회원은`, `회원을`, `지점에서`): the phrase again without the particles. */
  private withoutKoreanParticles(text: string): string | undefined {
    const bare = text.replace(KOREAN_PARTICLE, '');
    return bare !== text ? this.resolve(bare) : undefined;
  }

  /**
   * A Chinese noun said without its modifiers (`明细` for `商品明细`, `订单` for `销售订单`): the
   * schema whose Chinese alias ends with the phrase, when only one does.
   */
  private chineseHead(text: string): string | undefined {
    if (!/^[\u4e00-\u9fff]{2,}$/.test(text)) return undefined;
    const names = new Set([...this.aliases].filter(([alias]) => alias.endsWith(text) && /^[\u4e00-\u9fff]+$/.test(alias)).map(([, name]) => name));
    return names.size === 1 ? [...names][0] : undefined;
  }

  /**
   * A word of the phrase that is an alias with an ending of one or two letters: plurals and cases
   * of other languages (`Kunden` for Kunde, `auteurs` for auteur, `salas` for sala).
   */
  private inflected(text: string): string | undefined {
    const words = text.split(' ');
    let best: [string, string] | undefined;
    for (const [alias, name] of this.aliases) {
      if (alias.includes(' ') || /[\u4e00-\u9fff]/.test(alias)) continue;
      const inflected = words.some((word) => isInflectionOf(word, alias));
      if (inflected && (!best || alias.length > best[0].length)) best = [alias, name];
    }
    return best?.[1];
  }
}

/** A phrase without the words around its noun, accents first taken off so `categoría` keeps its final `a`. */
function withoutFillers(phrase: string): string {
  return normalized(withoutAccents(phrase).replace(ENGLISH_FILLERS, ' ').replace(CHINESE_FILLERS, ''));
}

function pluralOf(word: string): string {
  return word.endsWith('y') && !/[aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : /(?:s|x|ch|sh)$/.test(word) ? `${word}es` : `${word}s`;
}


export function normalized(text: string): string {
  return withoutAccents(text).toLowerCase().replace(/[`*_"'“”‘’.,;:!?。，；：！？]/g, ' ').replace(/\s+/g, ' ').trim();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
