/**
 * npm run checkpoint [-- --db path] [--force]: signs the history's head now and appends the receipt
 * to the log outside the database (the server also does this on a schedule). Prints the receipt.
 */
import { parseArgs } from "node:util";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { Db } from "../db/client";
import { databasePath, openDatabase } from "../db/connection";
import * as schema from "../db/schema";
import { checkpointPaths, writeCheckpoint } from "../lib/checkpoints/signer";

const { values } = parseArgs({ options: { db: { type: "string" }, force: { type: "boolean" } } });
const file = values.db ?? databasePath();
const sqlite = openDatabase(file);
const { receipt, written } = writeCheckpoint(drizzle(sqlite, { schema }) as Db, { force: values.force, dbPath: file });
sqlite.close();
const paths = checkpointPaths(file);
console.log(`${written ? "signed" : "already signed"}: seq ${receipt.seq}, head ${receipt.hash}, at ${new Date(receipt.at).toISOString()}, key ${receipt.key}`);
console.log(`receipts: ${paths.receipts}\npublic key: ${paths.publicKey}`);
