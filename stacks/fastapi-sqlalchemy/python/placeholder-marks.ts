/** The lines around generated placeholders (source document 000's wording). */
export const PLACEHOLDERS_BEGIN = '# === AUTO-GENERATED PLACEHOLDERS (DO NOT EDIT MANUALLY) ===';
export const PLACEHOLDERS_END = '# === END AUTO-GENERATED PLACEHOLDERS ===';
