import { buildTerritory, type Division } from "@/lib/domain/territory";

/**
 * A hand-made tree for the territory's unit tests: the city (1); counties A (2) and B (3); A's towns
 * a1 (4) and a2 (5); a1's villages v1 (6) and v2 (7, retired); B's town b1 (8) with village w1 (9).
 */
/** One division of a hand-made tree (its code is its id). */
export const d = (id: number, parentId: number | null, level: Division["level"], active = true): Division => ({
  id,
  parentId,
  level,
  code: String(id),
  active,
});
export const HAND_MADE_TERRITORY = buildTerritory([
  d(1, null, "city"),
  d(2, 1, "county"),
  d(3, 1, "county"),
  d(4, 2, "town"),
  d(5, 2, "town"),
  d(6, 4, "village"),
  d(7, 4, "village", false),
  d(8, 3, "town"),
  d(9, 8, "village"),
]);
