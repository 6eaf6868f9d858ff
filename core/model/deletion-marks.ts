import { toSnake } from '../naming.js';

/** Names a design gives the column marking deleted rows: a flag (`is_deleted`, `del_flag`) or a time (`delete_time`). */
const DELETION_MARK_NAMES = new Set([
  'is_deleted', 'isdeleted', 'deleted', 'is_delete', 'del_flag', 'delflag', 'delete_flag', 'deleted_flag', 'is_del', 'isdel', 'is_removed', 'removed',
  'delete_time', 'deleted_time',
]);

/** Whether a field's name is one designs give the column marking deleted rows. */
export function isDeletionMarkName(name: string): boolean {
  return DELETION_MARK_NAMES.has(toSnake(name));
}

/** A time mark's name in words of several languages: `deleted_at`, `eliminado_en`, `geloescht_am`, `supprime_le`, `archived_at`. */
const DELETION_TIME_NAME = /^(?:delet|archiv|eliminad|borrad|lösch|loesch|gelösch|geloesch|supprim|remov|apagad|excluid|xoa|dihapus|hapus)\w*_(?:at|en|em|am|le|on|il|pada|time|date)$/;

/** Whether a field's name says when its row was deleted (in snake_case, whatever its spelling). */
export function isDeletionTimeName(name: string): boolean {
  return DELETION_TIME_NAME.test(toSnake(name));
}
