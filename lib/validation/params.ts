/**
 * What a page's searchParams really are: a name may come once, several times (`?day=a&day=b`) or
 * not at all. Pages that take one value per name read the first; a second copy never reaches a
 * parser that expects a string (where it used to crash the page).
 */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One value of a search parameter: the first, when it was given several times. */
export const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

export function singleValues(
  params: Record<string, string | string[] | undefined>,
): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, first(v)]));
}
