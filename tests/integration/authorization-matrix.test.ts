import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import sharp from "sharp";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request-context")).nextHeaders);
vi.mock("next/navigation", async () => (await import("../support/request-context")).nextNavigation);
vi.mock("next/cache", async () => (await import("../support/request-context")).nextCache);
vi.mock("@/db/client", async () => (await import("../support/request-context")).dbClient);
vi.mock("next-intl/server", async () => (await import("../support/request-context")).nextIntlServer());

import { setLocaleAction } from "@/app/actions/set-locale";
import { signOutAction } from "@/app/actions/sign-out";
import { changePasswordAction } from "@/app/account/actions/change-password";
import { confirmTotpAction, disableTotpAction, startTotpAction } from "@/app/account/actions/two-factor";
import {
  createReferenceAction,
  renameReferenceAction,
  setReferenceActiveAction,
} from "@/app/admin/reference/actions/reference";
import { updateSettingsAction } from "@/app/admin/settings/actions/update-settings";
import { resetPasswordAction, resetTotpAction, setActiveAction } from "@/app/admin/users/actions/account-controls";
import { createUserAction } from "@/app/admin/users/actions/create-user";
import { updateUserAction } from "@/app/admin/users/actions/update-user";
import { signInAction } from "@/app/login/actions/sign-in";
import { verifyTotpAction } from "@/app/login/actions/verify-totp";
import { GET as health } from "@/app/api/health/route";
import { GET as boardVersion } from "@/app/api/board/version/route";
import { GET as divisions } from "@/app/api/divisions/route";
import { GET as exportHistory } from "@/app/api/exports/history/route";
import { POST as verifyExportRoute } from "@/app/api/exports/verify/route";
import { GET as exportRegister } from "@/app/api/exports/register/route";
import { GET as apiBoard } from "@/app/api/v1/board/route";
import { GET as apiEvents } from "@/app/api/v1/events/route";
import { GET as apiRisks } from "@/app/api/v1/risks/route";
import { GET as apiHazardsRoute } from "@/app/api/v1/hazards/route";
import { issueApiTokenAction, revokeApiTokenAction } from "@/app/admin/api-tokens/actions/api-tokens";
import { verifyHistoryAction } from "@/app/audit/actions/verify-history";
import { acknowledgeRedAction } from "@/app/risks/actions/acknowledge-red";
import { changeStatusAction } from "@/app/risks/actions/change-status";
import { createRiskAction } from "@/app/risks/actions/create-risk";
import { gradeRiskAction } from "@/app/risks/actions/grade-risk";
import { addMeasureAction, updateMeasureAction } from "@/app/risks/actions/measures";
import { reviewRiskAction } from "@/app/risks/actions/review-risk";
import { updateRiskAction } from "@/app/risks/actions/update-risk";
import { createFirstAdminAction } from "@/app/setup/actions/create-first-admin";
import { fileReportAction } from "@/app/reports/actions/file-report";
import { saveConclusionsAction } from "@/app/analysis/actions/save-conclusions";
import { closeMeetingAction, createMeetingAction, updateMeetingAction } from "@/app/meetings/actions/meeting-record";
import {
  addCorrectionAction,
  addDecisionAction,
  addDiscussedAction,
  addTaskAction,
} from "@/app/meetings/actions/meeting-items";
import { completeTaskAction } from "@/app/tasks/actions/complete-task";
import { GET as exportAnalysis } from "@/app/api/exports/analysis/route";
import { GET as exportBoard } from "@/app/api/exports/board/route";
import { POST as importRegister } from "@/app/api/imports/register/route";
import { POST as importDivisions } from "@/app/api/imports/divisions/route";
import { POST as importHazards } from "@/app/api/imports/hazards/route";
import { totpCodeAt } from "@/lib/auth/totp";
import { createHazardAction } from "@/app/hazards/actions/create-hazard";
import {
  acceptAction,
  assignAction,
  extendAction,
  fiveInPlaceAction,
  submitAction,
  superviseAction,
} from "@/app/hazards/actions/steps";
import { completeInspectionAction, planInspectionAction } from "@/app/inspections/actions/inspections";
import { GET as hazardAttachment } from "@/app/api/hazards/attachments/[id]/route";
import { GET as exportHazardStats } from "@/app/api/exports/hazard-stats/route";
import { GET as exportHazards } from "@/app/api/exports/hazards/route";
import { POST as uploadHazardFiles } from "@/app/api/uploads/hazards/[code]/route";
import { folderStore } from "@/lib/files/attachment-store";
import { buildTemplate, form, openCopy, PASSWORD, signInAs, type Fixture } from "../support/accounts";
import { ctx, resetRequest, run } from "../support/request-context";

/**
 * The authorization matrix: every server action (and every route handler, once there are any),
 * called directly by every kind of caller. Allowed calls must do their job; forbidden calls must
 * be refused and leave the database byte-for-byte as it was.
 */
const CALLERS = [
  "anonymous",
  "admin",
  "officer",
  "officerOut",
  "leader",
  "auditor",
  "inspector",
  "pendingTotp",
] as const;
type Caller = (typeof CALLERS)[number];
const SIGNED_IN: Caller[] = ["admin", "officer", "officerOut", "leader", "auditor", "inspector"];
const EVERYONE: Caller[] = [...CALLERS];

const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
type Copy = Awaited<ReturnType<typeof openCopy>>;
const setTotp = (db: Copy, userId: number, column: "totp_secret" | "totp_pending_secret") =>
  db.run(`UPDATE users SET ${column} = ? WHERE id = ?`, TOTP_SECRET, userId);

type Outcome = Awaited<ReturnType<typeof run>>;
type Case = {
  allowed: Caller[];
  prepare?: (db: Copy, f: Fixture, userId: number) => Promise<unknown>;
  call: (f: Fixture) => Promise<unknown>;
  /** What "it did its job" looks like for an allowed caller. */
  succeeded: (o: Outcome) => boolean;
};

const ok = (o: Outcome) => (o.result as { ok?: boolean } | undefined)?.ok === true;
const redirectedTo = (prefix: string) => (o: Outcome) => !!o.redirect?.startsWith(prefix);

const soon = () => new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
const grading = {
  method: "matrix",
  lecL: "",
  lecE: "",
  lecC: "",
  matrixL: "3",
  matrixS: "3",
  colour: "",
  overrideReason: "",
  reason: "复核",
  nextReviewDate: "",
};
const riskForm = (f: Fixture, over: Record<string, string> = {}) =>
  form({
    title: "神木市液化石油气储配站风险",
    description: "",
    areaId: String(f.areaId.S03),
    regionId: String(f.regionId["610881"]),
    responsibleUnitId: String(f.unitId["U-ZJJ"]),
    responsiblePerson: "李娜",
    coUnitIds: [],
    ...grading,
    nextReviewDate: soon(),
    ...over,
  });
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const RECORDERS: Caller[] = ["officer", "officerOut", "leader"];
/**
 * An open meeting (id 1, held yesterday) with a task (id 1) for the officer's unit, 市住房和城乡建设局.
 * The ids are the tables' first (no explicit id: PostgreSQL's identity would not follow one).
 */
const withMeeting = async (db: Copy, f: Fixture) => {
  await db.run(
    `INSERT INTO meetings (type, title, held_at, chair, attendees, created_by, created_at) VALUES ('dispatch', '调度会', ?, '局长', '[]', ?, ?)`,
    Date.now() - 86_400_000,
    f.users.leader,
    Date.now() - 86_400_000,
  );
  await db.run(
    "INSERT INTO meeting_tasks (meeting_id, unit_id, title, due_date) VALUES (1, ?, '排查燃气管网', '2099-01-01')",
    f.unitId["U-ZJJ"],
  );
};
const meetingForm = {
  type: "monthly_review",
  title: "月研判会",
  day: "2026-11-02",
  time: "09:30",
  chair: "市长",
  attendees: "应急局\n公安局",
  notes: "",
};

const hazardForm = (f: Fixture) => ({
  title: "液化气钢瓶露天存放",
  description: "",
  grade: "general",
  areaId: String(f.areaId.S03),
  regionId: String(f.regionId["610881"]),
  place: "储配站东侧",
  riskCode: "",
  inspectionCode: "",
  foundOn: "2026-01-06",
});
const FIVE = { targets: "更换报警器", funds: "2 万元", people: "张伟", timing: "7 日内", safety: "停用储罐并值守" };
const PASSED = { outcome: "pass", type: "self", completedOn: "2026-01-08", costWan: "0.5", opinion: "", version: "1" };
const rectifying = (db: Copy, code: string) =>
  db.run(
    "UPDATE hazards SET status = 'rectifying', deadline = '2099-01-01', rectify_person = '张伟' WHERE code = ?",
    code,
  );
const accepting = (db: Copy, code: string, rectifiedBy: number) =>
  db.run(
    "UPDATE hazards SET status = 'accepting', deadline = '2099-01-01', measures_taken = '已整改', rectified_by_id = ? WHERE code = ?",
    rectifiedBy,
    code,
  );
/** A small PNG, its bytes in the attachment store of this test run and its row on the general hazard. */
const attachmentsDir = mkdtempSync(join(tmpdir(), "sise-attachments-"));
process.env.SISE_ATTACHMENTS_DIR = attachmentsDir;
let png: Buffer;

/** The in-scope risk is at version 2 in the fixture (created, then a measure added). */
const withVersion = (fd: FormData, v: string) => (fd.set("version", v), fd);

const ACTIONS: Record<string, Case> = {
  createRiskAction: {
    allowed: ["officer"],
    call: (f) => createRiskAction({ ok: false }, riskForm(f)),
    succeeded: redirectedTo("/risks/YL-"),
  },
  updateRiskAction: {
    allowed: ["officer"],
    call: (f) => updateRiskAction(f.risks.inScope, { ok: false }, withVersion(riskForm(f), "2")),
    succeeded: redirectedTo(`/risks/`),
  },
  // Scope works both ways: nobody may take over a risk outside their scope by moving it into it.
  "updateRiskAction:takeOver": {
    allowed: [],
    call: (f) =>
      updateRiskAction(
        f.risks.inScope,
        { ok: false },
        (() => {
          const d = riskForm(f, { areaId: String(f.areaId.S01), regionId: String(f.regionId["610802"]) });
          d.set("version", "2");
          return d;
        })(),
      ),
    succeeded: () => false,
  },
  gradeRiskAction: {
    allowed: ["officer"],
    call: (f) =>
      gradeRiskAction(
        f.risks.inScope,
        { ok: false },
        form({ ...grading, matrixL: "5", matrixS: "4", reason: "泄漏报警", nextReviewDate: soon(), version: "2" }),
      ),
    succeeded: redirectedTo("/risks/"),
  },
  reviewRiskAction: {
    allowed: ["officer"],
    call: (f) =>
      reviewRiskAction(
        f.risks.inScope,
        { ok: false },
        form({ note: "现场核查,无变化", nextReviewDate: soon(), version: "2" }),
      ),
    succeeded: redirectedTo("/risks/"),
  },
  changeStatusAction: {
    allowed: ["officer"],
    call: (f) =>
      changeStatusAction(
        f.risks.inScope,
        { ok: false },
        form({ status: "controlling", reason: "已落实专人盯守", version: "2" }),
      ),
    succeeded: redirectedTo("/risks/"),
  },
  "changeStatusAction:outOfScope": {
    allowed: [],
    call: (f) =>
      changeStatusAction(
        f.risks.outScope,
        { ok: false },
        form({ status: "controlling", reason: "越权", version: "1" }),
      ),
    succeeded: () => false,
  },
  acknowledgeRedAction: {
    allowed: ["leader"],
    call: (f) => acknowledgeRedAction(f.risks.red, { ok: false }, form({ instruction: "立即组织排查", version: "1" })),
    succeeded: redirectedTo("/risks/"),
  },
  addMeasureAction: {
    allowed: ["officer"],
    call: (f) =>
      addMeasureAction(
        f.risks.inScope,
        { ok: false },
        form({
          measureDescription: "加装泄漏报警",
          owner: "张伟",
          dueDate: "",
          measureStatus: "planned",
          version: "2",
        }),
      ),
    succeeded: redirectedTo("/risks/"),
  },
  updateMeasureAction: {
    allowed: ["officer"],
    call: (f) =>
      updateMeasureAction(
        f.risks.inScope,
        f.measureId,
        { ok: false },
        form({ measureDescription: "每日巡检", owner: "张伟", dueDate: "", measureStatus: "done", version: "2" }),
      ),
    succeeded: redirectedTo("/risks/"),
  },
  fileReportAction: {
    // Filing needs the permission and the unit: officerOut reports for another unit and is refused.
    allowed: ["officer"],
    call: (f) =>
      fileReportAction(
        { ok: false },
        form({ unitId: String(f.unitId["U-ZJJ"]), day: today(), kind: "zero", note: "" }),
      ),
    succeeded: ok,
  },
  saveConclusionsAction: {
    allowed: ["officer", "officerOut"],
    call: () => saveConclusionsAction("2026-W46", { ok: false }, form({ text: "本周风险总体平稳。", version: "0" })),
    succeeded: ok,
  },
  createMeetingAction: {
    allowed: RECORDERS,
    call: () => createMeetingAction({ ok: false }, form(meetingForm)),
    succeeded: redirectedTo("/meetings/"),
  },
  updateMeetingAction: {
    allowed: RECORDERS,
    prepare: withMeeting,
    call: () => updateMeetingAction(1, { ok: false }, form({ ...meetingForm, version: "1" })),
    succeeded: ok,
  },
  closeMeetingAction: {
    allowed: RECORDERS,
    prepare: withMeeting,
    call: () => closeMeetingAction(1, { ok: false }, form({ version: "1" })),
    succeeded: ok,
  },
  addDiscussedAction: {
    allowed: RECORDERS,
    prepare: withMeeting,
    call: (f) => addDiscussedAction(1, { ok: false }, form({ riskCode: f.risks.inScope, note: "研究" })),
    succeeded: ok,
  },
  addDecisionAction: {
    allowed: RECORDERS,
    prepare: withMeeting,
    call: () => addDecisionAction(1, { ok: false }, form({ leader: "市长", text: "抓紧整改", riskCode: "" })),
    succeeded: ok,
  },
  addTaskAction: {
    allowed: RECORDERS,
    prepare: withMeeting,
    call: (f) =>
      addTaskAction(
        1,
        { ok: false },
        form({ task: "排查", unitId: String(f.unitId["U-YJJ"]), dueDate: "2099-01-01", riskCode: "" }),
      ),
    succeeded: ok,
  },
  addCorrectionAction: {
    allowed: RECORDERS,
    prepare: withMeeting,
    call: () => addCorrectionAction(1, { ok: false }, form({ text: "参会人员补记:市水利局" })),
    succeeded: ok,
  },
  completeTaskAction: {
    allowed: ["officer"],
    prepare: withMeeting,
    call: () => completeTaskAction(1, { ok: false }, form({ note: "已完成排查" })),
    succeeded: ok,
  },
  issueApiTokenAction: {
    allowed: ["admin"],
    call: () => issueApiTokenAction({ ok: false }, form({ name: "治理平台" })),
    succeeded: (o) => ok(o) && typeof (o.result as { token?: string }).token === "string",
  },
  revokeApiTokenAction: {
    allowed: ["admin"],
    prepare: (db) =>
      db.run("INSERT INTO api_tokens (name, token_hash, created_by, created_at) VALUES ('平台', 'h', 1, 0)"),
    call: () => revokeApiTokenAction(1, { ok: false }, form({})),
    succeeded: ok,
  },
  verifyHistoryAction: { allowed: ["auditor"], call: () => verifyHistoryAction({ ok: false }), succeeded: ok },
  createUserAction: {
    allowed: ["admin"],
    call: () =>
      createUserAction({ ok: false }, form({ username: "new.officer", displayName: "新用户", roles: ["auditor"] })),
    succeeded: ok,
  },
  updateUserAction: {
    allowed: ["admin"],
    call: (f) =>
      updateUserAction(
        f.users.leader,
        { ok: false },
        form({ displayName: "市领导(改)", roles: ["leader"], version: "1" }),
      ),
    succeeded: ok,
  },
  resetPasswordAction: {
    allowed: ["admin"],
    call: (f) => resetPasswordAction(f.users.auditor, { ok: false }),
    succeeded: ok,
  },
  setActiveAction: {
    allowed: ["admin"],
    call: (f) => setActiveAction(f.users.auditor, false, { ok: false }),
    succeeded: ok,
  },
  resetTotpAction: {
    allowed: ["admin"],
    prepare: (db, f) => setTotp(db, f.users.auditor, "totp_secret"),
    call: (f) => resetTotpAction(f.users.auditor, { ok: false }),
    succeeded: ok,
  },
  updateSettingsAction: {
    allowed: ["admin"],
    call: () =>
      updateSettingsAction(
        { ok: false },
        form({
          reviewRed: "7",
          reviewOrange: "15",
          reviewYellow: "30",
          reviewBlue: "60",
          lecRedAbove: "320",
          lecOrange: "160",
          lecYellow: "70",
          matrixRed: "20",
          matrixOrange: "10",
          matrixYellow: "4",
          reportCutoff: "17:00",
        }),
      ),
    succeeded: ok,
  },
  createReferenceAction: {
    allowed: ["admin"],
    call: () =>
      createReferenceAction("units", { ok: false }, form({ code: "U-NEW", nameZh: "市新设单位", nameEn: "New unit" })),
    succeeded: ok,
  },
  renameReferenceAction: {
    allowed: ["admin"],
    call: (f) =>
      renameReferenceAction(
        "areas",
        f.areaId.S03,
        { ok: false },
        form({ nameZh: "城镇燃气(含瓶装液化气)", nameEn: "Urban gas" }),
      ),
    succeeded: ok,
  },
  setReferenceActiveAction: {
    allowed: ["admin"],
    call: (f) => setReferenceActiveAction("units", f.unitId["U-ZJJ"], false, { ok: false }),
    succeeded: ok,
  },
  changePasswordAction: {
    allowed: SIGNED_IN,
    call: () =>
      changePasswordAction(
        { ok: false },
        form({ current: PASSWORD, next: "a much better passphrase", confirm: "a much better passphrase" }),
      ),
    succeeded: redirectedTo("/account?passwordChanged=1"),
  },
  startTotpAction: { allowed: SIGNED_IN, call: () => startTotpAction({ ok: false }), succeeded: ok },
  confirmTotpAction: {
    allowed: SIGNED_IN,
    prepare: (db, _f, userId) => setTotp(db, userId, "totp_pending_secret"),
    call: () => confirmTotpAction({ ok: false }, form({ code: totpCodeAt(TOTP_SECRET, Date.now()) })),
    succeeded: redirectedTo("/account?totpEnabled=1"),
  },
  disableTotpAction: {
    allowed: SIGNED_IN,
    prepare: (db, _f, userId) => setTotp(db, userId, "totp_secret"),
    call: () => disableTotpAction({ ok: false }, form({ password: PASSWORD })),
    succeeded: redirectedTo("/account?totpDisabled=1"),
  },
  verifyTotpAction: {
    allowed: ["pendingTotp"],
    prepare: (db, _f, userId) => setTotp(db, userId, "totp_secret"),
    call: () => verifyTotpAction({ ok: false }, form({ code: totpCodeAt(TOTP_SECRET, Date.now()), next: "/board" })),
    succeeded: redirectedTo("/board"),
  },
  // Public by nature: the way in, the way out, and the caller's own language cookie.
  signInAction: {
    allowed: EVERYONE,
    call: () => signInAction({ ok: false }, form({ username: "leader", password: PASSWORD })),
    succeeded: redirectedTo("/risks"),
  },
  signOutAction: { allowed: EVERYONE, call: () => signOutAction(), succeeded: redirectedTo("/login?signedOut=1") },
  setLocaleAction: {
    allowed: EVERYONE,
    call: () => setLocaleAction(form({ locale: "en" })),
    succeeded: () => ctx.cookies.get("NEXT_LOCALE") === "en",
  },
  // Closed for good once any account exists, whoever asks.
  createFirstAdminAction: {
    allowed: [],
    call: () =>
      createFirstAdminAction(
        { ok: false },
        form({ token: "x", username: "root", displayName: "root", password: "long enough password" }),
      ),
    succeeded: () => false,
  },
  // Hazards: recorders and rectifiers within their scope; acceptance a permission of its own
  // (officers in scope, leaders), never by the rectifier; supervision by leaders.
  createHazardAction: {
    allowed: ["officer", "inspector"],
    call: (f) => createHazardAction({ ok: false }, form(hazardForm(f))),
    succeeded: redirectedTo("/hazards/YH-"),
  },
  fiveInPlaceAction: {
    allowed: ["officer", "inspector"],
    call: (f) => fiveInPlaceAction(f.hazards.major, { ok: false }, form({ ...FIVE, version: "1" })),
    succeeded: redirectedTo("/hazards/"),
  },
  assignAction: {
    allowed: ["officer", "inspector"],
    call: (f) =>
      assignAction(
        f.hazards.general,
        { ok: false },
        form({ unitId: String(f.unitId["U-ZJJ"]), person: "张伟", deadline: "2099-01-01", version: "1" }),
      ),
    succeeded: redirectedTo("/hazards/"),
  },
  // A major hazard without its five in place: nobody may start its rectification.
  "assignAction:withoutFive": {
    allowed: [],
    call: (f) =>
      assignAction(
        f.hazards.major,
        { ok: false },
        form({ unitId: String(f.unitId["U-ZJJ"]), person: "张伟", deadline: "2099-01-01", version: "1" }),
      ),
    succeeded: () => false,
  },
  extendAction: {
    allowed: ["officer", "inspector"],
    prepare: (db, f) => rectifying(db, f.hazards.general),
    call: (f) =>
      extendAction(
        f.hazards.general,
        { ok: false },
        form({ deadline: "2099-02-01", reason: "设备到货延迟", version: "1" }),
      ),
    succeeded: redirectedTo("/hazards/"),
  },
  submitAction: {
    allowed: ["officer", "inspector"],
    prepare: (db, f) => rectifying(db, f.hazards.general),
    call: (f) => submitAction(f.hazards.general, { ok: false }, form({ measuresTaken: "已清理通道", version: "1" })),
    succeeded: redirectedTo("/hazards/"),
  },
  acceptAction: {
    allowed: ["officer", "leader"],
    prepare: (db, f) => accepting(db, f.hazards.general, f.users.admin),
    call: (f) => acceptAction(f.hazards.general, { ok: false }, form(PASSED)),
    succeeded: redirectedTo("/hazards/"),
  },
  // The person who reported the rectification cannot accept it, whatever their permissions.
  "acceptAction:own": {
    allowed: [],
    prepare: (db, f, userId) => accepting(db, f.hazards.general, userId),
    call: (f) => acceptAction(f.hazards.general, { ok: false }, form(PASSED)),
    succeeded: () => false,
  },
  superviseAction: {
    allowed: ["leader"],
    call: (f) =>
      superviseAction(
        f.hazards.major,
        { ok: false },
        form({ level: "city", unitId: String(f.unitId["U-YJJ"]), deadline: "2099-01-01", version: "1" }),
      ),
    succeeded: redirectedTo("/hazards/"),
  },
  planInspectionAction: {
    allowed: ["officer", "inspector"],
    call: (f) =>
      planInspectionAction(
        { ok: false },
        form({
          title: "加气站排查",
          campaign: "",
          unitId: String(f.unitId["U-ZJJ"]),
          areaId: String(f.areaId.S03),
          regionId: String(f.regionId["610881"]),
          plannedFrom: "2026-02-01",
          plannedTo: "2026-02-03",
          inspectors: "王五",
        }),
      ),
    succeeded: redirectedTo("/inspections/PC-"),
  },
  completeInspectionAction: {
    allowed: ["officer", "inspector"],
    call: (f) =>
      completeInspectionAction(
        f.inspection,
        { ok: false },
        form({ outcome: "nothing", doneOn: "2026-01-09", version: "1" }),
      ),
    succeeded: redirectedTo("/inspections/"),
  },
};

/** Route handlers that exist must each be listed here with their allowed callers. */
type RouteCase = {
  allowed: Caller[];
  call: () => Promise<Response>;
  succeeded: (r: Response, body: unknown) => boolean;
  /** Callers with the permission whom the rules refuse (422, in words, nothing written). */
  refusedByRule?: Caller[];
};
const ROUTE_HANDLERS: Record<string, RouteCase> = {
  // Public by design (a load balancer's probe): it answers whether the database does, nothing more.
  "app/api/health/route.ts": {
    allowed: EVERYONE,
    call: () => health(),
    succeeded: (r, body) => r.status === 200 && JSON.stringify(body) === '{"store":"up"}',
  },
  "app/api/divisions/route.ts": {
    allowed: SIGNED_IN,
    call: () => divisions(new Request(`http://sise.local/api/divisions?q=${encodeURIComponent("榆阳")}`)),
    succeeded: (r, body) =>
      r.status === 200 && (body as { divisions: Array<{ label: string }> }).divisions[0]?.label === "榆阳区",
  },
  "app/api/board/version/route.ts": {
    allowed: SIGNED_IN,
    call: () =>
      boardVersion(
        new Request("http://sise.local/api/board/version", { headers: { "sec-fetch-site": "same-origin" } }),
      ),
    succeeded: (r, body) =>
      r.status === 200 &&
      typeof (body as { version?: unknown }).version === "number" &&
      (body as { version: number }).version > 0,
  },
  "app/api/exports/history/route.ts": {
    allowed: ["auditor"],
    call: () =>
      exportHistory(
        new Request("http://sise.local/api/exports/history?action=grade", {
          headers: { "sec-fetch-site": "same-origin" },
        }),
      ),
    succeeded: (r, body) =>
      r.status === 200 && typeof body === "string" && body.includes("sise-export v2; kind=history; scope=partial"),
  },
  "app/api/exports/register/route.ts": {
    allowed: SIGNED_IN,
    call: () =>
      exportRegister(
        new Request("http://sise.local/api/exports/register?colour=red", {
          headers: { "sec-fetch-site": "same-origin" },
        }),
      ),
    succeeded: (r, body) =>
      r.status === 200 && typeof body === "string" && body.includes("kind=register; scope=partial"),
  },
  // The read API takes API tokens only: every session caller, even an admin, is refused.
  "app/api/v1/risks/route.ts": {
    allowed: [],
    call: () => apiRisks(new Request("http://sise.local/api/v1/risks")),
    succeeded: () => false,
  },
  "app/api/v1/hazards/route.ts": {
    allowed: [],
    call: () => apiHazardsRoute(new Request("http://sise.local/api/v1/hazards")),
    succeeded: () => false,
  },
  "app/api/v1/board/route.ts": {
    allowed: [],
    call: () => apiBoard(new Request("http://sise.local/api/v1/board")),
    succeeded: () => false,
  },
  "app/api/v1/events/route.ts": {
    allowed: [],
    call: () => apiEvents(new Request("http://sise.local/api/v1/events")),
    succeeded: () => false,
  },
  "app/api/exports/analysis/route.ts": {
    allowed: ["officer", "officerOut", "leader", "auditor"],
    call: () =>
      exportAnalysis(
        new Request("http://sise.local/api/exports/analysis?week=2026-W46&format=docx", {
          headers: { "sec-fetch-site": "same-origin" },
        }),
      ),
    succeeded: (r) => r.status === 200 && r.headers.get("content-type")!.includes("wordprocessingml"),
  },
  "app/api/exports/board/route.ts": {
    allowed: SIGNED_IN,
    call: () =>
      exportBoard(
        new Request("http://sise.local/api/exports/board?format=pdf", { headers: { "sec-fetch-site": "same-origin" } }),
      ),
    succeeded: (r) => r.status === 200 && r.headers.get("content-type") === "application/pdf",
  },
  "app/api/imports/register/route.ts": {
    // The out-of-scope officer may import, but not this row: the dry run refuses it and nothing is written.
    allowed: ["officer"],
    refusedByRule: ["officerOut"],
    call: async () => {
      const csv = `code,title,description,area_code,area,region_code,region,colour,status,method,responsible_unit_code,responsible_unit,responsible_person,co_unit_codes,next_review_date\r\n,神木市加气站风险,,S03,,610881,,黄,,,U-ZJJ,,李娜,,\r\n`;
      const post = (query: string) =>
        importRegister(
          new Request(`http://sise.local/api/imports/register?name=${encodeURIComponent("台账.csv")}&${query}`, {
            method: "POST",
            body: csv,
            headers: { "sec-fetch-site": "same-origin" },
          }),
        );
      const preview = await post("intent=preview");
      if (preview.status !== 200) return preview;
      const { digest } = (await preview.json()) as { digest: string };
      return post(`intent=commit&digest=${digest}`);
    },
    succeeded: (r, body) => r.status === 200 && (body as { status?: string }).status === "done",
  },
  "app/api/imports/hazards/route.ts": {
    // The out-of-scope officer may import, but not this row: the dry run refuses it and nothing is written.
    allowed: ["officer", "inspector"],
    refusedByRule: ["officerOut"],
    call: async () => {
      const csv = `隐患编号,隐患名称,隐患等级,类别/领域代码,区划代码,发现日期\r\n,加气站静电接地失效,一般隐患,S03,610881,2026-01-07\r\n`;
      const post = (query: string) =>
        importHazards(
          new Request(`http://sise.local/api/imports/hazards?name=${encodeURIComponent("清单.csv")}&${query}`, {
            method: "POST",
            body: csv,
            headers: { "sec-fetch-site": "same-origin" },
          }),
        );
      const preview = await post("intent=preview");
      if (preview.status !== 200) return preview;
      const { digest } = (await preview.json()) as { digest: string };
      return post(`intent=commit&digest=${digest}`);
    },
    succeeded: (r, body) => r.status === 200 && (body as { status?: string }).status === "done",
  },
  "app/api/imports/divisions/route.ts": {
    allowed: ["admin"],
    call: async () => {
      const csv = "代码,名称\r\n610881001000,示例镇\r\n610881001001,示例村\r\n";
      const post = (query: string) =>
        importDivisions(
          new Request(`http://sise.local/api/imports/divisions?name=${encodeURIComponent("区划.csv")}&${query}`, {
            method: "POST",
            body: csv,
            headers: { "sec-fetch-site": "same-origin" },
          }),
        );
      const preview = await post("intent=preview");
      if (preview.status !== 200) return preview;
      const { digest } = (await preview.json()) as { digest: string };
      return post(`intent=commit&digest=${digest}`);
    },
    succeeded: (r, body) => r.status === 200 && (body as { status?: string }).status === "done",
  },
  "app/api/uploads/hazards/[code]/route.ts": {
    allowed: ["officer", "inspector"],
    call: () => {
      const body = new FormData();
      body.append("files", new Blob([new Uint8Array(png)], { type: "image/png" }), "现场.png");
      return uploadHazardFiles(
        new Request(`http://sise.local/api/uploads/hazards/${fixture.hazards.general}`, {
          method: "POST",
          body,
          headers: { "sec-fetch-site": "same-origin", accept: "application/json" },
        }),
        { params: Promise.resolve({ code: fixture.hazards.general }) },
      );
    },
    succeeded: (r, body) => r.status === 200 && (body as { ids?: number[] }).ids?.length === 1,
  },
  "app/api/exports/hazards/route.ts": {
    allowed: SIGNED_IN,
    call: () =>
      exportHazards(
        new Request("http://sise.local/api/exports/hazards?grade=major&format=csv", {
          headers: { "sec-fetch-site": "same-origin" },
        }),
      ),
    succeeded: (r, body) =>
      r.status === 200 && typeof body === "string" && body.includes("kind=hazards; scope=partial; rows=1"),
  },
  "app/api/exports/hazard-stats/route.ts": {
    allowed: SIGNED_IN,
    call: () =>
      exportHazardStats(
        new Request("http://sise.local/api/exports/hazard-stats?period=year&at=2026-06-01&format=xlsx", {
          headers: { "sec-fetch-site": "same-origin" },
        }),
      ),
    succeeded: (r) => r.status === 200 && r.headers.get("content-type")!.includes("spreadsheetml"),
  },
  "app/api/hazards/attachments/[id]/route.ts": {
    allowed: SIGNED_IN,
    call: () =>
      hazardAttachment(new Request("http://sise.local/api/hazards/attachments/1"), {
        params: Promise.resolve({ id: "1" }),
      }),
    succeeded: (r, body) =>
      r.status === 200 && r.headers.get("content-type") === "image/png" && typeof body === "string",
  },
  "app/api/exports/verify/route.ts": {
    allowed: ["auditor"],
    call: () =>
      verifyExportRoute(
        new Request("http://sise.local/api/exports/verify", {
          method: "POST",
          body: "a,b\r\n1,2\r\n",
          headers: { "sec-fetch-site": "same-origin" },
        }),
      ),
    // Allowed callers get the file checked: this one is not an export, and is told so.
    succeeded: (r, body) => r.status === 422 && (body as { problem?: string }).problem === "notAnExport",
  },
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

describe("the matrix covers every entry point", () => {
  const files = walk(join(process.cwd(), "app"));
  it("lists every exported server action", () => {
    const exported = files
      .filter((f) => /\.tsx?$/.test(f) && /^\s*["']use server["']/.test(readFileSync(f, "utf8")))
      .flatMap((f) => [...readFileSync(f, "utf8").matchAll(/export async function (\w+)/g)].map((m) => m[1]));
    expect(exported.sort()).toEqual([...new Set(Object.keys(ACTIONS).map((k) => k.split(":")[0]))].sort());
  });
  it("lists every route handler", () => {
    const routes = files.filter((f) => /\/route\.tsx?$/.test(f)).map((f) => relative(process.cwd(), f));
    expect(routes.sort()).toEqual(Object.keys(ROUTE_HANDLERS).sort());
  });
});

let fixture: Fixture;
beforeAll(async () => {
  png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#c00" } })
    .png()
    .toBuffer();
  const stored = await folderStore(attachmentsDir).put([png], 1 << 20);
  fixture = await buildTemplate({
    attachment: { hazard: "general", name: "现场.png", mime: "image/png", bytes: png.length, sha256: stored.sha256 },
  });
}, 30_000);

/** A fresh database copy per test; `as(caller)` signs that kind of caller in (after an optional preparation). */
function perTestDatabase() {
  const state = { copy: undefined as unknown as Awaited<ReturnType<typeof openCopy>> };
  beforeEach(async () => {
    resetRequest();
    state.copy = await openCopy(fixture);
  });
  afterEach(() => state.copy.cleanup());
  return {
    get copy() {
      return state.copy;
    },
    async as(caller: Caller, prepare?: (db: Copy, userId: number) => Promise<unknown>) {
      const userId =
        caller === "anonymous"
          ? fixture.users.admin
          : caller === "pendingTotp"
            ? fixture.users.officer
            : fixture.users[caller];
      await prepare?.(state.copy, userId);
      if (caller === "pendingTotp") await signInAs(state.copy.db, userId, { pendingTotp: true });
      else if (caller !== "anonymous") await signInAs(state.copy.db, userId);
    },
  };
}

describe.each(Object.entries(ACTIONS))("%s", (_name, action) => {
  const t = perTestDatabase();

  it.each(CALLERS)("called by %s", async (caller) => {
    await t.as(caller, async (db, userId) => action.prepare?.(db, fixture, userId));
    const before = await t.copy.bytes();
    const outcome = await run(() => action.call(fixture));

    if (action.allowed.includes(caller)) {
      expect(action.succeeded(outcome), JSON.stringify(outcome)).toBe(true);
    } else {
      expect(outcome.redirect, "a refused call must not redirect as if it worked").toBeUndefined();
      expect((outcome.result as { ok?: boolean }).ok).toBe(false);
      expect((await t.copy.bytes()).equals(before), "a refused call changed the database").toBe(true);
    }
  });
});

describe.each(Object.entries(ROUTE_HANDLERS))("%s", (_path, route) => {
  const t = perTestDatabase();

  it.each(CALLERS)("called by %s", async (caller) => {
    await t.as(caller);
    const before = await t.copy.bytes();
    const response = await route.call();
    const body = response.headers.get("content-type")?.includes("json") ? await response.json() : await response.text();
    if (route.allowed.includes(caller)) {
      expect(route.succeeded(response, body), JSON.stringify(body)).toBe(true);
    } else if (route.refusedByRule?.includes(caller)) {
      expect(response.status).toBe(422);
      expect(body).toMatchObject({ message: expect.any(String) });
      expect((await t.copy.bytes()).equals(before), "a refused call changed the database").toBe(true);
    } else {
      expect([401, 403]).toContain(response.status);
      expect(body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      expect((await t.copy.bytes()).equals(before), "a refused call changed the database").toBe(true);
    }
  });
});
