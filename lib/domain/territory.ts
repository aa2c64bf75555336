import { boardFromCounts, type Board, type CellCount } from "./board";
import { COLOURS } from "./colours";

/**
 * The four-level territory (docs/domain.md, "Territory"): the city, its counties, their towns, their
 * villages and communities, and grids below them, as one tree of divisions. Its rules:
 * - a risk belongs to the lowest division that holds it; every division above sees it rolled up;
 * - a division's board has a column for itself (本级: what is registered at that level) and one per
 *   child, each counting its whole subtree — so a column's counts are the sum of the columns of the
 *   child's own board;
 * - a scope names divisions and reaches everything below them.
 * Plain values in and out: the tree is built from the `regions` rows by the caller.
 */
export const LEVELS = ["city", "county", "town", "village", "grid"] as const;
export type Level = (typeof LEVELS)[number];

export type Division = { id: number; parentId: number | null; level: Level; code: string; active: boolean };

export type Territory<D extends Division = Division> = {
  byId: ReadonlyMap<number, D>;
  /** Children in the caller's order (sort the rows before building), by parent id; `null` holds the roots. */
  children: ReadonlyMap<number | null, ReadonlyArray<D>>;
};

export function buildTerritory<D extends Division>(rows: Iterable<D>): Territory<D> {
  const byId = new Map<number, D>();
  const children = new Map<number | null, D[]>();
  for (const d of rows) byId.set(d.id, d);
  for (const d of byId.values()) {
    // A parent that is not in the list (or a loop back to itself) makes the division a root.
    const parent = d.parentId !== null && d.parentId !== d.id && byId.has(d.parentId) ? d.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), d]);
  }
  return { byId, children };
}

/** The divisions from the root down to `id` itself; empty when `id` is unknown. Stops at a cycle. */
export function pathTo<D extends Division>(t: Territory<D>, id: number): D[] {
  const path: D[] = [];
  const seen = new Set<number>();
  for (let d = t.byId.get(id); d && !seen.has(d.id); d = d.parentId === null ? undefined : t.byId.get(d.parentId)) {
    seen.add(d.id);
    path.unshift(d);
  }
  return path;
}

/** Is `id` the division `ancestorId` or below it? */
export function isWithin(t: Territory, id: number, ancestorId: number): boolean {
  return pathTo(t, id).some((d) => d.id === ancestorId);
}

/** `id` and every division below it (inactive ones too: a retired village keeps its risks and history). */
export function subtreeIds(t: Territory, id: number): number[] {
  if (!t.byId.has(id)) return [];
  const out: number[] = [];
  const seen = new Set<number>();
  const stack = [id];
  while (stack.length) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    out.push(next);
    for (const c of t.children.get(next) ?? []) stack.push(c.id);
  }
  return out;
}

/** Every division in or below any of `ids` (a scope's, a filter's), once each. */
export function subtreesOf(t: Territory, ids: Iterable<number>): number[] {
  const all = new Set<number>();
  for (const id of ids) for (const d of subtreeIds(t, id)) all.add(d);
  return [...all];
}

/**
 * The column of `node`'s board that a risk registered at `regionId` counts in: `node` itself when
 * the risk is registered at that level (本级), else the child of `node` on the way down to it; null
 * when the risk is outside `node`'s subtree.
 */
export function columnOf(t: Territory, node: number, regionId: number): number | null {
  const path = pathTo(t, regionId);
  const at = path.findIndex((d) => d.id === node);
  if (at < 0) return null;
  return at === path.length - 1 ? node : path[at + 1].id;
}

/** `node`'s board columns: itself first (本级), then its children — the active ones, and any inactive one that still counts risks. */
export function boardColumns<D extends Division>(t: Territory<D>, node: number, counted?: ReadonlySet<number>): D[] {
  const self = t.byId.get(node);
  if (!self) return [];
  const kids = (t.children.get(node) ?? []).filter((c) => c.active || counted?.has(c.id));
  return [self, ...kids];
}

/**
 * A board of risks counted where they are registered (cells of area × lowest division), rolled up to
 * `node`'s columns: each cell re-keyed to area × column, risks outside the subtree left out.
 */
export function rollUpBoard(t: Territory, board: Board, node: number): Board {
  const rows: CellCount[] = [];
  const column = new Map<number, number | null>();
  for (const [key, cell] of board.cells) {
    const [areaId, regionId] = key.split(":").map(Number);
    if (!column.has(regionId)) column.set(regionId, columnOf(t, node, regionId));
    const col = column.get(regionId);
    if (col === null || col === undefined) continue;
    for (const colour of COLOURS)
      if (cell.counts[colour] > 0) rows.push({ areaId, regionId: col, colour, n: cell.counts[colour] });
  }
  return boardFromCounts(rows);
}

/**
 * Is a risk at `regionId` inside a scope's divisions? A scope reaches down: a county officer's scope
 * holds every town and village of the county.
 */
export function regionInScope(t: Territory, scopeRegionIds: ReadonlyArray<number>, regionId: number): boolean {
  if (scopeRegionIds.includes(regionId)) return true;
  return pathTo(t, regionId).some((d) => scopeRegionIds.includes(d.id));
}

/**
 * The division a person's board opens at: the lowest division that holds their whole scope (a county
 * leader's county, a town officer's town), or the root when the scope is empty or spans the city.
 */
export function homeDivision(t: Territory, scopeRegionIds: ReadonlyArray<number>): number | null {
  const roots = t.children.get(null) ?? [];
  const fallback = roots[0]?.id ?? null;
  const paths = scopeRegionIds.map((id) => pathTo(t, id)).filter((p) => p.length > 0);
  if (!paths.length) return fallback;
  let common = paths[0];
  for (const p of paths.slice(1)) {
    let i = 0;
    while (i < common.length && i < p.length && common[i].id === p[i].id) i++;
    common = common.slice(0, i);
  }
  return common.length ? common[common.length - 1].id : fallback;
}

/** The level below a division's (its children's): a city's columns are counties, a county's towns. */
export function childLevel(level: Level): Level | null {
  const i = LEVELS.indexOf(level);
  return i >= 0 && i < LEVELS.length - 1 ? LEVELS[i + 1] : null;
}

/**
 * Official division codes (统计用区划代码, 12 digits: 2 province · 2 city · 2 county · 3 town · 3
 * village) in the short form Sise keeps: 6 digits for a city or county (610800, 610802, as the
 * reference lists have them), 9 for a town, 12 for a village. Returns the short code, its level and
 * its parent's short code — or null when the text is not such a code.
 */
export function officialDivision(raw: string): { code: string; level: Level; parentCode: string | null } | null {
  const digits = raw.trim();
  if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(digits)) return null;
  const code =
    digits.length === 12 && digits.endsWith("000000")
      ? digits.slice(0, 6)
      : digits.length === 12 && digits.endsWith("000")
        ? digits.slice(0, 9)
        : digits;
  if (code.length === 6) {
    if (code.slice(2, 4) === "00") return null; // a province, not a division of a city
    return code.endsWith("00")
      ? { code, level: "city", parentCode: null }
      : { code, level: "county", parentCode: `${code.slice(0, 4)}00` };
  }
  if (code.length === 9) return code.endsWith("000") ? null : { code, level: "town", parentCode: code.slice(0, 6) };
  return code.endsWith("000") ? null : { code, level: "village", parentCode: code.slice(0, 9) };
}

/** A division as pickers show it: its path below the city, so two villages of one name are told apart. */
export function divisionLabel<D extends Division & { nameZh: string; nameEn: string }>(
  t: Territory<D>,
  id: number,
  name: (d: D) => string,
): string {
  const path = pathTo(t, id);
  const shown = path.length > 1 ? path.slice(1) : path;
  return shown.map(name).join(" › ");
}

/**
 * The divisions a picker offers for typed text: a code's prefix or a name containing the text,
 * best first (a name that is the text, then one starting with it, then any; higher levels first),
 * among `allowed` when given. At most `limit`.
 */
export function findDivisions<D extends Division & { nameZh: string; nameEn: string }>(
  t: Territory<D>,
  text: string,
  p: { allowed?: ReadonlySet<number>; activeOnly?: boolean; limit?: number } = {},
): D[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const scored: Array<[number, D]> = [];
  for (const d of t.byId.values()) {
    if (p.allowed && !p.allowed.has(d.id)) continue;
    if (p.activeOnly && !d.active) continue;
    const names = [d.nameZh.toLowerCase(), d.nameEn.toLowerCase()];
    const score = names.includes(q)
      ? 0
      : d.code.startsWith(q) || names.some((n) => n.startsWith(q))
        ? 1
        : names.some((n) => n.includes(q))
          ? 2
          : -1;
    if (score >= 0) scored.push([score * 10 + LEVELS.indexOf(d.level), d]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || a[1].code.localeCompare(b[1].code))
    .slice(0, p.limit ?? 20)
    .map(([, d]) => d);
}

/**
 * The division a typed text names, for a form sent without the picker's script (only its text
 * arrives): a whole path label as the picker shows it ("榆阳区 › 镇川镇 › 青云村", in either language),
 * else an exact code, else an exact name, else the one division a search finds. Two divisions of
 * one name (villages often share one) are "many": the user then types the code or the path.
 */
export function resolveDivision<D extends Division & { nameZh: string; nameEn: string }>(
  t: Territory<D>,
  text: string,
  p: { allowed?: ReadonlySet<number>; activeOnly?: boolean } = {},
): { ok: true; id: number } | { ok: false; error: "divisionNotFound" | "divisionAmbiguous" } {
  const norm = (x: string) =>
    x
      .split("›")
      .map((part) => part.trim().toLowerCase())
      .join("›");
  const typed = norm(text);
  const last = typed.split("›").pop()!;
  if (!last) return { ok: false, error: "divisionNotFound" };
  const usable = [...t.byId.values()].filter((d) => (!p.allowed || p.allowed.has(d.id)) && (!p.activeOnly || d.active));
  const named = usable.filter((d) => d.nameZh.toLowerCase() === last || d.nameEn.toLowerCase() === last);
  const one = (found: D[]) =>
    found.length === 1
      ? ({ ok: true, id: found[0].id } as const)
      : found.length > 1
        ? ({ ok: false, error: "divisionAmbiguous" } as const)
        : null;
  const byPath = typed.includes("›")
    ? named.filter((d) =>
        [(x: D) => x.nameZh, (x: D) => x.nameEn].some((n) => norm(divisionLabel(t, d.id, n)) === typed),
      )
    : [];
  return (
    one(byPath) ??
    one(usable.filter((d) => d.code.toLowerCase() === last)) ??
    one(named) ??
    one(findDivisions(t, last, { ...p, limit: 2 })) ?? { ok: false, error: "divisionNotFound" }
  );
}
