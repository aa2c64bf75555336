import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { BOM, cell, escapeText, exportVersion, row, uncell, unescapeText } from "@/lib/domain/csv";

/** Parses as verify-export does: each cell with whether it was quoted. */
const read = (text: string) =>
  parse(text, {
    bom: true,
    relax_column_count: true,
    cast: (value, context) => ({ value, quoted: context.quoting }),
  }) as unknown as Array<Array<{ value: string; quoted: boolean }>>;

describe("CSV cells", () => {
  it("round-trips text, empty text, NULL and numbers exactly", () => {
    const values = [
      '榆林市 "明盘"整治',
      "",
      null,
      42,
      "line one\r\nline two",
      "a,b",
      "-1",
      "=SUM(A1:A2)",
      "+86 912",
      "@cmd",
      "'quoted",
      "\tTab",
    ];
    const parsed = read(BOM + row(values))[0];
    expect(parsed.map((c) => uncell(c.value, c.quoted))).toEqual(
      values.map((v) => (typeof v === "number" ? String(v) : v)),
    );
  });

  it("neutralises what a spreadsheet would run as a formula", () => {
    for (const v of ["=1+1", "+1", "-1", "@SUM(1)", "\t=1", "\r=1"]) expect(cell(v).startsWith(`"'`)).toBe(true);
    expect(cell("普通文本")).toBe('"普通文本"');
    expect(cell(-5)).toBe("-5"); // numbers are data, not text
  });

  it("never writes a control or invisible formatting character, and restores each exactly", () => {
    const stored = [
      "铃\u0007响",
      "\u001b[31m红\u001b[0m",
      "a\u0000b",
      "反\u202E转",
      "零\u200B宽",
      "C:\\temp\\u0041",
      "\\",
      "\tTab\r\n行",
    ];
    const text = row(stored);
    // Nothing a terminal or a spreadsheet would act on is left in the file (tab and line breaks are text).
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u202E]/);
    expect(text).toContain("\\u001b[31m");
    expect(read(BOM + text)[0].map((c) => uncell(c.value, c.quoted))).toEqual(stored);
    for (const s of stored) expect(unescapeText(escapeText(s))).toBe(s);
    // A v1 file (before the escapes) is read as it was written.
    expect(uncell("C:\\\\temp", true, false)).toBe("C:\\\\temp");
    expect([
      exportVersion("# sise-export v1; kind=history"),
      exportVersion("# sise-export v2; kind=register"),
      exportVersion("code"),
    ]).toEqual([1, 2, null]);
  });

  it("ends rows with CRLF and quotes every text", () => {
    expect(row(["a", 1, null])).toBe('"a",1,\r\n');
  });
});
