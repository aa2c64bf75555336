import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import type { RiskEvent } from "@/db/schema";
import { SEVERITY, type Colour } from "@/lib/domain/colours";
import type { StoredEvent } from "@/lib/domain/history-chain";

export type Names = { areas: Map<number, string>; regions: Map<number, string>; units: Map<number, string> };

const FIELD_LABEL: Record<string, string> = {
  title: "title",
  description: "description",
  areaId: "area",
  regionId: "region",
  colour: "colour",
  status: "status",
  responsibleUnitId: "responsibleUnit",
  responsiblePerson: "responsiblePerson",
  controlMeasures: "controlMeasures",
  nextReviewDate: "nextReviewDate",
  coUnitIds: "coUnits",
  owner: "measureOwner",
  dueDate: "measureDue",
  ackPending: "ackPending",
};

const SYSTEM_ACTORS: Record<string, string> = {
  "system:seed": "app.seedActor",
  "system:setup": "app.setupActor",
  "system:local": "app.localActor",
};

/** An actor's name as people read it: system actors ("system:seed") in words, people as recorded. */
export async function actorNamer() {
  const t = await getTranslations();
  return (name: string) => (SYSTEM_ACTORS[name] ? t(SYSTEM_ACTORS[name]) : name);
}

/**
 * The history in words, one sentence per event: "张伟 raised 橙 → 红", "李娜 reviewed: no change,
 * next review 2026-06-01". Used by the risk page's timeline and by the conflict message that tells
 * a user what changed while they were editing. Returns a function so a page translates once.
 */
export async function createDescriber(names: Names) {
  const [t, format] = [await getTranslations(), await getFormatter()];
  const actor = (e: RiskEvent) => (SYSTEM_ACTORS[e.actorName] ? t(SYSTEM_ACTORS[e.actorName]) : e.actorName);
  const show = (field: string | null, v: unknown): string => {
    if (v === null || v === undefined || v === "") return "—";
    if (field === "colour") return t(`colours.${v as Colour}`);
    if (field === "status") return t(`statuses.${v as "closed"}`);
    if (field === "measureStatus") return t(`measures.status.${v as "done"}`);
    if (field === "areaId") return names.areas.get(Number(v)) ?? String(v);
    if (field === "regionId") return names.regions.get(Number(v)) ?? String(v);
    if (field === "responsibleUnitId") return names.units.get(Number(v)) ?? String(v);
    if (field === "coUnitIds")
      return Array.isArray(v) && v.length ? v.map((id) => names.units.get(Number(id)) ?? String(id)).join("、") : "—";
    const s = String(v);
    return s.length > 80 ? `${s.slice(0, 80)}…` : s;
  };
  const fieldLabel = (f: string | null) => (f ? t(`risk.fields.${FIELD_LABEL[f] ?? "title"}`) : "");

  function words(e: RiskEvent): string {
    const who = actor(e);
    const data = (e.data ?? {}) as Record<string, unknown>;
    switch (e.action) {
      case "create":
        return t("risk.event.create", {
          actor: who,
          colour: show("colour", (e.newValue as { colour?: string } | null)?.colour),
        });
      case "grade": {
        const [from, to] = [e.oldValue as Colour, e.newValue as Colour];
        const kind = SEVERITY[to] > SEVERITY[from] ? "raised" : SEVERITY[to] < SEVERITY[from] ? "lowered" : "confirmed";
        const method = ((data.assessment as { method?: string } | undefined)?.method ?? "direct") as "lec";
        return t(`risk.event.grade.${kind}`, {
          actor: who,
          from: show("colour", from),
          to: show("colour", to),
          method: t(`grading.methods.${method}`),
        });
      }
      case "review":
        return t("risk.event.review", { actor: who, next: show(null, e.newValue) });
      case "status":
      case "reopen":
        return t(`risk.event.${e.action}`, {
          actor: who,
          from: show("status", e.oldValue),
          to: show("status", e.newValue),
        });
      case "acknowledge":
        return t("risk.event.acknowledge", { actor: who });
      case "measure.add":
        return t("risk.event.measureAdd", {
          actor: who,
          measure: show(null, (e.newValue as { description?: string } | null)?.description),
        });
      case "measure.update": {
        const f = e.field === "status" ? "measureStatus" : e.field;
        return t("risk.event.measureUpdate", {
          actor: who,
          measure: show(null, data.description),
          field: e.field === "status" ? t("risk.fields.measureStatus") : fieldLabel(e.field),
          from: show(f, e.oldValue),
          to: show(f, e.newValue),
        });
      }
      case "export":
        if (data.kind === "board") return t("risk.event.export.board", { actor: who, view: String(data.view ?? "") });
        if (data.kind === "hazardStats")
          return t("risk.event.export.hazardStats", {
            actor: who,
            period: String(data.period ?? ""),
            format: String(data.format ?? "").toUpperCase(),
          });
        if (data.kind === "analysis")
          return t("risk.event.export.analysis", {
            actor: who,
            week: String(data.week ?? ""),
            format: String(data.format ?? "").toUpperCase(),
          });
        return t(`risk.event.export.${data.scope === "full" ? "full" : "partial"}`, {
          actor: who,
          kind: String(data.kind ?? ""),
          format: String(data.format ?? "").toUpperCase(),
          filter: String(data.filter || "—"),
        });
      case "update":
        return t("risk.event.update", {
          actor: who,
          field: fieldLabel(e.field),
          from: show(e.field, e.oldValue),
          to: show(e.field, e.newValue),
        });
      default: {
        if (e.action.startsWith("hazard.") || e.action.startsWith("inspection.")) return hazardWords(e, who);
        // Account, sign-in, reference-list and settings events: one sentence per kind of action.
        const key = `risk.event.system.${e.action.replace(/\./g, "_")}`;
        return t.has(key) ? t(key, { actor: who }) : t("risk.event.system.other", { actor: who, action: e.action });
      }
    }
  }
  /** A hazard's or an inspection's step (decision 028: `hazard.*` events in the one chain). */
  function hazardWords(e: RiskEvent, who: string): string {
    const data = (e.data ?? {}) as Record<string, unknown>;
    const v = (e.newValue ?? {}) as Record<string, unknown>;
    const code = String(data.code ?? "");
    const day = (x: unknown) => (typeof x === "string" ? x : "—");
    switch (e.action) {
      case "hazard.create":
        return t("hazards.event.create", {
          actor: who,
          code,
          grade: t(`hazards.grades.${v.grade === "major" ? "major" : "general"}`),
        });
      case "hazard.status":
        return t("hazards.event.status", {
          actor: who,
          code,
          from: t(`hazards.statuses.${String(e.oldValue) as "found"}`),
          to: t(`hazards.statuses.${String(e.newValue) as "found"}`),
        });
      case "hazard.assign":
        return t("hazards.event.assign", {
          actor: who,
          code,
          unit: names.units.get(Number(v.unitId)) ?? String(v.unitId ?? "—"),
          person: String(v.person ?? "—"),
          deadline: day(v.deadline),
        });
      case "hazard.extend":
        return t("hazards.event.extend", { actor: who, code, from: day(e.oldValue), to: day(e.newValue) });
      case "hazard.accept":
        return t("hazards.event.accept", {
          actor: who,
          code,
          type: t(`hazards.acceptanceTypes.${String(v.type ?? "self") as "self"}`),
          day: day(v.completedOn),
          cost: String(v.costWan ?? 0),
        });
      case "hazard.supervise":
        return t("hazards.event.supervise", {
          actor: who,
          code,
          level: t(`hazards.levels.${String(v.level ?? "county") as "county"}`),
          unit: names.units.get(Number(v.unitId)) ?? String(v.unitId ?? "—"),
          deadline: day(v.deadline),
        });
      case "hazard.attach":
        return t("hazards.event.attach", {
          actor: who,
          code,
          name: String(v.name ?? ""),
          digest: String(v.sha256 ?? "").slice(0, 12),
        });
      case "hazard.five":
      case "inspection.create":
      case "inspection.done":
      case "inspection.nothing":
        return t(`hazards.event.${e.action.replace(".", "_") as "hazard_five"}`, { actor: who, code });
      default:
        return t("risk.event.system.other", { actor: who, action: e.action });
    }
  }

  const when = (e: RiskEvent) =>
    format.dateTime(e.at, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  return {
    words,
    when,
    reasonLabel: (e: RiskEvent) =>
      e.reason
        ? t(e.action === "acknowledge" ? "risk.event.instructionLabel" : "risk.event.reasonLabel", { reason: e.reason })
        : null,
  };
}

const parsed = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** The same sentence for an event as stored (its JSON columns as text), for the history's XLSX export. */
export async function createStoredDescriber(names: Names): Promise<(e: StoredEvent) => string> {
  const { words } = await createDescriber(names);
  return (e) =>
    words({
      seq: e.seq,
      at: new Date(e.at),
      riskId: e.risk_id,
      riskVersion: e.risk_version,
      actorId: e.actor_id,
      actorName: e.actor_name,
      action: e.action,
      field: e.field,
      oldValue: parsed(e.old_value),
      newValue: parsed(e.new_value),
      reason: e.reason,
      data: parsed(e.data),
      prevHash: null,
      hash: null,
    });
}
