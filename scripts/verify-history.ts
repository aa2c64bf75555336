/**
 * npm run verify-history [-- --db path] [--receipts FILE] [--public-key FILE]: recomputes the
 * history's hash chain, then checks it against the signed checkpoints kept outside the database
 * (so a rewrite that recomputed every hash, or a cut tail, is caught too). Prints what was verified
 * (exit 0) or the first problem (exit 1). Without receipts or a public key it says so and checks the
 * chain alone.
 */
import "./store-arg"; // first: --db decides the dialect
import { parseArgs } from "node:util";
import { verifyHistory } from "../db/history/verify";
import { storeLocation, shownLocation } from "../db/location";
import { openDb } from "../db/open";
import { verifyCheckpoints } from "../lib/checkpoints/signer";
import { attachmentsFolder, folderStore } from "../lib/files/attachment-store";
import { verifyAttachments } from "../lib/files/verify-attachments";

// A function, not top-level await: tsx runs these files as CommonJS.
async function main() {
  const { values } = parseArgs({
    options: { db: { type: "string" }, receipts: { type: "string" }, "public-key": { type: "string" } },
  });
  const file = storeLocation(values.db);
  const db = openDb(file, { readonly: true });
  const started = performance.now();
  const result = await verifyHistory(db);
  const receipts = result.ok
    ? await verifyCheckpoints(db, { receipts: values.receipts, publicKey: values["public-key"], dbPath: file })
    : null;
  const files = result.ok ? await verifyAttachments(db, folderStore(attachmentsFolder(file))) : null;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  await db.close();
  if (!result.ok) {
    const b = result.broken;
    const where =
      b.kind === "tail"
        ? `events after seq ${b.lastSeq} are missing (seq ${b.highest} was issued)`
        : `first broken link at seq ${b.seq} (${b.kind})`;
    console.error(`history verification FAILED after ${result.count} good events: ${where}`);
    process.exit(1);
  }
  console.log(`${result.count} events verified, head ${result.head} (${shownLocation(file)}, ${seconds} s)`);
  if (files?.problems.length) {
    for (const p of files.problems.slice(0, 20))
      console.error(`attachment ${p.id} of ${p.hazardCode} ("${p.name}"): ${p.problem}`);
    console.error(`hazard attachments FAILED: ${files.problems.length} of ${files.checked} do not match the history`);
    process.exit(1);
  }
  if (files) console.log(`${files.checked} hazard attachments match the digests in the history`);
  if (receipts && "missing" in receipts) {
    console.log(
      `no signed checkpoints checked: no ${receipts.missing === "receipts" ? "receipt log" : "public key"} found (see --receipts, --public-key)`,
    );
  } else if (receipts && !receipts.ok) {
    const p = receipts.problem;
    const what = {
      unreadable: `receipt line ${p.line} cannot be read`,
      signature: `receipt line ${p.line} (seq ${"seq" in p ? p.seq : "?"}) is not signed by this key`,
      order: `receipt line ${p.line} does not follow the one before it (a receipt was removed, changed or reordered)`,
      missingEvent: `the history ends at seq ${"lastSeq" in p ? p.lastSeq : "?"}, but seq ${"seq" in p ? p.seq : "?"} was signed (receipt line ${p.line}): events were removed from the end`,
      rewritten: `event ${"seq" in p ? p.seq : "?"} is not the one signed (receipt line ${p.line}): the history was rewritten`,
    }[p.kind];
    console.error(`signed checkpoints FAILED after ${receipts.receipts} good receipts: ${what}`);
    process.exit(1);
  } else if (receipts?.ok) {
    const l = receipts.latest;
    console.log(
      `${receipts.receipts} signed checkpoints verified${l ? `, the latest at seq ${l.seq} (${new Date(l.at).toISOString()}, key ${l.key})` : ""}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
