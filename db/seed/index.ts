import type { Db } from "../store";
import { insertReference } from "../mutations/reference";
import { listAllReference } from "../queries/reference";
import { CATEGORIES, DOMAINS, REGIONS, UNITS } from "./reference-data";

export { demoStart, SEED_ACTOR, seedDemo, seedDemoRegister } from "./demo";

const SEEDER = { id: null, name: "system:seed" };

/**
 * Inserts the reference lists through the admin's own mutation (db/mutations/reference.ts), so
 * every seeded unit, region and area has its `reference.create` event like one an admin adds.
 * Rows are matched by code and never overwritten, so an admin's later edits survive restarts and
 * new list entries are added. One transaction. Returns how many rows were new.
 */
export function seedReference(db: Db, now = new Date()): Promise<number> {
  return db.write(async (tx) => {
    const existing = await listAllReference(tx);
    const have = (list: Array<{ code: string }>) => new Set(list.map((r) => r.code));
    const [unitCodes, regionCodes, areaCodes] = [have(existing.units), have(existing.regions), have(existing.areas)];
    const ids = new Map<string, number>([...existing.units, ...existing.regions].map((r) => [r.code, r.id]));
    let added = 0;
    const add = async (...args: Parameters<typeof insertReference>) => {
      const r = await insertReference(...args);
      if (!r.ok) throw new Error(`reference seed: ${args[1].values.code} was refused (${r.error})`);
      added += 1;
      return r.id;
    };
    const base = { actor: SEEDER, now };
    for (const [i, u] of UNITS.entries()) {
      if (unitCodes.has(u.code)) continue;
      ids.set(
        u.code,
        await add(db, {
          table: "units",
          values: { code: u.code, nameZh: u.zh, nameEn: u.en, sortOrder: i + 1 },
          ...base,
        }),
      );
    }
    const [city, ...counties] = REGIONS;
    for (const [i, r] of [city, ...counties].entries()) {
      if (regionCodes.has(r.code)) continue;
      const parentId = r === city ? null : ids.get(city.code);
      ids.set(
        r.code,
        await add(db, {
          table: "regions",
          values: { code: r.code, nameZh: r.zh, nameEn: r.en, parentId, sortOrder: i },
          ...base,
        }),
      );
    }
    for (const [kind, list] of [
      ["category", CATEGORIES],
      ["domain", DOMAINS],
    ] as const) {
      for (const [i, a] of list.entries()) {
        if (areaCodes.has(a.code)) continue;
        const values = {
          kind,
          code: a.code,
          nameZh: a.zh,
          nameEn: a.en,
          leadUnitId: ids.get(a.lead) ?? null,
          sortOrder: i + 1,
        };
        await add(db, { table: "areas", values, ...base });
      }
    }
    return added;
  });
}
