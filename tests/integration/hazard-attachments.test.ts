import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyHistory } from "@/db/history/verify";
import { addHazardAttachments, insertHazard } from "@/db/mutations/hazards";
import { hazardEvents, listHazardAttachments } from "@/db/queries/hazards";
import { folderStore, type AttachmentStore } from "@/lib/files/attachment-store";
import { ATTACHMENT_LIMITS, readAttachmentUpload } from "@/lib/files/attachment-upload";
import { verifyAttachments } from "@/lib/files/verify-attachments";
import { BodyTooLarge } from "@/lib/http/bounded-body";
import { createTestDb, type TestDb } from "./test-db";

/**
 * Hazards' photos and documents (issue 22): read from a multipart body as it streams, their type
 * told from their bytes, refused past the size limit with nothing kept, stored by digest outside
 * the database, recorded with that digest in the history — so verification finds a file swapped,
 * lost, or a row whose digest was changed.
 */
let t: TestDb;
let dir: string;
let store: AttachmentStore;
const actor = { id: null, name: "system:test" };
const now = new Date("2026-12-06T02:00:00Z");

beforeEach(async () => {
  t = await createTestDb();
  dir = mkdtempSync(join(tmpdir(), "sise-att-"));
  store = folderStore(dir);
});
afterEach(async () => {
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const photo = () =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: "#2a6" } })
    .jpeg()
    .toBuffer();
const upload = (files: Array<{ bytes: Buffer | Uint8Array; name: string }>) => {
  const body = new FormData();
  for (const f of files) body.append("files", new Blob([new Uint8Array(f.bytes)]), f.name);
  return new Request("http://sise.local/upload", { method: "POST", body });
};
const hazard = () =>
  insertHazard(t.db, {
    input: {
      title: "配电室门未上锁",
      description: "",
      areaId: t.areaId.S03,
      regionId: t.regionId["610881"],
      place: "",
      grade: "general",
      riskId: null,
      inspectionId: null,
      foundOn: "2026-12-05",
    },
    actor,
    now,
    year: 2026,
  });
const filesIn = (sub: string) => {
  try {
    return readdirSync(join(dir, sub));
  } catch {
    return [];
  }
};

describe("reading an upload", () => {
  it("keeps a photo under its digest with a small preview, its type read from its bytes", async () => {
    const bytes = await photo();
    const read = await readAttachmentUpload(upload([{ bytes, name: "C:\\相机\\现场.JPG" }]), store);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const [f] = read.files;
    expect(f).toMatchObject({ name: "现场.JPG", mime: "image/jpeg", bytes: bytes.length });
    expect(await store.digestOf(f.sha256)).toBe(f.sha256);
    const thumb = await sharp(Buffer.concat(await Array.fromAsync((await store.open(f.thumbSha256!))!))).metadata();
    expect(thumb.format).toBe("webp");
    expect(Math.max(thumb.width!, thumb.height!)).toBe(480);
  });

  it("refuses a file whose bytes are not an accepted type, whatever its name says", async () => {
    const read = await readAttachmentUpload(
      upload([{ bytes: Buffer.from("<script>alert(1)</script>"), name: "a.jpg" }]),
      store,
    );
    expect(read).toEqual({ ok: false, error: "badType", name: "a.jpg" });
    expect(filesIn("tmp")).toEqual([]);
  });

  it("refuses a file past the size limit while it streams, keeping nothing of it", async () => {
    const head = await photo();
    const big = Buffer.concat([head, Buffer.alloc(ATTACHMENT_LIMITS.maxBytes)]);
    const read = await readAttachmentUpload(upload([{ bytes: big, name: "大.jpg" }]), store);
    expect(read).toEqual({ ok: false, error: "tooBig", name: "大.jpg" });
    expect(filesIn("tmp")).toEqual([]);
    expect(readdirSync(dir).filter((d) => d !== "tmp")).toEqual([]);
  });

  it("refuses more files than allowed in one request, and a body that is not multipart", async () => {
    const bytes = await photo();
    const many = Array.from({ length: 3 }, (_, i) => ({ bytes, name: `${i}.jpg` }));
    expect(await readAttachmentUpload(upload(many), store, { maxFiles: 2 })).toMatchObject({
      ok: false,
      error: "tooMany",
    });
    const plain = new Request("http://sise.local/upload", {
      method: "POST",
      body: "x",
      headers: { "content-type": "text/plain" },
    });
    expect(await readAttachmentUpload(plain, store)).toEqual({ ok: false, error: "malformed" });
  });

  it("a body that ends inside a file is refused, keeps nothing and leaves nothing waiting", async () => {
    const bytes = await photo();
    const boundary = "----sise";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="x.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    );
    // Half the photo, and no closing boundary: the client went away.
    const body = Buffer.concat([head, bytes.subarray(0, Math.floor(bytes.length / 2))]);
    const request = new Request("http://sise.local/upload", {
      method: "POST",
      body,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    expect(await readAttachmentUpload(request, store)).toEqual({ ok: false, error: "malformed" });
    expect(filesIn("tmp")).toEqual([]);
    expect(readdirSync(dir).filter((d) => d !== "tmp")).toEqual([]);
  });

  it("the store refuses past its limit and leaves no partial file", async () => {
    await expect(store.put([Buffer.alloc(10), Buffer.alloc(10)], 15)).rejects.toBeInstanceOf(BodyTooLarge);
    expect(filesIn("tmp")).toEqual([]);
  });
});

describe("attachments in the history", () => {
  it("records each file with its digest in the chain; verification passes, then finds a swapped, a lost and a re-pointed file", async () => {
    const h = await hazard();
    const a = await store.put([await photo()], ATTACHMENT_LIMITS.maxBytes);
    const b = await store.put([Buffer.from("%PDF-1.4 验收报告")], ATTACHMENT_LIMITS.maxBytes);
    const saved = await addHazardAttachments(t.db, {
      hazardId: h.id,
      files: [
        { name: "现场.jpg", mime: "image/jpeg", ...a, thumbSha256: null },
        { name: "验收.pdf", mime: "application/pdf", ...b, thumbSha256: null },
      ],
      actor,
      now,
    });
    expect(saved.ok).toBe(true);
    const events = (await hazardEvents(t.db, h.id)).filter((e) => e.action === "hazard.attach");
    expect(events.map((e) => (e.newValue as { sha256: string }).sha256)).toEqual([a.sha256, b.sha256]);
    expect((await verifyHistory(t.db)).ok).toBe(true);
    expect(await verifyAttachments(t.db, store)).toEqual({ checked: 2, problems: [] });

    // Someone swaps the photo's bytes in the store.
    writeFileSync(join(dir, a.sha256.slice(0, 2), a.sha256.slice(2, 4), a.sha256), "swapped");
    // … removes the PDF …
    rmSync(join(dir, b.sha256.slice(0, 2), b.sha256.slice(2, 4), b.sha256));
    expect((await verifyAttachments(t.db, store)).problems.map((p) => [p.name, p.problem])).toEqual([
      ["现场.jpg", "changed"],
      ["验收.pdf", "missing"],
    ]);
    // … or points a row at another file (the history still holds the digest first recorded).
    const [first] = await listHazardAttachments(t.db, h.id);
    await t.run("UPDATE hazard_attachments SET sha256 = ? WHERE id = ?", b.sha256, first.id);
    expect((await verifyAttachments(t.db, store)).problems[0]).toMatchObject({
      name: "现场.jpg",
      problem: "notRecorded",
    });
  });

  it("a closed hazard takes no more files, and nothing is written", async () => {
    const h = await hazard();
    await t.run("UPDATE hazards SET status = 'closed' WHERE id = ?", h.id);
    const head = await t.value<number>("SELECT max(seq) FROM risk_events");
    const f = await store.put([Buffer.from("%PDF-1.4")], 100);
    expect(
      await addHazardAttachments(t.db, {
        hazardId: h.id,
        files: [{ name: "x.pdf", mime: "application/pdf", ...f, thumbSha256: null }],
        actor,
        now,
      }),
    ).toEqual({ ok: false, error: "closed" });
    expect(await t.value<number>("SELECT max(seq) FROM risk_events")).toBe(head);
    expect(await listHazardAttachments(t.db, h.id)).toEqual([]);
  });
});
