/**
 * The words that open the rows a Chinese rule holds among (`同一酒店`, `每个部门`, `各班级`, after
 * an optional `在`) and those that close them (`内`, `中`, `下`): one home for the unique notes, the
 * rule sentences and the subjects derive reads.
 */
export const CHINESE_SCOPE_OPENERS = '同一个?|每一?个?|各';
export const CHINESE_SCOPE_CLOSERS = '范围内|之内|内|中|下|里';
