import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { openDatabase } from "@/db/connection";
import { verifyExport } from "@/db/exports/verify-export";
import { authorizeRoute } from "@/lib/auth/route-guard";

export const dynamic = "force-dynamic";

/**
 * POST /api/exports/verify — the auditor uploads a history export (the file as the request body);
 * it is read as it arrives, checked against its own hash chain and against this database, and the
 * answer comes back in words. Excluded from proxy.ts: the proxy would buffer (and cut at 10 MB) the
 * body of a file that may be hundreds of megabytes.
 */
export async function POST(request: Request) {
  const auth = await authorizeRoute(request, "history.verify");
  if (auth instanceof Response) return auth;
  const t = await getTranslations("exports.verify");
  if (!request.body) return Response.json({ ok: false, message: t("empty") }, { status: 400 });
  // Its own read-only connection to the same file: a long read never holds the server's connection.
  const sqlite = openDatabase(getDb().$client.name, { readonly: true });
  try {
    const check = await verifyExport(buffers(request.body as unknown as AsyncIterable<Uint8Array>), sqlite);
    if (check.ok) {
      const message = check.scope === "full"
        ? t("full", { rows: check.rows, head: check.head ?? "—", newer: check.newerInDatabase ?? 0 })
        : t("partial", { rows: check.rows });
      return Response.json({ ...check, message });
    }
    const message = t(`problem.${check.problem}`, { line: check.line ?? 0, seq: check.seq ?? 0, rows: check.rows });
    return Response.json({ ...check, message }, { status: 422 });
  } finally {
    sqlite.close();
  }
}

async function* buffers(body: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  for await (const chunk of body) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
