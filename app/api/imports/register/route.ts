import { createHash } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { commitImport, ImportConflict } from "@/db/imports/commit";
import { authorizeRoute } from "@/lib/auth/route-guard";
import type { PlannedRow } from "@/lib/domain/import-plan";
import type { ImportState } from "@/lib/imports/import-state";
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
  const answer = (state: ImportState, status = 200) => Response.json(state, { status });
  const upload = await readImportUpload(request);
  if (upload instanceof Response) return upload;
  const { name, bytes, params } = upload;

  const db = getDb();
  const now = new Date();
  const planned = await planRegisterFile(db, { name, bytes, importer: auth.user, now });
  if (!planned.ok) {
    const th = await getTranslations("exports.registerColumns");
    const message =
      planned.error === "missingColumns"
        ? t("missingColumns", { columns: planned.columns.map((c) => `${th(c as "code")}(${c})`).join("、") })
        : t(`read.${planned.error}`, { line: planned.line ?? "—" });
    return answer({ status: "error", ok: false, message }, 422);
  }
  const { plan } = planned;
  const digest = createHash("sha256").update(JSON.stringify(plan)).digest("hex");
  const counts = { create: 0, update: 0, unchanged: 0, outsideScope: 0, error: 0 };
  for (const r of plan) counts[r.action] += 1;
  const preview: ImportState = {
    status: "preview",
    ok: false,
    fileName: name,
    digest,
    counts,
    rows: await describeRows(plan),
  };
  if (params.get("intent") !== "commit") return answer(preview);

  if (counts.error > 0) return answer({ ...preview, message: t("hasErrors") }, 422);
  if (params.get("digest") !== digest) return answer({ ...preview, message: t("changedSincePreview") }, 409);
  if (counts.create + counts.update === 0) return answer({ ...preview, message: t("nothingToDo") });
  try {
    const done = await commitImport(db, plan, { actor: auth.actor, now, reason: t("reason", { file: name }) });
    revalidatePath("/risks");
    return answer({
      status: "done",
      ok: true,
      message: t("done", { created: done.created, updated: done.updated, file: name }),
    });
  } catch (e) {
    if (e instanceof ImportConflict) return answer({ ...preview, message: t("conflict", { line: e.line }) }, 409);
    throw e;
  }
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
