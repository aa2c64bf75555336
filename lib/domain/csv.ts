/**
 * CSV cells as Sise writes them (RFC 4180, for Excel and for `verify-export`):
 * - text is always quoted, with quotes doubled; an empty text is `""`, while NULL is an empty,
 *   unquoted field — so a reader that looks at the quoting (ours) gets NULL and "" back exactly;
 * - text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 *   return) gets a leading apostrophe, and so does text that starts with an apostrophe, so that
 *   removing one leading apostrophe always restores the stored text (`uncell`);
 * - numbers are written as they are.
 * Rows end with CRLF; a file starts with a UTF-8 byte order mark so Excel reads Chinese correctly.
 */
export const BOM = "\uFEFF";
export const CRLF = "\r\n";
const FORMULA_START = /^[=+\-@\t\r']/;

export function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function row(values: Array<string | number | null | undefined>): string {
  return values.map(cell).join(",") + CRLF;
}

/** The stored text back from a parsed cell: NULL when the field was empty and unquoted. */
export function uncell(value: string, quoted: boolean): string | null {
  if (!quoted && value === "") return null;
  return value.startsWith("'") ? value.slice(1) : value;
}
