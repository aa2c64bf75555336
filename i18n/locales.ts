/** Chinese first (the default), English second. */
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Picks the zh or en name of a bilingual row. */
export function localName(row: { nameZh: string; nameEn: string }, locale: string): string {
  return locale === "en" ? row.nameEn : row.nameZh;
}
