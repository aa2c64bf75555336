import { createHash, generateKeyPairSync, sign } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyHistory } from "@/db/history/verify";
import { reviewRisk } from "@/db/mutations/grading";
import { seedDemoRegister } from "@/db/seed";
import { checkpointPaths, verifyCheckpoints, writeCheckpoint } from "@/lib/checkpoints/signer";
import { createTestDb, type TestDb } from "./test-db";

/**
 * The history anchored outside its database: whoever can edit the database file — drop the
 * append-only trigger, change an event, recompute every hash after it, recreate the trigger — makes
 * a chain that verifies on its own. The signed receipts, kept outside the file with a key it does
 * not hold, still tell.
 */
const NOW = new Date("2026-11-25T02:00:00Z");
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await seedDemoRegister(t.db, { count: 15, now: NOW });
});
afterEach(() => t.cleanup());

/** The documented formula, recomputed here: hash = SHA-256(prev_hash ‖ JSON of the columns, keys sorted). */
async function rehashFrom(seq: number) {
  const rows = (await t.all("SELECT * FROM risk_events WHERE seq >= ? ORDER BY seq", seq)) as Array<
    Record<string, unknown>
  >;
  let prev = ((await t.get("SELECT hash FROM risk_events WHERE seq = ?", seq - 1)) as { hash: string }).hash;
  const keys = [
    "action",
    "actor_id",
    "actor_name",
    "at",
    "data",
    "field",
    "new_value",
    "old_value",
    "reason",
    "risk_id",
    "risk_version",
    "seq",
  ];
  for (const r of rows) {
    const hash = createHash("sha256")
      .update(prev + JSON.stringify(Object.fromEntries(keys.map((k) => [k, r[k]]))))
      .digest("hex");
    await t.run("UPDATE risk_events SET prev_hash = ?, hash = ? WHERE seq = ?", prev, hash, r.seq);
    prev = hash;
  }
}
/** What someone with the database can do: lift the triggers, change things, put the triggers back. */
const withoutTriggers = (change: () => Promise<void>) => t.withoutHistoryTriggers(change);

describe("signed checkpoints", () => {
  it("sign the head once, again only when it moved, each receipt linked to the one before", async () => {
    const first = await writeCheckpoint(t.db, { now: NOW });
    expect(first.written).toBe(true);
    expect((await writeCheckpoint(t.db, { now: NOW })).written).toBe(false);
    const r = (await t.get("SELECT id, version FROM risks LIMIT 1")) as { id: number; version: number };
    await reviewRisk(t.db, {
      riskId: r.id,
      expectedVersion: r.version,
      actor: { id: 2, name: "张伟" },
      now: NOW,
      note: "复核",
      nextReviewDate: "2026-12-01",
    });
    const second = await writeCheckpoint(t.db, { now: NOW });
    expect(second.written).toBe(true);
    expect(second.receipt.seq).toBe(first.receipt.seq + 1);
    const lines = readFileSync(checkpointPaths(t.file).receipts, "utf8").trim().split("\n");
    expect(JSON.parse(lines[1]).prev).toBe(createHash("sha256").update(lines[0]).digest("hex"));
    expect(await verifyCheckpoints(t.db)).toMatchObject({ ok: true, receipts: 2 });
  });

  it("catch a consistent rewrite that the chain alone cannot", async () => {
    const { receipt } = await writeCheckpoint(t.db, { now: NOW });
    await withoutTriggers(async () => {
      await t.run("UPDATE risk_events SET reason = '改过的原因' WHERE seq = 10");
      await rehashFrom(10);
    });
    expect((await verifyHistory(t.db)).ok).toBe(true); // the chain is consistent again…
    expect(await verifyCheckpoints(t.db)).toMatchObject({
      ok: false,
      problem: { kind: "rewritten", seq: receipt.seq },
    }); // …the receipt is not
  });

  it("catch a cut tail, even with the sequence counter lowered to hide it", async () => {
    const { receipt } = await writeCheckpoint(t.db, { now: NOW });
    await withoutTriggers(async () => {
      await t.run("DELETE FROM risk_events WHERE seq > ?", receipt.seq - 5);
      await t.setHighestSeq(receipt.seq - 5);
    });
    expect((await verifyHistory(t.db)).ok).toBe(true);
    expect(await verifyCheckpoints(t.db)).toMatchObject({
      ok: false,
      problem: { kind: "missingEvent", seq: receipt.seq, lastSeq: receipt.seq - 5 },
    });
  });

  it("catch a receipt removed from the log, and one signed with another key", async () => {
    await writeCheckpoint(t.db, { now: NOW });
    const r = (await t.get("SELECT id, version FROM risks LIMIT 1")) as { id: number; version: number };
    await reviewRisk(t.db, {
      riskId: r.id,
      expectedVersion: r.version,
      actor: { id: 2, name: "张伟" },
      now: NOW,
      note: "复核",
      nextReviewDate: "2026-12-01",
    });
    await writeCheckpoint(t.db, { now: NOW });
    const file = checkpointPaths(t.file).receipts;
    const lines = readFileSync(file, "utf8").trim().split("\n");
    writeFileSync(file, `${lines[1]}\n`);
    expect(await verifyCheckpoints(t.db)).toMatchObject({ ok: false, problem: { kind: "order", line: 1 } });
    // A receipt forged with a key of one's own does not verify with the deployment's public key.
    const forger = generateKeyPairSync("ed25519").privateKey;
    const receipt = JSON.parse(lines[0]);
    const text = `sise-checkpoint v1\n${receipt.seq}\n${receipt.hash}\n${receipt.at}\n${receipt.prev}`;
    writeFileSync(
      file,
      `${JSON.stringify({ ...receipt, sig: sign(null, Buffer.from(text), forger).toString("base64") })}\n`,
    );
    expect(await verifyCheckpoints(t.db)).toMatchObject({ ok: false, problem: { kind: "signature", line: 1 } });
  });

  it("keep the key and the receipts outside the database file", async () => {
    await writeCheckpoint(t.db, { now: NOW });
    const paths = checkpointPaths(t.file);
    if (t.sqlite) expect(readFileSync(t.file).includes(readFileSync(paths.key))).toBe(false);
    // On PostgreSQL the key is a file in SISE_DATA_DIR, beside no table of the database.
    else expect(paths.key.startsWith(process.env.SISE_DATA_DIR!)).toBe(true);
    expect(readFileSync(paths.key, "utf8")).toContain("PRIVATE KEY");
    expect(await verifyCheckpoints(t.db, { publicKey: "/nonexistent.pem" })).toEqual({
      ok: false,
      missing: "publicKey",
    });
  });
});
