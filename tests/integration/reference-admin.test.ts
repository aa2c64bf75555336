import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertReference, renameReference, setReferenceActive } from "@/db/mutations/reference";
import { checkReferences, listRegions } from "@/db/queries/reference";
import { createTestDb, type TestDb } from "./test-db";

let t: TestDb;
const actor = { id: 1, name: "管理员 (admin)" };
const now = new Date("2026-11-25T02:00:00Z");
beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.cleanup());

const lastEvent = async () =>
  (await t.get(
    "SELECT action, actor_name, old_value, new_value, data FROM risk_events ORDER BY seq DESC LIMIT 1",
  )) as Record<string, string>;

describe("reference lists an admin maintains", () => {
  it("adds a town one level below its county, refuses a duplicate code, and records who did it", async () => {
    const r = await insertReference(t.db, {
      table: "regions",
      values: { code: "610881100", nameZh: "滨河新区街道", nameEn: "Binhe", parentId: t.regionId["610881"] },
      actor,
      now,
    });
    expect(r.ok).toBe(true);
    expect((await listRegions(t.db)).find((x) => x.code === "610881100")?.level).toBe("town");
    expect(await lastEvent()).toMatchObject({ action: "reference.create", actor_name: actor.name });
    const dup = await insertReference(t.db, {
      table: "regions",
      values: { code: "610881100", nameZh: "x", nameEn: "x", parentId: t.regionId["610881"] },
      actor,
      now,
    });
    expect(dup).toEqual({ ok: false, error: "codeTaken" });
    expect(
      await insertReference(t.db, {
        table: "regions",
        values: { code: "X1", nameZh: "x", nameEn: "x", parentId: 99999 },
        actor,
        now,
      }),
    ).toEqual({ ok: false, error: "badParent" });
  });

  it("renames with old and new names in the history, and retires without deleting", async () => {
    const id = t.areaId.S03;
    await renameReference(t.db, {
      table: "areas",
      id,
      nameZh: "城镇燃气(含瓶装液化气)",
      nameEn: "Urban gas",
      actor,
      now,
    });
    const e = await lastEvent();
    expect(JSON.parse(e.old_value)).toEqual({ nameZh: "城镇燃气", nameEn: "Urban gas" });
    expect(JSON.parse(e.new_value).nameZh).toBe("城镇燃气(含瓶装液化气)");
    await setReferenceActive(t.db, { table: "areas", id, active: false, actor, now });
    expect(
      (await checkReferences(t.db, { areaId: id, regionId: t.regionId["610881"], unitId: t.unitId["U-ZJJ"] })).area,
    ).toBe(false);
    expect(await t.get("SELECT count(*) AS n FROM areas WHERE id = ?", id)).toEqual({ n: 1 });
    expect((await lastEvent()).action).toBe("reference.deactivate");
  });
});
