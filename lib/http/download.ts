/**
 * A file download from an async iterator of bytes. Pull-based: the next chunk is produced only when
 * the client has taken the last, so a slow client holds back the database reads instead of filling
 * memory. `done` runs once, however the stream ends (finished, failed or cancelled).
 */
export function downloadResponse(
  chunks: AsyncIterator<Uint8Array>,
  done: () => void,
  fileName: string,
  contentType: string,
): Response {
  let closed = false;
  const finish = () => {
    if (closed) return;
    closed = true;
    done();
  };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) {
          controller.close();
          finish();
        } else controller.enqueue(next.value);
      } catch (e) {
        finish();
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return?.(undefined);
      finish();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store, no-transform",
    },
  });
}

/** Text chunks as UTF-8 bytes. */
export async function* utf8(chunks: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const s of chunks) yield encoder.encode(s);
}

/** A byte stream (e.g. an XLSX being written) as the iterator `downloadResponse` pulls from. */
export function bytesOf(stream: ReadableStream<Uint8Array>): AsyncIterator<Uint8Array> {
  const reader = stream.getReader();
  return {
    next: async () => {
      const r = await reader.read();
      return r.done ? { done: true, value: undefined } : { done: false, value: r.value };
    },
    return: async () => {
      await reader.cancel();
      return { done: true, value: undefined };
    },
  };
}
