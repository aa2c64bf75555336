import "server-only";
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hash,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Db } from "@/db/client";
import { databasePath } from "@/db/open";
import { isPostgresUrl } from "@/db/dialect";
import { getHistoryHead, mapEventHashes } from "@/db/queries/history";
import {
  checkReceipts,
  FIRST_RECEIPT,
  lineDigest,
  parseReceipt,
  receiptLine,
  RECEIPT_VERSION,
  signedText,
  type Receipt,
  type ReceiptCheck,
} from "@/lib/domain/checkpoints";

/**
 * Where the checkpoints' key and receipts live: outside the database, by default beside its folder
 * (data/keys, data/receipts), or wherever SISE_CHECKPOINT_KEY and SISE_RECEIPTS_FILE say. A
 * deployment keeps the private key where the database's operators cannot write and hands the
 * public key to its auditors (docs/deployment in the README; decision 020).
 */
export function checkpointPaths(dbPath = process.env.DATABASE_URL ?? databasePath()) {
  // A PostgreSQL store has no folder of its own: SISE_DATA_DIR (./data), shared by every instance.
  const base = isPostgresUrl(dbPath)
    ? resolve(/*turbopackIgnore: true*/ process.env.SISE_DATA_DIR ?? "data")
    : dirname(dbPath);
  const key = process.env.SISE_CHECKPOINT_KEY ?? join(base, "keys", "checkpoint-ed25519.pem");
  return {
    key,
    publicKey: process.env.SISE_CHECKPOINT_PUBLIC_KEY ?? key.replace(/\.pem$/, "") + ".pub.pem",
    receipts: process.env.SISE_RECEIPTS_FILE ?? join(base, "receipts", "checkpoints.jsonl"),
  };
}

export const keyFingerprint = (publicKey: KeyObject) =>
  hash("sha256", publicKey.export({ type: "spki", format: "der" }), "hex").slice(0, 16);

/** The signing key, made (with its public half beside it) the first time it is needed. */
function signingKey(paths: ReturnType<typeof checkpointPaths>): KeyObject {
  // turbopackIgnore: paths chosen at run time; tracing them would pull the whole project into the build.
  if (!existsSync(/*turbopackIgnore: true*/ paths.key)) {
    mkdirSync(/*turbopackIgnore: true*/ dirname(paths.key), { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    writeFileSync(/*turbopackIgnore: true*/ paths.key, privateKey.export({ type: "pkcs8", format: "pem" }), {
      mode: 0o600,
      flag: "wx",
    });
    writeFileSync(/*turbopackIgnore: true*/ paths.publicKey, publicKey.export({ type: "spki", format: "pem" }), {
      mode: 0o644,
    });
  }
  return createPrivateKey(readFileSync(/*turbopackIgnore: true*/ paths.key));
}

export function readReceiptLines(file: string): string[] {
  return existsSync(/*turbopackIgnore: true*/ file)
    ? readFileSync(/*turbopackIgnore: true*/ file, "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "")
    : [];
}

/** The last receipt in the log, or null. */
export function latestReceipt(file = checkpointPaths().receipts): Receipt | null {
  const lines = readReceiptLines(file);
  return lines.length ? parseReceipt(lines[lines.length - 1]) : null;
}

/**
 * Signs the history's head and appends the receipt — unless the head is the one last signed (then
 * it returns that receipt). Done inside the database's write lock, so the head cannot move while it
 * is signed and two signers (the schedule, `npm run checkpoint`, another instance) never interleave
 * their receipts. The receipt is flushed to disk before the lock is released.
 */
export function writeCheckpoint(
  db: Db,
  opts: { now?: Date; force?: boolean; dbPath?: string } = {},
): Promise<{ receipt: Receipt; written: boolean }> {
  const paths = checkpointPaths(opts.dbPath ?? db.location);
  const privateKey = signingKey(paths);
  const key = keyFingerprint(createPublicKey(privateKey));
  return db.write(async (tx) => {
    const head = await getHistoryHead(tx);
    const lines = readReceiptLines(paths.receipts);
    const last = lines.length ? parseReceipt(lines[lines.length - 1]) : null;
    if (last && !opts.force && last.seq === head.seq && last.hash === head.hash)
      return { receipt: last, written: false };
    const unsigned = {
      seq: head.seq,
      hash: head.hash,
      at: (opts.now ?? new Date()).getTime(),
      prev: lines.length ? lineDigest(lines[lines.length - 1]) : FIRST_RECEIPT,
    };
    const receipt: Receipt = {
      v: RECEIPT_VERSION,
      ...unsigned,
      key,
      sig: sign(null, Buffer.from(signedText(unsigned)), privateKey).toString("base64"),
    };
    mkdirSync(/*turbopackIgnore: true*/ dirname(paths.receipts), { recursive: true });
    const fd = openSync(/*turbopackIgnore: true*/ paths.receipts, "a", 0o644);
    try {
      writeSync(fd, receiptLine(receipt) + "\n");
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return { receipt, written: true };
  });
}

/**
 * Checks the receipt log against the history with the public key: a consistent rewrite, a cut
 * tail, a removed or forged receipt — each is named. `missing` when there is no log or key yet.
 */
export async function verifyCheckpoints(
  db: Db,
  p: { receipts?: string; publicKey?: string; dbPath?: string } = {},
): Promise<ReceiptCheck | { ok: false; missing: "receipts" | "publicKey" }> {
  const paths = checkpointPaths(p.dbPath ?? db.location);
  const receiptsFile = p.receipts ?? paths.receipts;
  const publicKeyFile = p.publicKey ?? paths.publicKey;
  if (!existsSync(/*turbopackIgnore: true*/ receiptsFile)) return { ok: false, missing: "receipts" };
  if (!existsSync(/*turbopackIgnore: true*/ publicKeyFile)) return { ok: false, missing: "publicKey" };
  const publicKey = createPublicKey(readFileSync(/*turbopackIgnore: true*/ publicKeyFile));
  const lines = readReceiptLines(receiptsFile);
  // The hashes the receipts name, read at once (the check itself is a pure rule).
  const hashes = await mapEventHashes(
    db,
    lines.flatMap((l) => parseReceipt(l)?.seq ?? []),
  );
  return checkReceipts(lines, {
    verify: (text, signature) => {
      try {
        return verify(null, Buffer.from(text), publicKey, Buffer.from(signature, "base64"));
      } catch {
        return false;
      }
    },
    hashAt: (seq) => hashes.get(seq),
    lastSeq: (await getHistoryHead(db)).seq,
  });
}
