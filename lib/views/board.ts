import "server-only";
import { loadBoardFrame } from "@/lib/views/board-frame";
import type { Db } from "@/db/client";
import { boardAt } from "@/db/history/boards";
import { listOpenMatrixCounts } from "@/db/queries/board";
import { presentBoard, type BoardSnapshot } from "@/db/queries/board-snapshot";
import { listBoardChanges, mapRiskCodes } from "@/db/queries/history";
import { nameMaps } from "@/lib/history/names";
import { dayReporting } from "./reporting";
import { getLastMeeting } from "@/db/queries/meetings";
import { getSettings } from "@/db/queries/settings";
import { CITY_TIME_ZONE } from "@/lib/config";
import { compareBoards, type Board } from "@/lib/domain/board";
import { columnOf, homeDivision, rollUpBoard, subtreeIds, type Territory } from "@/lib/domain/territory";
import { rollUpHazards } from "@/lib/domain/hazards";
import { presentHazardTallies } from "@/db/queries/hazards";
import { loadTerritory } from "@/db/queries/territory";
import { getBoardAlerts } from "@/db/queries/board";
import { idNumber } from "@/lib/validation/fields";
import { clockInZone, dayInZone, fileStamp, instantInZone } from "@/lib/domain/dates";
import { isMeetingType, type MeetingType } from "@/lib/domain/meetings";
import { parseBoardTime, sinceInstant } from "@/lib/validation/board-query";
import { first } from "@/lib/validation/params";

export type BoardParams = {
  /** The division whose board is shown (its id); by default the viewer's home division, else the city. */
  region?: string | string[];
  view?: string | string[];
  asOf?: string | string[];
  since?: string | string[];
  sinceMeeting?: string | string[];
};

/**
 * The present board rolled up to a division, remembered with the board it came from (one object
 * per history head, db/queries/board-snapshot.ts), so every viewer of a division's board between two
 * writes shares one roll-up — at a province's size that is hundreds of thousands of cells, not to be
 * walked per request. Past boards come rolled up already (boardAt with `node`). Safe across territory
 * changes: a division never changes its parent, so an existing board's roll-up does not change either.
 */
const rolledBoards = new WeakMap<Board, Map<number, Board>>();
function rolledUp(territory: Territory, board: Board, node: number): Board {
  let byNode = rolledBoards.get(board);
  if (!byNode) rolledBoards.set(board, (byNode = new Map()));
  let rolled = byNode.get(node);
  if (!rolled) byNode.set(node, (rolled = rollUpBoard(territory, board, node)));
  return rolled;
}

/** A division's alerts, remembered with the present board (one object per history head and day) like its roll-up. */
const divisionAlerts = new WeakMap<object, Map<number, Promise<BoardSnapshot["alerts"]>>>();
function alertsWithin(db: Db, present: BoardSnapshot, node: number, p: { today: string; regionIds: number[] }) {
  let byNode = divisionAlerts.get(present);
  if (!byNode) divisionAlerts.set(present, (byNode = new Map()));
  let alerts = byNode.get(node);
  if (!alerts) {
    // A failed read (the database away) is not remembered: the next request asks again.
    const mine = byNode;
    alerts = getBoardAlerts(db, p).catch((e: unknown) => {
      mine.delete(node);
      throw e;
    });
    byNode.set(node, alerts);
  }
  return alerts;
}

/** "20261125-1430": when the board in a downloaded file stood, in the city's zone. */
export const stampFile = (ms: number): string => fileStamp(ms, CITY_TIME_ZONE);

/**
 * Everything the colour board shows for one request, read once and shared by the page and its PDF:
 * the division shown (`region`, else the viewer's home division `home` — a county leader's county —
 * else the city) with its risks rolled up to its columns, the moment (the present, or `asOf`
 * rebuilt from the history), the reference it is compared with (`since`, or the last meeting of a
 * type) and the marks that follow, the alerts, and the frame.
 */
export async function loadBoardView(
  db: Db,
  params: BoardParams,
  now: Date,
  opts: { home?: ReadonlyArray<number> } = {},
) {
  const territory = await loadTerritory(db);
  const parsedRegion = idNumber().safeParse(first(params.region));
  const asked = parsedRegion.success ? parsedRegion.data : null;
  const roots = territory.children.get(null) ?? [];
  const node = asked !== null && territory.byId.has(asked) ? asked : (homeDivision(territory, opts.home ?? []) ?? 0);
  // The whole register is the city's board: no filter then. Below it, the division's subtree.
  const whole = roots.length === 1 && roots[0].id === node;
  const within = whole ? undefined : subtreeIds(territory, node);
  const view = first(params.view) === "matrix" ? ("matrix" as const) : ("grid" as const);
  const today = dayInZone(now, CITY_TIME_ZONE);
  const { time, ignored } = parseBoardTime({ asOf: first(params.asOf), since: first(params.since) }, today);
  const asOfMs = time.asOf ? instantInZone(time.asOf.day, time.asOf.time, CITY_TIME_ZONE) : null;
  // The present board is one indexed GROUP BY; a past one is rebuilt from the history.
  const present = await presentBoard(db, today);
  const board = asOfMs === null ? rolledUp(territory, present.board, node) : await boardAt(db, asOfMs, { node });
  const alerts = within ? await alertsWithin(db, present, node, { today, regionIds: within }) : present.alerts;
  const askedMeeting = first(params.sinceMeeting);
  const sinceMeeting: MeetingType | "none" =
    askedMeeting === "none" ? "none" : isMeetingType(askedMeeting) ? askedMeeting : "monthly_review";
  // With no reference date, changes are marked since the last meeting of the chosen type (月研判 by default).
  const meeting =
    !time.since && sinceMeeting !== "none"
      ? await getLastMeeting(db, { type: sinceMeeting, atOrBefore: asOfMs === null ? now : new Date(asOfMs) })
      : undefined;
  if (meeting)
    time.since = `${dayInZone(meeting.heldAt, CITY_TIME_ZONE)}T${clockInZone(meeting.heldAt, CITY_TIME_ZONE)}`;
  const sinceMs = time.since ? sinceInstant(time.since, CITY_TIME_ZONE) : null;
  const compare = sinceMs !== null && (asOfMs === null || sinceMs < asOfMs);
  const marks = compare ? compareBoards(await boardAt(db, sinceMs!, { node }), board) : undefined;
  // What the board's own links keep: the view and the moments, so drilling down keeps the meeting's reference.
  const keep: string[][] = [
    ...(view === "matrix" ? [["view", "matrix"]] : []),
    ...(first(params.asOf) && time.asOf ? [["asOf", first(params.asOf)!]] : []),
    ...(first(params.since) && !meeting && time.since ? [["since", time.since]] : []),
    ...(askedMeeting && askedMeeting !== "monthly_review" ? [["sinceMeeting", sinceMeeting]] : []),
  ];
  // Always named, the city too: a county leader's board opens at the county, so "全市" must say so.
  const withRegion = (id: number) => new URLSearchParams([["region", String(id)], ...keep]);
  const frame = await loadBoardFrame(db, {
    territory,
    node,
    counted: new Set(board.byRegion.keys()),
    drill: (id) => `/board?${withRegion(id)}`,
  });
  return {
    view,
    today,
    now,
    asOfMs,
    asOfParam: first(params.asOf),
    time,
    ignored,
    sinceMeeting,
    meeting,
    compare,
    marks,
    board,
    present: { ...present, alerts },
    node,
    /** Whether the URL named the division (else it is the viewer's home division, or the city). */
    regionAsked: asked !== null && territory.byId.has(asked),
    frame,
    matrix:
      view === "matrix"
        ? {
            // A division's matrix holds its own risks and those below it, as its grid does.
            counts: await listOpenMatrixCounts(db, { regionIds: within }),
            thresholds: (await getSettings(db)).thresholds,
          }
        : null,
    /**
     * The changes listed under the board (the screen only): up to 100, how many there are, and the
     * names and risk codes the list shows them with.
     */
    changes: async () => {
      const found = compare
        ? await listBoardChanges(db, {
            after: new Date(sinceMs!),
            upto: asOfMs === null ? now : new Date(asOfMs),
            regionIds: within,
          })
        : { events: [], total: 0, capped: false };
      const [names, codes] = found.events.length
        ? [
            await nameMaps(db, frame.locale),
            await mapRiskCodes(
              db,
              found.events.map((e) => e.riskId),
            ),
          ]
        : [null, new Map<number, string>()];
      return { ...found, names, codes };
    },
    /** Today's daily reporting for the strip on top (the present board only). */
    reporting: async () =>
      (
        await dayReporting(db, {
          day: today,
          nowMs: now.getTime(),
          locale: frame.locale,
          region: whole ? undefined : node,
        })
      ).strip,
    /**
     * Open hazards in this division (the present board only): the strip's totals and each cell's
     * count, rolled up to the board's columns as its risks are.
     */
    hazards: async () =>
      asOfMs === null
        ? rollUpHazards(await presentHazardTallies(db, today), (regionId) => columnOf(territory, node, regionId))
        : null,
    /** The query that reproduces this board (for the PDF link and meeting mode). */
    query: withRegion(node).toString(),
  };
}
export type BoardView = Awaited<ReturnType<typeof loadBoardView>>;
