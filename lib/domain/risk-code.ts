/**
 * Human-readable risk codes: PREFIX-YEAR-NNNNN, e.g. YL-2026-00042. The sequence restarts each
 * year and is padded to five digits (a city files far fewer than 100,000 risks a year; longer
 * numbers still sort and parse correctly).
 */
export const DEFAULT_CODE_PREFIX = "YL";

const CODE = /^([A-Z]{2,6})-(\d{4})-(\d{5,})$/;

export function formatRiskCode(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(5, "0")}`;
}

export function parseRiskCode(code: string): { prefix: string; year: number; sequence: number } | null {
  const m = CODE.exec(code);
  if (!m) return null;
  return { prefix: m[1], year: Number(m[2]), sequence: Number(m[3]) };
}

/** The code that follows `lastCode` in `year` (or the first of the year when there is none). */
export function nextRiskCode(prefix: string, year: number, lastCode: string | undefined): string {
  const last = lastCode ? parseRiskCode(lastCode) : null;
  const sequence = last && last.year === year && last.prefix === prefix ? last.sequence + 1 : 1;
  return formatRiskCode(prefix, year, sequence);
}

/**
 * A string that could be a stored risk code, or null: at most 64 characters, none of them a
 * control character. Codes come from pages, forms and imported files; one with a NUL or a
 * newline names no risk (no stored text holds one), and PostgreSQL would refuse the NUL outright.
 */
export function riskCodeOf(raw: unknown): string | null {
  return typeof raw === "string" && raw.length > 0 && raw.length <= 64 && !/[\u0000-\u001F\u007F]/.test(raw)
    ? raw
    : null;
}

/** The risk code in a URL segment, or null when the segment is not valid percent-encoding or no code. */
export function codeFromParam(raw: string): string | null {
  try {
    return riskCodeOf(decodeURIComponent(raw));
  } catch {
    return null;
  }
}
