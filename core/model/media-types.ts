/**
 * Whether a media type carries JSON: `application/json`, `text/json` (Azure's documents declare it
 * beside the first), `application/x-json`, `application/merge-patch+json`, with parameters or not;
 * not `application/jsonl` (a line per value).
 */
export function isJsonMedia(contentType: string): boolean {
  return /^[\w.-]+\/(?:[\w.+-]*\+)?(?:x-)?json\s*(?:;|$)/i.test(contentType.trim());
}

/** Whether a media type carries an HTML form's fields: URL-encoded, or multipart. */
export function isFormMedia(contentType: string): boolean {
  return /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\s*(?:;|$)/i.test(contentType.trim());
}
