import { afterEach, beforeAll, beforeEach, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request-context")).nextHeaders);
vi.mock("next/navigation", async () => (await import("../support/request-context")).nextNavigation);
vi.mock("next/cache", async () => (await import("../support/request-context")).nextCache);
vi.mock("@/db/client", async () => (await import("../support/request-context")).dbClient);
vi.mock("next-intl/server", async () => (await import("../support/request-context")).nextIntlServer());

import { gradeRiskAction } from "@/app/risks/actions/grade-risk";
import { reviewRiskAction } from "@/app/risks/actions/review-risk";
import { buildTemplate, form, openCopy, signInAs, type Fixture } from "../support/accounts";
import { resetRequest, run } from "../support/request-context";

/** The grading steps through their server actions, as the officer's browser calls them. */
let fixture: Fixture;
let copy: Awaited<ReturnType<typeof openCopy>>;
beforeAll(async () => void (fixture = await buildTemplate()), 120_000);
beforeEach(async () => {
  resetRequest();
  copy = await openCopy(fixture);
  await signInAs(copy.db, fixture.users.officer);
});
afterEach(() => copy.cleanup());

const day = (n: number) =>
  new Date(Date.now() + n * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
const grading = (over: Record<string, string> = {}) =>
  form({
    method: "matrix",
    lecL: "",
    lecE: "",
    lecC: "",
    matrixL: "4",
    matrixS: "5",
    colour: "",
    overrideReason: "",
    reason: "泄漏报警",
    nextReviewDate: day(3),
    version: "2",
    ...over,
  });

it("a stale grading is refused with the other person's change in words, and the officer's input kept", async () => {
  const first = await run(() => gradeRiskAction(fixture.risks.inScope, { ok: false }, grading()));
  expect(first.redirect).toMatch(/graded=1/);
  const before = await copy.bytes();
  const second = await run(() =>
    gradeRiskAction(fixture.risks.inScope, { ok: false }, grading({ matrixL: "1", matrixS: "1", reason: "我的判断" })),
  );
  const state = second.result as {
    ok: boolean;
    message: { key: string };
    conflict: string[];
    values: Record<string, string>;
  };
  expect(state.ok).toBe(false);
  expect(state.message.key).toBe("form.conflict");
  expect(state.conflict).toHaveLength(1);
  expect(state.conflict[0]).toMatch(
    /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} officer \(officer\) 将等级由 橙 升为 红\(风险矩阵法\) — 泄漏报警$/,
  );
  expect(state.values.reason).toBe("我的判断");
  expect((await copy.bytes()).equals(before)).toBe(true);
});

it("an override without its reason, and a review date beyond the cadence, are refused with field errors", async () => {
  const before = await copy.bytes();
  const override = await run(() => gradeRiskAction(fixture.risks.inScope, { ok: false }, grading({ colour: "blue" })));
  expect((override.result as { fieldErrors: object }).fieldErrors).toEqual({
    overrideReason: [{ key: "overrideReasonRequired" }],
  });
  const late = await run(() =>
    gradeRiskAction(fixture.risks.inScope, { ok: false }, grading({ nextReviewDate: day(30) })),
  );
  expect(late.result?.fieldErrors?.nextReviewDate?.[0].key).toBe("reviewTooLate");
  const noNote = await run(() =>
    reviewRiskAction(fixture.risks.inScope, { ok: false }, form({ note: "", nextReviewDate: day(3), version: "2" })),
  );
  expect((noNote.result as { fieldErrors: object }).fieldErrors).toEqual({ note: [{ key: "required" }] });
  expect((await copy.bytes()).equals(before)).toBe(true);
});

it("20 clients grade the same risk from the same version at once: one wins, 19 are told of the conflict, the history shows one change", async () => {
  const grades = () => copy.value<number>("SELECT count(*) FROM risk_events WHERE action = 'grade'");
  const before = await grades();
  const outcomes = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      run(() => gradeRiskAction(fixture.risks.inScope, { ok: false }, grading({ reason: `判断 ${i}` }))),
    ),
  );
  const winners = outcomes.filter((o) => o.redirect?.includes("graded=1"));
  const losers = outcomes
    .map((o) => o.result as { ok: boolean; message: { key: string }; conflict: string[] } | undefined)
    .filter((r) => r && !r.ok);
  expect(winners).toHaveLength(1);
  expect(losers).toHaveLength(19);
  for (const r of losers) {
    expect(r!.message.key).toBe("form.conflict");
    expect(r!.conflict).toHaveLength(1); // the one change that won, in words
  }
  expect(await grades()).toBe(before + 1);
});

it("called from the page's script, a grading answers with the risk's address (no server-side redirect); posted without script, it redirects", async () => {
  const { ctx } = await import("../support/request-context");
  // The browser's script sends the action's id in Next-Action; a plain form post does not (issue 18).
  ctx.headers.set("next-action", "0123456789abcdef");
  const scripted = await run(() => gradeRiskAction(fixture.risks.inScope, { ok: false }, grading()));
  expect(scripted.redirect).toBeUndefined();
  expect(scripted.result).toEqual({ ok: true, redirectTo: `/risks/${fixture.risks.inScope}?graded=1` });
  const row = await copy.get<{ colour: string; version: number }>(
    "SELECT colour, version FROM risks WHERE code = ?",
    fixture.risks.inScope,
  );
  expect(row).toEqual({ colour: "red", version: 3 });
  ctx.headers.delete("next-action");
  const plain = await run(() =>
    reviewRiskAction(
      fixture.risks.inScope,
      { ok: false },
      form({ note: "复核", nextReviewDate: day(3), version: "3" }),
    ),
  );
  expect(plain.result).toBeUndefined();
  expect(plain.redirect).toBe(`/risks/${fixture.risks.inScope}?reviewed=1`);
});
