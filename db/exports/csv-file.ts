import { BOM, row } from "../../lib/domain/csv";
import { markLine, type ExportMeta, type ExportSource } from "./source";

/** An export as CSV text chunks: the mark line, four lines for people, the header, then the rows. */
export async function* csvFile(source: ExportSource, meta: ExportMeta): AsyncGenerator<string> {
  yield BOM + row([markLine(source, meta.query)]);
  yield row([`# ${meta.title}`]) + row([`# ${meta.scopeLine}`]) + row([`# ${meta.exporterLine}`]) + row([`# ${meta.countLine(source.total)}`]);
  yield row([...source.columns]);
  for await (const rows of source.chunks) {
    let out = "";
    for (const r of rows) out += row(r);
    if (out) yield out;
  }
}
