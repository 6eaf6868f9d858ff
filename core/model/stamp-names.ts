/** How documents name the moment a row was made, snake_case (`createTime`, `gmt_create`, `dateCreated`). */
export const CREATED_NAMES: ReadonlySet<string> = new Set([
  'created', 'create_time', 'created_time', 'creation_time', 'create_at', 'created_on', 'create_date', 'created_date', 'creation_date',
  'date_created', 'created_datetime', 'create_datetime', 'gmt_create', 'inserted_at', 'insert_time', 'add_time', 'added_at',
  // Spanish, Portuguese, French, Italian, German, Dutch, Indonesian, Vietnamese.
  'creado_en', 'fecha_creacion', 'fecha_alta', 'criado_em', 'data_criacao', 'cree_le', 'date_creation', 'creato_il', 'data_creazione',
  'erstellt_am', 'angelegt_am', 'aangemaakt_op', 'dibuat_pada', 'ngay_tao',
]);

/** How documents name the moment a row last changed (`updateTime`, `lastModified`, `gmt_modified`). */
export const UPDATED_NAMES: ReadonlySet<string> = new Set([
  'updated', 'update_time', 'updated_time', 'update_at', 'updated_on', 'update_date', 'updated_date', 'updated_datetime', 'update_datetime',
  'modified', 'modified_at', 'modified_on', 'modified_time', 'modify_time', 'modification_time', 'modification_date', 'modified_date',
  'last_modified', 'last_modified_at', 'last_modified_time', 'last_modified_date', 'last_updated', 'last_updated_at', 'last_update_time',
  'date_modified', 'date_updated', 'gmt_modified', 'changed_at', 'edit_time', 'edited_at',
  'actualizado_en', 'modificado_en', 'fecha_actualizacion', 'fecha_modificacion', 'atualizado_em', 'data_atualizacao', 'modifie_le',
  'mis_a_jour_le', 'date_modification', 'aggiornato_il', 'modificato_il', 'data_modifica', 'geaendert_am', 'aktualisiert_am',
  'gewijzigd_op', 'diperbarui_pada', 'ngay_cap_nhat',
]);

/** A name (snake_case) of either moment, `created_at` and `updated_at` included. */
export function namesRowMoment(snakeName: string): boolean {
  return snakeName === 'created_at' || snakeName === 'updated_at' || CREATED_NAMES.has(snakeName) || UPDATED_NAMES.has(snakeName);
}
