import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { verifyExport, verifyXlsxExport, type ExportCheck } from "@/db/exports/verify-export";
import { authorizeRoute } from "@/lib/auth/route-guard";
import { boundedBody, BodyTooLarge, spoolToTempFile } from "@/lib/http/bounded-body";
import { VERIFY_LIMITS } from "@/lib/files/limits";

export const dynamic = "force-dynamic";

/**
 * POST /api/exports/verify — the auditor uploads a history export (the file as the request body,
 * CSV or XLSX, told apart by their first bytes); it is read as it arrives, at most
 * VERIFY_LIMITS.maxUploadBytes (the page says so; `npm run verify-export` has no limit), checked
 * against its own hash chain and against this database, and the answer comes back in words.
 * Excluded from proxy.ts: the proxy would buffer (and cut at 10 MB) the body.
 */
export async function POST(request: Request) {
  const auth = await authorizeRoute(request, "history.verify");
  if (auth instanceof Response) return auth;
  const t = await getTranslations("exports.verify");
  if (!request.body) return Response.json({ ok: false, message: t("empty") }, { status: 400 });
  const declared = Number(request.headers.get("content-length") ?? "0");
  const mb = VERIFY_LIMITS.maxUploadBytes / 1024 / 1024;
  if (declared > VERIFY_LIMITS.maxUploadBytes)
    return Response.json({ ok: false, problem: "tooLarge", message: t("problem.tooLarge", { mb }) }, { status: 413 });
  const body = boundedBody(request.body, VERIFY_LIMITS.maxUploadBytes);
  // Its own read-only snapshot of the database: a long check never holds the server's connection.
  const snapshot = await getDb().openSnapshot();
  try {
    const first = await body.peek(4);
    let check: ExportCheck;
    if (first.length === 0) return Response.json({ ok: false, message: t("empty") }, { status: 400 });
    if (first[0] === 0x50 && first[1] === 0x4b) {
      // An XLSX is a zip, read from its end: it is kept in a temporary file while it is checked.
      const file = await spoolToTempFile(body.chunks());
      try {
        check = await verifyXlsxExport(file.path, VERIFY_LIMITS.xlsx, snapshot.snapshot);
      } finally {
        await file.remove();
      }
    } else {
      check = await verifyExport(body.chunks(), snapshot.snapshot);
    }
    if (check.ok) {
      const message =
        check.scope === "full"
          ? t("full", { rows: check.rows, head: check.head ?? "—", newer: check.newerInDatabase ?? 0 })
          : t("partial", { rows: check.rows });
      return Response.json({ ...check, message });
    }
    const key = check.problem === "database" && check.line === undefined ? "databaseHead" : check.problem;
    const message = t(`problem.${key}`, {
      line: check.line ?? 0,
      seq: check.seq ?? 0,
      rows: check.rows,
      column: check.column ?? "none",
      mb,
    });
    return Response.json({ ...check, message }, { status: check.problem === "tooLarge" ? 413 : 422 });
  } catch (e) {
    if (e instanceof BodyTooLarge)
      return Response.json({ ok: false, problem: "tooLarge", message: t("problem.tooLarge", { mb }) }, { status: 413 });
    throw e;
  } finally {
    snapshot.close();
    await body.discard();
  }
}
