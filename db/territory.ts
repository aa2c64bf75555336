import { sql } from "drizzle-orm";
import { buildTerritory, subtreesOf, type Level, type Territory } from "../lib/domain/territory";
import { headSeq } from "./history/append";
import { rawRows } from "./raw";
import type { Reads } from "./store";

/*
 * The territory for every reader, the export's own thread included (hence plain SQL, relative
 * imports and no server-only marker here; db/queries/territory.ts is the app's door to it).
 */

export type DivisionRow = {
  id: number;
  parentId: number | null;
  level: Level;
  code: string;
  nameZh: string;
  nameEn: string;
  sortOrder: number;
  active: boolean;
};

/**
 * The whole territory as a tree (lib/domain/territory.ts), read once per change: every change to a
 * division (an admin's edit, a division-list import) appends to the history, so the history's head
 * keys it — as the present board is keyed. Thousands of divisions are a few hundred kilobytes.
 * Callers must not mutate what they are given: it is shared.
 */
const memo = new WeakMap<object, { key: number; territory: Territory<DivisionRow> }>();

export async function loadTerritory(db: Reads): Promise<Territory<DivisionRow>> {
  const key = await headSeq(db);
  const hit = memo.get(db);
  if (hit?.key === key) return hit.territory;
  const rows = await rawRows<[number, number | null, Level, string, string, string, number, unknown]>(
    db,
    sql`SELECT id, parent_id, level, code, name_zh, name_en, sort_order, active FROM regions ORDER BY sort_order, code`,
  );
  const territory = buildTerritory(
    rows.map(([id, parentId, level, code, nameZh, nameEn, sortOrder, active]) => ({
      id: Number(id),
      parentId: parentId === null ? null : Number(parentId),
      level,
      code,
      nameZh,
      nameEn,
      sortOrder: Number(sortOrder),
      active: active === true || active === 1,
    })),
  );
  memo.set(db, { key, territory });
  return territory;
}

/**
 * What a filter on divisions means in the register, its exports, the history export and the API: the
 * divisions and everything below them (a county's filter holds its towns and villages), or — with
 * `own` — only what is registered at them (a board's 本级 column). Undefined when there is no filter.
 */
export async function regionsWithin(
  db: Reads,
  regionIds: ReadonlyArray<number> | undefined,
  own = false,
): Promise<number[] | undefined> {
  if (!regionIds?.length) return undefined;
  return own ? [...regionIds] : subtreesOf(await loadTerritory(db), regionIds);
}
