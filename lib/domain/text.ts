/**
 * Register text as it is kept: line breaks as LF (a browser form sends CRLF, a spreadsheet LF or
 * CR) and no surrounding whitespace. The forms, the import and the exports all pass text through
 * this one rule, so an exported file imported again compares equal to what is stored.
 */
export function normaliseText(value: string): string {
  return value.replace(/\r\n?/g, "\n").trim();
}

/**
 * What someone typed where anything may be typed (a sign-in name), made fit to keep: control and
 * invisible formatting characters removed, at most `max` characters. The history is undeletable;
 * it must not become a place to store escape sequences or megabytes.
 */
export function cleanTyped(value: string, max = 64): string {
  return [...value.replace(/[\p{Cc}\p{Cf}]/gu, "").trim()].slice(0, max).join("");
}
