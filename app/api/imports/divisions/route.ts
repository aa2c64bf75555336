import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { commitDivisionImport, DivisionImportConflict } from "@/db/imports/divisions";
import { authorizeRoute } from "@/lib/auth/route-guard";
import type { PlannedDivision } from "@/lib/domain/division-plan";
import { answerImport } from "@/lib/imports/dry-run";
import { readImportUpload } from "@/lib/imports/upload";
import { planDivisionFile } from "@/lib/imports/plan-divisions";

export const dynamic = "force-dynamic";

/**
 * POST /api/imports/divisions?name=区划.xlsx&intent=preview|commit[&digest=…] with the file as the
 * body — the division list import (admins: reference.manage), the register import's discipline:
 * bounded read, a dry run that writes nothing, and a commit of exactly the plan that was shown (its
 * digest), all or nothing. Excluded from proxy.ts's body handling like the register import.
 */
export async function POST(request: Request): Promise<Response> {
  const auth = await authorizeRoute(request, "reference.manage");
  if (auth instanceof Response) return auth;
  const [t, ti] = [await getTranslations("divisionImport"), await getTranslations("imports")];
  const upload = await readImportUpload(request);
  if (upload instanceof Response) return upload;
  const { name, bytes, params } = upload;

  const db = getDb();
  const th = await getTranslations("divisionImport.headings");
  return answerImport({
    name,
    params,
    planned: await planDivisionFile(db, { name, bytes }),
    heading: (c) => th(c as "code"),
    describe,
    nothingToDo: t("nothingToDo"),
    commit: async (plan, preview) => {
      try {
        const done = await commitDivisionImport(db, plan, { actor: auth.actor, now: new Date() });
        revalidatePath("/admin/territory");
        return t("done", { ...done, file: name });
      } catch (e) {
        if (e instanceof DivisionImportConflict)
          return { state: { ...preview, message: ti("conflict", { line: e.line }) }, status: 409 };
        throw e;
      }
    },
  });
}

async function describe(plan: PlannedDivision[]) {
  const [t, tl, th] = [
    await getTranslations("divisionImport"),
    await getTranslations("territory.levels"),
    await getTranslations("divisionImport.headings"),
  ];
  return plan.map((r) => ({
    line: r.line,
    code: r.code,
    action: r.action,
    notes:
      r.action === "error"
        ? r.errors.map((e) =>
            t(`errors.${e.key}` as "errors.required", {
              ...e.values,
              ...(e.values?.field ? { field: th(String(e.values.field) as "code") } : {}),
              ...(e.values?.level ? { level: tl(String(e.values.level) as "town") } : {}),
            }),
          )
        : r.action === "create"
          ? [t("createNote", { name: r.values.nameZh, level: tl(r.values.level), parent: r.values.parentCode })]
          : r.action === "update"
            ? [
                ...(r.rename ? [t("renameNote", { name: r.rename.nameZh, nameEn: r.rename.nameEn })] : []),
                ...(r.active === false ? [t("retireNote")] : r.active === true ? [t("restoreNote")] : []),
              ]
            : [],
  }));
}
