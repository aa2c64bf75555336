import { unzipSync, strFromU8 } from "fflate";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { statesAsOf } from "@/db/history/as-of";
import { gradeRisk } from "@/db/mutations/grading";
import { insertRisk } from "@/db/mutations/risks";
import { assembleWeeklyAnalysis } from "@/db/queries/weekly-analysis";
import { buildAnalysisDocument } from "@/lib/analysis/document";
import { analysisDocx } from "@/lib/analysis/docx";
import { analysisPdf } from "@/lib/analysis/pdf";
import { findPdfFont } from "@/lib/analysis/pdf-font";
import { nameMaps } from "@/lib/history/names";
import { buildBoard } from "@/lib/domain/board";
import { startOfDayInZone } from "@/lib/domain/dates";
import { DEFAULT_REVIEW_DAYS } from "@/lib/domain/review";
import { assessment } from "../support/risk-input";
import { createTestDb, type TestDb } from "./test-db";

vi.mock("server-only", () => ({}));
vi.mock("next-intl/server", async () => (await import("../support/request-context")).nextIntlServer());

const TZ = "Asia/Shanghai";
const at = (day: string, hh = 10) => new Date(startOfDayInZone(day, TZ) + hh * 3_600_000);
const NOW = at("2026-11-25");
const actor = { id: null, name: "张伟 (zhang)" };
let t: TestDb;
let codes: string[];

beforeEach(async () => {
  t = await createTestDb();
  codes = [];
  for (const [title, from, to, reason] of [
    ["神木市燃气管网老化风险", "yellow", "orange", "管网腐蚀加剧"],
    ["府谷县危化品仓储风险", "orange", "red", "发生泄漏"],
  ] as const) {
    const input = {
      title,
      description: "",
      areaId: t.areaId.S03,
      regionId: t.regionId["610881"],
      responsibleUnitId: t.unitId["U-ZJJ"],
      responsiblePerson: "张伟",
      coUnitIds: [],
      reason: "",
    };
    const r = await insertRisk(t.db, {
      input,
      assessment: assessment(from),
      nextReviewDate: "2026-12-30",
      actor,
      now: at("2026-10-05"),
      year: 2026,
    });
    await gradeRisk(t.db, {
      riskId: r.id,
      expectedVersion: 1,
      actor,
      now: at("2026-11-11"),
      assessment: assessment(to),
      reason,
      nextReviewDate: "2026-11-30",
    });
    codes.push(r.code);
  }
});
afterEach(() => t.cleanup());

async function document(rowLimit?: number) {
  const analysis = await assembleWeeklyAnalysis(t.db, {
    monday: "2026-11-09",
    timeZone: TZ,
    nowMs: NOW.getTime(),
    present: buildBoard((await statesAsOf(t.db, NOW.getTime(), NOW.getTime())).values()),
    reviewDays: DEFAULT_REVIEW_DAYS,
    cutoff: "17:00",
  });
  return buildAnalysisDocument(analysis, {
    names: await nameMaps(t.db, "zh-CN"),
    organisation: "榆林市",
    who: "李娜",
    now: NOW,
    rowLimit,
  });
}

describe("the weekly analysis as a document", () => {
  it("puts the same escalations, with reasons, in the Word file as on the page", async () => {
    const doc = await document();
    const escalations = doc.sections.find((s) => s.id === "escalations")!;
    expect(escalations.heading).toBe("升级(2)");
    expect(escalations.table!.rows.map((r) => r[1])).toEqual(codes);
    const files = unzipSync(new Uint8Array(await analysisDocx(doc)));
    const xml = strFromU8(files["word/document.xml"]);
    expect(xml).toContain("风险周分析(2026 年第 46 周)");
    for (const code of codes) expect(xml).toContain(code);
    expect(xml).toContain("管网腐蚀加剧");
    expect(xml).toContain("发生泄漏");
    expect(xml).toContain("(尚未填写研判结论)");
  });

  it.skipIf(!findPdfFont())("makes an A4 PDF with the CJK font embedded", async () => {
    const pdf = await analysisPdf(await document(), findPdfFont()!, { compress: false });
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    expect(text).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(text).toMatch(/\/FontFile3?|\/FontFile2/);
  });

  it("lists the first rows of a long table and says how many there are in all", async () => {
    const escalations = (await document(1)).sections.find((s) => s.id === "escalations")!;
    expect(escalations.table!.rows.map((r) => r[1])).toEqual([codes[0]]);
    expect(escalations.table!.total).toBe(2);
    expect(escalations.note).toBe("共 2 条,此处列出前 1 条;完整记录请在历史审计中导出历史记录(CSV)。");
    expect((await document()).sections.find((s) => s.id === "escalations")!.note).toBeUndefined();
  });

  it("finds no font where there is none, so the route can say so in words", () => {
    expect(findPdfFont("/nonexistent/font.ttc")).toBeNull();
  });
});
