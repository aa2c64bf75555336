import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { documentedHash } from "@/tests/support/chain-oracle";
import {
  createChainVerifier,
  GENESIS,
  linkEvent,
  storedJson,
  type SealedEvent,
  type StoredEvent,
} from "@/lib/domain/history-chain";

/**
 * The hash chain against its documented formula: `documentedHash` is written from the sentence in
 * the docs with node:crypto and a generic key sort, not from the app's canonicalEvent or chainHash.
 */
const base: Omit<StoredEvent, "seq"> = {
  at: 1_764_547_200_000,
  risk_id: 7,
  risk_version: 2,
  actor_id: 3,
  actor_name: "王芳 officer",
  action: "grade",
  field: "colour",
  old_value: '"yellow"',
  new_value: '"red"',
  reason: "燃气管道腐蚀 \u2028 line",
  data: '{"method":"lec","score":320}',
};

function chain(n: number): SealedEvent[] {
  const out: SealedEvent[] = [];
  for (let i = 0; i < n; i++) out.push(linkEvent(out.at(-1), { ...base, at: base.at + i, risk_version: i + 1 }));
  return out;
}

describe("the hash chain, recomputed from the documented formula", () => {
  it("starts from 64 zeros", () => {
    expect(GENESIS).toBe("0".repeat(64));
    expect(chain(1)[0].prev_hash).toBe("0".repeat(64));
  });
  it("gives every event the SHA-256 of the previous hash and its sorted-key JSON", () => {
    const events = chain(4);
    let prev = "0".repeat(64);
    for (const [i, e] of events.entries()) {
      expect(e.seq).toBe(i + 1);
      expect(e.prev_hash).toBe(prev);
      expect(e.hash).toBe(documentedHash(prev, e));
      prev = e.hash;
    }
  });
  it("hashes NULL columns as JSON null and text exactly as stored", () => {
    const e = linkEvent(undefined, {
      ...base,
      risk_id: null,
      risk_version: null,
      actor_id: null,
      field: null,
      old_value: null,
      new_value: null,
      reason: null,
      data: null,
    });
    const canonical = `{"action":"grade","actor_id":null,"actor_name":"王芳 officer","at":1764547200000,"data":null,"field":null,"new_value":null,"old_value":null,"reason":null,"risk_id":null,"risk_version":null,"seq":1}`;
    expect(e.hash).toBe(
      createHash("sha256")
        .update("0".repeat(64) + canonical)
        .digest("hex"),
    );
  });
  it("stores an absent JSON value as NULL and anything else as its JSON text", () => {
    expect(storedJson(null)).toBeNull();
    expect(storedJson(undefined)).toBeNull();
    expect(storedJson("red")).toBe('"red"');
    expect(storedJson(0)).toBe("0");
    expect(storedJson({ a: [1] })).toBe('{"a":[1]}');
  });
});

describe("verifying the chain", () => {
  const verify = (events: Array<StoredEvent & { prev_hash: string | null; hash: string | null }>, highest?: number) => {
    const v = createChainVerifier();
    const pushed = events.map((e) => v.push(e));
    return { pushed, result: v.finish(highest) };
  };
  it("accepts an intact chain and returns its head", () => {
    const events = chain(3);
    expect(verify(events, 3)).toEqual({
      pushed: [true, true, true],
      result: { ok: true, count: 3, head: events[2].hash },
    });
    expect(verify([])).toEqual({ pushed: [], result: { ok: true, count: 0, head: GENESIS } });
  });
  it("names the first break and looks at nothing after it", () => {
    const events = chain(4);
    const changed = [events[0], { ...events[1], reason: "edited" }, events[2], events[3]];
    expect(verify(changed)).toEqual({
      pushed: [true, false, false, false],
      result: { ok: false, count: 1, broken: { kind: "hash", seq: 2 } },
    });
  });
  it("names a gap in the numbering, a wrong previous hash and an unsealed row", () => {
    const events = chain(3);
    expect(verify([events[0], events[2]]).result).toEqual({
      ok: false,
      count: 1,
      broken: { kind: "gap", seq: 3, expected: 2 },
    });
    expect(verify([events[0], { ...events[1], prev_hash: GENESIS }]).result).toEqual({
      ok: false,
      count: 1,
      broken: { kind: "prevHash", seq: 2 },
    });
    expect(verify([events[0], { ...events[1], hash: null }]).result).toEqual({
      ok: false,
      count: 1,
      broken: { kind: "unsealed", seq: 2 },
    });
    expect(verify([{ ...events[0], prev_hash: null }]).result).toEqual({
      ok: false,
      count: 0,
      broken: { kind: "unsealed", seq: 1 },
    });
  });
  it("names events cut from the end when the highest issued number is past the last row", () => {
    const events = chain(3);
    expect(verify(events, 5).result).toEqual({ ok: false, count: 3, broken: { kind: "tail", lastSeq: 3, highest: 5 } });
    expect(verify(events, 3).result.ok).toBe(true);
    expect(verify(events, 2).result.ok).toBe(true);
  });
});
