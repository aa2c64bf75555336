import "server-only";
import { getTranslations } from "next-intl/server";
import { csvFile } from "@/db/exports/csv-file";
import type { ExportMeta, ExportSource } from "@/db/exports/source";
import { XLSX_MAX_ROWS, xlsxFile } from "@/db/exports/xlsx-file";
import { COLOURS } from "@/lib/domain/colours";
import { bytesOf, downloadResponse, utf8 } from "@/lib/http/download";

/**
 * The download for an export source in the asked-for format. XLSX stops at Excel's sheet limit:
 * a larger export is refused in words (use CSV, or narrow the dates) before anything is sent.
 */
export async function exportResponse(source: ExportSource, meta: ExportMeta, format: "csv" | "xlsx", fileBase: string, close: () => void): Promise<Response> {
  if (format === "csv") return downloadResponse(utf8(csvFile(source, meta)), close, `${fileBase}.csv`, "text/csv; charset=utf-8");
  const [t, tc, tb, tg] = [await getTranslations("exports"), await getTranslations("colours"), await getTranslations("board"), await getTranslations("grading.methods")];
  if (source.total > XLSX_MAX_ROWS) {
    close();
    return Response.json({ error: "tooManyRows", message: t("xlsxTooMany", { n: source.total, max: XLSX_MAX_ROWS }) }, { status: 413 });
  }
  const body = xlsxFile(source, meta, {
    dataSheet: t(`xlsx.${source.kind}Sheet`),
    infoSheet: t("xlsx.infoSheet"),
    legendTitle: t("xlsx.legend"),
    methodsTitle: t("xlsx.methods"),
    colours: COLOURS.map((c) => ({ colour: c, word: tc(c), level: tc(`level.${c}`), definition: tb(`legend.${c}`) })),
    methods: (["lec", "matrix", "direct"] as const).map((m) => `${tg(m)}:${t(`xlsx.method.${m}`)}`),
  });
  return downloadResponse(bytesOf(body), close, `${fileBase}.xlsx`, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}
