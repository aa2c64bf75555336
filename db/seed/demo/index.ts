import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { hashPassword } from "../../../lib/auth/password";
import type { Db } from "../../client";
import type { Actor } from "../../mutations/events";
import { insertUser } from "../../mutations/users";
import * as schema from "../../schema";
import { loadReference } from "../generate";
import { DEMO_PASSWORD, DEMO_USERS } from "../users";
import { planRegister } from "./register";
import { planRhythm, type RhythmPeople } from "./rhythm";
import { createTimeline, must } from "./timeline";

/** The actor name recorded on events written by seeding; shown translated in the UI. */
export const SEED_ACTOR = "system:seed";
const SEED: Actor = { id: null, name: SEED_ACTOR };
const DAY = 86_400_000;
const REGISTER = { seed: 20260501, spanDays: 730, extraEventsPerRisk: 1.5 };

const count = (sqlite: Database.Database, table: string) =>
  (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const dbOf = (sqlite: Database.Database) => drizzle(sqlite, { schema }) as Db;

/**
 * The whole demo city, into a database with no accounts: one account per role (DEMO_USERS), a
 * duty officer for each unit the demo officer does not report for, 360 risks over two years, four
 * weeks of daily reports, last week's changes and two closed meetings — written in time order
 * through the app's mutations, all in one transaction (a failed seed leaves nothing behind).
 */
export async function seedDemo(
  sqlite: Database.Database,
  opts: { now?: Date; count?: number } = {},
): Promise<{ users: number; risks: number; reports: number; meetings: number } | null> {
  if (count(sqlite, "users") > 0) return null;
  const now = opts.now ?? new Date();
  const hash = await hashPassword(DEMO_PASSWORD);
  const db = dbOf(sqlite);
  const start = now.getTime() - REGISTER.spanDays * DAY - DAY;
  const ref = loadReference(sqlite);
  const units = sqlite
    .prepare("SELECT id, code, name_zh AS name FROM units WHERE active = 1 ORDER BY sort_order, id")
    .all() as RhythmPeople["units"];
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  const ids = (sql: string, ...args: unknown[]) =>
    (sqlite.prepare(sql).all(...args) as Array<{ id: number }>).map((r) => r.id);
  return sqlite
    .transaction(() => {
      const when = new Date(start);
      const people = new Map<string, Actor & { id: number }>();
      for (const u of DEMO_USERS) {
        const access = {
          roles: u.roles,
          scope: u.scope
            ? {
                areaIds: ids("SELECT id FROM areas WHERE kind = ? ORDER BY id", u.scope.areaKind),
                regionIds: u.scope.regionCodes.flatMap((c) => ids("SELECT id FROM regions WHERE code = ?", c)),
              }
            : { areaIds: [], regionIds: [] },
          unitIds: (u.units ?? []).map((c) => unitId.get(c)!),
        };
        const { id } = must(
          insertUser(db, {
            username: u.username,
            displayName: u.displayName,
            passwordHash: hash,
            mustChangePassword: false,
            access,
            actor: SEED,
            now: when,
          }),
          u.username,
        );
        people.set(u.username, { id, name: u.displayName });
      }
      const officerUnits = new Set(
        (DEMO_USERS.find((u) => u.username === "officer")?.units ?? []).map((c) => unitId.get(c)),
      );
      const reporters = new Map<number, Actor & { id: number }>();
      for (const u of units) {
        if (officerUnits.has(u.id)) {
          reporters.set(u.id, people.get("officer")!);
          continue;
        }
        const username = `duty-${u.code.toLowerCase().replace(/^u-/, "")}`;
        const displayName = `${u.name}·值班员`;
        const access = { roles: ["officer" as const], scope: { areaIds: [], regionIds: [] }, unitIds: [u.id] };
        const { id } = must(
          insertUser(db, {
            username,
            displayName,
            passwordHash: hash,
            mustChangePassword: false,
            access,
            actor: SEED,
            now: when,
          }),
          username,
        );
        reporters.set(u.id, { id, name: displayName });
      }
      sqlite
        .prepare(
          "INSERT INTO settings (key, value) VALUES ('demo', 'true') ON CONFLICT(key) DO UPDATE SET value = 'true'",
        )
        .run();

      const timeline = createTimeline(now);
      const leader = people.get("leader")!;
      const risks = planRegister(db, timeline, {
        ref,
        count: opts.count ?? 360,
        now,
        ...REGISTER,
        actor: SEED,
        leader,
      });
      const rhythm = planRhythm(db, timeline, { now, risks, people: { reporters, units, leader, grader: SEED } });
      timeline.run();
      forgetDerived(sqlite);
      return { users: people.size + reporters.size - officerUnits.size, risks: risks.length, ...rhythm };
    })
    .immediate();
}

/**
 * A demo register alone (no accounts, no reports or meetings), for tests that need a realistic
 * register: the same risks as the demo's, written the same way. Only into an empty register.
 */
export function seedDemoRegister(sqlite: Database.Database, opts: { count?: number; now?: Date } = {}): number {
  if (count(sqlite, "risks") > 0) return 0;
  const db = dbOf(sqlite);
  const now = opts.now ?? new Date();
  return sqlite
    .transaction(() => {
      const timeline = createTimeline(now);
      const risks = planRegister(db, timeline, {
        ref: loadReference(sqlite),
        count: opts.count ?? 360,
        now,
        ...REGISTER,
        actor: SEED,
        leader: SEED,
      });
      timeline.run();
      forgetDerived(sqlite);
      return risks.length;
    })
    .immediate();
}

/** The board's monthly checkpoints and weekly summaries made while seeding are rebuilt on demand. */
function forgetDerived(sqlite: Database.Database) {
  sqlite.prepare("DELETE FROM board_checkpoints").run();
  sqlite.prepare("DELETE FROM board_weeks").run();
}
