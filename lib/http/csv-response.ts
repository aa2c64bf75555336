/**
 * A CSV download from an async generator of text chunks. Pull-based: the next chunk is produced only
 * when the client has taken the last, so a slow client holds back the database reads instead of
 * filling memory. `done` runs once, however the stream ends (finished, failed or cancelled).
 */
export function csvResponse(chunks: AsyncGenerator<string>, done: () => void, fileName: string): Response {
  const encoder = new TextEncoder();
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
        } else controller.enqueue(encoder.encode(next.value));
      } catch (e) {
        finish();
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
      finish();
    },
  });
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"`, "cache-control": "no-store" },
  });
}

/** A download of a ready byte stream (e.g. an XLSX being written); `done` runs once it ends or is cancelled. */
export function streamResponse(body: ReadableStream<Uint8Array>, done: () => void, fileName: string, contentType: string): Response {
  let closed = false;
  const finish = () => {
    if (closed) return;
    closed = true;
    done();
  };
  const reader = body.getReader();
  const piped = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) {
          controller.close();
          finish();
        } else controller.enqueue(next.value);
      } catch (e) {
        finish();
        controller.error(e);
      }
    },
    async cancel(reason) {
      await reader.cancel(reason);
      finish();
    },
  });
  return new Response(piped, { headers: { "content-type": contentType, "content-disposition": `attachment; filename="${fileName}"`, "cache-control": "no-store" } });
}
