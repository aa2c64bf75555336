import { BOM, row } from "../../lib/domain/csv";
import { localTimeFormatter, markLine, type Cell, type ExportMeta, type ExportSource } from "./source";

/** An export as CSV text chunks: the mark line, four lines for people, the header, then the rows. */
export async function* csvFile(source: ExportSource, meta: ExportMeta): AsyncGenerator<string> {
  yield BOM + row([markLine(source, meta.query)]);
  yield row([`# ${meta.title}`]) + row([`# ${meta.scopeLine}`]) + row([`# ${meta.exporterLine}`]) + row([`# ${meta.countLine(source.total)}`])
    + (meta.checkpointLine ? row([`# ${meta.checkpointLine}`]) : "");
  yield row(source.columns.map((c) => (source.csvHeader === "key" ? c.key : c.header)));
  const local = localTimeFormatter(meta.timeZone);
  const times = source.columns.flatMap((c, i) => (c.kind === "datetime" ? [i] : []));
  const cell = (v: Cell, i: number) => (v !== null && times.includes(i) ? local(Number(v)) : v);
  for await (const rows of source.chunks) {
    let out = "";
    if (times.length) for (const r of rows) out += row(r.map(cell));
    else for (const r of rows) out += row(r);
    if (out) yield out;
  }
}
