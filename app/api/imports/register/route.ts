import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { commitImport, ImportConflict } from "@/db/imports/commit";
import { authorizeRoute } from "@/lib/auth/route-guard";
import type { PlannedRow } from "@/lib/domain/import-plan";
import { answerImport } from "@/lib/imports/dry-run";
import { readImportUpload } from "@/lib/imports/upload";
import { planRegisterFile } from "@/lib/imports/plan-file";

export const dynamic = "force-dynamic";

/**
 * POST /api/imports/register?name=台账.xlsx&intent=preview|commit[&digest=…] with the file as the
 * request body — the register import: authorize → read (bounded: at most IMPORT_UPLOAD_BYTES,
 * refused in words the moment the body passes it) → plan (the dry run) → show. With intent
 * "commit" the same file is read and planned again; it is written only if the plan has no errors
 * and is exactly the plan the user was shown (its digest) — so what was previewed is what is
 * written, all or nothing. Excluded from proxy.ts, which would buffer the body and cut it at 10 MB.
 */
export async function POST(request: Request): Promise<Response> {
  const auth = await authorizeRoute(request, "risk.create");
  if (auth instanceof Response) return auth;
  const t = await getTranslations("imports");
  const upload = await readImportUpload(request);
  if (upload instanceof Response) return upload;
  const { name, bytes, params } = upload;

  const db = getDb();
  const now = new Date();
  const th = await getTranslations("exports.registerColumns");
  return answerImport({
    name,
    params,
    planned: await planRegisterFile(db, { name, bytes, importer: auth.user, now }),
    heading: (c) => th(c as "code"),
    describe: describeRows,
    nothingToDo: t("nothingToDo"),
    commit: async (plan, preview) => {
      try {
        const done = await commitImport(db, plan, { actor: auth.actor, now, reason: t("reason", { file: name }) });
        revalidatePath("/risks");
        return t("done", { created: done.created, updated: done.updated, file: name });
      } catch (e) {
        if (e instanceof ImportConflict)
          return { state: { ...preview, message: t("conflict", { line: e.line }) }, status: 409 };
        throw e;
      }
    },
  });
}

async function describeRows(plan: PlannedRow[]) {
  const [t, tf] = [await getTranslations("imports"), await getTranslations("imports.fields")];
  return plan.map((r) => ({
    line: r.line,
    code: r.code,
    action: r.action,
    notes:
      r.action === "error"
        ? r.errors.map((e) => t(`errors.${e.key}` as "errors.required", e.values ?? {}))
        : r.action === "update"
          ? [t("changes", { fields: r.changes.map((f) => tf(f)).join("、") })]
          : r.action === "outsideScope"
            ? [t("outsideScopeNote")]
            : [],
  }));
}
