import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { csvFile } from "@/db/exports/csv-file";
import { registerSource } from "@/db/exports/register";
import type { ExportMeta } from "@/db/exports/source";
import { xlsxFile } from "@/db/exports/xlsx-file";
import { updateRiskDetails } from "@/db/mutations/risks";
import { seedDemoRegister } from "@/db/seed";
import type { Locale } from "@/i18n/locales";
import type { Principal } from "@/lib/auth/permissions";
import { registerExportWords } from "@/lib/exports/words";
import { planRegisterFile } from "@/lib/imports/plan-file";
import { createTestDb, type TestDb } from "./test-db";

vi.mock("server-only", () => ({}));
vi.mock("next-intl/server", async () => (await import("../support/request-context")).nextIntlServer());

/**
 * An officer must be able to take the register's own export — of the whole register, not only
 * their part — edit it in a spreadsheet and import it again: unchanged rows outside their scope are
 * skipped, not errors; an unedited file plans nothing; one edited row is one update.
 */
const NOW = new Date("2026-11-25T02:00:00Z");
let t: TestDb;
let officer: Principal;
const meta: ExportMeta = {
  title: "风险台账导出",
  scopeLine: "全部风险",
  exporterLine: "导出人",
  countLine: (n) => `${n} 项`,
  query: "",
  timeZone: "Asia/Shanghai",
};

beforeAll(async () => {
  t = await createTestDb();
  await seedDemoRegister(t.db, { count: 150, now: NOW });
  // The officer of the demo: every safety-production domain in two counties (榆阳区, 神木市).
  const ids = async (sql: string) => ((await t.all(sql)) as Array<{ id: number }>).map((r) => r.id);
  officer = {
    roles: ["officer"],
    scope: {
      areaIds: await ids("SELECT id FROM areas WHERE kind = 'domain'"),
      regionIds: await ids("SELECT id FROM regions WHERE code IN ('610802', '610881')"),
    },
  };
  // A description saved from a browser form before text was normalised: CRLF line breaks (in scope,
  // so a spurious change would show as an update rather than hide among the skipped rows).
  const r = (await t.get(
    `SELECT * FROM risks WHERE area_id IN (${officer.scope.areaIds.join()}) AND region_id IN (${officer.scope.regionIds.join()}) ORDER BY id DESC LIMIT 1`,
  )) as Record<string, never>;
  await updateRiskDetails(t.db, {
    riskId: r.id,
    expectedVersion: r.version,
    actor: { id: null, name: "system:seed" },
    now: NOW,
    input: {
      title: r.title,
      description: "第一行\r\n第二行 ",
      areaId: r.area_id,
      regionId: r.region_id,
      responsibleUnitId: r.responsible_unit_id,
      responsiblePerson: r.responsible_person,
      coUnitIds: [],
      reason: "",
    },
  });
});
afterAll(() => t.cleanup());

async function exportRegister(format: "csv" | "xlsx", locale: Locale): Promise<Buffer> {
  const words = await registerExportWords(locale);
  const source = await registerSource(
    await t.snap(),
    { sort: "severity", page: 1 },
    { filter: "", today: "2026-11-25", words },
    { pause: async () => undefined },
  );
  let bytes: Buffer;
  if (format === "csv") {
    let text = "";
    for await (const s of csvFile(source, meta)) text += s;
    bytes = Buffer.from(text);
  } else {
    const colours = (["red", "orange", "yellow", "blue"] as const).map((c) => ({
      colour: c,
      word: words.colour(c),
      level: "",
      definition: "",
    }));
    bytes = Buffer.from(
      await new Response(
        xlsxFile(source, meta, {
          dataSheet: "data",
          infoSheet: "info",
          legendTitle: "",
          methodsTitle: "",
          methods: [],
          colours,
        }),
      ).arrayBuffer(),
    );
  }
  return bytes;
}
const tally = (plan: Array<{ action: string }>) =>
  plan.reduce<Record<string, number>>((m, r) => ({ ...m, [r.action]: (m[r.action] ?? 0) + 1 }), {});
const inScope = async () =>
  (await t.value(
    `SELECT count(*) FROM risks WHERE area_id IN (${officer.scope.areaIds.join()}) AND region_id IN (${officer.scope.regionIds.join()})`,
  )) as number;
const all = async () => (await t.value("SELECT count(*) FROM risks")) as number;

describe.each([
  ["csv", "zh-CN"],
  ["csv", "en"],
  ["xlsx", "zh-CN"],
  ["xlsx", "en"],
] as const)("the whole register exported as %s (%s), imported by an officer with two counties", (format, locale) => {
  it("plans nothing: in-scope rows unchanged, the others skipped as outside the scope", async () => {
    const file = await exportRegister(format, locale);
    const planned = await planRegisterFile(t.db, {
      name: `register.${format}`,
      bytes: file,
      importer: officer,
      now: NOW,
    });
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    expect(await inScope()).toBeGreaterThan(3);
    expect(tally(planned.plan)).toEqual({
      unchanged: await inScope(),
      outsideScope: (await all()) - (await inScope()),
    });
  });

  it("plans exactly one update when one in-scope title is edited", async () => {
    const file = await exportRegister(format, locale);
    const target = (await t.get(
      `SELECT code, title FROM risks WHERE area_id IN (${officer.scope.areaIds.join()}) AND region_id IN (${officer.scope.regionIds.join()}) ORDER BY id LIMIT 1`,
    )) as { code: string; title: string };
    const edited =
      format === "csv"
        ? Buffer.from(file.toString("utf8").replace(`"${target.title}"`, `"${target.title}(已核实)"`))
        : await editXlsxTitle(file, target.code, `${target.title}(已核实)`);
    const planned = await planRegisterFile(t.db, {
      name: `register.${format}`,
      bytes: edited,
      importer: officer,
      now: NOW,
    });
    if (!planned.ok) throw new Error(JSON.stringify(planned));
    const updates = planned.plan.filter((r) => r.action === "update");
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ code: target.code, changes: ["title"] });
    expect(tally(planned.plan)).toEqual({
      update: 1,
      unchanged: (await inScope()) - 1,
      outsideScope: (await all()) - (await inScope()),
    });
  });
});

it("refuses a change outside the officer's scope, once per row, in words", async () => {
  const file = await exportRegister("csv", "zh-CN");
  const outside = (await t.get(
    `SELECT code, title FROM risks WHERE region_id NOT IN (${officer.scope.regionIds.join()}) ORDER BY id LIMIT 1`,
  )) as { code: string; title: string };
  const edited = Buffer.from(file.toString("utf8").replace(`"${outside.title}"`, `"${outside.title}(改)"`));
  const planned = await planRegisterFile(t.db, { name: "register.csv", bytes: edited, importer: officer, now: NOW });
  if (!planned.ok) throw new Error(JSON.stringify(planned));
  const errors = planned.plan.filter((r) => r.action === "error");
  expect(errors).toEqual([expect.objectContaining({ code: outside.code, errors: [{ key: "outOfScope" }] })]);
});

/** The XLSX as a person edits it: open the exported file, change one title, save (excelts, a full reader and writer). */
async function editXlsxTitle(file: Buffer, code: string, title: string): Promise<Buffer> {
  const { Workbook } = await import("@cj-tech-master/excelts");
  const book = new Workbook();
  await book.xlsx.load(file);
  const sheet = book.getWorksheet("data")!;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === code) row.getCell(2).value = title;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
