import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { addHazardAttachments } from "@/db/mutations/hazards";
import { getHazard, listHazardAttachments } from "@/db/queries/hazards";
import { authorizeRoute } from "@/lib/auth/route-guard";
import { canActOnHazard } from "@/lib/auth/permissions";
import { hazardCodeOf } from "@/lib/domain/hazards";
import { attachmentStore } from "@/lib/files/attachment-store";
import { ATTACHMENT_LIMITS, readAttachmentUpload } from "@/lib/files/attachment-upload";

export const dynamic = "force-dynamic";

/**
 * POST /api/uploads/hazards/YH-2026-00001 — photos and documents for a hazard, as multipart form
 * data (the hazard form's script, or the attach form on the hazard's page without script). The
 * files stream into the attachment store with their type and size checked on the way
 * (lib/files/attachment-upload.ts); then one transaction records them and their digests in the
 * history. Whoever may record or rectify the hazard may add evidence, until it is closed. Answers
 * JSON to a script, else a 303 back to the hazard's page with the outcome in its address. Outside
 * proxy.ts, which would buffer the body.
 */
export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  const auth = await authorizeRoute(request, "hazard.read");
  if (auth instanceof Response) return auth;
  const t = await getTranslations("hazards.attachments");
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const code = hazardCodeOf((await params).code);
  const db = getDb();
  const hazard = code ? await getHazard(db, { code }) : undefined;
  const back = (query: string) =>
    new Response(null, { status: 303, headers: { location: `/hazards/${hazard?.code ?? ""}?${query}` } });
  const refuse = (key: string, status: number, values: Record<string, string | number> = {}) => {
    // Whatever is left of the body is dropped by the server when the answer goes out.
    if (wantsJson || !hazard)
      return Response.json({ ok: false, error: key, message: t(`refused.${key}`, values) }, { status });
    return back(
      `attachError=${encodeURIComponent(key)}${values.name ? `&file=${encodeURIComponent(String(values.name))}` : ""}`,
    );
  };
  if (!hazard) return refuse("notFound", 404);
  const may = canActOnHazard(auth.user, "hazard.record", hazard) || canActOnHazard(auth.user, "hazard.rectify", hazard);
  if (!may) return refuse("outOfScope", 403);
  if (hazard.status === "closed") return refuse("closed", 409);
  const room = ATTACHMENT_LIMITS.maxPerHazard - (await listHazardAttachments(db, hazard.id)).length;
  if (room <= 0) return refuse("tooMany", 409, { max: ATTACHMENT_LIMITS.maxPerHazard });
  const declared = Number(request.headers.get("content-length") ?? 0);
  const mb = ATTACHMENT_LIMITS.maxBytes / 1024 / 1024;
  if (declared > (ATTACHMENT_LIMITS.maxBytes + 64 * 1024) * Math.min(room, ATTACHMENT_LIMITS.maxFiles))
    return refuse("tooBig", 413, { mb, name: "" });
  const upload = await readAttachmentUpload(request, attachmentStore(), {
    maxFiles: Math.min(room, ATTACHMENT_LIMITS.maxFiles),
  });
  if (!upload.ok) {
    const name = "name" in upload ? upload.name : "";
    const status = upload.error === "tooBig" ? 413 : upload.error === "badType" ? 415 : 400;
    return refuse(upload.error, status, { mb, name, max: Math.min(room, ATTACHMENT_LIMITS.maxFiles) });
  }
  if (upload.files.length === 0) return refuse("noFile", 400);
  const saved = await addHazardAttachments(db, {
    hazardId: hazard.id,
    files: upload.files.map((f) => ({
      name: f.name,
      mime: f.mime,
      bytes: f.bytes,
      sha256: f.sha256,
      thumbSha256: f.thumbSha256,
    })),
    actor: auth.actor,
    now: new Date(),
  });
  if (!saved.ok) return refuse(saved.error, saved.error === "notFound" ? 404 : 409);
  if (wantsJson) return Response.json({ ok: true, ids: saved.ids, message: t("added", { count: saved.ids.length }) });
  return back(`attached=${saved.ids.length}`);
}
