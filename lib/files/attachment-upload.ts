import "server-only";
import { Readable } from "node:stream";
import busboy from "busboy";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { BodyTooLarge } from "@/lib/http/bounded-body";
import type { AttachmentStore, StoredFile } from "./attachment-store";

/**
 * What a hazard's attachment may be. The type is read from the file's first bytes (file-type), never
 * taken from its name or from what the browser claims: photos (JPEG, PNG, WebP — a phone's camera
 * gives JPEG through the browser) and documents (PDF, Word, Excel).
 */
export const ATTACHMENT_LIMITS = {
  /** Per file. A phone photo is 2–8 MB; a scanned acceptance report a few MB. */
  maxBytes: 20 * 1024 * 1024,
  /** Per request, and per hazard in all. */
  maxFiles: 10,
  maxPerHazard: 50,
  maxNameChars: 200,
} as const;

export const ATTACHMENT_TYPES: Record<string, "image" | "document"> = {
  "image/jpeg": "image",
  "image/png": "image",
  "image/webp": "image",
  "application/pdf": "document",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "document",
};

export type UploadedFile = StoredFile & { name: string; mime: string; thumbSha256: string | null };
export type UploadRefusal =
  | { error: "badType"; name: string }
  | { error: "tooBig"; name: string }
  | { error: "tooMany" }
  | { error: "noFile" }
  | { error: "malformed" };

/** A file name as a person reads it: no folders, no control characters, not too long. */
export function cleanName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return [...cleaned].slice(-ATTACHMENT_LIMITS.maxNameChars).join("") || "file";
}

/** The first `n` bytes of a stream, and the whole stream again (those bytes first, then the rest). */
async function peek(stream: Readable, n: number): Promise<{ head: Buffer; all: AsyncIterable<Buffer> }> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const held: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < n) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    held.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(held);
  async function* all() {
    yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: head.subarray(0, n), all: all() };
}

/** A preview for the hazard's page: at most 480 px, turned as the camera held it, WebP. */
async function thumbnail(store: AttachmentStore, sha256: string): Promise<string | null> {
  const source = await store.open(sha256);
  if (!source) return null;
  try {
    const transform = sharp({ limitInputPixels: 100_000_000, failOn: "error" })
      .rotate()
      .resize(480, 480, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 72 });
    source.pipe(transform);
    const bytes = await transform.toBuffer();
    return (await store.put([bytes], ATTACHMENT_LIMITS.maxBytes)).sha256;
  } catch {
    // A photo sharp cannot read is still kept (and offered for download); it just has no preview.
    return null;
  } finally {
    source.destroy();
  }
}

/**
 * Reads a multipart upload (the hazard form's files, or the attach form on a hazard's page) as it
 * arrives: each file's type told from its first bytes, then streamed into the store while it is
 * hashed and counted — refused the moment it passes the size limit, with nothing kept. Memory holds
 * one chunk per file at a time, whatever the file's size. Returns the stored files (an image with
 * its preview), or why they were refused; on a refusal the files already stored stay unreferenced
 * in the content-addressed store (no record points at them, nothing is shown).
 */
export async function readAttachmentUpload(
  request: Request,
  store: AttachmentStore,
  { maxFiles = ATTACHMENT_LIMITS.maxFiles }: { maxFiles?: number } = {},
): Promise<{ ok: true; files: UploadedFile[]; fields: Record<string, string> } | ({ ok: false } & UploadRefusal)> {
  const type = request.headers.get("content-type") ?? "";
  if (!request.body || !type.toLowerCase().startsWith("multipart/form-data")) return { ok: false, error: "malformed" };
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": type },
      limits: { files: maxFiles, fileSize: ATTACHMENT_LIMITS.maxBytes + 1, fields: 20, fieldSize: 4096, parts: 40 },
      defParamCharset: "utf8",
    });
  } catch {
    return { ok: false, error: "malformed" };
  }
  const fields: Record<string, string> = {};
  const jobs: Array<Promise<UploadedFile | UploadRefusal | null>> = [];
  // Each file's stream, so a broken body can end them all (else their reads would wait forever).
  const streams: Readable[] = [];
  let tooMany = false;

  parser.on("field", (name, value) => {
    fields[name] = value;
  });
  parser.on("filesLimit", () => {
    tooMany = true;
  });
  parser.on("file", (_field, stream, info) => {
    const name = cleanName(info.filename ?? "");
    streams.push(stream);
    // One file at a time reaches the store: busboy hands over the next part only when this one's stream is read.
    jobs.push(
      (async (): Promise<UploadedFile | UploadRefusal | null> => {
        const { head, all } = await peek(stream, 4100);
        if (head.length === 0) {
          stream.resume();
          return null; // an empty file input: nothing chosen
        }
        const detected = await fileTypeFromBuffer(head);
        const mime = detected?.mime ?? "";
        if (!(mime in ATTACHMENT_TYPES)) {
          stream.resume();
          return { error: "badType", name };
        }
        try {
          const stored = await store.put(all, ATTACHMENT_LIMITS.maxBytes);
          const thumbSha256 = ATTACHMENT_TYPES[mime] === "image" ? await thumbnail(store, stored.sha256) : null;
          return { ...stored, name, mime, thumbSha256 };
        } catch (e) {
          stream.resume();
          if (e instanceof BodyTooLarge) return { error: "tooBig", name };
          throw e;
        }
      })(),
    );
  });

  const body = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>);
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on("close", resolve);
    parser.on("error", reject);
  });
  // A client that goes away mid-file, or a body that ends inside a part: the parser is told, every
  // file's stream ends with an error, the partial files are removed (store.put) — nothing waits on.
  body.on("error", (e) => parser.destroy(e));
  body.pipe(parser);
  try {
    await parsed;
  } catch {
    body.destroy();
    for (const s of streams) s.destroy(new Error("upload broken off"));
    await Promise.allSettled(jobs);
    return { ok: false, error: "malformed" };
  }
  const results = await Promise.all(jobs);
  if (tooMany) return { ok: false, error: "tooMany" };
  const refused = results.find((r): r is UploadRefusal => r !== null && "error" in r);
  if (refused) return { ok: false, ...refused };
  const files = results.filter((r): r is UploadedFile => r !== null && !("error" in r));
  return { ok: true, files, fields };
}
