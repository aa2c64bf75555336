import "server-only";
import type { Db } from "@/db/client";
import { presentBoard } from "@/db/queries/board-snapshot";
import { getSettings } from "@/db/queries/settings";
import { assembleWeeklyAnalysis } from "@/db/queries/weekly-analysis";
import { hazardPeriod } from "@/db/queries/hazard-period";
import { groupHazardWeek } from "@/lib/domain/hazards";
import { listRegions } from "@/db/queries/reference";
import { listReportingUnits } from "@/db/queries/reports";
import { loadTerritory } from "@/db/queries/territory";
import { columnOf, subtreeIds } from "@/lib/domain/territory";
import { unitsWithin } from "@/lib/views/reporting";
import { localName } from "@/i18n/locales";
import { nameMaps } from "@/lib/history/names";
import { CITY_TIME_ZONE } from "@/lib/config";
import { addDays, dayInZone, mondayOf } from "@/lib/domain/dates";
import { isoWeekOf, mondayOfIsoWeek } from "@/lib/domain/weeks";

/**
 * Which week: a valid ISO week label up to the present week, else the last full week (the one a
 * Monday meeting analyses). Returns the Monday, the label, and whether the asked-for label was bad.
 */
export function chooseWeek(asked: string | undefined, now: Date): { monday: string; label: string; ignored: boolean } {
  const thisMonday = mondayOf(dayInZone(now, CITY_TIME_ZONE));
  const monday = asked ? mondayOfIsoWeek(asked) : undefined;
  const ok = monday !== undefined && monday <= thisMonday;
  const chosen = ok ? monday! : addDays(thisMonday, -7);
  return { monday: chosen, label: isoWeekOf(chosen).label, ignored: !!asked && !ok };
}

/** The week's analysis and the names its document needs. */
export async function loadWeeklyAnalysis(
  db: Db,
  p: { monday: string; now: Date; locale: string; rowLimit?: number; region?: number },
) {
  const settings = await getSettings(db);
  // A county's analysis (or any division's): its risks and units, its divisions as on its board.
  const territory = await loadTerritory(db);
  const node = p.region !== undefined && territory.byId.has(p.region) ? territory.byId.get(p.region)! : undefined;
  const region = node
    ? {
        within: new Set(subtreeIds(territory, node.id)),
        columnOf: (id: number) => columnOf(territory, node.id, id),
        unitIds: new Set((await listReportingUnits(db, await unitsWithin(db, node.id))).map((u) => u.id)),
      }
    : undefined;
  const today = dayInZone(p.now, CITY_TIME_ZONE);
  const analysis = await assembleWeeklyAnalysis(db, {
    monday: p.monday,
    timeZone: CITY_TIME_ZONE,
    nowMs: p.now.getTime(),
    present: (await presentBoard(db, today)).board,
    reviewDays: settings.reviewDays,
    cutoff: settings.reportCutoff,
    rowLimit: p.rowLimit,
    region,
  });
  const organisation = settings.organisation || (await cityName(db, p.locale));
  // The week's hazards (issue 22): per column of the division's board (the city's counties, a
  // county's towns), per area, and the major ones under supervision — all within the division.
  const { week } = analysis;
  const found = await hazardPeriod(db, {
    from: week.monday,
    to: week.sunday,
    startMs: week.startMs,
    endMs: week.endMs,
    overdueBefore: week.complete ? addDays(week.sunday, 1) : today,
  });
  const roots = territory.children.get(null) ?? [];
  const top = node?.id ?? (roots.length === 1 ? roots[0].id : undefined);
  const inside = (regionId: number) => !region || region.within.has(regionId);
  const hazards = {
    byRegion: groupHazardWeek(found.places, (h) =>
      top === undefined ? h.regionId : columnOf(territory, top, h.regionId),
    ),
    byArea: groupHazardWeek(found.places, (h) => (inside(h.regionId) ? h.areaId : null)),
    supervised: found.supervised.filter((h) => inside(h.regionId)),
  };
  return {
    analysis: { ...analysis, hazards },
    names: await nameMaps(db, p.locale),
    // "榆林市 · 榆阳区": whose analysis it is, on the page and on the handout.
    organisation: node ? `${organisation} · ${localName(node, p.locale)}` : organisation,
    division: node ? { id: node.id, name: localName(node, p.locale) } : null,
  };
}

/** "榆林市" from the city-level region "榆林市(市本级)": the name without its level in brackets. */
export async function cityName(db: Db, locale: string): Promise<string> {
  const city = (await listRegions(db, { activeOnly: true })).find((r) => r.level === "city");
  return city ? localName(city, locale).replace(/\s*[(（][^()（）]*[)）]\s*$/, "") : "";
}
