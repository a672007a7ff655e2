// Finding a member on the club's members page by any part of their name or
// email, as a coach types it: case, «ё»/«е» and surrounding spaces do not matter.

export interface Searchable {
  name: string;
  email?: string | null;
}

/** lower case, «ё» as «е», spaces squeezed: the form both sides are compared in */
export function searchKey(text: string): string {
  return text.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/** the members whose name or email holds every word of the query, in their order */
export function searchMembers<T extends Searchable>(members: readonly T[], query: string): T[] {
  const words = searchKey(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...members];
  return members.filter((m) => {
    const haystack = searchKey(`${m.name} ${m.email ?? ''}`);
    return words.every((w) => haystack.includes(w));
  });
}
