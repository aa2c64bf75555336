import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Reads } from "../store";
import { hazards, type Hazard } from "../schema";
import { rawRows } from "../raw";

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
    [number, number, string, string, string | null, string | null, string | null, string | null]
  >(
    db,
    sql`SELECT seq, at, actor_name, action, field, old_value, new_value, reason FROM risk_events
      WHERE action LIKE 'hazard.%' AND ${named} ORDER BY seq`,
  );
  const json = (v: string | null) => (v === null ? null : (JSON.parse(v) as unknown));
  return rows.map(([seq, at, actorName, action, field, oldValue, newValue, reason]) => ({
    seq: Number(seq),
    at: new Date(Number(at)),
    actorName,
    action,
    field,
    oldValue: json(oldValue),
    newValue: json(newValue),
    reason,
  }));
}
