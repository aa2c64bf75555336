/**
 * npm run checkpoint [-- --db path] [--force]: signs the history's head now and appends the receipt
 * to the log outside the database (the server also does this on a schedule). Prints the receipt.
 */
import "./store-arg"; // first: --db decides the dialect
import { parseArgs } from "node:util";
import { storeLocation } from "../db/location";
import { openDb } from "../db/open";
import { checkpointPaths, writeCheckpoint } from "../lib/checkpoints/signer";

// A function, not top-level await: tsx runs these files as CommonJS.
async function main() {
  const { values } = parseArgs({ options: { db: { type: "string" }, force: { type: "boolean" } } });
  const file = storeLocation(values.db);
  const db = openDb(file);
  const { receipt, written } = await writeCheckpoint(db, { force: values.force });
  await db.close();
  const paths = checkpointPaths(file);
  console.log(
    `${written ? "signed" : "already signed"}: seq ${receipt.seq}, head ${receipt.hash}, at ${new Date(receipt.at).toISOString()}, key ${receipt.key}`,
  );
  console.log(`receipts: ${paths.receipts}\npublic key: ${paths.publicKey}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
