import type Database from "better-sqlite3";
import type { Colour, RiskStatus } from "../../lib/domain/colours";
import { addDays, dayInZone } from "../../lib/domain/dates";
import { DEFAULT_REVIEW_DAYS } from "../../lib/domain/review";
import { DEFAULT_CODE_PREFIX, formatRiskCode } from "../../lib/domain/risk-code";
import { MEASURE_SNIPPETS, PERSON_GIVEN, PERSON_SURNAMES, RISK_TEMPLATES } from "./risk-templates";

/** Deterministic PRNG (mulberry32) so demo data and benchmark databases are reproducible. */
export function createRng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(next() * items.length)];
  return { next, pick };
}
export type Rng = ReturnType<typeof createRng>;

/** A realistic spread: few reds, most risks yellow or blue. */
function pickColour(rng: Rng): Colour {
  const x = rng.next();
  return x < 0.05 ? "red" : x < 0.2 ? "orange" : x < 0.55 ? "yellow" : "blue";
}

function pickStatus(rng: Rng): RiskStatus {
  const x = rng.next();
  return x < 0.25 ? "identified" : x < 0.8 ? "controlling" : x < 0.93 ? "resolved" : "closed";
}

export type Reference = {
  areas: Array<{ id: number; code: string; leadUnitId: number | null }>;
  regions: Array<{ id: number; nameZh: string }>;
  unitIds: number[];
};

export function loadReference(sqlite: Database.Database): Reference {
  return {
    areas: sqlite.prepare("SELECT id, code, lead_unit_id AS leadUnitId FROM areas WHERE active = 1").all() as Reference["areas"],
    regions: sqlite.prepare("SELECT id, name_zh AS nameZh FROM regions WHERE active = 1").all() as Reference["regions"],
    unitIds: (sqlite.prepare("SELECT id FROM units WHERE active = 1").all() as Array<{ id: number }>).map((u) => u.id),
  };
}

const shortName = (nameZh: string) => nameZh.replace(/\(.*\)$/, "");

/**
 * Inserts `count` generated risks (created over the `spanDays` before `now`) and, per risk, its
 * "created" event plus `extraEventsPerRisk` grade/review events on average. One transaction.
 */
export function insertGeneratedRisks(
  sqlite: Database.Database,
  opts: { count: number; seed: number; now: Date; spanDays: number; extraEventsPerRisk?: number; actorName: string },
): { risks: number; events: number } {
  const rng = createRng(opts.seed);
  const ref = loadReference(sqlite);
  const today = dayInZone(opts.now);
  const nowMs = opts.now.getTime();
  const dayMs = 86_400_000;
  const createdTimes = Array.from({ length: opts.count }, () => nowMs - Math.floor(rng.next() * opts.spanDays * dayMs)).sort(
    (a, b) => a - b,
  );
  const lastSeq = new Map<number, number>();
  for (const row of sqlite.prepare("SELECT code FROM risks").iterate() as Iterable<{ code: string }>) {
    const [, y, n] = row.code.split("-");
    lastSeq.set(Number(y), Math.max(lastSeq.get(Number(y)) ?? 0, Number(n)));
  }
  const insertRisk = sqlite.prepare(
    `INSERT INTO risks (code, title, description, area_id, region_id, colour, status, responsible_unit_id,
       responsible_person, control_measures, assessment, next_review_date, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO risk_events (at, risk_id, actor_id, actor_name, action, field, old_value, new_value, reason, data)
     VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let events = 0;
  const run = sqlite.transaction(() => {
    for (const createdMs of createdTimes) {
      const area = rng.pick(ref.areas);
      const region = rng.pick(ref.regions);
      const [titleT, description] = rng.pick(RISK_TEMPLATES[area.code] ?? [["{r}风险", ""]]);
      const year = Number(dayInZone(new Date(createdMs)).slice(0, 4));
      const seq = (lastSeq.get(year) ?? 0) + 1;
      lastSeq.set(year, seq);
      const code = formatRiskCode(DEFAULT_CODE_PREFIX, year, seq);
      const status = pickStatus(rng);
      const unitId = rng.next() < 0.7 && area.leadUnitId ? area.leadUnitId : rng.pick(ref.unitIds);
      const person = rng.pick(PERSON_SURNAMES) + rng.pick(PERSON_GIVEN);
      const measures = [rng.pick(MEASURE_SNIPPETS), rng.pick(MEASURE_SNIPPETS)].join(";");
      // Later gradings: each extra event re-grades the risk (or confirms it, when the colour stays).
      const nExtra = Math.round((opts.extraEventsPerRisk ?? 0) * 2 * rng.next());
      const eventTimes = Array.from({ length: nExtra }, () => createdMs + Math.floor(rng.next() * (nowMs - createdMs)));
      eventTimes.sort((a, b) => a - b);
      const grades: Colour[] = [pickColour(rng)];
      for (let i = 0; i < nExtra; i++) grades.push(pickColour(rng));
      const colour = grades[grades.length - 1];
      // About one risk in eight is behind on its review, as in a real register.
      const nextReview = rng.next() < 0.12
        ? addDays(today, -1 - Math.floor(rng.next() * 20))
        : addDays(today, Math.floor(rng.next() * DEFAULT_REVIEW_DAYS[colour]));
      const title = titleT.replace("{r}", shortName(region.nameZh));
      const info = insertRisk.run(code, title, description, area.id, region.id, colour, status, unitId, person, measures,
        JSON.stringify({ method: "direct" }), nextReview, 1 + nExtra, createdMs, eventTimes.at(-1) ?? createdMs);
      const riskId = Number(info.lastInsertRowid);
      insertEvent.run(createdMs, riskId, opts.actorName, "create", null, null,
        JSON.stringify({ code, title, colour: grades[0], status }), null, null);
      eventTimes.forEach((at, i) => {
        const [from, to] = [grades[i], grades[i + 1]];
        const action = from === to ? "review" : "update";
        insertEvent.run(at, riskId, opts.actorName, action, "colour", JSON.stringify(from), JSON.stringify(to),
          from === to ? "复核无变化" : "动态评估调整", null);
      });
      events += 1 + nExtra;
    }
  });
  run();
  return { risks: opts.count, events };
}

