import { DIALECT } from "../dialect";
import * as pg from "./pg";
import * as sqlite from "./sqlite";

/**
 * The tables of this process's store (db/dialect.ts). Query code is written once against them: it
 * is typed by the SQLite schema, and the PostgreSQL schema has the same tables, columns and types
 * (tests/unit/schema-parity.test.ts), so the same calls build either dialect's SQL.
 */
const active = (DIALECT === "pg" ? pg : sqlite) as unknown as typeof sqlite;

export const {
  units,
  areas,
  regions,
  risks,
  riskEvents,
  riskMeasures,
  users,
  userRoles,
  userScopeAreas,
  userScopeRegions,
  sessions,
  loginThrottle,
  settings,
  boardCheckpoints,
  boardWeeks,
  apiTokens,
  userUnits,
  dailyReports,
  weeklyAnalyses,
  meetings,
  meetingRisks,
  meetingDecisions,
  meetingTasks,
  meetingCorrections,
  scheduledRuns,
  inspections,
  hazards,
  hazardAttachments,
} = active;

export type {
  ApiToken,
  Area,
  DailyReport,
  Hazard,
  HazardAttachment,
  Inspection,
  Meeting,
  MeetingTask,
  NewArea,
  NewRegion,
  NewRisk,
  NewRiskEvent,
  NewUnit,
  NewUser,
  Region,
  Risk,
  RiskEvent,
  RiskMeasure,
  Session,
  Unit,
  User,
} from "./sqlite";
