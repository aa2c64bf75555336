import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { databasePath } from "@/db/open";
import { isPostgresUrl } from "@/db/dialect";
import { BodyTooLarge } from "@/lib/http/bounded-body";

/** What the store holds of one file: its digest (its name in the store) and its size. */
export type StoredFile = { sha256: string; bytes: number };

/**
 * Where hazards' photos and documents live: outside the database, named by their SHA-256 (so the
 * same file uploaded twice is stored once, and a name can never be a path someone chose). The
 * digest is also written into the history, so verification notices a file swapped in the store.
 * One interface so another store (an S3-compatible bucket) can stand in for the folder.
 */
export interface AttachmentStore {
  /** Streams a file in while hashing and counting it; past `limit` bytes it stops, keeps nothing and throws BodyTooLarge. */
  put(chunks: AsyncIterable<Buffer> | Iterable<Buffer>, limit: number): Promise<StoredFile>;
  /** The file's bytes as a stream, or null when the store has no such file. */
  open(sha256: string): Promise<Readable | null>;
  /** The digest of what the store holds under this name now (null: missing) — for verification. */
  digestOf(sha256: string): Promise<string | null>;
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * The folder store. Its folder: SISE_ATTACHMENTS_DIR; by default `attachments/` beside the SQLite
 * file, or under SISE_DATA_DIR on PostgreSQL — where every instance must see the same folder (a
 * shared volume), as for the checkpoint receipts (docs/deployment.md).
 */
export function attachmentsFolder(dbPath = process.env.DATABASE_URL ?? databasePath()): string {
  if (process.env.SISE_ATTACHMENTS_DIR) return resolve(/*turbopackIgnore: true*/ process.env.SISE_ATTACHMENTS_DIR);
  const base = isPostgresUrl(dbPath)
    ? resolve(/*turbopackIgnore: true*/ process.env.SISE_DATA_DIR ?? "data")
    : dirname(dbPath);
  return join(base, "attachments");
}

export function folderStore(root: string): AttachmentStore {
  // Two levels of fan-out keep any one folder small at hundreds of thousands of files.
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  return {
    async put(chunks, limit) {
      const tmp = join(root, "tmp");
      await mkdir(tmp, { recursive: true });
      const partial = join(tmp, randomUUID());
      const out = createWriteStream(partial, { flags: "wx", mode: 0o640 });
      const hash = createHash("sha256");
      let bytes = 0;
      try {
        for await (const chunk of chunks) {
          bytes += chunk.length;
          if (bytes > limit) throw new BodyTooLarge(limit);
          hash.update(chunk);
          // Respect the disk's pace: a fast client must not fill the process's memory.
          if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
        }
        out.end();
        await finished(out);
        const sha256 = hash.digest("hex");
        const target = pathOf(sha256);
        await mkdir(dirname(target), { recursive: true });
        await rename(partial, target);
        return { sha256, bytes };
      } catch (e) {
        // The file is opened asynchronously: wait until the stream has closed it, or a removal made
        // before the open completes would leave the partial file behind.
        const closed = new Promise<void>((resolve) => out.once("close", () => resolve()));
        out.destroy();
        if (!out.closed) await closed;
        await rm(partial, { force: true });
        throw e;
      }
    },
    async open(sha256) {
      if (!HEX64.test(sha256)) return null;
      const path = pathOf(sha256);
      try {
        await stat(path);
      } catch {
        return null;
      }
      return createReadStream(path);
    },
    async digestOf(sha256) {
      const stream = await this.open(sha256);
      if (!stream) return null;
      const hash = createHash("sha256");
      for await (const chunk of stream) hash.update(chunk as Buffer);
      return hash.digest("hex");
    },
  };
}

let store: AttachmentStore | undefined;
/** This process's store. */
export function attachmentStore(): AttachmentStore {
  store ??= folderStore(attachmentsFolder());
  return store;
}
