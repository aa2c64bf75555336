import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}

/**
 * A request body read as it arrives, refused the moment it passes `limit` bytes (whatever
 * Content-Length claimed), with a look at its first bytes to tell its format.
 */
export function boundedBody(body: ReadableStream<Uint8Array>, limit: number) {
  const reader = body.getReader();
  let seen = 0;
  const held: Buffer[] = [];
  const next = async (): Promise<Buffer | null> => {
    if (held.length) return held.shift()!;
    const { done, value } = await reader.read();
    if (done) return null;
    seen += value.byteLength;
    if (seen > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge(limit);
    }
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  };
  return {
    /** At least `n` bytes from the start (fewer if the body is shorter), without consuming them. */
    async peek(n: number): Promise<Buffer> {
      while (held.reduce((s, b) => s + b.length, 0) < n) {
        const { done, value } = await reader.read();
        if (done) break;
        seen += value.byteLength;
        if (seen > limit) throw new BodyTooLarge(limit);
        held.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
      }
      return Buffer.concat(held).subarray(0, n);
    },
    async *chunks(): AsyncGenerator<Buffer> {
      for (let b = await next(); b; b = await next()) yield b;
    },
    /**
     * Reads what is left and throws it away (up to the limit; past it the body is cancelled). A
     * handler that answered before the end — a check that failed at row 12 — must still take the
     * rest: a body left unread keeps the kept-alive connection busy, and the browser's next request
     * on it (a reload) was aborted.
     */
    async discard(): Promise<void> {
      held.length = 0;
      try {
        for (let b = await next(); b; b = await next()) {
          /* dropped */
        }
      } catch {
        await reader.cancel().catch(() => undefined);
      }
    },
  };
}

/** Writes chunks to a new temporary file (for a format read from its end, such as a zip). */
export async function spoolToTempFile(
  chunks: AsyncIterable<Buffer>,
): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = join(tmpdir(), `sise-upload-${randomUUID()}`);
  const remove = () => rm(path, { force: true });
  try {
    await pipeline(Readable.from(chunks), createWriteStream(path, { flags: "wx", mode: 0o600 }));
  } catch (e) {
    await remove();
    throw e;
  }
  return { path, remove };
}

/** A whole body of at most `limit` bytes, refused (BodyTooLarge) the moment it passes it. */
export async function readBounded(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of boundedBody(body, limit).chunks()) parts.push(chunk);
  return Buffer.concat(parts);
}
