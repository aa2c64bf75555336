import "server-only";
import { and, eq } from "drizzle-orm";
import type { HazardFacts, HazardGrade, HazardPlan, HazardRefusal } from "@/lib/domain/hazards";
import type { Db } from "../store";
import { hazardAttachments, hazards, type Hazard } from "../schema";
import { nextCode } from "./codes";
import { appendEvent, type Actor } from "./events";

/** Hazard codes: YH-YEAR-NNNNN (隐患), numbered per year like the risks' codes. */
export const HAZARD_CODE_PREFIX = "YH";

export type HazardInput = {
  title: string;
  description: string;
  areaId: number;
  regionId: number;
  place: string;
  grade: HazardGrade;
  riskId: number | null;
  inspectionId: number | null;
  /** The day it was found (YYYY-MM-DD, city time). */
  foundOn: string;
};

export type HazardWriteResult =
  | { ok: true; version: number }
  | { ok: false; error: "notFound" | "conflict" | HazardRefusal["error"]; currentVersion?: number };

/**
 * Records a found hazard and its "hazard.create" event in one transaction; the yearly code is read
 * inside the same write, so two records never share one. Every later step goes through
 * `changeHazard`.
 */
export function insertHazard(
  db: Db,
  p: { input: HazardInput; actor: Actor; now: Date; year: number; reason?: string },
): Promise<{ id: number; code: string }> {
  return db.write(async (tx) => {
    const code = await nextCode(tx, { table: hazards, column: hazards.code, prefix: HAZARD_CODE_PREFIX, year: p.year });
    const [row] = await tx
      .insert(hazards)
      .values({
        ...p.input,
        code,
        status: "found",
        foundById: p.actor.id,
        foundByName: p.actor.name,
        createdAt: p.now,
        updatedAt: p.now,
      })
      .returning({ id: hazards.id });
    await appendEvent(tx, {
      at: p.now,
      actor: p.actor,
      action: "hazard.create",
      field: "hazard",
      newValue: { ...p.input, code, status: "found" },
      reason: p.reason ?? null,
      data: { hazardId: row.id, code, version: 1 },
    });
    return { id: row.id, code };
  });
}

/** A hazard row as the rules see it. */
export function hazardFacts(h: Hazard): HazardFacts {
  return {
    status: h.status,
    grade: h.grade,
    fiveInPlace: (h.fiveInPlace as HazardFacts["fiveInPlace"]) ?? null,
    deadline: h.deadline,
    rectifiedBy: h.rectifiedById,
    failedAcceptances: h.failedAcceptances,
    supervision:
      h.supervisionLevel && h.supervisionUnitId !== null && h.supervisionDeadline
        ? { level: h.supervisionLevel, unitId: h.supervisionUnitId, deadline: h.supervisionDeadline }
        : null,
  };
}

/** A plan's changes as the hazards table's columns. */
function columnsOf(set: HazardPlan["set"]): Partial<typeof hazards.$inferInsert> {
  const { rectifiedBy, supervision, ...rest } = set;
  return {
    ...rest,
    ...(rectifiedBy !== undefined ? { rectifiedById: rectifiedBy } : {}),
    ...(supervision !== undefined
      ? {
          supervisionLevel: supervision?.level ?? null,
          supervisionUnitId: supervision?.unitId ?? null,
          supervisionDeadline: supervision?.deadline ?? null,
        }
      : {}),
  };
}

/**
 * The one shape of every step of a hazard's loop: in one write transaction, read it, refuse a
 * stale version (nothing written), let `plan` (lib/domain/hazards.ts) decide from the row as it
 * stands, then write the columns, bump the version and append the events — each carrying the
 * hazard's id, code and new version in its data. A refusal writes nothing.
 */
export function changeHazard(
  db: Db,
  p: { hazardId: number; expectedVersion: number; actor: Actor; now: Date },
  plan: (facts: HazardFacts, row: Hazard) => HazardPlan | HazardRefusal,
): Promise<HazardWriteResult> {
  return db.write(async (tx): Promise<HazardWriteResult> => {
    const [row] = await tx.select().from(hazards).where(eq(hazards.id, p.hazardId)).limit(1);
    if (!row) return { ok: false, error: "notFound" };
    if (row.version !== p.expectedVersion) return { ok: false, error: "conflict", currentVersion: row.version };
    const planned = plan(hazardFacts(row), row);
    if ("error" in planned) return { ok: false, error: planned.error, currentVersion: row.version };
    const version = row.version + 1;
    await tx
      .update(hazards)
      .set({ ...columnsOf(planned.set), version, updatedAt: p.now })
      .where(and(eq(hazards.id, p.hazardId), eq(hazards.version, p.expectedVersion)));
    for (const e of planned.events)
      await appendEvent(tx, {
        ...e,
        at: p.now,
        actor: p.actor,
        data: { ...(e.data as object | undefined), hazardId: row.id, code: row.code, version },
      });
    return { ok: true, version };
  });
}

export type AttachmentInput = { name: string; mime: string; bytes: number; sha256: string; thumbSha256: string | null };

/**
 * Files already in the attachment store, recorded against a hazard in one transaction: a row and a
 * "hazard.attach" event each, the event holding the file's SHA-256 (so verification can tell a file
 * swapped in the store). Adding evidence does not move the hazard's version: a form open on its
 * page stays valid. A closed hazard takes no more files.
 */
export function addHazardAttachments(
  db: Db,
  p: { hazardId: number; files: AttachmentInput[]; actor: Actor; now: Date },
): Promise<{ ok: true; ids: number[] } | { ok: false; error: "notFound" | "closed" }> {
  return db.write(async (tx) => {
    const [row] = await tx.select().from(hazards).where(eq(hazards.id, p.hazardId)).limit(1);
    if (!row) return { ok: false, error: "notFound" } as const;
    if (row.status === "closed") return { ok: false, error: "closed" } as const;
    const ids: number[] = [];
    for (const f of p.files) {
      const [added] = await tx
        .insert(hazardAttachments)
        .values({ hazardId: row.id, ...f, uploadedById: p.actor.id, uploadedByName: p.actor.name, uploadedAt: p.now })
        .returning({ id: hazardAttachments.id });
      ids.push(added.id);
      await appendEvent(tx, {
        at: p.now,
        actor: p.actor,
        action: "hazard.attach",
        field: "attachment",
        newValue: { name: f.name, mime: f.mime, bytes: f.bytes, sha256: f.sha256 },
        data: { hazardId: row.id, code: row.code, version: row.version, attachmentId: added.id },
      });
    }
    return { ok: true, ids } as const;
  });
}
