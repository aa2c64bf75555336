import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request-context")).nextHeaders);
vi.mock("next/navigation", async () => (await import("../support/request-context")).nextNavigation);
vi.mock("next/cache", async () => (await import("../support/request-context")).nextCache);
vi.mock("@/db/client", async () => (await import("../support/request-context")).dbClient);
vi.mock("next-intl/server", async () => (await import("../support/request-context")).nextIntlServer());

import { issueApiTokenAction, revokeApiTokenAction } from "@/app/admin/api-tokens/actions/api-tokens";
import {
  createReferenceAction,
  renameReferenceAction,
  setReferenceActiveAction,
} from "@/app/admin/reference/actions/reference";
import { updateSettingsAction } from "@/app/admin/settings/actions/update-settings";
import { resetPasswordAction, resetTotpAction, setActiveAction } from "@/app/admin/users/actions/account-controls";
import { createUserAction } from "@/app/admin/users/actions/create-user";
import { updateUserAction } from "@/app/admin/users/actions/update-user";
import { changePasswordAction } from "@/app/account/actions/change-password";
import { confirmTotpAction, disableTotpAction } from "@/app/account/actions/two-factor";
import { saveConclusionsAction } from "@/app/analysis/actions/save-conclusions";
import {
  addCorrectionAction,
  addDecisionAction,
  addDiscussedAction,
  addTaskAction,
} from "@/app/meetings/actions/meeting-items";
import { closeMeetingAction, createMeetingAction, updateMeetingAction } from "@/app/meetings/actions/meeting-record";
import { fileReportAction } from "@/app/reports/actions/file-report";
import { acknowledgeRedAction } from "@/app/risks/actions/acknowledge-red";
import { changeStatusAction } from "@/app/risks/actions/change-status";
import { createRiskAction } from "@/app/risks/actions/create-risk";
import { gradeRiskAction } from "@/app/risks/actions/grade-risk";
import { addMeasureAction, updateMeasureAction } from "@/app/risks/actions/measures";
import { reviewRiskAction } from "@/app/risks/actions/review-risk";
import { updateRiskAction } from "@/app/risks/actions/update-risk";
import { completeTaskAction } from "@/app/tasks/actions/complete-task";
import { GET as exportAnalysis } from "@/app/api/exports/analysis/route";
import { GET as exportHistory } from "@/app/api/exports/history/route";
import { POST as importRegister } from "@/app/api/imports/register/route";
import { GET as exportRegister } from "@/app/api/exports/register/route";
import { POST as verifyExport } from "@/app/api/exports/verify/route";
import { GET as apiBoard } from "@/app/api/v1/board/route";
import { GET as apiEvents } from "@/app/api/v1/events/route";
import { GET as apiRisks } from "@/app/api/v1/risks/route";
import { issueApiToken } from "@/db/mutations/api-tokens";
import type { FormState } from "@/lib/validation/form-state";
import { addDays, dayInZone, isIsoDay } from "@/lib/domain/dates";
import { buildTemplate, openCopy, signInAs, type Fixture } from "../support/accounts";
import { firstDocumentedBreak } from "../support/chain-oracle";
import { resetRequest, run } from "../support/request-context";

/**
 * Hostile input, thrown at every server action and export route by fast-check: wrong types, huge
 * strings, control characters, SQL and HTML fragments, impossible dates, unknown and other users'
 * ids — posted by a caller who may use the action, so the input is what is tested. Each call must
 * answer (a form state or a 4xx), never throw (a 500), and a refused call must leave the database
 * byte for byte as it was.
 */
const HOSTILE = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "'; DROP TABLE risks; --",
  '" OR 1=1 --',
  '=HYPERLINK("http://x")',
  "+cmd|' /C calc'!A0",
  "@SUM(1)",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "9007199254740993",
  "2026-02-30",
  "9999-12-31",
  "0000-00-00",
  "2026-11-25T25:61",
  "25:00",
  "\u0000",
  "\u0007\u001b[2J",
  "\uFEFF",
  "\uD800",
  "   ",
  "",
  "red",
  "蓝",
  "YL-2026-00001",
  "../../etc/passwd",
  "%00",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
];
const FIELDS = [
  "title",
  "description",
  "areaId",
  "regionId",
  "responsibleUnitId",
  "responsiblePerson",
  "coUnitIds",
  "reason",
  "method",
  "lecL",
  "lecE",
  "lecC",
  "matrixL",
  "matrixS",
  "colour",
  "overrideReason",
  "nextReviewDate",
  "version",
  "note",
  "status",
  "instruction",
  "measureDescription",
  "owner",
  "dueDate",
  "measureStatus",
  "username",
  "displayName",
  "roles",
  "areaIds",
  "regionIds",
  "unitIds",
  "reviewRed",
  "reviewOrange",
  "reviewYellow",
  "reviewBlue",
  "totpAdmins",
  "totpLeaders",
  "lecRedAbove",
  "lecOrange",
  "lecYellow",
  "matrixRed",
  "matrixOrange",
  "matrixYellow",
  "reportCutoff",
  "code",
  "nameZh",
  "nameEn",
  "kind",
  "parentId",
  "leadUnitId",
  "current",
  "next",
  "confirm",
  "name",
  "area",
  "region",
  "unitId",
  "day",
  "itemKind",
  "itemRisk",
  "itemText",
  "type",
  "time",
  "chair",
  "attendees",
  "notes",
  "riskCode",
  "leader",
  "text",
  "task",
  "intent",
  "digest",
  "password",
];
const value = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.constantFrom("a".repeat(20_000), "风".repeat(5_000)) },
);
const formData = fc
  .dictionary(fc.constantFrom(...FIELDS), fc.array(value, { minLength: 1, maxLength: 3 }), { maxKeys: 12 })
  .map((d) => {
    const fd = new FormData();
    for (const [k, vs] of Object.entries(d)) for (const v of vs) fd.append(k, v);
    return fd;
  });
const id = fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.NaN, 0.5, -0));
const code = fc.oneof(
  fc.constantFrom("YL-2026-00001", "YL-2026-00002", "YL-2026-00003", "yl-2026-00001"),
  fc.constantFrom(...HOSTILE),
);
const table = fc.constantFrom("units", "areas", "regions", "risks", "users", "sqlite_master", "__proto__");

type Caller = "admin" | "officer" | "leader" | "auditor";
type Case = { as: Caller; args: fc.Arbitrary<unknown[]>; call: (args: unknown[], fd: FormData) => Promise<unknown> };
const P: FormState = { ok: false };
const a = <T extends unknown[]>(...arbs: { [K in keyof T]: fc.Arbitrary<T[K]> }) =>
  fc.tuple(...arbs) as unknown as fc.Arbitrary<unknown[]>;
const none = fc.constant([] as unknown[]);
const n = (x: unknown) => x as number;
const s = (x: unknown) => x as string;

const ACTIONS: Record<string, Case> = {
  createRiskAction: { as: "officer", args: none, call: (_, fd) => createRiskAction(P, fd) },
  updateRiskAction: { as: "officer", args: a(code), call: ([c], fd) => updateRiskAction(s(c), P, fd) },
  gradeRiskAction: { as: "officer", args: a(code), call: ([c], fd) => gradeRiskAction(s(c), P, fd) },
  reviewRiskAction: { as: "officer", args: a(code), call: ([c], fd) => reviewRiskAction(s(c), P, fd) },
  changeStatusAction: { as: "officer", args: a(code), call: ([c], fd) => changeStatusAction(s(c), P, fd) },
  acknowledgeRedAction: { as: "leader", args: a(code), call: ([c], fd) => acknowledgeRedAction(s(c), P, fd) },
  addMeasureAction: { as: "officer", args: a(code), call: ([c], fd) => addMeasureAction(s(c), P, fd) },
  updateMeasureAction: {
    as: "officer",
    args: a(code, id),
    call: ([c, i], fd) => updateMeasureAction(s(c), n(i), P, fd),
  },
  createUserAction: { as: "admin", args: none, call: (_, fd) => createUserAction(P, fd) },
  updateUserAction: { as: "admin", args: a(id), call: ([i], fd) => updateUserAction(n(i), P, fd) },
  resetPasswordAction: { as: "admin", args: a(id), call: ([i]) => resetPasswordAction(n(i), P) },
  setActiveAction: { as: "admin", args: a(id, fc.boolean()), call: ([i, b]) => setActiveAction(n(i), b as boolean, P) },
  resetTotpAction: { as: "admin", args: a(id), call: ([i]) => resetTotpAction(n(i), P) },
  updateSettingsAction: { as: "admin", args: none, call: (_, fd) => updateSettingsAction(P, fd) },
  createReferenceAction: { as: "admin", args: a(table), call: ([t], fd) => createReferenceAction(s(t), P, fd) },
  renameReferenceAction: {
    as: "admin",
    args: a(table, id),
    call: ([t, i], fd) => renameReferenceAction(s(t), n(i), P, fd),
  },
  setReferenceActiveAction: {
    as: "admin",
    args: a(table, id, fc.boolean()),
    call: ([t, i, b]) => setReferenceActiveAction(s(t), n(i), b as boolean, P),
  },
  issueApiTokenAction: { as: "admin", args: none, call: (_, fd) => issueApiTokenAction(P, fd) },
  revokeApiTokenAction: { as: "admin", args: a(id), call: ([i], fd) => revokeApiTokenAction(n(i), P, fd) },
  changePasswordAction: { as: "officer", args: none, call: (_, fd) => changePasswordAction(P, fd) },
  confirmTotpAction: { as: "officer", args: none, call: (_, fd) => confirmTotpAction(P, fd) },
  disableTotpAction: { as: "officer", args: none, call: (_, fd) => disableTotpAction(P, fd) },
  fileReportAction: { as: "officer", args: none, call: (_, fd) => fileReportAction(P, fd) },
  saveConclusionsAction: {
    as: "officer",
    args: a(fc.oneof(fc.constantFrom("2026-W46", "2026-W53", "2025-W53"), fc.constantFrom(...HOSTILE))),
    call: ([w], fd) => saveConclusionsAction(s(w), P, fd),
  },
  createMeetingAction: { as: "leader", args: none, call: (_, fd) => createMeetingAction(P, fd) },
  updateMeetingAction: { as: "leader", args: a(id), call: ([i], fd) => updateMeetingAction(n(i), P, fd) },
  closeMeetingAction: { as: "leader", args: a(id), call: ([i], fd) => closeMeetingAction(n(i), P, fd) },
  addDiscussedAction: { as: "leader", args: a(id), call: ([i], fd) => addDiscussedAction(n(i), P, fd) },
  addDecisionAction: { as: "leader", args: a(id), call: ([i], fd) => addDecisionAction(n(i), P, fd) },
  addTaskAction: { as: "leader", args: a(id), call: ([i], fd) => addTaskAction(n(i), P, fd) },
  addCorrectionAction: { as: "leader", args: a(id), call: ([i], fd) => addCorrectionAction(n(i), P, fd) },
  completeTaskAction: { as: "officer", args: a(id), call: ([i], fd) => completeTaskAction(n(i), P, fd) },
};

let fixture: Fixture;
let copy: Awaited<ReturnType<typeof openCopy>> | undefined;
beforeAll(async () => void (fixture = await buildTemplate()), 120_000);
afterEach(async () => {
  await copy?.cleanup();
  copy = undefined;
});

/**
 * One fresh database per generated call, the caller signed in, and a meeting and task to aim at
 * (each its table's first row, id 1: no explicit id, which PostgreSQL's identity would not follow).
 */
async function fresh(as: Caller) {
  await copy?.cleanup();
  resetRequest();
  copy = await openCopy(fixture);
  await copy.run(
    `INSERT INTO meetings (type, title, held_at, chair, attendees, created_by, created_at) VALUES ('dispatch', '调度会', ?, '局长', '[]', ?, ?)`,
    Date.now() - 86_400_000,
    fixture.users.leader,
    Date.now() - 86_400_000,
  );
  await copy.run(
    "INSERT INTO meeting_tasks (meeting_id, unit_id, title, due_date) VALUES (1, ?, '排查', '2099-01-01')",
    fixture.unitId["U-ZJJ"],
  );
  await signInAs(copy.db, fixture.users[as]);
  return copy;
}

describe.each(Object.entries(ACTIONS))("%s under hostile input", (_name, c) => {
  it("answers in words and changes nothing when it refuses", async () => {
    await fc.assert(
      fc.asyncProperty(c.args, formData, async (args, fd) => {
        const db = await fresh(c.as);
        const before = await db.bytes();
        const rowsBefore = await db.rows(["risk_events", "login_throttle"]);
        const lastEvent = async () =>
          (await db.get("SELECT seq, action FROM risk_events ORDER BY seq DESC LIMIT 1")) as {
            seq: number;
            action: string;
          };
        const eventBefore = await lastEvent();
        const outcome = await run(() => c.call(args, fd)); // a throw here is a 500
        const state = outcome.result as FormState | undefined;
        // Random input may be valid: then what it wrote must obey the rules.
        if (outcome.redirect || state?.ok) {
          expect(await broken(db, eventBefore.seq), "an accepted call broke a rule").toEqual([]);
          return;
        }
        expect(state, "a refusal is a form state").toBeDefined();
        expect(state!.message || Object.keys(state!.fieldErrors ?? {}).length, "a refusal says why").toBeTruthy();
        const wrongPassword = Object.values(state!.fieldErrors ?? {})
          .flat()
          .some((e) => e?.key === "passwordWrong");
        if (!wrongPassword) {
          expect((await db.bytes()).equals(before), "a refused call changed the database").toBe(true);
          return;
        }
        // A wrong current password is refused and, by design, recorded: one history event and the
        // throttle's count, nothing else.
        expect(await lastEvent()).toEqual({ seq: eventBefore.seq + 1, action: "auth.password_check_failed" });
        expect(
          await db.rows(["risk_events", "login_throttle"]),
          "a wrong password changed more than its record",
        ).toEqual(rowsBefore);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 12) },
    );
  }, 120_000);
});

/**
 * The documented rules, checked with plain SQL against what a call wrote (the values are the docs'
 * literals, not the code's constants): every risk a four-colour risk with a known status and its
 * text within the limits; a risk graded or reviewed in the call has its next review between today
 * and today + the colour's cadence (7/15/30/90 days); a report filed in the call is for today or up
 * to six days before the day it was filed, by someone of that unit; the history still chains by the documented formula.
 */
const CADENCE: Record<string, number> = { red: 7, orange: 15, yellow: 30, blue: 90 };
async function broken(db: Awaited<ReturnType<typeof openCopy>>, sinceSeq: number): Promise<string[]> {
  const out: string[] = [];
  const today = dayInZone(new Date());
  const q = async <T>(sql: string, ...p: unknown[]) => (await db.all(sql, ...p)) as T[];
  for (const r of await q<{
    code: string;
    colour: string;
    status: string;
    title: string;
    responsible_person: string;
    next_review_date: string;
  }>("SELECT code, colour, status, title, responsible_person, next_review_date FROM risks")) {
    if (!["red", "orange", "yellow", "blue"].includes(r.colour)) out.push(`${r.code}: colour ${r.colour}`);
    if (!["identified", "controlling", "resolved", "closed"].includes(r.status))
      out.push(`${r.code}: status ${r.status}`);
    if ([...r.title].length < 1 || [...r.title].length > 200) out.push(`${r.code}: title of ${[...r.title].length}`);
    if ([...r.responsible_person].length < 1 || [...r.responsible_person].length > 50)
      out.push(`${r.code}: person of ${[...r.responsible_person].length}`);
    if (!isIsoDay(r.next_review_date)) out.push(`${r.code}: next review ${r.next_review_date}`);
  }
  const touched = await q<{ code: string; colour: string; next_review_date: string }>(
    "SELECT DISTINCT r.code, r.colour, r.next_review_date FROM risk_events e JOIN risks r ON r.id = e.risk_id WHERE e.seq > ? AND e.action IN ('grade', 'review', 'create')",
    sinceSeq,
  );
  for (const r of touched) {
    if (r.next_review_date < today || r.next_review_date > addDays(today, CADENCE[r.colour]))
      out.push(`${r.code}: next review ${r.next_review_date} outside today … +${CADENCE[r.colour]} days`);
  }
  // The fixture has no reports: every report in the copy was filed by the call.
  const reports = await q<{ day: string; filed_at: number; unit_id: number; filed_by: number }>(
    "SELECT day, filed_at, unit_id, filed_by FROM daily_reports",
  );
  for (const r of reports) {
    const filed = dayInZone(new Date(r.filed_at));
    if (r.day > filed || r.day < addDays(filed, -6))
      out.push(`report for ${r.day} filed on ${filed}: more than six days late or ahead`);
    const ok = await db.get("SELECT 1 FROM user_units WHERE user_id = ? AND unit_id = ?", r.filed_by, r.unit_id);
    if (!ok) out.push(`report for unit ${r.unit_id} by user ${r.filed_by}, who is not of that unit`);
  }
  if ((await firstDocumentedBreak(db)) !== null) out.push("the history no longer chains");
  return out;
}

/**
 * Near-valid input: a form that would be accepted, with one or two fields made hostile or moved to
 * an edge (days round six before today and the cadences after it). Many of these are accepted, so this is
 * where "an accepted input obeys the rules" is really tested; refusals must still change nothing.
 */
describe("near-valid forms: accepted ones obey the rules, refused ones change nothing", () => {
  const today = () => dayInZone(new Date());
  // Days round the edges that matter (six days back, 7/15/30/90 ahead) and anywhere within a year.
  const edgeDay = fc
    .oneof(
      fc.integer({ min: -9, max: 9 }),
      fc.constantFrom(14, 15, 16, 29, 30, 31, 89, 90, 91),
      fc.integer({ min: -400, max: 400 }),
    )
    .map((d) => addDays(today(), d));
  const hostileOrEdge = fc.oneof({ weight: 3, arbitrary: edgeDay }, { weight: 1, arbitrary: value });
  const version = async (db: Awaited<ReturnType<typeof openCopy>>, code: string) =>
    String(((await db.get("SELECT version FROM risks WHERE code = ?", code)) as { version: number }).version);
  const cases: Record<
    string,
    {
      as: Caller;
      base: (db: Awaited<ReturnType<typeof openCopy>>) => Record<string, string> | Promise<Record<string, string>>;
      fields: string[];
      call: (fd: FormData) => Promise<unknown>;
    }
  > = {
    fileReportAction: {
      as: "officer",
      fields: ["day", "kind", "unitId", "note", "itemText"],
      base: () => ({ unitId: String(fixture.unitId["U-ZJJ"]), day: today(), kind: "zero", note: "" }),
      call: (fd) => fileReportAction(P, fd),
    },
    gradeRiskAction: {
      as: "officer",
      fields: ["nextReviewDate", "colour", "method", "version", "reason"],
      base: async (db) => ({
        method: "direct",
        colour: "yellow",
        reason: "复核后调整",
        nextReviewDate: addDays(today(), 5),
        version: await version(db, fixture.risks.inScope),
      }),
      call: (fd) => gradeRiskAction(fixture.risks.inScope, P, fd),
    },
    reviewRiskAction: {
      as: "officer",
      fields: ["nextReviewDate", "note", "version"],
      base: async (db) => ({
        note: "现场复核",
        nextReviewDate: addDays(today(), 10),
        version: await version(db, fixture.risks.inScope),
      }),
      call: (fd) => reviewRiskAction(fixture.risks.inScope, P, fd),
    },
  };
  it.each(Object.entries(cases))(
    "%s",
    async (_name, c) => {
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom(...c.fields), hostileOrEdge, { minKeys: 1, maxKeys: 2 }),
          async (changes) => {
            const db = await fresh(c.as);
            const before = await db.bytes();
            const seqBefore = ((await db.get("SELECT max(seq) AS s FROM risk_events")) as { s: number }).s;
            const fd = new FormData();
            for (const [k, v] of Object.entries({ ...(await c.base(db)), ...changes })) fd.append(k, v);
            const outcome = await run(() => c.call(fd));
            const state = outcome.result as FormState | undefined;
            if (outcome.redirect || state?.ok) {
              accepted += 1;
              expect(await broken(db, seqBefore), JSON.stringify(changes)).toEqual([]);
              return;
            }
            expect(state!.message || Object.keys(state!.fieldErrors ?? {}).length, "a refusal says why").toBeTruthy();
            expect(
              (await db.bytes()).equals(before),
              `a refused call changed the database: ${JSON.stringify(changes)}`,
            ).toBe(true);
          },
        ),
        { numRuns: Number(process.env.FC_RUNS ?? 60) },
      );
      // The edges are mostly inside the rules: a property that never saw an acceptance tested nothing.
      expect(accepted).toBeGreaterThan(0);
    },
    120_000,
  );
});

describe("export routes under hostile queries", () => {
  const query = fc
    .dictionary(
      fc.constantFrom(
        "format",
        "from",
        "to",
        "area",
        "region",
        "colour",
        "actor",
        "action",
        "week",
        "q",
        "status",
        "sort",
        "page",
        "overdue",
        "ack",
      ),
      value.filter((v) => v.length < 2000),
      { maxKeys: 6 },
    )
    .map((d) => new URLSearchParams(d).toString());
  it.each([
    ["history", "auditor", exportHistory],
    ["register", "officer", exportRegister],
    ["analysis", "leader", exportAnalysis],
  ] as const)(
    "/api/exports/%s answers 2xx or 4xx, and a 4xx changes nothing",
    async (path, as, handler) => {
      await fc.assert(
        fc.asyncProperty(query, async (q) => {
          const db = await fresh(as);
          const before = await db.bytes();
          const response = await handler(
            new Request(`http://sise.local/api/exports/${path}?${q}`, { headers: { "sec-fetch-site": "same-origin" } }),
          );
          expect(response.status, q).toBeLessThan(500);
          await response.arrayBuffer();
          if (response.status >= 400) expect((await db.bytes()).equals(before), q).toBe(true);
        }),
        { numRuns: Number(process.env.FC_RUNS ?? 15) },
      );
    },
    120_000,
  );
});

describe("the register import under hostile uploads", () => {
  const body = fc.oneof(
    fc.string({ maxLength: 400 }),
    fc.constantFrom(
      "code,title\r\n=1,<b>x</b>\r\n",
      "\u0000\u0001PK\u0003\u0004",
      "编号,风险名称\r\n,\u0007\u001b\r\n",
    ),
  );
  const query = fc.record({
    name: fc.constantFrom("台账.csv", "台账.xlsx", "x.exe", "", "%ff", "a".repeat(300) + ".csv"),
    intent: fc.constantFrom("preview", "commit", "", "x"),
    digest: fc.oneof(fc.constant(""), fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), maxLength: 64 })),
  });
  it("answers 2xx or 4xx in words, and a 4xx changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(query, body, async (q, b) => {
        const db = await fresh("officer");
        const before = await db.bytes();
        const response = await importRegister(
          new Request(`http://sise.local/api/imports/register?${new URLSearchParams(q)}`, {
            method: "POST",
            body: b,
            headers: { "sec-fetch-site": "same-origin" },
          }),
        );
        expect(response.status, JSON.stringify(q)).toBeLessThan(500);
        const state = (await response.json()) as { status: string; message?: string };
        if (response.status >= 400) {
          expect(state.message, "a refusal says why").toBeTruthy();
          expect((await db.bytes()).equals(before), "a refused upload changed the database").toBe(true);
        }
        // An accepted upload is only ever a dry run here: no digest the plan could match.
        if (response.status === 200 && q.intent !== "commit")
          expect((await db.bytes()).equals(before), "a dry run wrote").toBe(true);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 15) },
    );
  }, 120_000);
});

describe("the read API and the export check under hostile requests", () => {
  const query = fc
    .dictionary(
      fc.constantFrom("after", "since", "limit", "area", "region", "colour", "status", "updatedSince", "x"),
      value.filter((v) => v.length < 2000),
      { maxKeys: 5 },
    )
    .map((d) => new URLSearchParams(d).toString());
  it.each([
    ["risks", apiRisks],
    ["board", apiBoard],
    ["events", apiEvents],
  ] as const)(
    "/api/v1/%s answers below 500 to any query",
    async (path, handler) => {
      await fc.assert(
        fc.asyncProperty(query, async (q) => {
          const db = await fresh("admin");
          const { token } = await issueApiToken(db.db, {
            name: "平台",
            areaIds: [],
            regionIds: [],
            actor: { id: fixture.users.admin, name: "admin" },
            now: new Date(),
          });
          const response = await handler(
            new Request(`http://sise.local/api/v1/${path}?${q}`, { headers: { authorization: `Bearer ${token}` } }),
          );
          expect(response.status, q).toBeLessThan(500);
          await response.arrayBuffer();
        }),
        { numRuns: Number(process.env.FC_RUNS ?? 15) },
      );
    },
    120_000,
  );

  it("/api/exports/verify answers below 500 to any upload and writes nothing", async () => {
    const body = fc.oneof(
      fc.string({ maxLength: 2000 }),
      fc.constantFrom(...HOSTILE),
      fc.constantFrom(
        '\uFEFF"# sise-export v1; kind=history; scope=full; rows=3"\r\nseq,at\r\n1,2\r\n',
        'a,b\r\n"unterminated',
      ),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const db = await fresh("auditor");
        const before = await db.bytes();
        const response = await verifyExport(
          new Request("http://sise.local/api/exports/verify", {
            method: "POST",
            body: text,
            headers: { "sec-fetch-site": "same-origin" },
          }),
        );
        expect(response.status).toBeLessThan(500);
        await response.arrayBuffer();
        expect((await db.bytes()).equals(before)).toBe(true);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 15) },
    );
  }, 120_000);
});
