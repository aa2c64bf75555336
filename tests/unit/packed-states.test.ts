import { describe, expect, it } from "vitest";
import { buildBoard, type RiskState } from "@/lib/domain/board";
import { COLOURS, RISK_STATUSES } from "@/lib/domain/colours";
import { decodeStates, encodeStates, findState, packedBoard, statesBoard, statesOf } from "@/db/history/packed";
import { rollUpBoard, columnOf } from "@/lib/domain/territory";
import { HAND_MADE_TERRITORY } from "../support/hand-made-territory";

// Checkpoints' packed form (db/history/packed.ts): a round trip, a lookup, and the board counted
// from it equal to the board of the same states as objects — per division and rolled up.
let seed = 7;
const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
const states: RiskState[] = Array.from({ length: 500 }, (_, i) => ({
  riskId: 3 + i * 2, // ids with gaps: a lookup must miss between them
  areaId: 1 + rand(6),
  regionId: 1 + rand(9),
  colour: COLOURS[rand(4)],
  status: RISK_STATUSES[rand(RISK_STATUSES.length)],
}));
// The city 1; counties 2, 3; towns 4, 5 (in 2) and 8 (in 3); villages 6, 7 (in 4) and 9 (in 8).
const T = HAND_MADE_TERRITORY;

describe("packed checkpoint states", () => {
  it("round-trip, in risk-id order, from bytes that need not be aligned", () => {
    const bytes = encodeStates([...states].reverse());
    expect(bytes.byteLength).toBe(states.length * 20);
    const unaligned = Buffer.concat([Buffer.from([0]), bytes]).subarray(1);
    const back = statesOf(decodeStates(unaligned));
    expect([...back.keys()]).toEqual(states.map((s) => s.riskId));
    for (const s of states) expect(back.get(s.riskId)).toEqual(s);
    expect(() => decodeStates(Buffer.alloc(21))).toThrow(/whole number/);
  });

  it("finds one risk by binary search, and nothing for an id it does not hold", () => {
    const packed = decodeStates(encodeStates(states));
    for (const s of [states[0], states[250], states[499]]) expect(findState(packed, s.riskId)).toEqual(s);
    expect(findState(packed, 4)).toBeUndefined();
    expect(findState(packed, 1)).toBeUndefined();
    expect(findState(packed, 10_000)).toBeUndefined();
    expect(findState(decodeStates(encodeStates([])), 3)).toBeUndefined();
  });

  it("counts the board the objects give, with changed risks replacing theirs, per division and rolled up", () => {
    const packed = decodeStates(encodeStates(states));
    const changed = new Map<number, RiskState>([
      [states[0].riskId, { ...states[0], colour: "red", status: "identified" }],
      [states[1].riskId, { ...states[1], status: "closed" }],
      [9_999, { riskId: 9_999, areaId: 2, regionId: 6, colour: "orange", status: "controlling" }],
    ]);
    const after = new Map(states.map((s) => [s.riskId, s]));
    for (const [id, s] of changed) after.set(id, s);
    const whole = buildBoard(after.values());
    expect(packedBoard(packed, changed, (r) => r)).toEqual(whole);
    expect(statesBoard(after.values(), (r) => r)).toEqual(whole);
    for (const node of [1, 2, 4, 8])
      expect(packedBoard(packed, changed, (r) => columnOf(T, node, r))).toEqual(rollUpBoard(T, whole, node));
  });
});
