/**
 * Of the nested collections a flat item path (`/comments/{id}`) could belong to
 * (`/posts/{postId}/comments`), the one it does: the only one, else the only one that creates
 * (enrollments are created under a course, and only listed under a student). One rule for the
 * markdown groups and the resources of any document.
 */
export function collectionOfFlatItem(nested: readonly string[], creates: (route: string) => boolean): string | undefined {
  if (nested.length === 1) return nested[0];
  const creating = nested.filter(creates);
  return creating.length === 1 ? creating[0] : undefined;
}
