import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { likeContains } from "@/lib/domain/search";
import { HAZARD_PAGE_SIZE, type HazardQuery } from "@/lib/validation/hazard";
import { DIALECT } from "../dialect";
import type { HazardCount } from "@/lib/domain/hazards";
import type { Db, Reads } from "../store";
import { headSeq } from "../history/append";
import { memoPerConnection } from "../memo";
import {
  hazardAttachments,
  hazards,
  inspections,
  type Hazard,
  type HazardAttachment,
  type Inspection,
} from "../schema";
import { rawRows } from "../raw";
import { regionsWithin } from "../territory";

export async function getHazard(db: Reads, p: { id: number } | { code: string }): Promise<Hazard | undefined> {
  const [row] = await db
    .select()
    .from(hazards)
    .where("id" in p ? eq(hazards.id, p.id) : eq(hazards.code, p.code))
    .limit(1);
  return row;
}

/** The hazards found where a risk's control failed, oldest first (the risk's page lists them). */
export function listHazardsOfRisk(db: Reads, riskId: number): Promise<Hazard[]> {
  return db.select().from(hazards).where(eq(hazards.riskId, riskId)).orderBy(asc(hazards.id));
}

export type HazardEvent = {
  seq: number;
  at: Date;
  actorName: string;
  action: string;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
  data: unknown;
};

/**
 * One hazard's history, oldest first: the `hazard.*` events whose data names it, through the
 * expression index each store has for exactly this (drizzle/…/hazards migrations).
 */
export async function hazardEvents(db: Reads, hazardId: number): Promise<HazardEvent[]> {
  const named =
    db.dialect === "pg"
      ? sql`((data::json->>'hazardId')::integer) = ${hazardId}`
      : sql`json_extract(data, '$.hazardId') = ${hazardId}`;
  const rows = await rawRows<
    [number, number, string, string, string | null, string | null, string | null, string | null, string | null]
  >(
    db,
    sql`SELECT seq, at, actor_name, action, field, old_value, new_value, reason, data FROM risk_events
      WHERE action LIKE 'hazard.%' AND ${named} ORDER BY seq`,
  );
  const json = (v: string | null) => (v === null ? null : (JSON.parse(v) as unknown));
  return rows.map(([seq, at, actorName, action, field, oldValue, newValue, reason, data]) => ({
    seq: Number(seq),
    at: new Date(Number(at)),
    actorName,
    action,
    field,
    oldValue: json(oldValue),
    newValue: json(newValue),
    reason,
    data: json(data),
  }));
}

export type HazardRow = Pick<
  Hazard,
  | "id"
  | "code"
  | "title"
  | "grade"
  | "status"
  | "areaId"
  | "regionId"
  | "place"
  | "foundOn"
  | "deadline"
  | "supervisionLevel"
  | "riskId"
  | "rectifyUnitId"
>;

const ROW = {
  id: hazards.id,
  code: hazards.code,
  title: hazards.title,
  grade: hazards.grade,
  status: hazards.status,
  areaId: hazards.areaId,
  regionId: hazards.regionId,
  place: hazards.place,
  foundOn: hazards.foundOn,
  deadline: hazards.deadline,
  supervisionLevel: hazards.supervisionLevel,
  riskId: hazards.riskId,
  rectifyUnitId: hazards.rectifyUnitId,
};

/** Rectifying or waiting for acceptance past its deadline (the rule of lib/domain/hazards.ts isOverdue, in SQL). */
const overdueSql = (today: string) =>
  and(inArray(hazards.status, ["rectifying", "accepting"]), lt(hazards.deadline, today));

/** The hazards register's conditions; `within` is the division filter with everything below it. */
export function hazardWhere(query: HazardQuery, today: string, within?: number[]): SQL | undefined {
  const q = query.q ? likeContains(query.q) : undefined;
  const like = DIALECT === "pg" ? sql`ILIKE` : sql`LIKE`;
  return and(
    query.status === "open"
      ? ne(hazards.status, "closed")
      : query.status
        ? eq(hazards.status, query.status)
        : undefined,
    query.grade ? eq(hazards.grade, query.grade) : undefined,
    query.area ? eq(hazards.areaId, query.area) : undefined,
    within?.length ? inArray(hazards.regionId, within) : undefined,
    query.overdue ? overdueSql(today) : undefined,
    query.supervised ? and(isNotNull(hazards.supervisionLevel), ne(hazards.status, "closed")) : undefined,
    q
      ? or(
          sql`${hazards.code} ${like} ${q} ESCAPE '\\'`,
          sql`${hazards.title} ${like} ${q} ESCAPE '\\'`,
          sql`${hazards.place} ${like} ${q} ESCAPE '\\'`,
          sql`${hazards.description} ${like} ${q} ESCAPE '\\'`,
        )
      : undefined,
  );
}

// Pages of the register per connection, keyed by the history's head (every hazard step appends to
// it), the day (overdue turns over at midnight) and the query: between changes, the leaders and
// officers who open the same filter are answered without counting 200,000 hazards again.
const pages = memoPerConnection<string, Promise<{ rows: HazardRow[]; total: number }>>({
  maxBytes: 500,
  sizeOf: () => 1,
});

/** One page of the hazards register and how many match in all, read once per change of the history. */
export async function listHazardPage(
  db: Db,
  p: { query: HazardQuery; today: string },
): Promise<{ rows: HazardRow[]; total: number }> {
  const cache = pages(db);
  const key = `${await headSeq(db)}|${p.today}|${JSON.stringify(p.query)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const read = readHazardPage(db, p);
  cache.set(key, read);
  read.catch(() => cache.delete(key));
  return read;
}

async function readHazardPage(
  db: Reads,
  p: { query: HazardQuery; today: string },
): Promise<{ rows: HazardRow[]; total: number }> {
  const within = await regionsWithin(db, p.query.region ? [p.query.region] : undefined, p.query.own);
  const where = hazardWhere(p.query, p.today, within);
  const order =
    p.query.sort === "deadline"
      ? [sql`${hazards.deadline} IS NULL`, asc(hazards.deadline), asc(hazards.id)]
      : [desc(hazards.foundOn), desc(hazards.id)];
  const rows = await db
    .select(ROW)
    .from(hazards)
    .where(where)
    .orderBy(...order)
    .limit(HAZARD_PAGE_SIZE)
    .offset((p.query.page - 1) * HAZARD_PAGE_SIZE);
  const [{ n }] = await db.select({ n: count() }).from(hazards).where(where);
  return { rows, total: Number(n) };
}

/** The hazards of a risk, open ones first, then the latest found (the risk's page lists them). */
export function listHazardRowsOfRisk(db: Reads, riskId: number): Promise<HazardRow[]> {
  return db
    .select(ROW)
    .from(hazards)
    .where(eq(hazards.riskId, riskId))
    .orderBy(sql`${hazards.status} = 'closed'`, desc(hazards.foundOn), desc(hazards.id))
    .limit(200);
}

export type HazardTally = HazardCount & { areaId: number; regionId: number };

const tallyMemo = new WeakMap<object, { key: string; tallies: Promise<HazardTally[]> }>();

/**
 * The open hazards' tallies per place, computed once per change: every hazard step appends to the
 * history in its transaction, so the history's head (with the day: overdue turns over at midnight)
 * names them, as for the present board (db/queries/board-snapshot.ts). Shared: do not mutate.
 */
export async function presentHazardTallies(db: Db, today: string): Promise<HazardTally[]> {
  const key = `${await headSeq(db)}|${today}`;
  const hit = tallyMemo.get(db);
  if (hit?.key === key) return hit.tallies;
  const entry = { key, tallies: hazardTallies(db, today) };
  tallyMemo.set(db, entry);
  entry.tallies.catch(() => {
    if (tallyMemo.get(db) === entry) tallyMemo.delete(db);
  });
  return entry.tallies;
}

/**
 * Open hazards per place (area × division): how many are open, overdue, major, under supervision.
 * The board's strip and its cells add these up for the division asked.
 */
export async function hazardTallies(db: Reads, today: string): Promise<HazardTally[]> {
  const rows = await rawRows<[number, number, number, number, number, number]>(
    db,
    sql`SELECT area_id, region_id, count(*),
        sum(CASE WHEN status IN ('rectifying', 'accepting') AND deadline < ${today} THEN 1 ELSE 0 END),
        sum(CASE WHEN grade = 'major' THEN 1 ELSE 0 END),
        sum(CASE WHEN supervision_level IS NOT NULL THEN 1 ELSE 0 END)
      FROM hazards WHERE status IN ('found', 'rectifying', 'accepting') GROUP BY area_id, region_id`,
  );
  return rows.map(([areaId, regionId, open, overdue, major, supervised]) => ({
    areaId: Number(areaId),
    regionId: Number(regionId),
    open: Number(open),
    overdue: Number(overdue),
    major: Number(major),
    supervised: Number(supervised),
  }));
}

/** A hazard's attachments, oldest first. */
export function listHazardAttachments(db: Reads, hazardId: number): Promise<HazardAttachment[]> {
  return db
    .select()
    .from(hazardAttachments)
    .where(eq(hazardAttachments.hazardId, hazardId))
    .orderBy(asc(hazardAttachments.id));
}

export async function getHazardAttachment(db: Reads, id: number): Promise<HazardAttachment | undefined> {
  const [row] = await db.select().from(hazardAttachments).where(eq(hazardAttachments.id, id)).limit(1);
  return row;
}

/**
 * Every attachment with the digest its "hazard.attach" event recorded (null: no such event) — what
 * verification compares with the row and with the file in the store.
 */
export async function attachmentRecords(
  db: Reads,
): Promise<Array<{ id: number; hazardCode: string; name: string; sha256: string; recorded: string | null }>> {
  // Through the hazard's own index on its events (the migration's expression, word for word), then the attachment.
  const idOf =
    db.dialect === "pg"
      ? sql`((data::json->>'hazardId')::integer) = a.hazard_id AND ((data::json->>'attachmentId')::integer)`
      : sql`json_extract(data, '$.hazardId') = a.hazard_id AND json_extract(data, '$.attachmentId')`;
  const digestOf = db.dialect === "pg" ? sql`(new_value::json->>'sha256')` : sql`json_extract(new_value, '$.sha256')`;
  const rows = await rawRows<[number, string, string, string, string | null]>(
    db,
    sql`SELECT a.id, h.code, a.name, a.sha256,
        (SELECT ${digestOf} FROM risk_events WHERE action LIKE 'hazard.%' AND action = 'hazard.attach' AND ${idOf} = a.id ORDER BY seq LIMIT 1)
      FROM hazard_attachments a JOIN hazards h ON h.id = a.hazard_id ORDER BY a.id`,
  );
  return rows.map(([id, hazardCode, name, sha256, recorded]) => ({
    id: Number(id),
    hazardCode,
    name,
    sha256,
    recorded,
  }));
}

export async function getInspection(db: Reads, p: { id: number } | { code: string }): Promise<Inspection | undefined> {
  const [row] = await db
    .select()
    .from(inspections)
    .where("id" in p ? eq(inspections.id, p.id) : eq(inspections.code, p.code))
    .limit(1);
  return row;
}

/** The hazards an inspection found, in the order they were recorded. */
export function listHazardRowsOfInspection(db: Reads, inspectionId: number): Promise<HazardRow[]> {
  return db.select(ROW).from(hazards).where(eq(hazards.inspectionId, inspectionId)).orderBy(asc(hazards.id)).limit(500);
}

/** Inspections, latest planned first: those still planned, then the done ones. */
export function listInspections(db: Reads, p: { limit?: number } = {}): Promise<Inspection[]> {
  return db
    .select()
    .from(inspections)
    .orderBy(sql`${inspections.status} = 'done'`, desc(inspections.plannedFrom), desc(inspections.id))
    .limit(p.limit ?? 200);
}
