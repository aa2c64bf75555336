import { hashPassword } from "../../../lib/auth/password";
import type { Db } from "../../store";
import type { Actor } from "../../mutations/events";
import { clearDerivedViews, markDemoDatabase } from "../../mutations/settings";
import { insertReference } from "../../mutations/reference";
import { insertUser } from "../../mutations/users";
import { listAreas, listRegions, listUnits } from "../../queries/reference";
import { risks as riskTable } from "../../schema";
import { countUserRows, DEMO_DIVISIONS, DEMO_PASSWORD, DEMO_USERS } from "../users";
import { loadReference } from "../generate";
import { planRegister } from "./register";
import { planHazards } from "./hazards";
import { planRhythm, type RhythmPeople } from "./rhythm";
import { createTimeline, must } from "./timeline";

/** The actor name recorded on events written by seeding; shown translated in the UI. */
export const SEED_ACTOR = "system:seed";
const SEED: Actor = { id: null, name: SEED_ACTOR };
const DAY = 86_400_000;
const REGISTER = { seed: 20260501, spanDays: 730, extraEventsPerRisk: 1.5 };

/**
 * When the demo city's story begins (two years before `now`): its reference lists are set up then
 * (scripts/prepare-db.ts seeds them at this time), so the history reads in time order.
 */
export const demoStart = (now: Date): Date => new Date(now.getTime() - REGISTER.spanDays * DAY - DAY);

/**
 * The whole demo city, into a database with no accounts: one account per role (DEMO_USERS), a
 * duty officer for each unit the demo officer does not report for, 360 risks over two years, four
 * weeks of daily reports, last week's changes and two closed meetings — written in time order
 * through the app's mutations, all in one transaction (a failed seed leaves nothing behind).
 */
export async function seedDemo(
  db: Db,
  opts: { now?: Date; count?: number } = {},
): Promise<{
  users: number;
  risks: number;
  reports: number;
  meetings: number;
  inspections: number;
  hazards: number;
} | null> {
  if ((await countUserRows(db)) > 0) return null;
  const now = opts.now ?? new Date();
  const hash = await hashPassword(DEMO_PASSWORD);
  const start = demoStart(now).getTime();
  const ref = await loadReference(db);
  const units: RhythmPeople["units"] = (await listUnits(db, { activeOnly: true })).map((u) => ({
    id: u.id,
    code: u.code,
    name: u.nameZh,
  }));
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  const [areas, regions] = [await listAreas(db), await listRegions(db)];
  return db.write(async () => {
    const when = new Date(start);
    // The sample towns and villages first, through the admin's own mutation (each with its event).
    const division = new Map(regions.map((r) => [r.code, r.id]));
    for (const d of DEMO_DIVISIONS) {
      if (division.has(d.code)) continue;
      const added = await insertReference(db, {
        table: "regions",
        values: { code: d.code, nameZh: d.zh, nameEn: d.en, parentId: division.get(d.parent) ?? null },
        actor: SEED,
        now: when,
      });
      division.set(d.code, must(added, d.code).id);
    }
    const people = new Map<string, Actor & { id: number }>();
    const account = async (
      username: string,
      displayName: string,
      access: Parameters<typeof insertUser>[1]["access"],
    ) => {
      const created = await insertUser(db, {
        username,
        displayName,
        passwordHash: hash,
        mustChangePassword: false,
        access,
        actor: SEED,
        now: when,
      });
      return { id: must(created, username).id, name: displayName };
    };
    for (const u of DEMO_USERS) {
      const scope = u.scope
        ? {
            areaIds: u.scope.areaKind
              ? areas
                  .filter((a) => a.kind === u.scope!.areaKind)
                  .map((a) => a.id)
                  .sort((a, b) => a - b)
              : [],
            regionIds: u.scope.regionCodes.flatMap((c) =>
              [...division.entries()].filter(([k]) => k === c).map(([, id]) => id),
            ),
          }
        : { areaIds: [], regionIds: [] };
      const access = { roles: u.roles, scope, unitIds: (u.units ?? []).map((c) => unitId.get(c)!) };
      people.set(u.username, await account(u.username, u.displayName, access));
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
      const access = { roles: ["officer" as const], scope: { areaIds: [], regionIds: [] }, unitIds: [u.id] };
      reporters.set(u.id, await account(username, `${u.name}·值班员`, access));
    }
    await markDemoDatabase(db, { actor: SEED, now: when });

    const timeline = createTimeline(now);
    const leader = people.get("leader")!;
    // About half of the two counties' risks are registered in their sample towns and villages.
    const below = new Map<number, number[]>();
    for (const d of DEMO_DIVISIONS) {
      const county = division.get(d.code.slice(0, 6))!;
      below.set(county, [...(below.get(county) ?? []), division.get(d.code)!]);
    }
    const risks = planRegister(db, timeline, {
      ref,
      count: opts.count ?? 360,
      now,
      ...REGISTER,
      actor: SEED,
      leader,
      below,
    });
    const rhythm = planRhythm(db, timeline, { now, risks, people: { reporters, units, leader, grader: SEED } });
    // The hazard loop in the inspector's counties (the officer's scope): found, rectified by the
    // units' duty officers, accepted by the officer.
    const inspector = people.get("inspector")!;
    const domainAreas = new Set(areas.filter((a) => a.kind === "domain").map((a) => a.id));
    const counties = new Set(
      [...division.entries()]
        .filter(([code]) => code.startsWith("610802") || code.startsWith("610881"))
        .map(([, id]) => id),
    );
    const hazards = planHazards(db, timeline, {
      now,
      risks,
      inspector,
      rectifiers: [...reporters.values()].filter((r) => r.id !== people.get("officer")!.id),
      acceptor: people.get("officer")!,
      leader,
      unitIds: units.map((u) => u.id),
      leadUnitId: unitId.get("U-YJJ")!,
      inScope: (r) => domainAreas.has(r.areaId) && counties.has(r.regionId),
    });
    await timeline.run();
    await clearDerivedViews(db);
    return { users: people.size + reporters.size - officerUnits.size, risks: risks.length, ...rhythm, ...hazards };
  });
}

/**
 * A demo register alone (no accounts, no reports or meetings), for tests that need a realistic
 * register: the same risks as the demo's, written the same way. Only into an empty register.
 */
export async function seedDemoRegister(db: Db, opts: { count?: number; now?: Date } = {}): Promise<number> {
  const ref = await loadReference(db);
  return db.write(async (tx) => {
    if ((await tx.$count(riskTable)) > 0) return 0;
    const now = opts.now ?? new Date();
    const timeline = createTimeline(now);
    const risks = planRegister(db, timeline, {
      ref,
      count: opts.count ?? 360,
      now,
      ...REGISTER,
      actor: SEED,
      leader: SEED,
    });
    await timeline.run();
    await clearDerivedViews(db);
    return risks.length;
  });
}
