import "./store-arg";
import { openDb } from "../db/open";
import { deriveHistory } from "../db/history/derive";
async function main() {
  const db = openDb(process.argv[process.argv.indexOf("--db") + 1]);
  const t = Date.now();
  let maxPause = 0, last = Date.now();
  const r = await deriveHistory(db, { timeZone: "Asia/Shanghai", pause: async () => { const n = Date.now(); maxPause = Math.max(maxPause, n - last); last = n; } });
  console.log(r, Date.now() - t, "ms; longest stretch between pauses", maxPause, "ms");
  await db.close();
}
main();
