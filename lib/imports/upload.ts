import "server-only";
import { getTranslations } from "next-intl/server";
import { IMPORT_UPLOAD_BYTES } from "@/lib/files/register-file";
import { BodyTooLarge, readBounded } from "@/lib/http/bounded-body";
import type { ImportState } from "./import-state";

/**
 * The uploaded file of an import (the register's, the division list's): its name (a .csv or .xlsx)
 * from the query, its bytes read as they arrive and refused the moment they pass
 * IMPORT_UPLOAD_BYTES — or the translated answer to send instead.
 */
export async function readImportUpload(
  request: Request,
): Promise<{ name: string; bytes: Buffer; params: URLSearchParams } | Response> {
  const t = await getTranslations("imports");
  const refuse = (message: string, status: number) =>
    Response.json({ status: "error", ok: false, message } satisfies ImportState, { status });
  const params = new URL(request.url).searchParams;
  const name = (params.get("name") ?? "").slice(0, 255);
  const mb = IMPORT_UPLOAD_BYTES / 1024 / 1024;
  if (!/\.(csv|xlsx)$/i.test(name)) return refuse(t("badType"), 400);
  if (Number(request.headers.get("content-length") ?? 0) > IMPORT_UPLOAD_BYTES) return refuse(t("tooBig", { mb }), 413);
  let bytes: Buffer;
  try {
    bytes = request.body ? await readBounded(request.body, IMPORT_UPLOAD_BYTES) : Buffer.alloc(0);
  } catch (e) {
    if (e instanceof BodyTooLarge) return refuse(t("tooBig", { mb }), 413);
    throw e;
  }
  if (bytes.length === 0) return refuse(t("noFile"), 400);
  return { name, bytes, params };
}
