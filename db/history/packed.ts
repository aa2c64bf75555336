import { endianness } from "node:os";
import { boardFromCounts, type Board, type CellCount, type RiskState } from "../../lib/domain/board";
import { COLOURS, isOpenStatus, RISK_STATUSES } from "../../lib/domain/colours";

/**
 * A board checkpoint's storage form: every risk's board state as five 32-bit integers — risk id,
 * area id, division id, colour index, status index — ordered by risk id, little-endian, in one
 * binary column. At a province's million risks that is 20 MB read as one typed array, where the
 * same states as JSON took a third of a second to parse into a million objects before anything
 * was counted; sorted, one risk's state is a binary search away.
 */
const FIELDS = 5;
const BIG_ENDIAN = endianness() === "BE";

export function encodeStates(states: Iterable<RiskState>): Buffer {
  const list = [...states].sort((a, b) => a.riskId - b.riskId);
  const out = new Int32Array(list.length * FIELDS);
  list.forEach((s, i) => {
    const o = i * FIELDS;
    out[o] = s.riskId;
    out[o + 1] = s.areaId;
    out[o + 2] = s.regionId;
    out[o + 3] = COLOURS.indexOf(s.colour);
    out[o + 4] = RISK_STATUSES.indexOf(s.status);
  });
  const bytes = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  return BIG_ENDIAN ? Buffer.from(bytes).swap32() : bytes;
}

/** The stored bytes as states (a copy only when the driver's buffer is not aligned, or on a big-endian machine). */
export function decodeStates(bytes: Uint8Array): Int32Array {
  if (bytes.byteLength % (4 * FIELDS) !== 0) throw new Error("board checkpoint: not a whole number of states");
  const aligned = bytes.byteOffset % 4 === 0 && !BIG_ENDIAN ? bytes : Buffer.from(bytes);
  if (BIG_ENDIAN) (aligned as Buffer).swap32();
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
}

const stateAt = (packed: Int32Array, o: number): RiskState => ({
  riskId: packed[o],
  areaId: packed[o + 1],
  regionId: packed[o + 2],
  colour: COLOURS[packed[o + 3]],
  status: RISK_STATUSES[packed[o + 4]],
});

/** Every state as a map by risk id (for the callers that replay all of them). */
export function statesOf(packed: Int32Array): Map<number, RiskState> {
  const out = new Map<number, RiskState>();
  for (let o = 0; o < packed.length; o += FIELDS) out.set(packed[o], stateAt(packed, o));
  return out;
}

/** One risk's state, found by binary search; undefined when the risk did not exist yet. */
export function findState(packed: Int32Array, riskId: number): RiskState | undefined {
  let lo = 0;
  let hi = packed.length / FIELDS - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const id = packed[mid * FIELDS];
    if (id === riskId) return stateAt(packed, mid * FIELDS);
    if (id < riskId) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Where a division's risks are counted: a board column's id, or null when outside the board. */
export type ColumnOf = (regionId: number) => number | null;
const OPEN = RISK_STATUSES.map(isOpenStatus);

/**
 * The board of a checkpoint's states with some of them replaced (`changed`: the risks the events
 * after the checkpoint touched, as they stood at the moment asked for; a risk that did not exist
 * then is absent), counted per area × column — each division mapped by `column` (the identity for
 * the board per division, a division's columns for a rolled-up one). One pass over the typed
 * array, no object per risk.
 */
export function packedBoard(packed: Int32Array, changed: ReadonlyMap<number, RiskState>, column: ColumnOf): Board {
  const counts = new Map<number, Int32Array>(); // area × column → a count per colour index
  const columns = new Map<number, number | null>();
  const add = (areaId: number, regionId: number, colour: number) => {
    let col = columns.get(regionId);
    if (col === undefined) columns.set(regionId, (col = column(regionId)));
    if (col === null) return;
    const key = areaId * 2 ** 32 + col;
    let c = counts.get(key);
    if (!c) counts.set(key, (c = new Int32Array(COLOURS.length)));
    c[colour] += 1;
  };
  for (let o = 0; o < packed.length; o += FIELDS)
    if (OPEN[packed[o + 4]] && !changed.has(packed[o])) add(packed[o + 1], packed[o + 2], packed[o + 3]);
  for (const s of changed.values()) if (isOpenStatus(s.status)) add(s.areaId, s.regionId, COLOURS.indexOf(s.colour));
  return boardFromCounts(countRows(counts));
}

/** The same count for states held as objects (the walk back from the present). */
export function statesBoard(states: Iterable<RiskState>, column: ColumnOf): Board {
  return packedBoard(new Int32Array(0), new Map([...states].map((s) => [s.riskId, s])), column);
}

function* countRows(counts: Map<number, Int32Array>): Generator<CellCount> {
  for (const [key, c] of counts) {
    const areaId = Math.floor(key / 2 ** 32);
    const regionId = key % 2 ** 32;
    for (let i = 0; i < c.length; i++) if (c[i] > 0) yield { areaId, regionId, colour: COLOURS[i], n: c[i] };
  }
}
