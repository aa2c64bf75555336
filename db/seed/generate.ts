import { eq } from "drizzle-orm";
import type { Colour, RiskStatus } from "../../lib/domain/colours";
import { addDays, dayInZone, startOfDayInZone } from "../../lib/domain/dates";
import { DEFAULT_REVIEW_DAYS } from "../../lib/domain/review";
import {
  compute,
  LEC_C,
  LEC_E,
  LEC_L,
  MATRIX_LEVELS,
  type Assessment,
  type MethodInputs,
} from "../../lib/domain/grading";
import { linkEvent, storedJson } from "../../lib/domain/history-chain";
import { DEFAULT_CODE_PREFIX, formatRiskCode } from "../../lib/domain/risk-code";
import { sql } from "drizzle-orm";
import { rawInsertMany, rawRows, rawValue, syncIdentity } from "../raw";
import { appendStoredEvent } from "../history/append";
import { clearDerivedViews } from "../mutations/settings";
import { areas, regions, risks as riskTable, units } from "../schema";
import type { Db, Reads } from "../store";
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
export function pickColour(rng: Rng): Colour {
  const x = rng.next();
  return x < 0.05 ? "red" : x < 0.2 ? "orange" : x < 0.55 ? "yellow" : "blue";
}

export function pickStatus(rng: Rng): RiskStatus {
  const x = rng.next();
  return x < 0.25 ? "identified" : x < 0.8 ? "controlling" : x < 0.93 ? "resolved" : "closed";
}

/**
 * An assessment that gives `colour`: LEC for about a third of risks, the matrix for half, direct
 * judgement for the rest, with inputs drawn until the method's rule lands on the colour.
 */
export function sampleAssessment(rng: Rng, colour: Colour): Assessment {
  const x = rng.next();
  for (let i = 0; i < 60; i++) {
    const inputs: MethodInputs =
      x < 0.35
        ? { method: "lec", l: rng.pick(LEC_L), e: rng.pick(LEC_E), c: rng.pick(LEC_C) }
        : x < 0.85
          ? { method: "matrix", likelihood: rng.pick(MATRIX_LEVELS), severity: rng.pick(MATRIX_LEVELS) }
          : { method: "direct" };
    const { score, computed } = compute(inputs);
    if (computed === null || computed === colour) return { ...inputs, score, computed, colour };
  }
  return { method: "direct", score: null, computed: null, colour };
}

export type Reference = {
  areas: Array<{ id: number; code: string; leadUnitId: number | null }>;
  regions: Array<{ id: number; nameZh: string }>;
  unitIds: number[];
};

export async function loadReference(db: Reads): Promise<Reference> {
  return {
    areas: await db
      .select({ id: areas.id, code: areas.code, leadUnitId: areas.leadUnitId })
      .from(areas)
      .where(eq(areas.active, true))
      .orderBy(areas.id),
    regions: await db
      .select({ id: regions.id, nameZh: regions.nameZh })
      .from(regions)
      .where(eq(regions.active, true))
      .orderBy(regions.id),
    unitIds: (await db.select({ id: units.id }).from(units).where(eq(units.active, true)).orderBy(units.id)).map(
      (u) => u.id,
    ),
  };
}

export const shortName = (nameZh: string) => nameZh.replace(/\(.*\)$/, "");

/**
 * Inserts `count` generated risks (created over the `spanDays` before `now`) and, per risk, its
 * "created" event plus `extraEventsPerRisk` grade/review events on average. One transaction.
 * Raw bulk inserts, for the benchmarks' volume (a million events): the app's mutations would take
 * an hour.
 */
const RISK_COLUMNS = [
  "id",
  "code",
  "title",
  "description",
  "area_id",
  "region_id",
  "colour",
  "status",
  "responsible_unit_id",
  "responsible_person",
  "assessment",
  "ack_pending",
  "last_reviewed_at",
  "next_review_date",
  "version",
  "created_at",
  "updated_at",
] as const;
const EVENT_COLUMNS = [
  "seq",
  "at",
  "risk_id",
  "risk_version",
  "actor_id",
  "actor_name",
  "action",
  "field",
  "old_value",
  "new_value",
  "reason",
  "data",
  "prev_hash",
  "hash",
] as const;
const MEASURE_COLUMNS = ["risk_id", "description", "owner", "due_date", "status", "created_at", "updated_at"] as const;

export async function insertGeneratedRisks(
  db: Db,
  opts: { count: number; seed: number; now: Date; spanDays: number; extraEventsPerRisk?: number; actorName: string },
): Promise<{ risks: number; events: number }> {
  const rng = createRng(opts.seed);
  // A second stream for the acknowledgements, so adding them left every other seeded value as it was.
  const ackRng = createRng(opts.seed + 7);
  const ref = await loadReference(db);
  // Events dated in the past invalidate the board's monthly checkpoints and weekly summaries; both are rebuilt on demand.
  await clearDerivedViews(db);
  const today = dayInZone(opts.now);
  const nowMs = opts.now.getTime();
  const dayMs = 86_400_000;
  const createdTimes = Array.from(
    { length: opts.count },
    () => nowMs - Math.floor(rng.next() * opts.spanDays * dayMs),
  ).sort((a, b) => a - b);
  const lastSeq = new Map<number, number>();
  for (const row of await db.select({ code: riskTable.code }).from(riskTable)) {
    const [, y, n] = row.code.split("-");
    lastSeq.set(Number(y), Math.max(lastSeq.get(Number(y)) ?? 0, Number(n)));
  }
  let events = 0;
  await db.write(async (tx) => {
    // Ids and the chain are taken on here, in memory, and the rows go in a batch at a time: one
    // statement per few hundred rows, on either store. Every event is linked by the same rule as
    // the history's append (lib/domain/history-chain.ts `linkEvent`), so the chain verifies.
    let nextRiskId = ((await rawValue<number | null>(tx, sql`SELECT max(id) FROM risks`)) ?? 0) + 1;
    const [h] = await rawRows<[number, string]>(tx, sql`SELECT seq, hash FROM risk_events ORDER BY seq DESC LIMIT 1`);
    let head: { seq: number; hash: string } | undefined = h ? { seq: h[0], hash: h[1] } : undefined;
    const batch = { risks: [] as unknown[][], events: [] as unknown[][], measures: [] as unknown[][] };
    const flush = async () => {
      await rawInsertMany(tx, "risks", RISK_COLUMNS, batch.risks);
      await rawInsertMany(tx, "risk_events", EVENT_COLUMNS, batch.events);
      await rawInsertMany(tx, "risk_measures", MEASURE_COLUMNS, batch.measures);
      batch.risks = [];
      batch.events = [];
      batch.measures = [];
    };
    const event = async (
      at: number,
      riskId: number,
      riskVersion: number,
      action: string,
      field: string | null,
      from: unknown,
      to: unknown,
      reason: string | null,
      data: unknown,
    ) => {
      const row = linkEvent(head, {
        at,
        risk_id: riskId,
        risk_version: riskVersion,
        actor_id: null,
        actor_name: opts.actorName,
        action,
        field,
        old_value: storedJson(from),
        new_value: storedJson(to),
        reason,
        data: storedJson(data),
      });
      head = { seq: row.seq, hash: row.hash };
      batch.events.push(EVENT_COLUMNS.map((c) => row[c]));
    };
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
      const measures = [...new Set([rng.pick(MEASURE_SNIPPETS), rng.pick(MEASURE_SNIPPETS)])];
      // Later gradings: each extra event re-grades the risk (or confirms it, when the colour stays).
      const nExtra = Math.round((opts.extraEventsPerRisk ?? 0) * 2 * rng.next());
      const eventTimes = Array.from({ length: nExtra }, () => createdMs + Math.floor(rng.next() * (nowMs - createdMs)));
      eventTimes.sort((a, b) => a - b);
      const grades: Colour[] = [pickColour(rng)];
      for (let i = 0; i < nExtra; i++) grades.push(pickColour(rng));
      const colour = grades[grades.length - 1];
      const assessments = grades.map((g) => sampleAssessment(rng, g));
      // A red raised recently may still be waiting for a leader; older ones were acknowledged.
      const lastAt = eventTimes.at(-1) ?? createdMs;
      const ackPending = colour === "red" && grades.at(-2) !== "red" && nowMs - lastAt < 10 * dayMs ? 1 : 0;
      // About one risk in eight is behind on its review, as in a real register.
      const nextReview =
        rng.next() < 0.12
          ? addDays(today, -1 - Math.floor(rng.next() * 20))
          : addDays(today, Math.floor(rng.next() * DEFAULT_REVIEW_DAYS[colour]));
      const title = titleT.replace("{r}", shortName(region.nameZh));
      // A red raised earlier was acknowledged by a leader within two days (and before the next change).
      const acks = [createdMs, ...eventTimes].map((at, i) => {
        const raised = grades[i] === "red" && (i === 0 || grades[i - 1] !== "red");
        const pending = ackPending && i === eventTimes.length;
        const next = eventTimes[i] ?? nowMs;
        return raised && !pending
          ? Math.min(at + Math.floor((2 + ackRng.next() * 46) * 3_600_000), at + Math.floor((next - at) / 2))
          : null;
      });
      // The register's next review day is explained by the history: an open risk's last review set it
      // (a cadence before it, or just after the latest change), so past weeks' overdue lists add up.
      const latest = Math.max(lastAt, ...acks.map((a) => a ?? 0));
      const planned = startOfDayInZone(addDays(nextReview, -DEFAULT_REVIEW_DAYS[colour])) + 10 * 3_600_000;
      const reviewAt =
        status === "identified" || status === "controlling" ? Math.max(planned, latest + 3_600_000) : Infinity;
      const finalReview = reviewAt < nowMs ? reviewAt : null;
      const version = 1 + nExtra + acks.filter((a) => a !== null).length + (finalReview ? 1 : 0);
      const riskId = nextRiskId++;
      batch.risks.push([
        riskId,
        code,
        title,
        description,
        area.id,
        region.id,
        colour,
        status,
        unitId,
        person,
        JSON.stringify(assessments.at(-1)),
        ackPending === 1,
        finalReview ?? lastAt,
        nextReview,
        version,
        createdMs,
        finalReview ?? lastAt,
      ]);
      let v = 1;
      const ack = async (i: number) => {
        if (acks[i] !== null)
          await event(acks[i]!, riskId, ++v, "acknowledge", "ackPending", true, false, "已阅,请按规定管控。", {
            colour: "red",
          });
      };
      await event(
        createdMs,
        riskId,
        1,
        "create",
        null,
        null,
        { code, title, areaId: area.id, regionId: region.id, colour: grades[0], status },
        null,
        { assessment: assessments[0] },
      );
      await ack(0);
      for (const [i, at] of eventTimes.entries()) {
        const [from, to] = [grades[i], grades[i + 1]];
        if (from === to)
          await event(
            at,
            riskId,
            ++v,
            "review",
            "nextReviewDate",
            null,
            addDays(dayInZone(new Date(at)), DEFAULT_REVIEW_DAYS[to]),
            "复核无变化",
            { colour: to },
          );
        else
          await event(at, riskId, ++v, "grade", "colour", from, to, "动态评估调整", { assessment: assessments[i + 1] });
        await ack(i + 1);
      }
      if (finalReview)
        await event(finalReview, riskId, ++v, "review", "nextReviewDate", null, nextReview, "定期复核", { colour });
      measures.forEach((m, i) => {
        const due = addDays(dayInZone(new Date(createdMs)), 30 * (i + 1));
        const measureStatus =
          status === "resolved" || status === "closed" ? "done" : i === 0 ? "in_progress" : "planned";
        batch.measures.push([riskId, m, person, due, measureStatus, createdMs, createdMs]);
      });
      events += v;
      if (batch.events.length >= 2_000) await flush();
    }
    await flush();
    await syncIdentity(tx, "risks", "id");
    await syncIdentity(tx, "risk_measures", "id");
    await syncIdentity(tx, "risk_events", "seq");
  });
  return { risks: opts.count, events };
}

/**
 * A synthetic province for the scale benchmarks (issue 21): the reference city's counties get
 * `towns` towns of `villages` villages each, and `cities - 1` synthetic cities beside it get
 * `counties` counties of the same — 10 × 12 × 11 × 12 is about ten cities' worth (120 counties,
 * 1,320 towns, 15,840 villages) in one database, as a province-wide deployment holds. Plainly
 * synthetic names and codes (合成市01, SYN-…). Raw inserts with one event saying so, as the rest of
 * the generated load; once per database.
 */
export async function insertSyntheticTerritory(
  db: Db,
  p: { cities: number; counties: number; towns: number; villages: number; now: Date },
): Promise<number> {
  return db.write(async (tx) => {
    if ((await rawValue<number>(tx, sql`SELECT count(*) FROM regions WHERE code LIKE 'SYN-%'`)) ?? 0) return 0;
    const existing = await rawRows<[number, number | null, string]>(
      tx,
      sql`SELECT id, parent_id, level FROM regions ORDER BY id`,
    );
    const city = existing.find(([, parent, level]) => parent === null && level === "city");
    if (!city) throw new Error("no city in the reference lists");
    let nextId = Math.max(...existing.map(([id]) => id)) + 1;
    const rows: unknown[][] = [];
    const add = (code: string, parentId: number | null, level: string, zh: string, en: string, order: number) => {
      rows.push([nextId, code, parentId, level, zh, en, order, true]);
      return nextId++;
    };
    const below = (county: number, prefix: string) => {
      for (let t = 1; t <= p.towns; t++) {
        const tn = `${prefix}-${String(t).padStart(2, "0")}`;
        const town = add(`SYN-${tn}`, county, "town", `合成镇${tn}`, `Synthetic town ${tn}`, t);
        for (let v = 1; v <= p.villages; v++) {
          const vn = `${tn}-${String(v).padStart(2, "0")}`;
          add(`SYN-${vn}`, town, "village", `合成村${vn}`, `Synthetic village ${vn}`, v);
        }
      }
    };
    existing
      .filter(([, parent, level]) => parent === city[0] && level === "county")
      .forEach(([id], i) => below(id, `00-${String(i + 1).padStart(2, "0")}`));
    for (let c = 1; c < p.cities; c++) {
      const cn = String(c).padStart(2, "0");
      const other = add(`SYN-${cn}`, null, "city", `合成市${cn}`, `Synthetic city ${cn}`, 100 + c);
      for (let k = 1; k <= p.counties; k++) {
        const kn = `${cn}-${String(k).padStart(2, "0")}`;
        below(add(`SYN-${kn}`, other, "county", `合成县${kn}`, `Synthetic county ${kn}`, k), kn);
      }
    }
    const columns = ["id", "code", "parent_id", "level", "name_zh", "name_en", "sort_order", "active"] as const;
    await rawInsertMany(tx, "regions", columns, rows);
    await syncIdentity(tx, "regions", "id");
    await appendStoredEvent(tx, {
      at: p.now.getTime(),
      risk_id: null,
      risk_version: null,
      actor_id: null,
      actor_name: "system:seed",
      action: "reference.create",
      field: null,
      old_value: null,
      new_value: storedJson({ synthetic: true, divisions: rows.length }),
      reason: "synthetic territory for the scale benchmarks",
      data: storedJson({ table: "regions" }),
    });
    return rows.length;
  });
}
