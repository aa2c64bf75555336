import { Readable } from "node:stream";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getHazardAttachment } from "@/db/queries/hazards";
import { authorizeRoute } from "@/lib/auth/route-guard";
import { attachmentStore } from "@/lib/files/attachment-store";
import { ATTACHMENT_TYPES } from "@/lib/files/attachment-upload";
import { isId } from "@/lib/validation/fields";

export const dynamic = "force-dynamic";

/**
 * GET /api/hazards/attachments/12[?thumb=1] — a hazard's photo or document (or an image's preview),
 * streamed from the attachment store to whoever may read hazards. Photos and PDFs open in the
 * browser, other documents download; the file is sandboxed (no script of its own can run under
 * Sise's origin) and, being named by its digest, cached privately for good.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await authorizeRoute(request, "hazard.read", { sensitive: false });
  if (auth instanceof Response) return auth;
  const t = await getTranslations("hazards.attachments");
  const id = Number((await params).id);
  const row = isId(id) ? await getHazardAttachment(getDb(), id) : undefined;
  const thumb = new URL(request.url).searchParams.get("thumb") === "1";
  const sha256 = thumb ? row?.thumbSha256 : row?.sha256;
  const stream = sha256 ? await attachmentStore().open(sha256) : null;
  if (!row || !stream) return Response.json({ error: "notFound", message: t("refused.notFound") }, { status: 404 });
  const inline = thumb || ATTACHMENT_TYPES[row.mime] === "image" || row.mime === "application/pdf";
  const disposition = `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(row.name)}`;
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "content-type": thumb ? "image/webp" : row.mime,
      ...(thumb ? {} : { "content-length": String(row.bytes) }),
      "content-disposition": disposition,
      "content-security-policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=31536000, immutable",
    },
  });
}
