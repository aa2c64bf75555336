import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { latestReceipt } from "@/lib/checkpoints/signer";
import { csvFile } from "@/db/exports/csv-file";
import type { ExportFormat, ExportMeta, ExportSource } from "@/db/exports/source";
import { XLSX_MAX_ROWS, xlsxFile } from "@/db/exports/xlsx-file";
import { recordExport as recordExportEvent } from "@/db/mutations/exports";
import type { Snapshot } from "@/db/store";
import type { Actor } from "@/lib/domain/actor";
import { CITY_TIME_ZONE } from "@/lib/config";
import { COLOURS } from "@/lib/domain/colours";
import { bytesOf, downloadResponse, utf8 } from "@/lib/http/download";
import { startCsvWorker } from "@/db/exports/csv-in-worker";
import type { CsvJob } from "@/db/exports/csv-worker";

/**
 * Every export's one path: open the export's own read-only connection (a long read never holds the
 * server's connection) and take its snapshot (`open`); refuse an XLSX over Excel's sheet limit in
 * words before anything is recorded; record the export in the history (who, what, which filter);
 * then stream the file in the asked-for format.
 */
export async function exportDownload({
  actor,
  format,
  query,
  lines,
  open,
  rawNote,
  csvWorker,
}: {
  actor: Actor;
  format: ExportFormat;
  query: string;
  lines: Pick<ExportMeta, "title" | "scopeLine" | "countLine">;
  open: (snapshot: Snapshot, format: ExportFormat) => Promise<ExportSource>;
  /** What the XLSX's grey columns are, said on its information sheet. */
  rawNote?: string;
  /** The history's CSV is written on a thread of its own (db/exports/csv-worker.ts): this is its filter. */
  csvWorker?: Omit<CsvJob, "location">;
}): Promise<Response> {
  const t = await getTranslations("exports");
  if (format === "csv" && csvWorker)
    return csvFromWorker({ actor, query, lines, job: { ...csvWorker, location: getDb().location } });
  const { snapshot, close } = await getDb().openSnapshot();
  let source: ExportSource;
  try {
    source = await open(snapshot, format);
  } catch (e) {
    close();
    throw e;
  }
  if (format === "xlsx" && source.total > XLSX_MAX_ROWS) {
    close();
    return Response.json(
      { error: "tooManyRows", message: t("xlsxTooMany", { n: source.total, max: XLSX_MAX_ROWS }) },
      { status: 413 },
    );
  }
  const { meta, file } = await recordExport({ actor, format, query, lines, kind: source.kind, scope: source.scope });
  if (format === "csv")
    return downloadResponse(utf8(csvFile(source, meta)), close, `${file}.csv`, "text/csv; charset=utf-8");
  const [tc, tb, tg] = [
    await getTranslations("colours"),
    await getTranslations("board"),
    await getTranslations("grading.methods"),
  ];
  const body = xlsxFile(source, meta, {
    dataSheet: t(`xlsx.${source.kind}Sheet`),
    infoSheet: t("xlsx.infoSheet"),
    legendTitle: t("xlsx.legend"),
    methodsTitle: t("xlsx.methods"),
    colours: COLOURS.map((c) => ({ colour: c, word: tc(c), level: tc(`level.${c}`), definition: tb(`legend.${c}`) })),
    methods: (["lec", "matrix", "direct"] as const).map((m) => `${tg(m)}:${t(`xlsx.method.${m}`)}`),
    rawNote,
  });
  return downloadResponse(
    bytesOf(body),
    close,
    `${file}.xlsx`,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
}

/**
 * Records the export in the history (who, what, which filter) once its snapshot is open, and words
 * the file's opening lines: the exporter, the time, the latest signed checkpoint.
 */
async function recordExport({
  actor,
  format,
  query,
  lines,
  kind,
  scope,
}: {
  actor: Actor;
  format: ExportFormat;
  query: string;
  lines: Pick<ExportMeta, "title" | "scopeLine" | "countLine">;
  kind: ExportSource["kind"];
  scope: ExportSource["scope"];
}) {
  const [t, formatter] = [await getTranslations("exports"), await getFormatter()];
  const now = new Date();
  await recordExportEvent(getDb(), { actor, now, data: { kind, format, scope, filter: query } });
  const receipt = latestReceipt();
  const meta: ExportMeta = {
    ...lines,
    query,
    timeZone: CITY_TIME_ZONE,
    checkpointLine: receipt
      ? t("checkpoint", {
          seq: receipt.seq,
          hash: receipt.hash,
          time: formatter.dateTime(new Date(receipt.at), { dateStyle: "medium", timeStyle: "medium" }),
          key: receipt.key,
        })
      : t("noCheckpoint"),
    exporterLine: t("exporter", {
      who: actor.name,
      time: formatter.dateTime(now, { dateStyle: "medium", timeStyle: "medium" }),
      utc: now.toISOString(),
    }),
  };
  return { now, meta, file: `sise-${kind}-${scope}-${now.toISOString().slice(0, 19).replace(/[-:T]/g, "")}` };
}

/** The history's CSV from its worker thread: the snapshot is open before the export is recorded. */
async function csvFromWorker({
  actor,
  query,
  lines,
  job,
}: {
  actor: Actor;
  query: string;
  lines: Pick<ExportMeta, "title" | "scopeLine" | "countLine">;
  job: CsvJob;
}): Promise<Response> {
  const worker = await startCsvWorker(job);
  try {
    const { meta, file } = await recordExport({
      actor,
      format: "csv",
      query,
      lines,
      kind: "history",
      scope: worker.scope,
    });
    return downloadResponse(
      worker.bytes({ ...meta, countLine: meta.countLine(worker.total) }),
      worker.close,
      `${file}.csv`,
      "text/csv; charset=utf-8",
    );
  } catch (e) {
    worker.close();
    throw e;
  }
}
