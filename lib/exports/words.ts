import "server-only";
import { getTranslations } from "next-intl/server";
import { REGISTER_COLUMNS, type RegisterWords } from "@/db/exports/register";
import type { HistoryWords } from "@/db/exports/history";
import { HAZARD_COLUMNS, type HazardWords } from "@/db/exports/hazards";
import { LOCALES, localName, type Locale } from "@/i18n/locales";
import { actorNamer, createStoredDescriber, type Names } from "@/lib/history/describe";

/** The register export's headings and words in one language. */
export async function registerExportWords(locale: Locale): Promise<RegisterWords> {
  const [t, th, tc, ts, tg] = await Promise.all([
    getTranslations({ locale, namespace: "exports" }),
    getTranslations({ locale, namespace: "exports.registerColumns" }),
    getTranslations({ locale, namespace: "colours" }),
    getTranslations({ locale, namespace: "statuses" }),
    getTranslations({ locale, namespace: "grading.methods" }),
  ]);
  return {
    headers: Object.fromEntries(REGISTER_COLUMNS.map((c) => [c, th(c)])) as RegisterWords["headers"],
    name: (r) => localName(r, locale),
    colour: (c) => tc(c as "red"),
    status: (s) => ts(s as "closed"),
    method: (m) => tg(m as "lec"),
    yesNo: (b) => t(b ? "yes" : "no"),
  };
}

/** Every register heading the import accepts, lower-cased: either language's, and the keys. */
export async function registerHeadingKeys(): Promise<Map<string, string>> {
  const headings = await Promise.all(
    LOCALES.map((locale) => getTranslations({ locale, namespace: "exports.registerColumns" })),
  );
  return new Map(
    REGISTER_COLUMNS.flatMap((c) => [[c, c] as const, ...headings.map((th) => [th(c).toLowerCase(), c] as const)]),
  );
}

/** The history XLSX's headings for people and the sentence for each event. */
export async function historyExportWords(names: Names): Promise<HistoryWords> {
  const t = await getTranslations("exports.xlsx.history");
  return {
    headers: {
      seq: t("seq"),
      time: t("time"),
      risk: t("risk"),
      actor: t("actor"),
      event: t("event"),
      reason: t("reason"),
    },
    describe: await createStoredDescriber(names),
    actor: await actorNamer(),
  };
}

/** The hazards export's headings and words in one language. */
export async function hazardExportWords(locale: Locale): Promise<HazardWords> {
  const [t, th, tz] = await Promise.all([
    getTranslations({ locale, namespace: "exports" }),
    getTranslations({ locale, namespace: "exports.hazardColumns" }),
    getTranslations({ locale, namespace: "hazards" }),
  ]);
  return {
    headers: Object.fromEntries(HAZARD_COLUMNS.map((c) => [c, th(c)])) as HazardWords["headers"],
    name: (r) => localName(r, locale),
    grade: (g) => tz(`grades.${g as "major"}`),
    status: (s) => tz(`statuses.${s as "found"}`),
    acceptance: (a) => tz(`acceptanceTypes.${a as "self"}`),
    level: (l) => tz(`levels.${l as "city"}`),
    yesNo: (b) => t(b ? "yes" : "no"),
  };
}
