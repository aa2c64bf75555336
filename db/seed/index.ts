import type Database from "better-sqlite3";
import { CATEGORIES, DOMAINS, REGIONS, UNITS } from "./reference-data";

export { SEED_ACTOR, seedDemo, seedDemoRegister } from "./demo";

/**
 * Inserts the reference lists. Rows are matched by code and never overwritten, so an admin's later
 * edits survive restarts and new list entries are added. Returns how many rows were new.
 */
export function seedReference(sqlite: Database.Database): number {
  let added = 0;
  const tx = sqlite.transaction(() => {
    const unit = sqlite.prepare(
      "INSERT INTO units (code, name_zh, name_en, sort_order) VALUES (?, ?, ?, ?) ON CONFLICT(code) DO NOTHING",
    );
    UNITS.forEach((u, i) => (added += unit.run(u.code, u.zh, u.en, i + 1).changes));

    const region = sqlite.prepare(
      "INSERT INTO regions (code, parent_id, level, name_zh, name_en, sort_order) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO NOTHING",
    );
    const [city, ...counties] = REGIONS;
    added += region.run(city.code, null, "city", city.zh, city.en, 0).changes;
    const cityId = (sqlite.prepare("SELECT id FROM regions WHERE code = ?").get(city.code) as { id: number }).id;
    counties.forEach((c, i) => (added += region.run(c.code, cityId, "county", c.zh, c.en, i + 1).changes));

    const unitId = sqlite.prepare("SELECT id FROM units WHERE code = ?");
    const area = sqlite.prepare(
      "INSERT INTO areas (kind, code, name_zh, name_en, lead_unit_id, sort_order) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO NOTHING",
    );
    for (const [kind, list] of [
      ["category", CATEGORIES],
      ["domain", DOMAINS],
    ] as const) {
      list.forEach((a, i) => {
        const lead = unitId.get(a.lead) as { id: number } | undefined;
        added += area.run(kind, a.code, a.zh, a.en, lead?.id ?? null, i + 1).changes;
      });
    }
  });
  tx();
  return added;
}
