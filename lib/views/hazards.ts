import "server-only";
import type { Db } from "@/db/client";
import {
  getHazard,
  getInspection,
  hazardEvents,
  listHazardAttachments,
  listHazardPage,
  listHazardRowsOfRisk,
  type HazardRow,
} from "@/db/queries/hazards";
import { getRiskByCode, getRiskCodeAndTitle } from "@/db/queries/risks";
import { loadTerritory } from "@/db/queries/territory";
import { listAreas, listUnits } from "@/db/queries/reference";
import type { Hazard, HazardAttachment, RiskEvent } from "@/db/schema";
import { localName } from "@/i18n/locales";
import { canActOnHazard, type Principal } from "@/lib/auth/permissions";
import { divisionLabel } from "@/lib/domain/territory";
import { fiveInPlaceComplete, isOverdue, type FiveInPlace } from "@/lib/domain/hazards";
import { createDescriber } from "@/lib/history/describe";
import { nameMaps } from "@/lib/history/names";
import type { HazardQuery } from "@/lib/validation/hazard";

/** Names for the rows a hazards page shows: areas, divisions by their path, units. */
export async function hazardNamers(db: Db, locale: string) {
  const [areas, units, territory] = [await listAreas(db), await listUnits(db), await loadTerritory(db)];
  const areaNames = new Map(areas.map((a) => [a.id, localName(a, locale)]));
  const unitNames = new Map(units.map((u) => [u.id, localName(u, locale)]));
  return {
    area: (id: number) => areaNames.get(id) ?? String(id),
    region: (id: number) =>
      territory.byId.has(id) ? divisionLabel(territory, id, (d) => localName(d, locale)) : String(id),
    unit: (id: number | null) => (id === null ? null : (unitNames.get(id) ?? String(id))),
    units: units.filter((u) => u.active).map((u) => ({ id: u.id, label: localName(u, locale) })),
  };
}

export type HazardListItem = HazardRow & {
  areaName: string;
  regionName: string;
  unitName: string | null;
  overdue: boolean;
};

/** The hazards register: one page of rows with their names and whether each is overdue. */
export async function hazardRegisterView(db: Db, p: { query: HazardQuery; today: string; locale: string }) {
  const page = await listHazardPage(db, { query: p.query, today: p.today });
  return { total: page.total, rows: await nameHazardRows(db, page.rows, p) };
}

/** Hazard rows (the register's, a risk's, an inspection's) with their names and whether each is overdue. */
export async function nameHazardRows(db: Db, rows: HazardRow[], p: { today: string; locale: string }) {
  const n = await hazardNamers(db, p.locale);
  return rows.map((r): HazardListItem => ({
    ...r,
    areaName: n.area(r.areaId),
    regionName: n.region(r.regionId),
    unitName: n.unit(r.rectifyUnitId),
    overdue: isOverdue(r, p.today),
  }));
}

export type HazardPageView = {
  hazard: Hazard;
  areaName: string;
  regionName: string;
  rectifyUnitName: string | null;
  supervisionUnitName: string | null;
  risk: { code: string; title: string } | null;
  inspection: { code: string; title: string } | null;
  attachments: HazardAttachment[];
  timeline: Array<{ seq: number; when: string; words: string; reason: string | null }>;
  overdue: boolean;
  fiveComplete: boolean;
  units: Array<{ id: number; label: string }>;
  /** What this person may do here now (the actions check again). */
  may: { rectify: boolean; accept: boolean; supervise: boolean; attach: boolean; ownWork: boolean };
};

/** Everything a hazard's page shows, or null when there is no such hazard. */
export async function hazardPageView(
  db: Db,
  p: { code: string; user: Principal & { id: number }; today: string; locale: string },
): Promise<HazardPageView | null> {
  const hazard = await getHazard(db, { code: p.code });
  if (!hazard) return null;
  const n = await hazardNamers(db, p.locale);
  const riskRow = hazard.riskId === null ? null : ((await getRiskCodeAndTitle(db, hazard.riskId)) ?? null);
  const inspection = hazard.inspectionId === null ? undefined : await getInspection(db, { id: hazard.inspectionId });
  const describer = await createDescriber(await nameMaps(db, p.locale));
  const events = await hazardEvents(db, hazard.id);
  const open = hazard.status !== "closed";
  return {
    hazard,
    areaName: n.area(hazard.areaId),
    regionName: n.region(hazard.regionId),
    rectifyUnitName: n.unit(hazard.rectifyUnitId),
    supervisionUnitName: n.unit(hazard.supervisionUnitId),
    risk: riskRow,
    inspection: inspection ? { code: inspection.code, title: inspection.title } : null,
    attachments: await listHazardAttachments(db, hazard.id),
    timeline: events
      .slice()
      .reverse()
      .map((e) => {
        const asEvent = { ...e, riskId: null, data: e.data } as unknown as RiskEvent;
        return { seq: e.seq, when: describer.when(asEvent), words: describer.words(asEvent), reason: e.reason };
      }),
    overdue: isOverdue(hazard, p.today),
    fiveComplete: fiveInPlaceComplete((hazard.fiveInPlace as FiveInPlace | null) ?? null),
    units: n.units,
    may: {
      rectify: open && canActOnHazard(p.user, "hazard.rectify", hazard),
      accept: open && canActOnHazard(p.user, "hazard.accept", hazard),
      supervise: open && canActOnHazard(p.user, "hazard.supervise", hazard),
      attach:
        open && (canActOnHazard(p.user, "hazard.record", hazard) || canActOnHazard(p.user, "hazard.rectify", hazard)),
      ownWork: hazard.rectifiedById === p.user.id,
    },
  };
}

/** The risk a new hazard's form starts from (?risk=YL-2026-00001): its place, for the form's defaults. */
export async function riskForHazardForm(db: Db, code: string | undefined) {
  if (!code) return null;
  const found = await getRiskByCode(db, { code });
  return found
    ? { code: found.risk.code, title: found.risk.title, areaId: found.risk.areaId, regionId: found.risk.regionId }
    : null;
}

/** A risk's hazards as its page lists them: open ones first, named like the register's rows. */
export async function riskHazardsView(db: Db, riskId: number, p: { today: string; locale: string }) {
  return nameHazardRows(db, await listHazardRowsOfRisk(db, riskId), p);
}
