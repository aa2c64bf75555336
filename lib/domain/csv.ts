/**
 * Cells of Sise's exports (CSV and XLSX) as Sise writes them, for Excel and for `verify-export`:
 * - text is always quoted in CSV, with quotes doubled; an empty text is `""`, while NULL is an
 *   empty, unquoted field — so a reader that looks at the quoting (ours) gets NULL and "" back exactly;
 * - text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 *   return) gets a leading apostrophe, and so does text that starts with an apostrophe, so that
 *   removing one leading apostrophe always restores the stored text (`uncell`);
 * - (format v2) control and invisible formatting characters — ESC, BEL, NUL, a right-to-left
 *   override … — never reach the file: each is written as `\uXXXX`, and a backslash as `\\`, so a
 *   reader of v2 (`unescapeText`) restores the stored text exactly and the hash chain still verifies;
 * - numbers are written as they are.
 * Rows end with CRLF; a file starts with a UTF-8 byte order mark so Excel reads Chinese correctly.
 */
export const BOM = "\uFEFF";
export const CRLF = "\r\n";
const FORMULA_START = /^[=+\-@\t\r']/;
// C0 controls but tab and line breaks, DEL and C1, and the invisible formatting characters that can
// disguise text (zero-width, bidirectional overrides and isolates, word joiner, BOM).
const UNSAFE = /[\\\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

const UNSAFE_ANY = new RegExp(UNSAFE.source);

/** Text with its unsafe characters written as `\uXXXX` (and `\` as `\\`): the v2 cell text. */
export function escapeText(value: string): string {
  return value.replace(UNSAFE, (ch) => (ch === "\\" ? "\\\\" : `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

/** The stored text back from a v2 cell. */
export function unescapeText(value: string): string {
  return value.replace(/\\(\\|u[0-9a-fA-F]{4})/g, (_, e: string) =>
    e === "\\" ? "\\" : String.fromCharCode(parseInt(e.slice(1), 16)),
  );
}

// Anything `cell` must change in a text: an unsafe character, a backslash, a quote, a line break
// or a tab (for the formula guard). Most stored text has none, and one test of this pattern is far
// cheaper than the replacements (issue 18: the history export writes ten text cells a row).
const PLAIN = /^[^\\\u0000-\u001F"\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]*$/;
// = + - @ ' (the first characters FORMULA_START guards that PLAIN lets through).
const formulaFirst = (c: number) => c === 61 || c === 43 || c === 45 || c === 64 || c === 39;

export function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  if (PLAIN.test(value)) return formulaFirst(value.charCodeAt(0)) ? `"'${value}"` : `"${value}"`;
  // Mostly text with quotes (the JSON of an event's data): escape and double only what is there.
  const text = UNSAFE_ANY.test(value) ? escapeText(value) : value;
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.includes('"') ? safe.replace(/"/g, '""') : safe}"`;
}

export function row(values: Array<string | number | null | undefined>): string {
  let out = cell(values[0]);
  for (let i = 1; i < values.length; i++) out += "," + cell(values[i]);
  return out + CRLF;
}

/**
 * The stored text back from a parsed cell: NULL when the field was empty and unquoted; the
 * formula guard removed; for a v2 file (`escaped`) the escapes undone.
 */
export function uncell(value: string, quoted: boolean, escaped = true): string | null {
  if (!quoted && value === "") return null;
  const text = value.startsWith("'") ? value.slice(1) : value;
  return escaped ? unescapeText(text) : text;
}

/** The version of Sise's export format a file's first line declares (1 or 2), or null. */
export function exportVersion(firstCell: string): 1 | 2 | null {
  const m = /^# sise-export v(\d+)/.exec(firstCell);
  return m?.[1] === "1" ? 1 : m?.[1] === "2" ? 2 : null;
}
