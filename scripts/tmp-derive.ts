import "./store-arg";
import { openDb } from "../db/open";
import { deriveHistory } from "../db/history/derive";
async function main() {
  const db = openDb(process.argv[process.argv.indexOf("--db") + 1]);
  const t = Date.now();
  const r = await deriveHistory(db, { timeZone: "Asia/Shanghai" });
  console.log(r, Date.now() - t, "ms");
  await db.close();
}
void main();
