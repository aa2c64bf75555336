/**
 * Register text as it is kept: line breaks as LF (a browser form sends CRLF, a spreadsheet LF or
 * CR) and no surrounding whitespace. The forms, the import and the exports all pass text through
 * this one rule, so an exported file imported again compares equal to what is stored.
 */
export function normaliseText(value: string): string {
  return value.replace(/\r\n?/g, "\n").trim();
}
