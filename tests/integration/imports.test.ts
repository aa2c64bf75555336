import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitImport, existingRisks, ImportConflict } from "@/db/imports/commit";
import { readRegisterFile } from "@/lib/files/register-file";
import { gradeRisk } from "@/db/mutations/grading";
import { seedDemoRegister } from "@/db/seed";
import { verifyHistory } from "@/db/history/verify";
import { colourReader, planImport, type ImportContext } from "@/lib/domain/import-plan";
import { DEFAULT_REVIEW_DAYS } from "@/lib/domain/review";
import { assessment } from "../support/risk-input";
import { createTestDb, type TestDb } from "./test-db";

let t: TestDb;
const now = new Date("2026-11-25T02:00:00Z");
const actor = { id: 7, name: "李娜 (lina)" };
beforeEach(async () => {
  t = await createTestDb();
  await seedDemoRegister(t.db, { count: 20, now });
});
afterEach(() => t.cleanup());

const count = async (sql: string, ...args: unknown[]) => (await t.value(sql, ...args)) as number;
async function context(codes: string[]): Promise<ImportContext> {
  const map = async (table: string) =>
    new Map((await t.all<{ code: string; id: number }>(`SELECT code, id FROM ${table}`)).map((r) => [r.code, r.id]));
  return {
    areaByCode: await map("areas"),
    regionByCode: await map("regions"),
    unitByCode: await map("units"),
    existingByCode: await existingRisks(t.db, codes),
    colourOf: colourReader({ red: ["红"], orange: ["橙"], yellow: ["黄"], blue: ["蓝"] }),
    statusOf: () => null,
    canPlace: () => true,
    today: "2026-11-25",
    cadence: DEFAULT_REVIEW_DAYS,
  };
}

describe("register import", () => {
  it("reads the CSV, creates and updates in one go, each with history events naming the file", async () => {
    const target =
      (await t.get(`SELECT r.code, r.title, r.description, r.responsible_person AS person, a.code AS area, g.code AS region, u.code AS unit, r.co_unit_ids AS co
      FROM risks r JOIN areas a ON a.id = r.area_id JOIN regions g ON g.id = r.region_id JOIN units u ON u.id = r.responsible_unit_id
      WHERE r.status IN ('identified','controlling') AND r.colour <> 'red' AND r.co_unit_ids = '[]' LIMIT 1`)) as Record<
        string,
        string
      >;
    const csv = [
      '"# sise-export v1; kind=register; scope=full; rows=2; filter="',
      "code,title,description,area_code,region_code,colour,responsible_unit_code,responsible_person,next_review_date",
      `,"榆阳区加油站油气回收风险",,S02,610802,橙,U-ZJJ,张伟,`,
      `${target.code},"${target.title}(已复核)","${target.description}",${target.area},${target.region},红,${target.unit},${target.person},2026-11-30`,
    ].join("\r\n");
    const read = await readRegisterFile("台账.csv", Buffer.from("\uFEFF" + csv), new Map());
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.rows.map((r) => r.line)).toEqual([3, 4]);
    const plan = planImport(read.rows, await context([target.code]));
    expect(plan.map((p) => p.action)).toEqual(["create", "update"]);
    const events = await count("SELECT count(*) FROM risk_events");
    expect(await commitImport(t.db, plan, { actor, now, reason: "从文件 台账.csv 导入" })).toEqual({
      created: 1,
      updated: 1,
    });
    expect(
      await count("SELECT count(*) FROM risks WHERE title = '榆阳区加油站油气回收风险' AND colour = 'orange'"),
    ).toBe(1);
    expect(
      await count("SELECT count(*) FROM risks WHERE code = ? AND colour = 'red' AND ack_pending = true", target.code),
    ).toBe(1);
    // create + (title update, grade) — every one by the importer, naming the file.
    const added = await t.all(
      "SELECT action, actor_name, reason FROM risk_events WHERE seq > (SELECT max(seq) - 3 FROM risk_events) ORDER BY seq",
    );
    expect(await count("SELECT count(*) FROM risk_events")).toBe(events + 3);
    expect(added).toEqual([
      { action: "create", actor_name: actor.name, reason: "从文件 台账.csv 导入" },
      { action: "update", actor_name: actor.name, reason: "从文件 台账.csv 导入" },
      { action: "grade", actor_name: actor.name, reason: "从文件 台账.csv 导入" },
    ]);
    expect((await verifyHistory(t.db)).ok).toBe(true);
  });

  it("writes nothing at all when one row's risk changed after the dry run", async () => {
    const [a, b] = (await t.all(
      "SELECT code, id, version, title, responsible_person FROM risks WHERE status IN ('identified','controlling') LIMIT 2",
    )) as Array<{ code: string; id: number; version: number; title: string; responsible_person: string }>;
    const rows = [
      {
        line: 2,
        cells: {
          code: "",
          title: "新增的风险",
          area_code: "S02",
          region_code: "610802",
          colour: "蓝",
          responsible_unit_code: "U-ZJJ",
          responsible_person: "张伟",
        },
      },
      {
        line: 3,
        cells: {
          code: a.code,
          title: `${a.title}(改)`,
          area_code: "S02",
          region_code: "610802",
          colour: "蓝",
          responsible_unit_code: "U-ZJJ",
          responsible_person: a.responsible_person,
        },
      },
      {
        line: 4,
        cells: {
          code: b.code,
          title: `${b.title}(改)`,
          area_code: "S02",
          region_code: "610802",
          colour: "蓝",
          responsible_unit_code: "U-ZJJ",
          responsible_person: b.responsible_person,
        },
      },
    ];
    const plan = planImport(rows, await context([a.code, b.code]));
    expect(
      plan.every((p) => p.action !== "error"),
      JSON.stringify(plan),
    ).toBe(true);
    // Someone grades the second risk after the check.
    await gradeRisk(t.db, {
      riskId: b.id,
      expectedVersion: b.version,
      actor: { id: 1, name: "其他人" },
      now,
      assessment: assessment("red"),
      reason: "升级",
      nextReviewDate: "2026-11-30",
    });
    const before = {
      risks: await count("SELECT count(*) FROM risks"),
      events: await count("SELECT count(*) FROM risk_events"),
      title: await t.value("SELECT title FROM risks WHERE id = ?", a.id),
    };
    await expect(commitImport(t.db, plan, { actor, now, reason: "导入" })).rejects.toThrow(ImportConflict);
    expect({
      risks: await count("SELECT count(*) FROM risks"),
      events: await count("SELECT count(*) FROM risk_events"),
      title: await t.value("SELECT title FROM risks WHERE id = ?", a.id),
    }).toEqual(before);
  });
});
