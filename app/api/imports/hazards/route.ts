import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { commitHazardImport } from "@/db/imports/hazards";
import { authorizeRoute } from "@/lib/auth/route-guard";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import type { PlannedHazardRow } from "@/lib/domain/hazard-import";
import { answerImport } from "@/lib/imports/dry-run";
import { planHazardFile } from "@/lib/imports/plan-hazard-file";
import { readImportUpload } from "@/lib/imports/upload";

export const dynamic = "force-dynamic";

/**
 * POST /api/imports/hazards?name=排查清单.xlsx&intent=preview|commit[&digest=…] with the file as the
 * body — a campaign's list of hazards: authorize → read (bounded, as the register import) → plan
 * (the dry run) → show; with "commit" the same file is planned again and written only if it has no
 * errors and is the plan the user saw (its digest), all in one transaction.
 */
export async function POST(request: Request): Promise<Response> {
  const auth = await authorizeRoute(request, "hazard.record");
  if (auth instanceof Response) return auth;
  const [t, th] = [await getTranslations("imports"), await getTranslations("exports.hazardColumns")];
  const upload = await readImportUpload(request);
  if (upload instanceof Response) return upload;
  const { name, bytes, params } = upload;
  const db = getDb();
  const now = new Date();
  return answerImport({
    name,
    params,
    planned: await planHazardFile(db, { name, bytes, importer: auth.user, now }),
    heading: (c) => th(c as "code"),
    describe,
    nothingToDo: t("hazardNothingToDo"),
    commit: async (plan) => {
      const done = await commitHazardImport(db, plan, {
        actor: auth.actor,
        now,
        year: Number(dayInZone(now, CITY_TIME_ZONE).slice(0, 4)),
        reason: t("reason", { file: name }),
      });
      return t("hazardDone", { created: done.created, file: name });
    },
  });
}

async function describe(plan: PlannedHazardRow[]) {
  const [t, th] = [await getTranslations("imports"), await getTranslations("exports.hazardColumns")];
  const column = (v: Record<string, string | number>) =>
    typeof v.column === "string" ? { ...v, column: th(v.column as "title") } : v;
  return plan.map((r) => ({
    line: r.line,
    code: r.code,
    action: r.action,
    notes:
      r.action === "error"
        ? r.errors.map((e) => t(`hazardErrors.${e.key}` as "hazardErrors.required", column(e.values ?? {})))
        : r.action === "unchanged"
          ? [t("hazardExists")]
          : [],
  }));
}
