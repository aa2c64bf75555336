import { cellKey } from "./board";

/**
 * The presenter's path through a meeting: the cells that changed since the reference date, in
 * reading order — the 21 categories first, then the 14 domains, each row left to right — so that
 * PageDown (a clicker's "next") visits every change once and PageUp goes back.
 */
export type Stop = { group: string; row: number; col: number };

export function changedStops(
  groups: Array<{ group: string; areaIds: number[] }>,
  regionIds: number[],
  changed: ReadonlySet<string>,
): Stop[] {
  const stops: Stop[] = [];
  for (const { group, areaIds } of groups) {
    areaIds.forEach((areaId, row) =>
      regionIds.forEach((regionId, col) => {
        if (changed.has(cellKey(areaId, regionId))) stops.push({ group, row, col });
      }),
    );
  }
  return stops;
}

/**
 * The stop after (step 1) or before (step -1) the presenter's place; from a place that is not a
 * stop, the next one in reading order after it (or the last one before it). Wraps round at either
 * end, so a clicker never gets stuck. Null when nothing changed.
 */
export function nextStop(stops: Stop[], groupOrder: string[], at: Stop | null, step: 1 | -1): Stop | null {
  if (stops.length === 0) return null;
  if (!at) return step === 1 ? stops[0] : stops[stops.length - 1];
  const rank = (s: Stop) => [groupOrder.indexOf(s.group), s.row, s.col];
  const compare = (a: Stop, b: Stop) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  };
  if (step === 1) return stops.find((s) => compare(s, at) > 0) ?? stops[0];
  return [...stops].reverse().find((s) => compare(s, at) < 0) ?? stops[stops.length - 1];
}
