import type { DocumentRule, DocumentWarning, RuleSource } from '../../model/api-document.js';
import type { Sentence } from './document-outline.js';
import { readCompositeUniques } from './unique-scope.js';
import { readChineseFieldRules, readSpacedFieldRule } from './field-rule-sentences.js';

/** Headings under which every sentence states a rule: `Rules`, `Business rules`, `业务规则`, `Reglas`... */
const RULES_HEADING =
  /\b(?:(?:business|data|domain|deletion|delete)\s+)?(?:rules?|constraints|invariants)\b|规则|约束|规定|\breglas?\b|\brègles?\b|(?:regel(?:n|s)?|regler(?:na|ne)?)(?![\p{L}])|\bregole\b|\bregras?\b|правила|aturan|kurallar|kurallar\p{L}*|zasady|reguły|quy tắc|ルール|制約|규칙|제약/iu;

export function isRulesHeading(title: string): boolean {
  return RULES_HEADING.test(title);
}

/** Words that make a sentence outside a rules section worth a warning when it is not understood. */
const RULE_WORDS = /soft[\s-]?delet|hard[\s-]?delet|cascad|many[\s-]to[\s-]many|self[\s-]referenc|软删除|逻辑删除|物理删除|硬删除|级联|多对多|不允许删除|不能删除|不可删除/i;

type Rule = DocumentRule;
type Recognizer = (clause: string, source: RuleSource) => Rule[] | undefined;

const BE = String.raw`(?:are|is|get|gets|will\s+be|shall\s+be|should\s+be|must\s+be|can\s+only\s+be|are\s+only|is\s+only)`;
const SOFT = String.raw`soft[\s-]?deleted`;
const DELETING = String.raw`(?:deleting|removing|when\s+(?:you\s+)?(?:delete|remove)|on\s+delet(?:e|ion)\s+of)`;

/** `un`, `une`, `a`, `ein`... a subject's article, and the words for "may have many" of the languages above. */
const ONE = String.raw`an?|one|each|every|un|una|une|uno|um|uma|ein|eine|einer|cada|chaque|jede[rsm]?|mỗi|một`;
const MANY = String.raw`many|several|multiple|muchos|muchas|varios|varias|muitos|muitas|plusieurs|mehrere|viele|nhiều|più|molti|molte|diversi|diverse`;
const HAS_MANY = String.raw`(?:(?:can|may)\s+have|puede\s+tener|pueden\s+tener|tiene|pode\s+ter|tem|peut\s+avoir|a|kann|hat|có\s+thể\s+có|có|può\s+avere|ha)\s+(?:${MANY})`;
/** `può essere intestatario di più`, `can be a member of several`: a role in many of the others. */
const ROLE_IN_MANY = String.raw`(?:può|possono|puede|pueden|pode|podem|can|may)\s+(?:essere|ser|be)\s+(?:an?\s+|un[oa]?\s+)?(?:\p{L}+\s+)?(?:di|de|of|in)\s+(?:${MANY})`;
/** A relation said to be many-to-many, in the languages above: a sentence saying it is no belongs-to. */
const MANY_TO_MANY_WORDS = /many[\s-]to[\s-]many|molti[\s-]a[\s-]molti|muchos\s+a\s+muchos|muitos\s+para\s+muitos|plusieurs[\s-]à[\s-]plusieurs|viele[\s-]zu[\s-]viele|nhiều[\s–-]+nhiều|\bn:m\b|\bm:n\b|多对多|多対多/iu;
const BELONGS_MANY = String.raw`(?:puede\s+pertenecer\s+a|pertenece\s+a|pode\s+pertencer\s+a|peut\s+appartenir\s+à|appartient\s+à|kann\s+zu|gehört\s+zu|thuộc\s+về)`;

/** A Korean noun's particle, left off a phrase a rule names (`회원을`, `기록은`). */
const KO = String.raw`(?:을|를|은|는|이|가|도)`;

/** Each recognizer reads one clause shape; the first that matches wins. */
const ENGLISH: [RegExp, (m: RegExpExecArray, source: RuleSource) => Rule[]][] = [
  // Korean: `회원을 삭제해도 이용권 기록은 보존한다`, `회원을 삭제하면 출석 기록도 함께 삭제한다`, `회원이 있는 지점은 삭제할 수 없다`.
  [new RegExp(String.raw`^(.+?)${KO}\s*삭제(?:해도|하더라도|되어도)[,，]?\s*(?:그|해당|관련된?)?\s*(.+?)${KO}\s*(?:보존(?:한다|됩니다|합니다|된다)|유지(?:한다|됩니다|합니다|된다)|남(?:는다|습니다|긴다|깁니다)|삭제(?:하지|되지)\s*않(?:는다|습니다))$`, 'u'), (m, source) => [
    { kind: 'keep', parent: m[1]!, child: m[2]!, source },
  ]],
  [new RegExp(String.raw`^(.+?)${KO}?\s*삭제\s*(?:하면|되면|할\s*때|시)[,，]?\s*(?:그|해당|관련된?|하위|소속된?)?\s*(.+?)${KO}\s*(?:함께|같이|모두|전부|자동으로|연쇄)?\s*삭제(?:한다|된다|됩니다|합니다|해야\s*한다|됨)$`, 'u'), (m, source) => cascades(m[1]!, m[2]!, source)],
  // `태스크는 반드시 하나의 프로젝트에 속한다`, `댓글은 하나의 태스크에 속함`.
  [new RegExp(String.raw`^(.+?)${KO}\s*(?:반드시\s*)?(?:하나의|한|한\s*개의)\s*(.+?)에\s*속(?:한다|함|합니다|해야\s*한다)$`, 'u'), (m, source) => [
    { kind: 'belongs-to', child: m[1]!, parent: m[2]!, source },
  ]],
  [new RegExp(String.raw`^(.+?)${KO}\s*(?:있는|남아\s*있는|존재하는|연결된|등록된)\s*(.+?)${KO}\s*삭제할\s*수\s*없(?:다|습니다|음)$`, 'u'), (m, source) => [
    { kind: 'restrict', parent: m[2]!, child: m[1]!, source },
  ]],
  // `The user is soft deleted, and so are their orders.`
  [new RegExp(String.raw`^(.+?)\s+${BE}\s+${SOFT},?\s+and\s+so\s+(?:is|are)\s+(.+)$`, 'i'), (m, source) => [
    { kind: 'soft-delete', entity: m[1]!, source },
    { kind: 'soft-delete-with', parent: m[1]!, child: m[2]!, source },
  ]],
  // `orders are soft deleted with the user`
  [new RegExp(String.raw`^(.+?)\s+${BE}\s+(?:also\s+)?${SOFT}\s+(?:together\s+|along\s+)?(?:with|when\s+deleting)\s+(.+)$`, 'i'), (m, source) => [
    { kind: 'soft-delete-with', parent: m[2]!, child: m[1]!, source },
  ]],
  // `Fahrten werden mit ihrem Fahrzeug soft gelöscht`: the German of the one above.
  [/^(.+?)\s+werden\s+(?:ebenfalls\s+|auch\s+)?(?:zusammen\s+)?mit\s+(?:ihrem|ihrer|seinem|seiner|dem|der|den)\s+(.+?)\s+(?:ebenfalls\s+|auch\s+)?(?:soft[\s-]?gelöscht|logisch\s+gelöscht)$/iu, (m, source) => [
    { kind: 'soft-delete-with', parent: m[2]!, child: m[1]!, source },
  ]],
  // `Patients are soft deleted.`
  [new RegExp(String.raw`^(.+?)\s+${BE}\s+(?:always\s+)?${SOFT}(?:\s+only)?$`, 'i'), (m, source) => listed(m[1]!).map((entity) => ({ kind: 'soft-delete', entity, source }))],
  // `Drivers are never hard-deleted (soft delete).`, `Invoices are never physically deleted`, `Users must not be hard deleted`.
  // Tersely: `shows never hard-deleted, just set deletedAt`.
  [/^(.+?)\s+(?:(?:(?:are|is|must|should|shall|can|may|will)\s+)?(?:not|never)|cannot|(?:can|won|mustn|shouldn|aren|isn)['’]t)(?:\s+be)?\s+(?:hard|physically|permanently)[\s-]?deleted(?:\s*[(（]?\s*soft[\s-]?delet(?:e|ed|ion)\s*[)）]?)?(?:(?:,?\s+|\s*[—–-]\s*)(?:we\s+)?(?:just|only|simply|instead)\s+.+)?$/i, (m, source) => listed(m[1]!).map((entity) => ({ kind: 'soft-delete', entity, source }))],
  // `Audit entries are hard deleted.`, `Sessions are deleted permanently`: their rows go, whatever their parents do.
  [new RegExp(String.raw`^(.+?)\s+${BE}\s+(?:always\s+)?(?:(?:hard|physically|permanently)[\s-]?deleted|deleted\s+(?:permanently|physically|for\s+good))$`, 'i'), (m, source) => listed(m[1]!).map((entity) => ({ kind: 'hard-delete', entity, source }))],
  // `deleting an episode is hard delete`, `delete subscription = real delete`.
  [/^(?:deleting|delete|removing|remove)\s+(?:an?\s+|the\s+)?(.+?)\s*(?:\s(?:is|=|means)\s+(?:an?\s+)?|=\s*)(?:hard|real|physical|permanent)[\s-]?delet(?:e|ion)$/i, (m, source) => [{ kind: 'hard-delete', entity: m[1]!, source }]],
  // `Soft delete users and orders.`, `Use soft deletion for orders.`
  [/^(?:use\s+)?soft[\s-]?delet(?:e|ion)\s+(?!(?:is|are|was|were|isn['’]t|aren['’]t|does|do|doesn['’]t|don['’]t|not|never|will|shall|should|must|may|can)\b)(?:for\s+|of\s+|on\s+)?(.+)$/i, (m, source) => listed(m[1]!).map((entity) => ({ kind: 'soft-delete', entity, source }))],
  // `Orders use soft delete.`
  [/^(.+?)\s+(?:use|uses|support|supports|have|has)\s+soft[\s-]?delet(?:e|ion)$/i, (m, source) => listed(m[1]!).map((entity) => ({ kind: 'soft-delete', entity, source }))],
  // `Deleting a user who is assigned to tickets leaves those tickets unassigned`: the key becomes null, nothing is kept or deleted.
  [new RegExp(String.raw`^${DELETING}\s+(.+?),?\s+(?:leaves|sets|makes|marks)\s+(.+?)\s+(?:unassigned|orphaned|ownerless|unlinked|detached|(?:set\s+)?to\s+null|null|empty|without\s+(?:an?\s+)?\S+|with\s+no\s+\S+)$`, 'i'), (m, source) => [
    { kind: 'set-null', parent: m[1]!.replace(/\s+(?:who|which|that)\s+.*$/i, ''), child: m[2]!, source },
  ]],
  // `Deleting a user keeps their orders`
  [new RegExp(String.raw`^${DELETING}\s+(.+?),?\s+(?:keeps|preserves|retains|leaves|does\s+not\s+delete|doesn't\s+delete|must\s+not\s+delete|should\s+keep|must\s+keep)\s+(.+)$`, 'i'), (m, source) => [
    { kind: 'keep', parent: m[1]!, child: m[2]!, source },
  ]],
  // `Deleting a user soft deletes their orders`
  [new RegExp(String.raw`^${DELETING}\s+(.+?),?\s+(?:also\s+)?soft[\s-]?deletes\s+(.+)$`, 'i'), (m, source) => [
    { kind: 'soft-delete-with', parent: m[1]!, child: m[2]!, source },
  ]],
  // `When a book is removed, its loan history goes with it`, `If a team is deleted, its projects are deleted too`.
  [/^(?:when|if|once|whenever)\s+(?:an?\s+|the\s+)?(.+?)\s+(?:is|gets|are|get)\s+(?:deleted|removed),?\s+(?:then\s+)?(?:all\s+(?:of\s+)?)?(?:its|their|the)\s+(.+?)\s+(?:goes\s+with\s+it|go\s+with\s+(?:it|them)|(?:is|are)\s+(?:also\s+)?(?:deleted|removed)(?:\s+(?:too|as\s+well|with\s+(?:it|them)))?)$/i, (m, source) => [
    ...cascades(m[1]!, m[2]!, source),
  ]],
  // `Deleting an order deletes its items.`
  // A pronoun after the verb (`Deleting a category just removes it from the products`) unlinks the parent: no cascade.
  [new RegExp(String.raw`^${DELETING}\s+(.+?),?\s+(?:also\s+)?(?:deletes|removes|cascades\s+to|will\s+delete|should\s+delete|must\s+delete)\s+(?!(?:it|them|this|that)\b)(.+)$`, 'i'), (m, source) => [
    ...cascades(m[1]!, m[2]!, source),
  ]],
  // Cascades in the other languages requirements come in: `Al borrar una sala se borran sus reservas`,
  // `La suppression d'un auteur supprime ses livres`, `Beim Löschen eines Kunden werden seine Bestellungen gelöscht`,
  // `Khi xóa bác sĩ thì xóa luôn lịch hẹn`.
  // `Cuando se elimina una cita, se eliminan también todas sus recetas`, `Si se borra un paciente, se borran sus citas`.
  [/^(?:cuando|si)\s+se\s+(?:borra|elimina|suprime)\s+(.+?),?\s+(?:se\s+)?(?:borran|eliminan|suprimen|borra|elimina)\s+(?:también\s+|además\s+)?(?:tod[oa]s\s+)?(.+)$/iu, (m, source) => [
    ...cascades(m[1]!, m[2]!, source),
  ]],
  [/^al\s+(?:borrar|eliminar|suprimir)\s+(.+?),?\s+(?:se\s+)?(?:borran|eliminan|suprimen|borra|elimina)\s+(?:también\s+|además\s+)?(.+)$/iu, (m, source) => [
    ...cascades(m[1]!, m[2]!, source),
  ]],
  [/^(?:borrar|eliminar)\s+(.+?)\s+(?:borra|elimina)\s+(?:también\s+)?(.+)$/iu, (m, source) => [...cascades(m[1]!, m[2]!, source)]],
  [/^(?:la\s+suppression\s+d['’]\s*|supprimer\s+)(.+?)\s+supprime\s+(?:aussi\s+|également\s+)?(.+)$/iu, (m, source) => [...cascades(m[1]!, m[2]!, source)]],
  [/^beim\s+löschen\s+(.+?),?\s+werden\s+(?:auch\s+)?(.+?)\s+(?:mit\s+)?gelöscht$/iu, (m, source) => [...cascades(m[1]!, m[2]!, source)]],
  // `Beim Löschen einer Station werden die Fahrräder nicht gelöscht, sondern ohne Station weitergeführt`: their key is cleared.
  [/^beim\s+löschen\s+(?:einer|eines|des|der)\s+(.+?),?\s+werden\s+(?:die|seine|ihre|deren)\s+(.+?)\s+nicht\s+gelöscht,?\s+sondern\s+ohne\s+\S+\s+(?:weitergeführt|behalten|beibehalten|weitergefuehrt)$/iu, (m, source) => [
    { kind: 'set-null', parent: m[1]!, child: m[2]!, source },
  ]],
  // `Khi xóa nhà hàng, toàn bộ danh mục và món ăn của nhà hàng đó cũng bị xóa theo`: the children before the passive verb.
  [/^khi\s+x(?:óa|oá)\s+(.+?),\s*(.+?)\s+(?:(?:cũng|sẽ|đều)\s+)*bị\s+x(?:óa|oá)(?:\s+(?:theo|luôn|cùng|hết))*$/iu, (m, source) => [
    ...cascades(m[1]!, withoutVietnameseOwner(m[2]!), source),
  ]],
  // `Khi xóa danh mục, các món ăn thuộc danh mục đó vẫn giữ lại, chỉ bỏ liên kết danh mục`: kept, their key emptied.
  [/^khi\s+x(?:óa|oá)\s+(.+?),\s*(.+?)\s+(?:vẫn\s+)?(?:được\s+)?giữ\s+lại\b.*(?:bỏ\s+liên\s+kết|để\s+trống|set\s+null)/iu, (m, source) => [
    ...listed(withoutVietnameseOwner(m[2]!)).map((child): Rule => ({ kind: 'set-null', parent: m[1]!, child, source })),
  ]],
  [/^(?:khi\s+)?x(?:óa|oá)\s+(.+?),?\s+(?:thì\s+)?(?:sẽ\s+|cũng\s+)?x(?:óa|oá)\s+(?:luôn\s+|cả\s+|theo\s+)?(.+?)(?:\s+(?:luôn|theo))?$/iu, (m, source) => [
    ...cascades(m[1]!, m[2]!, source),
  ]],
  // Italian: `Se si elimina un immobile, vengono eliminati anche tutti i suoi contratti`.
  [/^(?:se\s+si\s+elimina|quando\s+si\s+elimina|eliminando)\s+(.+?),?\s+(?:vengono|sono)\s+(?:eliminat[ie]|cancellat[ie])\s+(?:anche\s+)?(?:tutti\s+|tutte\s+)?(?:i\s+suoi|le\s+sue|i\s+relativi|le\s+relative|i|le|gli)?\s*(.+)$/iu, (m, source) => [
    ...cascades(m[1]!, m[2]!, source),
  ]],
  // `Un proprietario che ha ancora immobili in gestione non può essere eliminato`, `Non si può eliminare una zona che contiene sottozone`.
  [/^(?:un[oa]?\s+)?(.+?)\s+che\s+(?:ha|contiene|possiede)\s+(?:ancora\s+)?(.+?)\s+non\s+può\s+essere\s+(?:eliminat[oa]|cancellat[oa])$/iu, (m, source) => [
    { kind: 'restrict', parent: m[1]!, child: m[2]!.replace(/\s+in\s+\p{L}+$/u, ''), source },
  ]],
  [/^non\s+si\s+può\s+(?:eliminare|cancellare)\s+(?:un[oa]?\s+)?(.+?)\s+che\s+(?:ha|contiene|possiede)\s+(?:ancora\s+)?(.+)$/iu, (m, source) => [
    { kind: 'restrict', parent: m[1]!, child: m[2]!, source },
  ]],
  // `When a project is deleted, its tasks are deleted too.` / `... are kept.`
  [/^when\s+(.+?)\s+(?:is|are)\s+deleted,?\s+(.+?)\s+(?:are|is)\s+(?:also\s+)?(deleted|kept|soft[\s-]?deleted)(?:\s+too|\s+as\s+well|\s+(?:along\s+)?with\s+(?:it|them))?$/i, (m, source) => [
    ...(m[3]!.toLowerCase() === 'kept'
      ? [{ kind: 'keep', parent: m[1]!, child: m[2]!, source } as const]
      : m[3]!.toLowerCase() === 'deleted'
        ? cascades(m[1]!, m[2]!, source)
        : [{ kind: 'soft-delete-with', parent: m[1]!, child: m[2]!, source } as const]),
  ]],
  // `A category with products cannot be deleted`, `You cannot delete a customer who has orders`,
  // `Categories that still have products can't be deleted`.
  [/^(?:an?\s+|the\s+)?(.+?)\s+(?:with|that\s+(?:still\s+)?(?:has|have)|which\s+(?:still\s+)?(?:has|have)|who\s+(?:still\s+)?(?:has|have)|having)\s+(?:any\s+|one\s+or\s+more\s+)?(.+?)\s+(?:cannot|can't|can\s+not|must\s+not|may\s+not|should\s+not)\s+be\s+(?:deleted|removed)$/i, (m, source) => [
    { kind: 'restrict', parent: m[1]!, child: m[2]!, source },
  ]],
  [/^(?:you\s+|users?\s+)?(?:cannot|can't|can\s+not|must\s+not|may\s+not)\s+(?:delete|remove)\s+(?:an?\s+|the\s+)?(.+?)\s+(?:that|which|who|while\s+it|while\s+they|as\s+long\s+as\s+it)\s+(?:still\s+)?(?:has|have|is\s+used\s+by|are\s+used\s+by)\s+(?:any\s+)?(.+)$/i, (m, source) => [
    { kind: 'restrict', parent: m[1]!, child: m[2]!, source },
  ]],
  // `Deleting a category with products is refused`
  [new RegExp(String.raw`^${DELETING}\s+(?:an?\s+|the\s+)?(.+?)\s+(?:with|that\s+has|that\s+have|which\s+has)\s+(.+?)\s+(?:is|are)\s+(?:refused|rejected|not\s+allowed|forbidden|prevented)$`, 'i'), (m, source) => [
    { kind: 'restrict', parent: m[1]!, child: m[2]!, source },
  ]],
  // `No se puede borrar una categoría que tenga recetas asociadas`, `Un auteur qui a des livres ne peut pas être supprimé`,
  // `Instructor kann nicht gelöscht werden solange er Kurse hat`, `Não é possível excluir um cliente que tenha pedidos`.
  [/^no\s+se\s+(?:puede|pueden|permite)\s+(?:borrar|eliminar|suprimir)\s+(?:un[oa]?\s+|el\s+|la\s+|los\s+|las\s+)?(.+?)\s+(?:que|mientras)\s+(?:tenga|tengan|tiene|tienen)\s+(?:aún\s+|todavía\s+)?(.+?)(?:\s+asociad[oa]s?|\s+vinculad[oa]s?)?$/iu, (m, source) => [
    { kind: 'restrict', parent: m[1]!, child: m[2]!, source },
  ]],
  [/^(?:on\s+ne\s+peut\s+pas\s+supprimer\s+|impossible\s+de\s+supprimer\s+)(?:une?\s+|l['’]\s*|le\s+|la\s+)?(.+?)\s+qui\s+(?:a|ont|possède|possèdent)\s+(?:encore\s+)?(?:des\s+)?(.+)$/iu, (m, source) => [
    { kind: 'restrict', parent: m[1]!, child: m[2]!, source },
  ]],
  [/^(?:une?\s+|l['’]\s*|le\s+|la\s+)?(.+?)\s+qui\s+(?:a|ont|possède|possèdent)\s+(?:encore\s+)?(?:des\s+)?(.+?)\s+ne\s+(?:peut|peuvent)\s+pas\s+être\s+supprimée?s?$/iu, (m, source) => [
    { kind: 'restrict', parent: m[1]!, child: m[2]!, source },
  ]],
  [/^(?:ein(?:e|en)?\s+|der\s+|die\s+|das\s+)?(.+?)\s+(?:kann|können|darf|dürfen)\s+nicht\s+gelöscht\s+werden,?\s+(?:solange|wenn|falls)\s+(?:er|sie|es)\s+(?:noch\s+)?(.+?)\s+(?:hat|haben|besitzt)$/iu, (m, source) => [
    { kind: 'restrict', parent: m[1]!, child: m[2]!, source },
  ]],
  // `Eine Kategorie kann nicht gelöscht werden, solange ihr Fahrräder zugeordnet sind`.
  [/^(?:ein(?:e|en)?\s+|der\s+|die\s+|das\s+)?(.+?)\s+(?:kann|können|darf|dürfen)\s+nicht\s+gelöscht\s+werden,?\s+(?:solange|wenn|falls)\s+(?:ihr|ihm|ihnen)\s+(?:noch\s+)?(.+?)\s+zugeordnet\s+(?:ist|sind)$/iu, (m, source) => [
    { kind: 'restrict', parent: m[1]!, child: m[2]!, source },
  ]],
  // `Ein Fahrrad mit Buchungen kann nicht gelöscht werden`.
  [/^(?:ein(?:e|en)?\s+|der\s+|die\s+|das\s+)?(\S+)\s+mit\s+(?:noch\s+)?(.+?)\s+(?:kann|können|darf|dürfen)\s+nicht\s+gelöscht\s+werden$/iu, (m, source) => [
    { kind: 'restrict', parent: m[1]!, child: m[2]!, source },
  ]],
  [/^não\s+(?:é\s+possível|se\s+pode|pode)\s+(?:excluir|apagar|remover)\s+(?:um[a]?\s+|o\s+|a\s+)?(.+?)\s+que\s+(?:tenha|tenham|tem|têm)\s+(?:ainda\s+)?(.+?)(?:\s+associad[oa]s?|\s+vinculad[oa]s?)?$/iu, (m, source) => [
    { kind: 'restrict', parent: m[1]!, child: m[2]!, source },
  ]],
  [/^không\s+(?:được|thể)\s+xóa\s+(.+?)\s+(?:khi|nếu)\s+(?:còn|vẫn\s+còn|đang\s+có|có)\s+(.+)$/iu, (m, source) => [
    { kind: 'restrict', parent: m[1]!, child: m[2]!, source },
  ]],
  // `A category may have a parent category.`
  [/^(.+?)\s+(?:may|can|might|could)\s+(?:have|belong\s+to)\s+(?:a|an|one)\s+parent(?:\s+.+)?$/i, (m, source) => [{ kind: 'self-reference', entity: m[1]!, source }]],
  // `Eine Kategorie kann eine Oberkategorie haben`, `… eine übergeordnete Kategorie haben`.
  [/^(?:ein(?:e|en)?\s+|der\s+|die\s+|das\s+|jede[rsm]?\s+)?(\S+)\s+kann\s+(?:eine[nr]?|ein)\s+(ober\p{L}+|eltern\p{L}*)\s+haben$/iu, (m, source) => [{ kind: 'self-reference', entity: m[1]!, via: m[2]!.toLowerCase(), source }]],
  [/^(.+?)\s+(?:are|is|form)\s+(?:hierarchical|nested|a\s+tree|a\s+hierarchy)$/i, (m, source) => [{ kind: 'self-reference', entity: m[1]!, source }]],
  // `A comment may reply to another comment`, `A task can be a copy of another task`: the row refers to one of its kind, by the key the word names.
  [/^(?:an?\s+|each\s+)?(.+?)\s+(?:may|can|might|could)\s+(?:be\s+(?:an?\s+)?)?(\p{L}+)\s+(?:to|of|on|from)\s+another\s+(.+)$/iu, (m, source) =>
    singularWord(m[1]!) === singularWord(m[3]!) ? [{ kind: 'self-reference', entity: m[1]!, via: m[2]!.toLowerCase(), source }] : []],
  // `A product can carry many tags, and a tag many products.`
  [/^(.+?)\s+(?:can|may)\s+(?:carry|have|hold|contain|belong\s+to|be\s+tagged\s+with|be\s+in|reference|link\s+to)\s+(?:many|several|multiple|any\s+number\s+of|one\s+or\s+(?:more|several|many))\s+(.+?),?\s+and\s+(.+?)\s+(?:(?:can|may)\s+\w+(?:\s+\w+)?\s+)?(?:many|several|multiple|one\s+or\s+more)\s+(.+)$/i, (m, source) => [
    { kind: 'many-to-many', from: m[1]!, to: m[2]!, source },
  ]],
  [/^(.+?)\s+and\s+(.+?)\s+are\s+(?:linked\s+)?many[\s-]to[\s-]many$/i, (m, source) => [{ kind: 'many-to-many', from: m[1]!, to: m[2]!, source }]],
  // `Un auteur peut avoir plusieurs livres, et un livre plusieurs auteurs`, `Un libro puede tener varios autores y un autor varios libros`,
  // `Ein Buch kann mehrere Autoren haben, und ein Autor mehrere Bücher`, `Một sách có nhiều tác giả và một tác giả có nhiều sách`.
  [new RegExp(String.raw`^(?:${ONE})\s+(.+?)\s+(?:${HAS_MANY}|${ROLE_IN_MANY})\s+(.+?)(?:\s+haben)?,?\s+(?:y|e|et|und|và)\s+(?:${ONE})\s+(.+?)\s+(?:${HAS_MANY}|${BELONGS_MANY})?\s*(?:${MANY})\s+(.+?)(?:\s+(?:haben|gehören))?$`, 'iu'), (m, source) => [
    { kind: 'many-to-many', from: m[1]!, to: m[2]!, source },
  ]],
  [/^(.+?)\s+(?:y|e|et|und|và)\s+(.+?)\s+(?:(?:tienen|têm|ont|haben|có)\s+)?(?:una\s+relación|uma\s+relação|une\s+relation|eine\s+beziehung|quan\s+hệ)?\s*(?:muchos\s+a\s+muchos|muitos\s+para\s+muitos|plusieurs[\s-]à[\s-]plusieurs|n:m|m:n|viele[\s-]zu[\s-]viele|nhiều[\s-]nhiều)$/iu, (m, source) => [
    { kind: 'many-to-many', from: m[1]!, to: m[2]!, source },
  ]],
  // `Un paciente puede tener muchas citas`, `Un client peut avoir plusieurs commandes`, `Ein Kunde kann mehrere Bestellungen haben`.
  [new RegExp(String.raw`^(?:${ONE})\s+(.+?)\s+${HAS_MANY}\s+(.+?)(?:\s+haben)?$`, 'iu'), (m, source) =>
    MANY_TO_MANY_WORDS.test(source.text) ? [] : [{ kind: 'belongs-to', child: m[2]!, parent: m[1]!, source }]],
  // `Les paiements sont supprimés en cascade lorsque leur réservation est supprimée`, `Las citas se borran en cascada cuando se borra su paciente`.
  [/^(?:les\s+|las\s+|los\s+)?(.+?)\s+(?:sont|seront|se\s+(?:eliminan|borran))\s+(?:supprimée?s\s+)?en\s+(?:cascade|cascada)\s+(?:lorsque|quand|dès\s+que|si|cuando|si)\s+(?:se\s+(?:elimina|borra)\s+)?(?:leur|la|le|l['’]|su|el|la)\s*(.+?)(?:\s+est\s+supprimée?(?:\s+.*)?)?$/iu, (m, source) => [
    ...cascades(m[2]!, m[1]!, source),
  ]],
  // `On ne supprime jamais physiquement une réservation`: its rows are soft deleted.
  [/^on\s+ne\s+supprime\s+jamais\s+(?:physiquement\s+|définitivement\s+)?(?:une?\s+|les?\s+|la\s+|l['’]\s*|des\s+)?(.+?)(?:\s+(?:physiquement|définitivement))?(?:\s+(?:depuis|dans|via|par)\s+.+)?$/iu, (m, source) => [
    { kind: 'soft-delete', entity: m[1]!, source },
  ]],
  // `Las citas se eliminan en cascada con el paciente`, `Les emprunts sont supprimés en cascade avec l'adhérent`, `Orders are cascade deleted with the user`.
  [/^(?!(?:when|if|once|after|cuando|si|quand|lorsque)\s)(.+?)\s+(?:se\s+(?:eliminan|borran|suprimen|eliminarán|borrarán)|(?:sont|seront)\s+supprimée?s|(?:são|serão)\s+excluíd[oa]s|(?:are|is|will\s+be)\s+(?:cascade[\s-]deleted|deleted))\s+(?:en\s+cascada|en\s+cascade|em\s+cascata|in\s+cascade)?\s*(?:con|junto\s+con|avec|com|with|along\s+with|together\s+with)\s+(.+)$/iu, (m, source) =>
    // `avec leur réservation`, `con su paciente`: deleted with the row they belong to, a cascade though the word is not said.
    /cascad|cascat/i.test(m[0]) || /\bwith\b/i.test(m[0]) || /^(?:leurs?|son|sa|ses|su|sus|seus?|suas?)\s/iu.test(m[2]!) ? cascades(m[2]!, m[1]!, source) : []],
  // `A project has many tasks.` (one-to-many, read from the other side)
  [/^(.+?)\s+(?:has|have|can\s+have|may\s+have|contains?)\s+(?:many|several|multiple)\s+(.+)$/i, (m, source) => [{ kind: 'belongs-to', child: m[2]!, parent: m[1]!, source }]],
  // `Users can belong to many teams`: a user in many, and (the sentence does not deny it) many in each.
  [/^(.+?)\s+(?:can\s+|may\s+)?(?:belongs?|belonging)\s+to\s+(?:many|several|multiple|one\s+or\s+more|any\s+number\s+of)\s+(.+)$/i, (m, source) => [{ kind: 'many-to-many', from: m[1]!, to: m[2]!, source }]],
  // `A task belongs to a project.`
  [/^(.+?)\s+(?:belongs?|belonging)\s+to\s+(?:exactly\s+)?(.+)$/i, (m, source) => [{ kind: 'belongs-to', child: m[1]!, parent: m[2]!, source }]],
  // `Una receta pertenece a un autor`, `Un livre appartient à un auteur`, `Eine Bestellung gehört zu einem Kunden`, `Um pedido pertence a um cliente`.
  [/^(.+?)\s+(?:pertenece|pertenecen|appartient|appartiennent|pertence|pertencem|gehört|gehören|thuộc\s+về)\s+(?:a|à|au|zu|an)?\s*(?:exactamente\s+|exactement\s+|genau\s+)?(.+?)$/iu, (m, source) => [
    { kind: 'belongs-to', child: m[1]!, parent: m[2]!, source },
  ]],
  // `Patient 1 : n Termin`, `Order 1..* OrderLine`: an entity-relationship diagram's cardinalities, written as a line.
  [/^([\p{L}][\p{L}\p{N}_ ]{0,40}?)\s+1\s*(?::|-|\.\.)?\s*(?:n|m|\*|0\s*\.\.\s*[n*]|1\s*\.\.\s*[n*])\s+([\p{L}][\p{L}\p{N}_ ]{0,40})$/iu, (m, source) => [{ kind: 'belongs-to', child: m[2]!.trim(), parent: m[1]!.trim(), source }]],
  // `Termin 1 : 0..1 Rechnung`, `User 1:1 Profile`.
  [/^([\p{L}][\p{L}\p{N}_ ]{0,40}?)\s+1\s*:\s*(?:1|0\s*\.\.\s*1)\s+([\p{L}][\p{L}\p{N}_ ]{0,40})$/iu, (m, source) => [{ kind: 'has-one', owner: m[1]!.trim(), owned: m[2]!.trim(), source }]],
  // `Each user has one profile.`
  [/^(?:each|every|a|an|one)\s+(.+?)\s+(?:has|owns)\s+(?:exactly\s+)?(?:one|a\s+single)\s+(.+)$/i, (m, source) => [{ kind: 'has-one', owner: m[1]!, owned: m[2]!, source }]],
];

const CHINESE: [RegExp, (m: RegExpExecArray, source: RuleSource) => Rule[]][] = [
  // Japanese: `商品を削除しても在庫は削除されない`, `商品を削除すると在庫も削除される`, `在庫が残っている倉庫は削除できない`.
  [/^(.+?)を削除しても[、,]?(.+?)(?:は|が)(?:削除されない|削除しない|残る|残ります|保持される)(?:。)?$/u, (m, source) => [{ kind: 'keep', parent: m[1]!, child: m[2]!, source }]],
  // `イベントを削除した場合、そのイベントに紐づくチケットもすべて削除する（カスケード削除）`.
  [
    /^([^、,。]+?)を削除(?:すると|した場合|する場合|したとき|した時|する時|時)(?!でも)(?:は)?[、,]?(?:その|関連する|当該)?(?:[^、,。]+?に(?:紐づく|紐付く|紐付けられた|関連する|属する))?([^、,。]+?)(?:も|は)(?:すべて|全て|一緒に|同時に|あわせて|合わせて)?削除(?:される|されます|する|します)(?:[（(][^）)]*[）)])?$/u,
    (m, source) => cascades(m[1]!, m[2]!, source),
  ],
  // `在庫が残っている倉庫は削除できない`, `イベントが1件でも登録されている会場は削除できない`.
  [
    /^(.+?)が(?:1件でも|一件でも)?(?:残っている|存在する|ある|紐づいている|紐付いている|登録されている)(.+?)は削除(?:できない|できません|不可)$/u,
    (m, source) => [{ kind: 'restrict', parent: m[2]!, child: m[1]!, source }],
  ],
  // `删除分类时，若该分类下有商品，则不允许删除`, `删除部门前如果部门下存在员工则不能删除`
  [/^删除(.+?)(?:时|前|之前)[，,]?(?:若|如果|如|当|假如)?(?:该|此|这个)?(?:\1)?(?:下|中|里|内)?(?:还有|仍有|存在|有)(.+?)(?:时|的话)?[，,]?(?:则|就)?(?:不允许|不能|不可以?|禁止|不得)(?:被)?删除$/u, (m, source) => [
    { kind: 'restrict', parent: m[1]!, child: m[2]!, source },
  ]],
  // `借阅随读者软删除`
  [/^(.+?)(?:随|跟随|随着)(.+?)(?:一起|一并|同时)?(?:被)?(?:软删除|逻辑删除)$/u, (m, source) => [{ kind: 'soft-delete-with', parent: m[2]!, child: m[1]!, source }]],
  // `删除用户时软删除其订单`
  [/^删除(.+?)(?:时|后)?[，,]?(?:会|将|也|应|需要|需)?(?:同时|一并)?(?:软删除|逻辑删除)(.+)$/u, (m, source) => [{ kind: 'soft-delete-with', parent: m[1]!, child: m[2]!, source }]],
  // `部门下还有员工时不允许删除`, `有商品的分类不能删除`, `分类下有商品时不可删除`
  [/^(.+?)(?:下|中|里|内)?(?:还有|仍有|存在|有)(.+?)(?:时|的时候)[，,]?(?:该.+?)?(?:不允许|不能|不可|不可以|禁止)(?:被)?删除$/u, (m, source) => [
    { kind: 'restrict', parent: m[1]!, child: m[2]!, source },
  ]],
  [/^(?:还)?有(.+?)的(.+?)(?:不允许|不能|不可|不可以|禁止)(?:被)?删除$/u, (m, source) => [{ kind: 'restrict', parent: m[2]!, child: m[1]!, source }]],
  // `删除读者时保留其借阅记录`
  [/^删除(.+?)(?:时|后)?[，,]?(?:会|将|应|需要|需)?(?:保留|不删除|不会删除)(.+)$/u, (m, source) => [{ kind: 'keep', parent: m[1]!, child: m[2]!, source }]],
  // `删除员工时，其所有请假申请一并删除`, `员工删除后其请假记录也被删除`: the child named before the verb.
  [/^(?:删除(.+?)(?:时|后)|(.+?)(?:被)?删除(?:时|后))[，,]?(?:其|它的|他的|该.+?的)?(?:所有|全部)?的?(.+?)(?:也|都|会|将|应|需)*(?:一并|同时|一起|随之|跟着)?(?:被)?(?:级联)?(软删除|逻辑删除|删除|保留)$/u, (m, source) => {
    const parent = m[1] ?? m[2]!;
    const verb = m[4]!;
    if (verb === '保留') return [{ kind: 'keep', parent, child: m[3]!, source }];
    if (verb === '删除') return cascades(parent, m[3]!, source);
    return [{ kind: 'soft-delete-with', parent, child: m[3]!, source }];
  }],
  // `删除时级联删除该仓库下的所有库存记录`: the parent named as where the children are.
  [/^删除(?:时|后)[，,]?(?:会|将|也|应|需要|需)?(?:同时|一并)?(?:级联)?删除(?:该|其|此)(.+?)(?:下|中|里|内)的?(?:所有|全部)?(.+)$/u, (m, source) => cascades(m[1]!, m[2]!, source)],
  // `删除订单时删除其明细` / `删除项目会级联删除任务`
  [/^删除(.+?)(?:时|后)?[，,]?(?:会|将|也|应|需要|需)?(?:同时|一并)?(?:级联)?删除(.+)$/u, (m, source) => cascades(m[1]!, m[2]!, source)],
  // `读者软删除`, `订单采用逻辑删除`
  // `请假申请删除为软删除`, `订单的删除采用逻辑删除`
  [/^(.+?)(?:的)?(?:删除|删除方式|删除操作)?(?:采用|使用|支持|需要|需|要|均|都|为|做|是)?(?:软删除|逻辑删除)$/u, (m, source) => listed(m[1]!).map((entity) => ({ kind: 'soft-delete', entity, source }))],
  // `考勤记录为物理删除`, `日志采用硬删除`
  // `库存记录只能物理删除`: only ever for good.
  [/^(.+?)(?:的)?(?:删除|删除方式|删除操作)?(?:只能|仅能|只可以|只可|仅可|一律)?(?:采用|使用|均为|都是|为|是|做)?(?<!不允许|不能|不可|禁止|不得|不|勿|非)(?:物理删除|硬删除)$/u, (m, source) => listed(m[1]!).map((entity) => ({ kind: 'hard-delete', entity, source }))],
  [/^(?:软删除|逻辑删除)[:：]?(?![。.!！?？，,])(.+)$/u, (m, source) => listed(m[1]!).map((entity) => ({ kind: 'soft-delete', entity, source }))],
  // `分类可以有父分类`
  [/^(.+?)(?:可以|可|可能|允许)?有(?:一个)?(?:父|上级|父级)/u, (m, source) => [{ kind: 'self-reference', entity: m[1]!, source }]],
  // `商品和标签是多对多`, `一个商品可以有多个标签，一个标签也可以属于多个商品`
  [/^(.+?)(?:和|与|跟)(.+?)(?:之间)?(?:是|为)?多对多(?:关系)?$/u, (m, source) => [{ kind: 'many-to-many', from: m[1]!, to: m[2]!, source }]],
  [/^一个(.+?)可以(?:有|包含|关联|带有|打上)多个(.+?)[，,]\s*一个.+?(?:也)?可以(?:属于|有|关联)多个.+$/u, (m, source) => [{ kind: 'many-to-many', from: m[1]!, to: m[2]!, source }]],
  // `每个任务属于一个项目`
  [/^(?:每个|每位|每本|每条|一个)?(.+?)属于(?:一个|某个)?(.+)$/u, (m, source) => [{ kind: 'belongs-to', child: m[1]!, parent: m[2]!, source }]],
  // `一条请假申请可以有多条审批记录`: one-to-many, read from the other side.
  [/^(?:一个|一条|一位|一本|一张|一份|每个|每条|每位|每本|每张|每份)?(.+?)(?:可以|可|能|会)?(?:有|包含|拥有|对应|关联)多(?:个|条|位|本|项|笔|张|份)(.+)$/u, (m, source) => [
    { kind: 'belongs-to', child: m[2]!, parent: m[1]!, source },
  ]],
  // `每个用户有一个资料`
  [/^每(?:个|位|本|条)?(.+?)(?:有且仅有|有且只有|只能有|只可以有|仅能有|仅有|只有|有)一个(.+)$/u, (m, source) => [{ kind: 'has-one', owner: m[1]!, owned: m[2]!, source }]],
];

/** `users and orders`, `users, orders`, `用户和订单`, `ingredientes, comentarios y valoraciones` → each name. */
function listed(text: string): string[] {
  return text
    .split(/\s*(?:,|，|、|(?<![\p{L}])(?:and|or|y|e|o|et|ou|und|oder|và|hoặc)(?![\p{L}])|和|及|与|以及|或)\s*/u)
    .map((part) => part.trim())
    .filter((part) => part !== '' && !HOW_SAID.test(part));
}

/** How a deletion happens, said after its list (`se eliminan también todas sus citas, en cascada`): no entity. */
const HOW_SAID = /^(?:en\s+cascada|en\s+cascade|in\s+cascade|in\s+kaskade|as\s+well|too|also|también|aussi|auch|ebenfalls|for\s+good|permanently|para\s+siempre|por\s+completo|definitivamente|级联|一并|同时)$/iu;

/** `món ăn của nhà hàng đó`, `các món ăn thuộc danh mục đó`: the children without the parent they are said to be of. */
function withoutVietnameseOwner(children: string): string {
  return children.replace(/\s+(?:của|thuộc(?:\s+về)?)\s+.*$/u, '').replace(/^(?:toàn\s+bộ|tất\s+cả|các|những)\s+/u, '');
}

/** `Deleting a recipe deletes its ingredients, comments and ratings`: a cascade to each child listed. */
function cascades(parent: string, children: string, source: RuleSource): Rule[] {
  return listed(children).map((child) => ({ kind: 'cascade', parent, child, source }));
}

/** A field's identifier glossing a label (`barcode`, `credit_code`, `lockedQuantity`). */
const GLOSSED_IDENTIFIER = /^\s*[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*\s*$/;
/** Text ending in a CJK character: a label the identifier after it glosses. */
const CJK_END = /[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]$/u;

/** A sentence without list markers, emphasis, parentheticals and its final stop. */
function cleanSentence(text: string): string {
  return text
    .replace(/^(?:\d+[.)、]|[-*•])\s+/, '')
    // A rule's number (`RG8 :`, `BR-3.`, `R12)`) names no entity.
    .replace(/^(?:\p{Lu}{1,4}[-_ ]?\d+(?:\.\d+)*\s*[:：.)\-—–]|\p{Lu}{1,4}[-_]\d+(?:\.\d+)*)\s+/u, '')
    // Emphasis marks, not the underscores inside a name (`license_no`).
    .replace(/[*`]|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '')
    // A parenthetical is an aside, unless it names a rule the sentence does not name itself (`se eliminan (soft delete)`),
    // or glosses the label before it with the field's identifier (`条形码（barcode）可以为空，不为空时必须唯一`).
    .replace(/\s*[(（]([^)）]*)[)）]/g, (_whole: string, aside: string, at: number, all: string) => {
      if (RULE_WORDS.test(aside) && !RULE_WORDS.test(text.replace(aside, ''))) return ` ${aside}`;
      return GLOSSED_IDENTIFIER.test(aside) && CJK_END.test(all.slice(0, at)) ? ` ${aside.trim()} ` : '';
    })
    .trim()
    .replace(/[.。!！]+$/, '')
    .trim();
}

/** Clauses of a sentence: split at `:`, `;` and sentence stops (a rule may fill one clause). */
function clausesOf(sentence: string): string[] {
  return sentence
    .split(/\s*[:;：；。]\s*|\.\s+/)
    // `删除仓库采用物理删除，删除时级联删除…`: a clause saying how its rows are deleted ends at its comma.
    .flatMap((clause) => clause.split(/(?<=(?:物理|硬|软|逻辑)删除)[，,]\s*/u))
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '');
}

/**
 * "Soft delete" in the other languages a requirements document comes in: the sentence names the
 * entity somewhere around it (`Les adhérents sont supprimés logiquement`, `Bệnh nhân bị xóa mềm`,
 * `商品は論理削除とする`).
 */
const SOFT_DELETE_ELSEWHERE =
  /(?:just|only|simply|merely)\s+(?:flagged|marked)(?:\s+as\s+(?:deleted|inactive))?|(?:does|do|will|must|should)\s+not\s+(?:remove|delete|erase)\s+(?:it|them|the\s+rows?|the\s+records?)\s+from\s+the\s+(?:database|db|table)|(?:is|are)\s+(?:only\s+)?(?:marked|flagged)\s+as\s+(?:deleted|archived|removed|inactive)|(?:we\s+)?(?:keep|set|fill)s?\s+(?:a|the)\s+deleted_?at\b|(?:solo|soltanto)\s+contrassegnat[ioae]\s+come\s+(?:cancellat|eliminat)[ioae]|non\s+vengono\s+mai\s+(?:cancellat|eliminat)[ioae]\s+fisicamente|chỉ\s+đánh\s+dấu(?:\s+(?:là\s+)?đã\s+xóa)?|(?:仅|只|只是)?标记为?已?删除|(?:elimin|borr)(?:an?|ad[oa]s?)\s+de\s+(?:forma|manera)\s+l[óo]gica|baja\s+l[óo]gica|supprim[ée]e?s?\s+(?:de\s+(?:manière|façon)\s+logique|logiquement)|suppression\s+(?:logique|douce)|borrado\s+(?:lógico|suave)|eliminaci[óo]n\s+l[óo]gica|(?:eliminad|borrad)[oa]s?\s+l[óo]gicamente|logisch\s+gelöscht|weich\s+gelöscht|no\s+se\s+(?:borran|eliminan)(?:\s+f[íi]sicamente)?,?\s+(?:sino\s+que\s+)?(?:solo\s+)?se\s+(?:cancelan|archivan|desactivan)|logische\s+löschung|(?:nie|niemals)\s+(?:physisch|endgültig|hart|wirklich|tatsächlich)\s+gelöscht|nur\s+(?:deaktiviert|archiviert)(?:\s*\/\s*(?:deaktiviert|archiviert))?|x(?:óa|oá|oa)\s+mềm|論理削除|ソフトデリート/iu;
/** Verbs and particles around it that name nothing. */
const SOFT_DELETE_FILLERS =
  /soft[\s-]?delet\w*|\b(?:les?|la|l'|sont|est|seront|utilisent|utilise|los|las|el|se|son|es|serán|usan|utilizan|usa|utiliza|werden|wird|nutzen|verwenden|die|der|das)\b|(?:bị|được|sẽ|là)(?![\p{L}])|は|を|とする|とします|する|します|です/giu;

/** A negation right before the phrase (`jamais supprimés logiquement`, `không xóa mềm`): no rule. */
const NEGATED = /(?:\b(?:never|not|no|pas|jamais|nunca|nicht|nie|kein\w*)|không|chưa|不|没有|ない)\s*(?:[\p{L}'’]+\s+)?$/iu;

function softDeleteElsewhere(clause: string, source: RuleSource): Rule[] | undefined {
  const text = clause.normalize('NFC');
  const phrase = SOFT_DELETE_ELSEWHERE.exec(text);
  if (!phrase || NEGATED.test(text.slice(0, phrase.index))) return undefined;
  const entity = text.replace(phrase[0], ' ').replace(SOFT_DELETE_FILLERS, ' ').replace(/[,，、]/g, ' ').replace(/\s+/g, ' ').trim();
  return entity === '' ? undefined : [{ kind: 'soft-delete', entity, source }];
}

/** A Chinese rule whose phrase runs over a comma read too much: `每个部门只能有一个负责人，负责人必须是本部门员工`. */
function spansClauses(rule: Rule): boolean {
  return Object.entries(rule).some(([key, value]) => key !== 'note' && typeof value === 'string' && /[，,]/.test(value));
}

/** Chinese clauses run on with commas: each part may state a rule of its own. */
const recognize: Recognizer = (clause, source) => {
  const whole = recognizeClause(clause, source);
  if (!/[\u4e00-\u9fff]/.test(clause)) return spaced(clause, whole, source);
  if (!/[，,]/.test(clause) || (whole !== undefined && !whole.some(spansClauses))) return whole;
  const parts = clause.split(/\s*[，,]\s*/).flatMap((part) => (recognizeClause(part, source) ?? []).filter((rule) => !spansClauses(rule)));
  return parts.length > 0 ? parts : undefined;
};

/**
 * Where a clause written with spaces joins two with `and` and a new subject (`Un paciente puede
 * tener muchas citas y cada cita pertenece a un único médico`), a rule read from the whole whose
 * names run over the join is a misreading: each part is read alone.
 */
const JOINED = /\s*,?\s+(?:and|y|e|et|und|và)\s+(?=(?:each|every|a|an|the|one|cada|un|una|el|la|los|las|chaque|une|le|les|jede[rsnm]?|ein|eine|der|die|das|mỗi|một)\s)/iu;

function spaced(clause: string, whole: Rule[] | undefined, source: RuleSource): Rule[] | undefined {
  const parts = clause.split(JOINED);
  if (parts.length < 2 || (whole !== undefined && !whole.some((rule) => spansJoin(rule)))) return whole;
  const read = parts.flatMap((part) => recognizeClause(part, source) ?? []);
  return read.length > 0 ? read : undefined;
}

/** A rule whose names hold a join of two clauses. */
function spansJoin(rule: Rule): boolean {
  return Object.entries(rule).some(([key, value]) => key !== 'note' && typeof value === 'string' && JOINED.test(value));
}

/**
 * A deletion said not to happen (`La suppression d'un auteur ne supprime pas ses livres`, `Eliminar
 * un paciente no elimina sus citas`, `werden seine Bestellungen nicht gelöscht`): the clause
 * without its negation, or undefined where none is there. Read as a cascade, such a clause keeps.
 * (English negations have recognizers of their own: `Deleting a user does not delete their orders`.)
 */
const DELETION_NEGATIONS: [RegExp, string][] = [
  [/\bne\s+(supprimer?|suppriment|efface|effacent|sont|est|seront)\s+(?:pas|jamais|point)\b/giu, '$1'],
  [/\bn['’]\s*(efface|effacent|est)\s+(?:pas|jamais)\b/giu, '$1'],
  [/\b(?:no|nunca|não|nao|non)\s+(se\s+)?(?=(?:elimin|borr|suprim|apag|exclu|cancell)\p{L}*)/giu, '$1'],
  [/\b(löscht|löschen)\s+nicht\b/giu, '$1'],
  [/\s+nicht(?=\s+(?:mit\s+)?gelöscht)/giu, ''],
  [/\bkhông\s+(?=x(?:óa|oá|oa))/giu, ''],
];

function affirmedDeletion(clause: string): string | undefined {
  let affirmed = clause;
  for (const [negation, replacement] of DELETION_NEGATIONS) affirmed = affirmed.replace(negation, replacement);
  return affirmed === clause ? undefined : affirmed.replace(/\s+/g, ' ').trim();
}

/**
 * A field no answer shows: `The API never returns the password`, `password is never returned`,
 * `接口不返回密码字段`, `パスワードはレスポンスに含めない`, `nunca se devuelve la contraseña`: a note
 * making it write-only on the fields it names.
 */
const NEVER_ANSWERED: RegExp[] = [
  /^(?:the\s+)?(?:api|endpoints?|responses?|server|backend|app)?\s*(?:must|should|will|shall)?\s*(?:never|not|doesn['’]t|does\s+not|don['’]t|do\s+not|won['’]t|will\s+not)\s+(?:ever\s+)?(?:return|expose|send\s+back|include|show|echo|leak)s?\s+(?:the\s+|a\s+|any\s+|its\s+|their\s+)?(.+?)(?:\s+(?:fields?|in\s+(?:any\s+)?(?:responses?|answers?|the\s+response)))*$/iu,
  /^(?:the\s+)?(.+?)\s+(?:is|are|must\s+be|should\s+be|shall\s+be)\s+never\s+(?:be\s+)?(?:returned|exposed|shown|sent\s+back|included)(?:\s+.*)?$/iu,
  /^(?:接口|响应|返回结果|返回|结果)?(?:中)?(?:均|都|一律)?(?:不|不得|禁止|不会|不能)(?:返回|暴露|输出)(.+?)(?:字段|信息|明文)?$/u,
  /^(.+?)(?:は|を)(?:レスポンス|応答|API)?(?:に|で)?(?:は)?(?:返さない|返却しない|含めない|返しません|返却しません|含めません)$/u,
  /^(?:(?:la\s+)?api\s+)?(?:no|nunca|jamás)\s+(?:se\s+)?(?:devuelve|devuelven|retorna|retornam?|expone|muestra|devolver)\s+(?:el\s+|la\s+|los\s+|las\s+|o\s+|a\s+)?(?:campo\s+)?(.+?)$/iu,
];

function neverAnswered(clause: string, source: RuleSource): DocumentRule[] | undefined {
  for (const pattern of NEVER_ANSWERED) {
    const subject = pattern.exec(clause)?.[1]?.trim();
    if (subject !== undefined && subject !== '' && subject.split(/\s+/).length <= 4) return [{ kind: 'field-note', subject, note: 'write only', source }];
  }
  return undefined;
}

const recognizeClause: Recognizer = (clause, source) => {
  const hidden = neverAnswered(clause, source);
  if (hidden) return hidden;
  const affirmed = /[\u4e00-\u9fff]/.test(clause) ? undefined : affirmedDeletion(clause);
  if (affirmed !== undefined) {
    const rules = recognizeAffirmed(affirmed, source);
    // What the clause says not to delete is kept; a clause whose negation says something else is read as written.
    if (rules !== undefined && rules.some((rule) => rule.kind === 'cascade')) {
      return rules.map((rule) => (rule.kind === 'cascade' ? { kind: 'keep' as const, parent: rule.parent, child: rule.child, source } : rule));
    }
  }
  return recognizeAffirmed(clause, source);
};

const recognizeAffirmed: Recognizer = (clause, source) => {
  const chinese = /[\u4e00-\u9fff]/.test(clause);
  const table = chinese ? CHINESE : ENGLISH;
  for (const [pattern, make] of table) {
    const match = pattern.exec(clause);
    if (match) return make(match, source);
  }
  return softDeleteElsewhere(clause, source) ?? (chinese ? readChineseFieldRules(clause, source) : readSpacedFieldRule(clause, source));
};

/**
 * Reads the rules a document states in plain words. Under a rules heading every sentence must
 * say something this reader knows (else a warning names it); elsewhere, sentences that say such
 * a thing are rules too, and one that speaks of soft deletes or cascades without being understood
 * is a warning.
 */
export function readRuleSentences(sentences: readonly Sentence[], file: string): { rules: DocumentRule[]; warnings: DocumentWarning[] } {
  const rules: DocumentRule[] = [];
  const warnings: DocumentWarning[] = [];
  for (const sentence of sentences) {
    const cleaned = cleanSentence(sentence.text);
    if (cleaned === '') continue;
    const source: RuleSource = { file, pointer: `/x-rules/${sentence.line}`, line: sentence.line, text: sentence.text, stated: sentence.inRules, ...(sentence.section !== undefined ? { section: sentence.section } : {}) };
    // Read before the parentheticals go: `(unique course_id + student_id)` is often one.
    const composites = readCompositeUniques(sentence.text.replace(/[*_]{2,}/g, ''), source);
    // `course_id + student_id must be unique` is that combination, not a rule of a field named so.
    const together = new Set(composites.flatMap((rule) => (rule.kind === 'unique-together' ? rule.fields : [])));
    // `(team_id, user_id) is unique` read without its brackets leaves `is unique`: no field's note either.
    const ofCombination = (rule: DocumentRule) => rule.kind === 'field-note' && ([...together].some((field) => rule.subject.includes(field)) || (together.size > 0 && !/[A-Za-z_]\w*_\w+|\p{Lu}/u.test(rule.subject) && rule.subject.split(/\s+/).length <= 2));
    // A sentence listing the tables' names (`Table names: shop_order, shop_product`) says nothing of a field.
    const tables = tableNamesIn(sentence.text, source);
    // A paragraph's sentences (lines wrapped and joined, in any language): each is read alone.
    const said = cleaned
      .split(/(?<=[。！？])\s*|(?<=[.!?])\s+(?=\p{Lu})/u)
      .map((part) => part.replace(/[.。!！?？]+$/u, '').trim())
      .filter((part) => part !== '')
      .flatMap((part) => readSentence(part, source));
    const read = [...said.filter((rule) => !ofCombination(rule) && !(tables.length > 0 && rule.kind === 'field-note')), ...composites, ...tables];
    rules.push(...read);
    if (read.length === 0 && (sentence.inRules || RULE_WORDS.test(sentence.text))) {
      warnings.push({ message: `rule not understood, ignored: "${sentence.text}"`, source: { file, pointer: `/x-rules/${sentence.line}`, line: sentence.line } });
    }
  }
  return { rules, warnings };
}

/** The rules one sentence states, its parentheticals and emphasis already cleaned off. */
function readSentence(cleaned: string, source: RuleSource): Rule[] {
  // A sentence forbidding a delete deletes nothing: read whole first (its clauses alone can read as
  // a cascade: `删除分类时，若该分类下有商品，则不允许删除`), and no clause of it cascades.
  const forbids = FORBIDDEN_DELETE.test(cleaned);
  const first = forbids ? (recognize(cleaned, source) ?? []) : [];
  const clauses = first.length > 0 ? [] : clausesOf(cleaned);
  const perClause = clauses.map((clause) => (recognize(clause, source) ?? []).filter((rule) => !forbids || rule.kind !== 'cascade'));
  const found = [...first, ...perClause.flat()];
  const whole = found.length === 0 ? (recognize(cleaned, source) ?? []) : [];
  const read = [...found, ...whole];
  // Clauses nothing read that still say their rows are soft deleted (`just archive them (soft delete)`).
  if (whole.length === 0) {
    clauses.forEach((clause, index) => {
      const mentioned = perClause[index]!.length === 0 ? softDeleteMentioned(clause, cleaned, source) : undefined;
      if (mentioned) read.push(mentioned);
    });
  }
  return read;
}

/** A sentence about the tables' names, in the readers' languages. */
const TABLE_NAMES_SAID = /\btable\s+names?\b|\bnames?\s+of\s+(?:the\s+)?tables\b|\btables?\s+(?:are\s+)?(?:named|called|prefixed)\b|表名|数据表命名|テーブル名|테이블\s*이름|\bTabellennamen?\b|\bnombres?\s+de\s+(?:las\s+)?tablas?\b|\bnoms?\s+des\s+tables\b|\bnomi\s+delle\s+tabelle\b|\bnomes?\s+das\s+tabelas\b|\btên\s+bảng\b/iu;

/** `表名统一加 wms_ 前缀：wms_warehouse、wms_product`: the table names a sentence on them writes. */
function tableNamesIn(text: string, source: RuleSource): DocumentRule[] {
  if (!TABLE_NAMES_SAID.test(text)) return [];
  const names = [...text.matchAll(/(?<![A-Za-z0-9_])([a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9])(?![A-Za-z0-9_])/g)].map((match) => match[1]!);
  return names.length > 0 ? [{ kind: 'table-names', names: [...new Set(names)], source }] : [];
}

/** A delete said not to happen: `不允许删除`, `不能删除`, `削除できない`, `cannot be deleted`, `no se puede eliminar`. */
const FORBIDDEN_DELETE = /(?:不允许|不能|不可以?|禁止|不得)(?:被)?删除|削除(?:できない|できません|不可|禁止)|\b(?:cannot|can['’]t|must\s+not|may\s+not|should\s+not|is\s+not\s+allowed\s+to)\s+(?:be\s+)?delet|\bno\s+(?:se\s+)?(?:puede|pueden|debe)\s+(?:ser\s+)?(?:eliminar|borrar|eliminad|borrad)|\bne\s+peu(?:t|vent)\s+pas\s+être\s+supprim/iu;

/**
 * Soft deletion said in passing, in any of the readers' languages: `just archive them (soft
 * delete)`, `a exclusão é lógica`, `소프트 삭제한다`, `논리 삭제`, `cancellazione logica`.
 */
const SOFT_DELETE_MENTION = new RegExp(
  String.raw`soft[\s-]?delet(?:e|ed|es|ion|ing)?|(?:mark|flag)(?:s|ed)?\s+(?:it|them)\s+as\s+(?:deleted|removed)|(?:exclus[ãa]o|remo[çc][ãa]o|dele[çc][ãa]o)\s+l[óo]gica|(?:exclu[íi]d|apagad|removid)[oa]s?\s+(?:de\s+forma\s+l[óo]gica|logicamente)|(?:cancellazione|eliminazione)\s+logica|soft-gelöscht|소프트\s*삭제|논리(?:적)?\s*삭제|논리적으로\s*삭제|${SOFT_DELETE_ELSEWHERE.source}`,
  'iu',
);

/**
 * A sentence no recognizer read that still says its rows are soft deleted (`archive` counting as
 * such where the clause speaks of deleting or removing): the entity the clause names before
 * saying so, else the sentence (`Alunos nunca são apagados de verdade: a exclusão é lógica`). Read
 * as a rule not stated outright: naming no entity, it is a warning, not an error.
 */
/** A negation after the phrase (`Soft delete is not used for tags`, `소프트 삭제하지 않는다`): no rule either. */
const NEGATED_AFTER = /\b(?:not|never|no|nunca|não|nao|nicht|nie|kein\w*|pas|jamais|mai)\b|không|않|없|아니|しない|ない|不/iu;

function softDeleteMentioned(clause: string, sentence: string, source: RuleSource): Rule | undefined {
  const marker = SOFT_DELETE_MENTION.exec(clause) ?? (/\b(?:delet|remov)/i.test(clause) ? /\barchiv(?:e|ed|es|ing)\b/i.exec(clause) : null);
  if (!marker || NEGATED.test(clause.slice(0, marker.index))) return undefined;
  // Up to the next comma: `(xóa mềm), không xóa khỏi cơ sở dữ liệu` negates the hard delete, not the soft one.
  if (NEGATED_AFTER.test(clause.slice(marker.index + marker[0].length).split(/[,，、]/)[0] ?? '')) return undefined;
  const bare = (text: string) => text.replace(/[*`(（]/g, ' ').trim();
  const before = bare(clause.slice(0, marker.index));
  const at = sentence.indexOf(clause);
  const context = bare(sentence.slice(0, at < 0 ? sentence.length : at + marker.index));
  return { kind: 'soft-delete', entity: before === '' ? clause : before, ...(context !== before ? { context } : {}), source: { ...source, stated: false } };
}

/** A noun phrase's last word without a plural `s`, to tell `comment` and `comments` the same. */
function singularWord(phrase: string): string {
  return (phrase.trim().toLowerCase().split(/\s+/).pop() ?? '').replace(/s$/, '');
}
