import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { copyStore, CopyRefused } from "@/db/copy";
import { DIALECT } from "@/db/dialect";
import { csvFile } from "@/db/exports/csv-file";
import { historySource } from "@/db/exports/history";
import { verifyExport } from "@/db/exports/verify-export";
import { verifyHistory } from "@/db/history/verify";
import { applyMigrations, pendingMigrations } from "@/db/migrate";
import { openDb } from "@/db/open";
import type { Db } from "@/db/store";
import { openDatabase } from "@/db/sqlite/connection";
import { createPgDatabase } from "../support/pg-test-db";

vi.mock("server-only", () => ({}));

/**
 * Moving a city to another store (npm run db:copy): the source is the committed database of an
 * earlier release (tests/fixtures, two closed meetings, 716 daily reports, 920 events), brought to
 * this version; the target is an empty store of the dialect under test — a new SQLite file, or a new
 * PostgreSQL database. The copy must be exact (same history head, same rows), atomic (a failure
 * leaves the target empty), and refuse to overwrite anything.
 */
let dir: string;
let source: Db;
let target: Db;
let targetLocation: string;
let dropTarget: () => Promise<void>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "sise-copy-"));
  const file = join(dir, "source.db");
  writeFileSync(file, gunzipSync(readFileSync("tests/fixtures/before-issue-19.db.gz")));
  const migrating = openDb(file);
  await applyMigrations(migrating);
  await migrating.close();
  source = openDb(file, { readonly: true });
  if (DIALECT === "pg") {
    // A database with the schema and nothing in it (the tests' template is migrated, not seeded).
    const created = await createPgDatabase(process.env.DATABASE_URL!);
    targetLocation = created.url;
    dropTarget = created.drop;
  } else {
    targetLocation = join(dir, "target.db");
    dropTarget = async () => undefined;
  }
  target = openDb(targetLocation);
  await applyMigrations(target);
});
afterEach(async () => {
  await source.close();
  await target.close();
  await dropTarget();
  rmSync(dir, { recursive: true, force: true });
});

const countsOf = async (db: Db) => {
  const h = await db.openSnapshot();
  try {
    const { rawValue } = await import("@/db/raw");
    const { sql } = await import("drizzle-orm");
    const out: Record<string, number> = {};
    for (const table of [
      "users",
      "risks",
      "risk_events",
      "risk_measures",
      "daily_reports",
      "meetings",
      "meeting_risks",
      "meeting_decisions",
      "meeting_tasks",
      "settings",
      "user_roles",
    ])
      out[table] = Number(await rawValue(h.snapshot, sql`SELECT count(*) FROM ${sql.raw(table)}`));
    return out;
  } finally {
    h.close();
  }
};

/** The full history export (CSV) of a store, as the audit page writes it. */
async function exportOf(db: Db): Promise<string> {
  const held = await db.openSnapshot();
  let csv = "";
  try {
    const all = { areaIds: [], regionIds: [], colours: [], actorIds: [], actions: [] };
    const meta = {
      title: "t",
      scopeLine: "s",
      exporterLine: "e",
      countLine: String,
      query: "",
      timeZone: "Asia/Shanghai",
    };
    for await (const s of csvFile(await historySource(held.snapshot, all, "Asia/Shanghai"), meta)) csv += s;
  } finally {
    held.close();
  }
  return csv;
}
async function verifiedAgainst(csv: string, db: Db) {
  const held = await db.openSnapshot();
  try {
    return await verifyExport(
      (async function* () {
        yield csv;
      })(),
      held.snapshot,
    );
  } finally {
    held.close();
  }
}

describe(`copying a database to an empty ${DIALECT === "pg" ? "PostgreSQL database" : "SQLite file"}`, () => {
  it("copies every row exactly: the same history head, the same counts, closed meetings still closed", async () => {
    expect(await pendingMigrations(source)).toBe(0);
    const report = await copyStore(source, target);
    expect(report.source).toMatchObject({ ok: true, count: 920 });
    expect(report.target).toEqual(report.source);
    expect(await verifyHistory(target)).toEqual(await verifyHistory(source));
    expect(await countsOf(target)).toEqual(await countsOf(source));
    expect(report.tables.find((t) => t.name === "daily_reports")?.rows).toBe(716);
    // Closed meetings arrive closed, and keep their items locked.
    const { rawRows, rawRun } = await import("@/db/raw");
    const { sql } = await import("drizzle-orm");
    expect(await rawRows(target, sql`SELECT status, count(*) FROM meetings GROUP BY status`)).toEqual([["closed", 2]]);
    await expect(
      target.write((tx) =>
        rawRun(tx, sql`DELETE FROM meeting_risks WHERE meeting_id = (SELECT min(id) FROM meetings)`),
      ),
    ).rejects.toThrow(/closed/);
    // The next event continues the chain: seq 921, linked to the copied head.
    const { appendEvent } = await import("@/db/mutations/events");
    await target.write((tx) =>
      appendEvent(tx, { at: new Date(), actor: { id: null, name: "test" }, action: "settings.update" }),
    );
    expect(await verifyHistory(target)).toMatchObject({ ok: true, count: 921 });
  });

  it("writes exports from either store that verify against the other, byte for byte the same", async () => {
    await copyStore(source, target);
    const fromSource = await exportOf(source);
    const fromTarget = await exportOf(target);
    expect(fromTarget).toBe(fromSource);
    expect(await verifiedAgainst(fromSource, target)).toMatchObject({ ok: true, rows: 920, database: "matches" });
    expect(await verifiedAgainst(fromTarget, source)).toMatchObject({ ok: true, rows: 920, database: "matches" });
  });

  it("refuses a target that holds anything, and leaves it as it was", async () => {
    await copyStore(source, target);
    const before = await countsOf(target);
    const refusal = copyStore(source, target);
    await expect(refusal).rejects.toThrow(CopyRefused);
    await expect(refusal).rejects.toThrow(/the target is not empty: \w+ has \d+ rows/);
    expect(await countsOf(target)).toEqual(before);
  });

  it("writes nothing when the copy fails half-way", async () => {
    await expect(
      copyStore(source, target, {
        onTable: (name) => {
          if (name === "risk_events") throw new Error("disk full");
        },
      }),
    ).rejects.toThrow("disk full");
    expect(Object.values(await countsOf(target)).every((n) => n === 0)).toBe(true);
  });

  it("refuses a source whose history does not verify", async () => {
    await source.close();
    const raw = openDatabase(join(dir, "source.db"));
    raw.exec("DROP TRIGGER risk_events_no_update");
    raw.prepare("UPDATE risk_events SET reason = 'changed' WHERE seq = 100").run();
    raw.close();
    source = openDb(join(dir, "source.db"), { readonly: true });
    await expect(copyStore(source, target)).rejects.toThrow(/does not verify/);
    expect((await countsOf(target)).risk_events).toBe(0);
  });
});
