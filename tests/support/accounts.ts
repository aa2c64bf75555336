import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "@/db/client";
import { addMeasure } from "@/db/mutations/measures";
import { insertRisk } from "@/db/mutations/risks";
import { addHazardAttachments, insertHazard } from "@/db/mutations/hazards";
import { insertInspection } from "@/db/mutations/inspections";
import { insertUser } from "@/db/mutations/users";
import { openDb } from "@/db/open";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import { SESSION_COOKIE, sessionLimits } from "@/lib/auth/config";
import { storeSession, type SessionTicket } from "@/lib/auth/session";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { createTestDb, withRaw, withRawPg } from "../integration/test-db";
import { createPgDatabase } from "./pg-test-db";
import { ctx } from "./request-context";
import { assessment } from "./risk-input";

export const PASSWORD = "correct horse battery";
export const NOW = new Date();

export type Fixture = Awaited<ReturnType<typeof buildTemplate>>;

/**
 * A template database (migrations + reference lists + one user per role + two risks: one inside
 * the officer's scope, one outside). Each test gets its own copy of the file.
 */
export async function buildTemplate(
  opts: {
    /** A file already in the attachment store, recorded on one of the fixture's hazards (its id: 1). */
    attachment?: { hazard: "general" | "major"; name: string; mime: string; bytes: number; sha256: string };
  } = {},
) {
  const t = await createTestDb();
  const hash = await hashPassword(PASSWORD);
  const actor = { id: null, name: "system:test" };
  const scope = { areaIds: [t.areaId.S03, t.areaId.S02], regionIds: [t.regionId["610881"]] };
  const make = async (
    username: string,
    roles: Role[],
    s = { areaIds: [] as number[], regionIds: [] as number[] },
    unitIds: number[] = [],
  ) => {
    const r = await insertUser(t.db, {
      username,
      displayName: username,
      passwordHash: hash,
      mustChangePassword: false,
      access: { roles, scope: s, unitIds },
      actor,
      now: NOW,
    });
    if (!r.ok) throw new Error("fixture user");
    return r.id;
  };
  const users = {
    admin: await make("admin", ["admin"]),
    officer: await make("officer", ["officer"], scope, [t.unitId["U-ZJJ"]]),
    officerOut: await make("officer-out", ["officer"], { areaIds: [t.areaId.S01], regionIds: [t.regionId["610802"]] }, [
      t.unitId["U-YJJ"],
    ]),
    leader: await make("leader", ["leader"]),
    auditor: await make("auditor", ["auditor"]),
    inspector: await make("inspector", ["inspector"], scope),
  };
  const base = {
    title: "神木市城镇燃气管网老化风险",
    description: "",
    responsibleUnitId: t.unitId["U-ZJJ"],
    responsiblePerson: "张伟",
    coUnitIds: [],
    reason: "",
  };
  const grade = { assessment: assessment("orange"), nextReviewDate: "2099-01-01", actor, now: NOW, year: 2026 };
  const inScope = await insertRisk(t.db, {
    input: { ...base, areaId: t.areaId.S03, regionId: t.regionId["610881"] },
    ...grade,
  });
  const outScope = await insertRisk(t.db, {
    input: { ...base, title: "府谷县煤矿风险", areaId: t.areaId.S04, regionId: t.regionId["610822"] },
    ...grade,
  });
  // A red awaiting a leader's acknowledgement, and a measure on the in-scope risk.
  const red = await insertRisk(t.db, {
    input: { ...base, title: "神木市危化品储罐区泄漏风险", areaId: t.areaId.S02, regionId: t.regionId["610881"] },
    ...grade,
    assessment: assessment("red"),
  });
  await addMeasure(t.db, {
    riskId: inScope.id,
    expectedVersion: 1,
    actor,
    now: NOW,
    measure: { description: "每日巡检", owner: "张伟", dueDate: null, status: "planned" },
  });
  const measureId = await t.value<number>("SELECT id FROM risk_measures");
  // Hazards inside the officer's (and the inspector's) scope — a general one and a major one, both
  // just found — and a planned inspection there.
  const place = {
    areaId: t.areaId.S03,
    regionId: t.regionId["610881"],
    place: "储配站",
    riskId: null,
    inspectionId: null,
  };
  const general = await insertHazard(t.db, {
    input: { ...place, title: "消防通道堵塞", description: "", grade: "general", foundOn: "2026-01-05" },
    actor,
    now: NOW,
    year: 2026,
  });
  const major = await insertHazard(t.db, {
    input: { ...place, title: "储罐区可燃气体报警器失效", description: "", grade: "major", foundOn: "2026-01-05" },
    actor,
    now: NOW,
    year: 2026,
  });
  if (opts.attachment) {
    const { hazard, ...file } = opts.attachment;
    await addHazardAttachments(t.db, {
      hazardId: (hazard === "general" ? general : major).id,
      files: [{ ...file, thumbSha256: null }],
      actor,
      now: NOW,
    });
  }
  const inspection = await insertInspection(t.db, {
    input: {
      title: "燃气专项排查",
      campaign: "",
      unitId: t.unitId["U-ZJJ"],
      areaId: t.areaId.S03,
      regionId: t.regionId["610881"],
      plannedFrom: "2026-01-05",
      plannedTo: "2026-01-09",
      inspectors: "",
    },
    actor,
    now: NOW,
    year: 2026,
  });
  const ids = { areaId: t.areaId, regionId: t.regionId, unitId: t.unitId };
  // SQLite: the file's bytes, written out for each copy. PostgreSQL: the database itself, kept as
  // the template each copy is created from (dropped when the test process ends).
  const image = t.sqlite ? t.sqlite.serialize() : null;
  const template = t.sqlite ? null : t.file;
  if (t.sqlite) await t.cleanup();
  else if ("detach" in t) await t.detach();
  const fixture = {
    image,
    template,
    users,
    risks: { inScope: inScope.code, outScope: outScope.code, red: red.code },
    hazards: { general: general.code, major: major.code, generalId: general.id, majorId: major.id },
    inspection: inspection.code,
    measureId,
    ...ids,
  };
  return fixture;
}

/** A fresh copy of the template, installed as the database the actions see. */
export async function openCopy(fixture: Fixture) {
  if (fixture.template) return openPgCopy(fixture.template);
  const dir = mkdtempSync(join(tmpdir(), "sise-auth-"));
  const file = join(dir, "sise.db");
  writeFileSync(file, fixture.image!);
  const db = openDb(file);
  ctx.db = db;
  const raw = withRaw(db, file, () => rmSync(dir, { recursive: true, force: true }));
  const sqlite = raw.sqlite;
  return {
    ...raw,
    /** The whole database, to tell whether a call changed anything at all. */
    bytes: async () => Buffer.from(sqlite.serialize()),
    /** Every row of every table except those named, for comparing what a call may write by design. */
    rows: async (except: string[] = []) =>
      rowsOf(
        raw.all,
        (
          await raw.all<{ name: string }>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
          )
        ).map((t) => t.name),
        except,
      ),
    async cleanup() {
      ctx.db = undefined;
      await raw.cleanup();
    },
  };
}

async function openPgCopy(template: string) {
  const { url, drop } = await createPgDatabase(process.env.DATABASE_URL!, new URL(template).pathname.slice(1));
  const db = openDb(url);
  ctx.db = db;
  const raw = await withRawPg(db, url, drop);
  const tables = async () =>
    (
      await raw.all<{ name: string }>(
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
      )
    ).map((t) => t.name);
  const rows = async (except: string[] = []) => rowsOf(raw.all, await tables(), except);
  return {
    ...raw,
    // PostgreSQL has no file to compare: every row of every table (and the history's sequence) is the content.
    bytes: async () =>
      Buffer.from(JSON.stringify([await rows(), await raw.value("SELECT last_value FROM risk_events_seq_seq")])),
    rows,
    async cleanup() {
      ctx.db = undefined;
      await raw.cleanup();
    },
  };
}

async function rowsOf(all: (sql: string) => Promise<unknown[]>, tables: string[], except: string[]) {
  const out: Record<string, string[]> = {};
  for (const t of tables.filter((x) => !except.includes(x) && x !== "__drizzle_migrations"))
    out[t] = (await all(`SELECT * FROM "${t}"`)).map((r) => JSON.stringify(r)).sort();
  return out;
}

/**
 * Signs `userId` in through the app's own session code (lib/auth/session.ts): the ticket has the
 * configured lifetimes (sessionLimits), storeSession writes the row, and the cookie holds the token.
 * Only the request facts are fixed, since there is no request.
 */
export async function signInAs(db: Db, userId: number, { pendingTotp = false } = {}) {
  const token = generateToken();
  const ticket: SessionTicket = {
    token,
    id: hashToken(token),
    pendingTotp,
    limits: sessionLimits(),
    ip: null,
    userAgent: null,
    https: false,
  };
  await storeSession(db, ticket, { userId, now: new Date() });
  ctx.cookies.set(SESSION_COOKIE, token);
  return ticket.id;
}

export function form(values: Record<string, string | string[]>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
}
