import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  blob,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { COLOURS, RISK_STATUSES } from "../../lib/domain/colours";
import { AREA_KINDS } from "../../lib/domain/areas";
import { MEASURE_STATUSES } from "../../lib/domain/measures";
import { HAZARD_GRADES, HAZARD_STATUSES, INSPECTION_STATUSES, SUPERVISION_LEVELS } from "../../lib/domain/hazards";

/** Timestamps are UTC instants stored as epoch milliseconds; display converts to Asia/Shanghai. */
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);
const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const units = sqliteTable("units", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  code: text("code").notNull().unique(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  sortOrder: integer("sort_order").notNull().default(0),
  /** The division the unit works at (a county's bureau, a town's office); none: the city's own level. */
  regionId: integer("region_id").references((): AnySQLiteColumn => regions.id),
});
export type Unit = typeof units.$inferSelect;
export type NewUnit = typeof units.$inferInsert;

/** The 21 risk categories and 14 safety-production domains share one table, told apart by kind. */
export const areas = sqliteTable(
  "areas",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: AREA_KINDS }).notNull(),
    code: text("code").notNull().unique(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    leadUnitId: integer("lead_unit_id").references(() => units.id),
    sortOrder: integer("sort_order").notNull().default(0),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [
    index("areas_kind_sort_idx").on(t.kind, t.sortOrder),
    check("areas_kind_check", sql`${t.kind} IN ('category', 'domain')`),
  ],
);
export type Area = typeof areas.$inferSelect;
export type NewArea = typeof areas.$inferInsert;

/** 五级 territory: city → county → town → village → grid, linked by parent. */
export const regions = sqliteTable(
  "regions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    parentId: integer("parent_id").references((): AnySQLiteColumn => regions.id),
    level: text("level", { enum: ["city", "county", "town", "village", "grid"] }).notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [index("regions_parent_idx").on(t.parentId)],
);
export type Region = typeof regions.$inferSelect;
export type NewRegion = typeof regions.$inferInsert;

export const risks = sqliteTable(
  "risks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    colour: text("colour", { enum: COLOURS }).notNull(),
    // Derived from colour by SQLite itself so "sort by severity" can use an index without a second source of truth.
    severity: integer("severity").generatedAlwaysAs(
      sql`(CASE colour WHEN 'red' THEN 4 WHEN 'orange' THEN 3 WHEN 'yellow' THEN 2 ELSE 1 END)`,
      { mode: "virtual" },
    ),
    status: text("status", { enum: RISK_STATUSES }).notNull().default("identified"),
    responsibleUnitId: integer("responsible_unit_id")
      .notNull()
      .references(() => units.id),
    responsiblePerson: text("responsible_person").notNull(),
    /** Co-operating units (配合单位), as a JSON array of unit ids. */
    coUnitIds: text("co_unit_ids", { mode: "json" })
      .$type<number[]>()
      .notNull()
      .default(sql`'[]'`),
    /** The latest assessment: method, inputs, score, computed and chosen colour, override reason. */
    assessment: text("assessment", { mode: "json" }).$type<Record<string, unknown>>(),
    /** Likelihood and severity of a risk-matrix assessment, derived from it by SQLite (for the board's matrix view). */
    matrixL: integer("matrix_l").generatedAlwaysAs(
      sql`(CASE WHEN json_extract(assessment, '$.method') = 'matrix' THEN json_extract(assessment, '$.likelihood') END)`,
      { mode: "virtual" },
    ),
    matrixS: integer("matrix_s").generatedAlwaysAs(
      sql`(CASE WHEN json_extract(assessment, '$.method') = 'matrix' THEN json_extract(assessment, '$.severity') END)`,
      { mode: "virtual" },
    ),
    /** Raised to red and not yet acknowledged by a leader (the red itself is in force at once). */
    ackPending: integer("ack_pending", { mode: "boolean" }).notNull().default(false),
    /** When the risk was last graded or reviewed (dynamic management). */
    lastReviewedAt: integer("last_reviewed_at", { mode: "timestamp_ms" }),
    /** Calendar date (YYYY-MM-DD) in the city's time zone. */
    nextReviewDate: text("next_review_date").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("risks_code_idx").on(t.code),
    index("risks_severity_updated_idx").on(t.severity, t.updatedAt),
    index("risks_updated_idx").on(t.updatedAt),
    index("risks_next_review_idx").on(t.status, t.nextReviewDate),
    // "Sort by next review": soonest first, most severe first within a day.
    index("risks_review_order_idx").on(t.nextReviewDate, sql`${t.severity} DESC`),
    index("risks_area_severity_idx").on(t.areaId, t.severity, t.updatedAt),
    index("risks_region_severity_idx").on(t.regionId, t.severity, t.updatedAt),
    index("risks_unit_severity_idx").on(t.responsibleUnitId, t.severity, t.updatedAt),
    index("risks_colour_updated_idx").on(t.colour, t.updatedAt),
    index("risks_ack_pending_idx").on(t.ackPending, t.status),
    index("risks_matrix_idx").on(t.matrixL, t.matrixS, t.status),
    // The board counts open risks per area, region and colour from this index alone.
    index("risks_board_idx").on(t.status, t.areaId, t.regionId, t.colour),
    // The database refuses impossible values even if a future code path forgets to validate.
    check("risks_colour_check", sql`${t.colour} IN ('red', 'orange', 'yellow', 'blue')`),
    check("risks_status_check", sql`${t.status} IN ('identified', 'controlling', 'resolved', 'closed')`),
    check("risks_version_check", sql`${t.version} >= 1`),
  ],
);
export type Risk = typeof risks.$inferSelect;
export type NewRisk = typeof risks.$inferInsert;

/**
 * Append-only history. Every write to a risk inserts rows here in the same transaction.
 * SQLite triggers (custom migration) reject UPDATE and DELETE.
 */
export const riskEvents = sqliteTable(
  "risk_events",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    riskId: integer("risk_id").references(() => risks.id),
    /** The risk's version after this change: a refused stale edit lists the events after its version. */
    riskVersion: integer("risk_version"),
    actorId: integer("actor_id"),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    field: text("field"),
    oldValue: text("old_value", { mode: "json" }),
    newValue: text("new_value", { mode: "json" }),
    reason: text("reason"),
    /** JSON of the method inputs or other context the change carried. */
    data: text("data", { mode: "json" }),
    /** Hash chain (lib/domain/history-chain.ts): hash = SHA-256(prev_hash ‖ canonical JSON of the event). */
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    index("risk_events_risk_idx").on(t.riskId, t.seq),
    index("risk_events_at_idx").on(t.at),
    // The weekly analysis asks, for every risk, its last review-setting event and its last red-or-
    // acknowledgement before a moment: these small partial indexes answer that without reading the
    // whole history (the WHERE must match db/queries/weekly-analysis.ts word for word).
    index("risk_events_review_idx")
      .on(t.riskId, t.at)
      .where(sql`action IN ('create', 'grade', 'review')`),
    index("risk_events_red_idx")
      .on(t.riskId, t.at)
      .where(
        sql`action = 'acknowledge' OR (action = 'grade' AND new_value = '"red"') OR (action = 'create' AND json_extract(new_value, '$.colour') = 'red')`,
      ),
  ],
);
export type RiskEvent = typeof riskEvents.$inferSelect;
export type NewRiskEvent = typeof riskEvents.$inferInsert;

/** Control measures (管控措施): each with an owner, an optional due day and a status. */
export const riskMeasures = sqliteTable(
  "risk_measures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    riskId: integer("risk_id")
      .notNull()
      .references(() => risks.id),
    description: text("description").notNull(),
    owner: text("owner").notNull(),
    /** Calendar date (YYYY-MM-DD) in the city's time zone. */
    dueDate: text("due_date"),
    status: text("status", { enum: MEASURE_STATUSES }).notNull().default("planned"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("risk_measures_risk_idx").on(t.riskId),
    check("risk_measures_status_check", sql`${t.status} IN ('planned', 'in_progress', 'done')`),
  ],
);
export type RiskMeasure = typeof riskMeasures.$inferSelect;

/**
 * People who sign in. Never hard-deleted: history rows name them by id and name, so deactivation
 * only clears `active` (and ends their sessions). The password hash never leaves db/.
 */
export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Stored NFKC-normalised and lower-cased, so "Admin" and "admin" are one account. */
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    /** Base32 TOTP secret once confirmed; the pending one waits here until the first code proves it. */
    totpSecret: text("totp_secret"),
    totpPendingSecret: text("totp_pending_secret"),
    /** Last accepted TOTP time step, so a code cannot be replayed inside its window. */
    totpLastStep: integer("totp_last_step"),
    lastSignInAt: integer("last_sign_in_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_username_idx").on(t.username)],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export const userRoles = sqliteTable(
  "user_roles",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: ["admin", "officer", "leader", "auditor", "inspector"] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.role] }),
    check("user_roles_role_check", sql`${t.role} IN ('admin', 'officer', 'leader', 'auditor', 'inspector')`),
  ],
);

/** An officer's scope is the product of these two sets: every listed area in every listed region. */
export const userScopeAreas = sqliteTable(
  "user_scope_areas",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.areaId] })],
);
export const userScopeRegions = sqliteTable(
  "user_scope_regions",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.regionId] })],
);

/**
 * Server-side sessions. The cookie carries a random token; only its SHA-256 is stored, so a copy
 * of the database cannot be replayed as cookies. Deleting the row ends the session.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** A password-verified session still waiting for its TOTP code; it authorizes nothing else. */
    pendingTotp: integer("pending_totp", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
export type Session = typeof sessions.$inferSelect;

/** Failed sign-in counters per key ("user:<name>" or "ip:<address>"), for backoff. */
export const loginThrottle = sqliteTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: integer("last_failure_at", { mode: "timestamp_ms" }).notNull(),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
});

/**
 * When each piece of scheduled work (signed checkpoints, the history's derived views) last started,
 * and on which instance: an instance runs it only after claiming it here, so with several
 * instances it runs once per interval, not once per instance (db/mutations/scheduled-runs.ts).
 */
export const scheduledRuns = sqliteTable("scheduled_runs", {
  name: text("name").primaryKey(),
  startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
  instance: text("instance").notNull(),
});

/** Small key → JSON settings an admin manages (review cadence, two-factor policy, demo flag). */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
  updatedAt: updatedAt(),
  updatedBy: integer("updated_by"),
});

/**
 * Derived data for "the board as of any moment": every risk's board state (area, region, colour,
 * status) at the start of each month, rebuilt from the history and never edited. An as-of board
 * starts from the checkpoint at or before the moment and replays only the events after it.
 * Deleting rows is always safe: they are rebuilt from the history on demand.
 */
export const boardCheckpoints = sqliteTable("board_checkpoints", {
  at: integer("at").primaryKey(),
  /** Five 32-bit integers per risk (id, area, division, colour, status), as db/history/packed.ts stores them. */
  states: blob("states", { mode: "buffer" }).notNull(),
});

/**
 * The board summarised per cell at each week's start (Monday 00:00, city time), for the weekly
 * trend: made on first need like the checkpoints, and final once made (events are never back-dated).
 */
export const boardWeeks = sqliteTable("board_weeks", {
  at: integer("at").primaryKey(),
  /** JSON array of [areaId, regionId, red, orange, yellow, blue] rows (lib/domain/trend.ts). */
  cells: text("cells").notNull(),
});

/**
 * Read-only tokens for the city's governance platform (/api/v1). Only the SHA-256 of a token is
 * kept; the token itself is shown once when an admin issues it. A token sees the risks of its
 * areas × regions (empty lists: all). Revoked tokens stay listed, for the record.
 */
export const apiTokens = sqliteTable("api_tokens", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  areaIds: text("area_ids", { mode: "json" })
    .$type<number[]>()
    .notNull()
    .default(sql`'[]'`),
  regionIds: text("region_ids", { mode: "json" })
    .$type<number[]>()
    .notNull()
    .default(sql`'[]'`),
  createdBy: integer("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
});
export type ApiToken = typeof apiTokens.$inferSelect;

/** Which units (责任单位) a person files daily reports and closes follow-up tasks for. */
export const userUnits = sqliteTable(
  "user_units",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.unitId] }), index("user_units_unit_idx").on(t.unitId)],
);

/**
 * 日报告 / 零报告: what a unit reported for a day. Never edited: a later report for the same day is
 * a supplement (补报), and the first one decides whether the unit reported on time. The deadline in
 * force when it was filed is kept, so changing the cut-off later does not re-judge old reports.
 */
export const dailyReports = sqliteTable(
  "daily_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    /** Calendar day (YYYY-MM-DD) in the city's zone that the report covers. */
    day: text("day").notNull(),
    kind: text("kind", { enum: ["zero", "items"] }).notNull(),
    /** JSON array of lib/domain/reporting.ts ReportItem. Empty for a zero report. */
    items: text("items", { mode: "json" })
      .$type<unknown[]>()
      .notNull()
      .default(sql`'[]'`),
    note: text("note").notNull().default(""),
    filedAt: integer("filed_at", { mode: "timestamp_ms" }).notNull(),
    deadlineAt: integer("deadline_at", { mode: "timestamp_ms" }).notNull(),
    /** Null only for reports the demo seed wrote. */
    filedBy: integer("filed_by").references(() => users.id),
    filedByName: text("filed_by_name").notNull(),
    eventSeq: integer("event_seq").notNull(),
  },
  (t) => [
    index("daily_reports_day_unit_idx").on(t.day, t.unitId, t.id),
    index("daily_reports_unit_day_idx").on(t.unitId, t.day),
    check("daily_reports_kind_check", sql`${t.kind} IN ('zero', 'items')`),
  ],
);
export type DailyReport = typeof dailyReports.$inferSelect;

/** 周分析: the risk office's conclusions on a week (the rest of the analysis is assembled from the history). */
export const weeklyAnalyses = sqliteTable("weekly_analyses", {
  /** The week's Monday (YYYY-MM-DD, city zone). */
  weekStart: text("week_start").primaryKey(),
  conclusions: text("conclusions").notNull().default(""),
  version: integer("version").notNull().default(1),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  updatedBy: integer("updated_by")
    .notNull()
    .references(() => users.id),
});

/**
 * 月研判, dispatch and ad-hoc meetings. Open while the record is written; closing freezes the board
 * as it stood at the meeting's time and locks the record: later corrections are linked rows.
 */
export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    type: text("type", { enum: ["monthly_review", "dispatch", "ad_hoc"] }).notNull(),
    title: text("title").notNull(),
    heldAt: integer("held_at", { mode: "timestamp_ms" }).notNull(),
    chair: text("chair").notNull(),
    /** JSON array of attendee names (with their units, as written). */
    attendees: text("attendees", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    notes: text("notes").notNull().default(""),
    status: text("status", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    /** The board at heldAt, from the history, as JSON cells (lib/domain/trend.ts), written at closing. */
    snapshot: text("snapshot"),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    closedBy: text("closed_by"),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("meetings_type_held_idx").on(t.type, t.heldAt),
    check("meetings_type_check", sql`${t.type} IN ('monthly_review', 'dispatch', 'ad_hoc')`),
    check("meetings_status_check", sql`${t.status} IN ('open', 'closed')`),
  ],
);
export type Meeting = typeof meetings.$inferSelect;

/** Risks discussed at a meeting, with what was said of each. */
export const meetingRisks = sqliteTable(
  "meeting_risks",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    riskId: integer("risk_id")
      .notNull()
      .references(() => risks.id),
    note: text("note").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.riskId] })],
);

/** 批示: a leader's written instruction at a meeting, optionally on one risk. */
export const meetingDecisions = sqliteTable(
  "meeting_decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    riskId: integer("risk_id").references(() => risks.id),
    leader: text("leader").notNull(),
    text: text("text").notNull(),
  },
  (t) => [index("meeting_decisions_meeting_idx").on(t.meetingId)],
);

/** Follow-up tasks a meeting assigns to units; on the unit's list and every later agenda until done. */
export const meetingTasks = sqliteTable(
  "meeting_tasks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    riskId: integer("risk_id").references(() => risks.id),
    title: text("title").notNull(),
    /** Calendar day (YYYY-MM-DD, city zone). */
    dueDate: text("due_date").notNull(),
    status: text("status", { enum: ["open", "done"] })
      .notNull()
      .default("open"),
    doneAt: integer("done_at", { mode: "timestamp_ms" }),
    doneBy: text("done_by"),
    doneNote: text("done_note"),
  },
  (t) => [
    index("meeting_tasks_unit_status_idx").on(t.unitId, t.status, t.dueDate),
    index("meeting_tasks_status_idx").on(t.status, t.meetingId),
    check("meeting_tasks_status_check", sql`${t.status} IN ('open', 'done')`),
  ],
);
export type MeetingTask = typeof meetingTasks.$inferSelect;

/** A correction to a closed meeting's record: a new linked entry (and history event), never an edit. */
export const meetingCorrections = sqliteTable(
  "meeting_corrections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    text: text("text").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    createdByName: text("created_by_name").notNull(),
    eventSeq: integer("event_seq").notNull(),
  },
  (t) => [index("meeting_corrections_meeting_idx").on(t.meetingId)],
);

/**
 * An inspection (排查): a unit's check of a place in a domain, planned for some days, done once its
 * findings are recorded — each finding a hazard, or "nothing found" said in so many words. Several
 * inspections of one campaign (e.g. 安全生产大排查大起底) share its name in `campaign`.
 */
export const inspections = sqliteTable(
  "inspections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(),
    title: text("title").notNull(),
    campaign: text("campaign").notNull().default(""),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    /** The domain or category inspected; null for a sweep over all of them. */
    areaId: integer("area_id").references(() => areas.id),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    /** Calendar days (YYYY-MM-DD) in the city's time zone. */
    plannedFrom: text("planned_from").notNull(),
    plannedTo: text("planned_to").notNull(),
    inspectors: text("inspectors").notNull().default(""),
    status: text("status", { enum: INSPECTION_STATUSES }).notNull().default("planned"),
    doneOn: text("done_on"),
    nothingFound: integer("nothing_found", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("inspections_code_idx").on(t.code),
    index("inspections_region_idx").on(t.regionId, t.plannedFrom),
    check("inspections_status_check", sql`${t.status} IN ('planned', 'done')`),
  ],
);
export type Inspection = typeof inspections.$inferSelect;

/**
 * A hidden hazard (隐患) and where it stands in its loop (lib/domain/hazards.ts): found → rectifying
 * → accepting → closed. Every step is an event in the one history (action `hazard.*`, the hazard's
 * id and code in the event's data), so the loop is as tamper-evident as the risks' grading.
 */
export const hazards = sqliteTable(
  "hazards",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(),
    inspectionId: integer("inspection_id").references(() => inspections.id),
    /** The risk whose control failed here, when known: its page lists its hazards. */
    riskId: integer("risk_id").references(() => risks.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    place: text("place").notNull().default(""),
    grade: text("grade", { enum: HAZARD_GRADES }).notNull(),
    status: text("status", { enum: HAZARD_STATUSES }).notNull().default("found"),
    /** Calendar day it was found, and by whom (name as at the time). */
    foundOn: text("found_on").notNull(),
    foundById: integer("found_by_id").references(() => users.id),
    foundByName: text("found_by_name").notNull(),
    fiveInPlace: text("five_in_place", { mode: "json" }).$type<Record<string, string>>(),
    rectifyUnitId: integer("rectify_unit_id").references(() => units.id),
    rectifyPerson: text("rectify_person"),
    deadline: text("deadline"),
    measuresTaken: text("measures_taken"),
    rectifiedById: integer("rectified_by_id").references(() => users.id),
    rectifiedAt: integer("rectified_at", { mode: "timestamp_ms" }),
    failedAcceptances: integer("failed_acceptances").notNull().default(0),
    acceptance: text("acceptance", { mode: "json" }).$type<Record<string, unknown>>(),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    supervisionLevel: text("supervision_level", { enum: SUPERVISION_LEVELS }),
    supervisionUnitId: integer("supervision_unit_id").references(() => units.id),
    supervisionDeadline: text("supervision_deadline"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("hazards_code_idx").on(t.code),
    index("hazards_status_deadline_idx").on(t.status, t.deadline),
    // The register's default order (latest found) and the statistics' counts per day found and closed.
    index("hazards_found_idx").on(t.foundOn, t.id),
    index("hazards_closed_idx").on(t.closedAt),
    index("hazards_region_found_idx").on(t.regionId, t.foundOn),
    index("hazards_area_found_idx").on(t.areaId, t.foundOn),
    index("hazards_risk_idx").on(t.riskId),
    index("hazards_inspection_idx").on(t.inspectionId),
    check("hazards_status_check", sql`${t.status} IN ('found', 'rectifying', 'accepting', 'closed')`),
    check("hazards_grade_check", sql`${t.grade} IN ('general', 'major')`),
  ],
);
export type Hazard = typeof hazards.$inferSelect;

/**
 * A photo or document attached to a hazard. The file itself lives outside the database, in the
 * attachment store (lib/files/attachment-store.ts), under its SHA-256; the same digest is in the
 * "hazard.attach" event, so verification finds a file swapped or lost in the store.
 */
export const hazardAttachments = sqliteTable(
  "hazard_attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    hazardId: integer("hazard_id")
      .notNull()
      .references(() => hazards.id),
    /** The file's name as uploaded (shown and offered on download, never used as a path). */
    name: text("name").notNull(),
    /** The type read from the file's first bytes, not the one the browser claimed. */
    mime: text("mime").notNull(),
    bytes: integer("bytes").notNull(),
    sha256: text("sha256").notNull(),
    /** A small preview's digest in the store, for images. */
    thumbSha256: text("thumb_sha256"),
    uploadedById: integer("uploaded_by_id").references(() => users.id),
    uploadedByName: text("uploaded_by_name").notNull(),
    uploadedAt: integer("uploaded_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("hazard_attachments_hazard_idx").on(t.hazardId)],
);
export type HazardAttachment = typeof hazardAttachments.$inferSelect;
