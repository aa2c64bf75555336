/**
 * Text search rules. Chinese has no spaces, so search is by substring. SQLite's FTS5 trigram
 * tokenizer answers substrings of three or more characters from its index; one- and
 * two-character terms (e.g. "燃气") fall back to LIKE, which must escape its wildcards.
 */
export const TRIGRAM_MIN_LENGTH = 3;

/**
 * Normalise a user's query: control characters become spaces (SQLite's FTS5 parser treats NUL as
 * the end of the string), whitespace collapses, and the length is capped.
 */
export function normaliseQuery(raw: string, maxLength = 100): string {
  return raw
    .replace(/[\u0000-\u001F\u007F]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, maxLength)
    .trimEnd();
}

/** Split a query into terms; every term must match (AND). */
export function queryTerms(query: string): string[] {
  return normaliseQuery(query).split(" ").filter(Boolean);
}

/** Length in code points, so that each Chinese character counts once. */
export function charLength(term: string): number {
  return Array.from(term).length;
}

/** A LIKE pattern matching `term` anywhere, with %, _ and the escape char itself escaped by "\". */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An FTS5 string literal: the term as one phrase, double quotes doubled. */
export function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** Two-letter (or two-digit, two-hanzi) terms are answered by the bigram index; others by trigram or LIKE. */
export function isBigramTerm(term: string): boolean {
  return /^[\p{L}\p{N}]{2}$/u.test(term);
}

/**
 * The bigram text indexed for a risk: every overlapping pair of characters in each run of
 * letters/digits, space-separated, lower-cased ("城镇燃气" → "城镇 镇燃 燃气"). FTS5 then finds a
 * two-character term as one exact token instead of scanning every row.
 */
export function bigramText(text: string): string {
  const out: string[] = [];
  for (const run of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  }
  return out.join(" ");
}
