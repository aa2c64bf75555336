import { describe, expect, it } from "vitest";
import {
  assess,
  colourForLec,
  colourForMatrix,
  compute,
  DEFAULT_THRESHOLDS,
  lecScore,
  methodInputsOf,
  thresholdsAreOrdered,
} from "@/lib/domain/grading";
import { allowedTransitions, canTransition, isReopening } from "@/lib/domain/lifecycle";
import {
  canonicalEvent,
  chainHash,
  createChainVerifier,
  GENESIS,
  linkEvent,
  type StoredEvent,
} from "@/lib/domain/history-chain";
import { isMeasureOverdue, planMeasureUpdate } from "@/lib/domain/measures";

describe("LEC (D = L × E × C)", () => {
  it("maps docs/domain.md's boundaries: D > 320 red, 160–320 orange, 70–159 yellow, < 70 blue", () => {
    expect([
      colourForLec(321),
      colourForLec(320),
      colourForLec(160),
      colourForLec(159.9),
      colourForLec(70),
      colourForLec(69.9),
    ]).toEqual(["red", "orange", "orange", "yellow", "yellow", "blue"]);
  });
  it("computes from the value tables without floating-point noise", () => {
    expect(lecScore(0.1, 0.5, 1)).toBe(0.05);
    expect(compute({ method: "lec", l: 6, e: 6, c: 15 })).toEqual({ score: 540, computed: "red" });
    expect(compute({ method: "lec", l: 3, e: 6, c: 7 })).toEqual({ score: 126, computed: "yellow" });
  });
});

describe("risk matrix (R = L × S)", () => {
  it("maps 20–25 red, 10–16 orange, 4–9 yellow, 1–3 blue", () => {
    expect([25, 20, 16, 10, 9, 4, 3, 1].map((r) => colourForMatrix(r))).toEqual([
      "red",
      "red",
      "orange",
      "orange",
      "yellow",
      "yellow",
      "blue",
      "blue",
    ]);
  });
  it("uses an admin's thresholds when given", () => {
    const t = { ...DEFAULT_THRESHOLDS, matrix: { red: 16, orange: 8, yellow: 3 } };
    expect(compute({ method: "matrix", likelihood: 4, severity: 4 }, t).computed).toBe("red");
    expect(thresholdsAreOrdered(t)).toBe(true);
    expect(thresholdsAreOrdered({ ...t, matrix: { red: 10, orange: 10, yellow: 3 } })).toBe(false);
  });
});

describe("assess", () => {
  it("an override needs a reason; the same colour as computed needs none", () => {
    expect(assess({ method: "matrix", likelihood: 2, severity: 2 }, "red", "")).toEqual({
      ok: false,
      error: "overrideReasonRequired",
    });
    expect(assess({ method: "matrix", likelihood: 2, severity: 2 }, "yellow", "").ok).toBe(true);
  });
  it("rejects values outside the method's tables", () => {
    expect(assess({ method: "lec", l: 7, e: 6, c: 15 }, null, "")).toEqual({ ok: false, error: "invalidInputs" });
    expect(assess({ method: "matrix", likelihood: 6, severity: 1 }, null, "")).toEqual({
      ok: false,
      error: "invalidInputs",
    });
  });
});

describe("lifecycle", () => {
  it("allows identified → controlling → resolved → closed and reopening, nothing else", () => {
    expect(allowedTransitions("identified")).toEqual(["controlling", "resolved"]);
    expect(canTransition("closed", "controlling") && isReopening("closed", "controlling")).toBe(true);
    expect(canTransition("identified", "closed")).toBe(false);
    expect(canTransition("controlling", "identified")).toBe(false);
  });
  it("a measure not done after its due day is overdue", () => {
    expect(isMeasureOverdue({ status: "planned", dueDate: "2026-11-24" }, "2026-11-25")).toBe(true);
    expect(isMeasureOverdue({ status: "done", dueDate: "2026-11-24" }, "2026-11-25")).toBe(false);
    expect(isMeasureOverdue({ status: "planned", dueDate: null }, "2026-11-25")).toBe(false);
  });
});

describe("hash chain", () => {
  const event = (n: number): Omit<StoredEvent, "seq"> => ({
    at: 1_790_000_000_000 + n,
    risk_id: 1,
    risk_version: n,
    actor_id: 2,
    actor_name: "张伟",
    action: "grade",
    field: "colour",
    old_value: '"orange"',
    new_value: '"red"',
    reason: `原因${n}`,
    data: null,
  });
  const chain = (n: number) => {
    const rows = [];
    let head: { seq: number; hash: string } | undefined;
    for (let i = 1; i <= n; i++) {
      const row = linkEvent(head, event(i));
      rows.push(row);
      head = row;
    }
    return rows;
  };

  it("is SHA-256 of prev_hash followed by the canonical JSON, keys in alphabetical order", () => {
    const [first] = chain(1);
    expect(first.prev_hash).toBe(GENESIS);
    expect(canonicalEvent(first).startsWith('{"action":"grade","actor_id":2,"actor_name":"张伟","at":')).toBe(true);
    expect(first.hash).toBe(chainHash(GENESIS, first));
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("verifies an intact chain and names the first altered, removed or re-linked event", () => {
    const rows = chain(5);
    const verify = (rs: typeof rows, highest?: number) => {
      const v = createChainVerifier();
      for (const r of rs) if (!v.push(r)) break;
      return v.finish(highest);
    };
    expect(verify(rows)).toEqual({ ok: true, count: 5, head: rows[4].hash });
    expect(verify(rows.map((r) => (r.seq === 3 ? { ...r, reason: "改过" } : r)))).toMatchObject({
      ok: false,
      count: 2,
      broken: { kind: "hash", seq: 3 },
    });
    expect(verify(rows.filter((r) => r.seq !== 3))).toMatchObject({
      ok: false,
      broken: { kind: "gap", seq: 4, expected: 3 },
    });
    // Re-numbering after a deletion still breaks the link to the removed row's hash.
    const renumbered = rows.filter((r) => r.seq !== 3).map((r) => (r.seq > 3 ? { ...r, seq: r.seq - 1 } : r));
    expect(verify(renumbered)).toMatchObject({ ok: false, broken: { kind: "prevHash", seq: 3 } });
    expect(verify(rows.slice(0, 4), 5)).toMatchObject({ ok: false, broken: { kind: "tail", lastSeq: 4, highest: 5 } });
  });
});

describe("a form's values as a method's inputs", () => {
  const blank = { lecL: "", lecE: "", lecC: "", matrixL: "", matrixS: "" };
  it("needs every value of the chosen method, and only that method's", () => {
    expect(methodInputsOf("lec", { ...blank, lecL: "6", lecE: "3" })).toBeNull();
    expect(methodInputsOf("lec", { ...blank, lecL: "6", lecE: "3", lecC: "15", matrixL: "5" })).toEqual({
      method: "lec",
      l: 6,
      e: 3,
      c: 15,
    });
    expect(methodInputsOf("matrix", { ...blank, matrixL: "4" })).toBeNull();
    expect(methodInputsOf("matrix", { ...blank, matrixL: "4", matrixS: "2", lecL: "10" })).toEqual({
      method: "matrix",
      likelihood: 4,
      severity: 2,
    });
    expect(methodInputsOf("direct", blank)).toEqual({ method: "direct" });
  });
});

describe("a change to a control measure", () => {
  const m = { description: "每日巡检", owner: "张伟", dueDate: "2026-12-31", status: "planned" as const };
  it("lists exactly the fields that change, and refuses a missing measure or a change of nothing", () => {
    expect(planMeasureUpdate(m, { ...m, status: "in_progress", owner: "王芳" })).toEqual({
      changed: ["owner", "status"],
    });
    expect(planMeasureUpdate(m, { ...m, dueDate: null })).toEqual({ changed: ["dueDate"] });
    expect(planMeasureUpdate(m, { ...m })).toEqual({ error: "noChange" });
    expect(planMeasureUpdate(undefined, m)).toEqual({ error: "measureNotFound" });
  });
});
