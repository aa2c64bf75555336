import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { BOM, cell, row, uncell } from "@/lib/domain/csv";

/** Parses as verify-export does: each cell with whether it was quoted. */
const read = (text: string) =>
  parse(text, { bom: true, relax_column_count: true, cast: (value, context) => ({ value, quoted: context.quoting }) }) as unknown as Array<Array<{ value: string; quoted: boolean }>>;

describe("CSV cells", () => {
  it("round-trips text, empty text, NULL and numbers exactly", () => {
    const values = ["榆林市 \"明盘\"整治", "", null, 42, "line one\r\nline two", "a,b", "-1", "=SUM(A1:A2)", "+86 912", "@cmd", "'quoted", "\tTab"];
    const parsed = read(BOM + row(values))[0];
    expect(parsed.map((c) => uncell(c.value, c.quoted))).toEqual(values.map((v) => (typeof v === "number" ? String(v) : v)));
  });

  it("neutralises what a spreadsheet would run as a formula", () => {
    for (const v of ["=1+1", "+1", "-1", "@SUM(1)", "\t=1", "\r=1"]) expect(cell(v).startsWith(`"'`)).toBe(true);
    expect(cell("普通文本")).toBe('"普通文本"');
    expect(cell(-5)).toBe("-5"); // numbers are data, not text
  });

  it("ends rows with CRLF and quotes every text", () => {
    expect(row(["a", 1, null])).toBe('"a",1,\r\n');
  });
});
