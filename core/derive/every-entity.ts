/**
 * Subjects that name no one entity but all of them (`All of them are soft deleted`, `Every table
 * uses soft delete`, `所有业务表都采用逻辑删除`, `todas las tablas`), and pronouns that name the
 * entity of the sentence's section or none (`They are soft deleted`, `它们`).
 */

const TABLE_WORDS_EN = String.raw`(?:tables?|entities|entity|records?|resources?|models?|data|rows?|objects?|things|collections?)`;
const EVERY_EN = new RegExp(
  String.raw`^(?:(?:all|every|each|any)(?:\s+of)?(?:\s+(?:the|our|these))?(?:\s+(?:business|domain|data|main|core|other|database|persisted))?(?:\s+(?:them|${TABLE_WORDS_EN}))?(?:\s+all)?|everything|them\s+all|they\s+all)$`,
  'i',
);
const EVERY_CJK = /^(?:所有|全部|一切|全体|各个?|每[一个张]?)的?(?:业务|数据库?|核心|主要)?(?:表格?|数据表|数据|实体|记录|资源|对象|模型)(?:都|均|全部|一律|统一)?$|^(?:すべて|全て|全)の?(?:テーブル|データ|エンティティ|レコード|リソース)(?:は|が|も)?$|^모든\s*(?:테이블|데이터|엔티티|레코드|리소스)(?:은|는|이|가|도)?$/u;
const EVERY_OTHER = new RegExp(
  [
    String.raw`^tod[oa]s\s+(?:l[oa]s\s+|[oa]s\s+)?(?:tablas|tabelas|entidades|registros|recursos|datos|dados|modelos)$`,
    String.raw`^(?:toutes|tous)\s+les\s+(?:tables|entités|données|ressources|enregistrements|modèles)$`,
    String.raw`^alle\s+(?:tabellen|entitäten|datensätze|daten|ressourcen|modelle)$`,
    String.raw`^tutt[ie]\s+(?:le\s+|i\s+|gli\s+)?(?:tabelle|entità|record|dati|risorse|modelli)$`,
    String.raw`^tất\s+cả(?:\s+các)?\s+(?:bảng|dữ\s+liệu|bản\s+ghi|thực\s+thể|tài\s+nguyên)$`,
  ].join('|'),
  'iu',
);

/** `all of them`, `every table`, `所有业务表都`: a subject naming every entity at once. */
export function namesEveryEntity(phrase: string): boolean {
  const text = phrase.trim().replace(/[.。!！]+$/u, '').replace(/\s+/g, ' ');
  return EVERY_EN.test(text) || EVERY_CJK.test(text) || EVERY_OTHER.test(text);
}

const PRONOUN = /^(?:it|they|them|these|those|this|this\s+one|both|ils|elles|ellos|ellas|eles|elas|sie|es|essi|esse|chúng|nó|它|它们|他们|其|该|这些|これ|それ|これら|그것|그것들)$/iu;

/** `they`, `它们`: a subject that names the entity of its section, or nothing. */
export function isPronoun(phrase: string): boolean {
  return PRONOUN.test(phrase.trim());
}
