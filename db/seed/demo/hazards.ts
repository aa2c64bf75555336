import type { Db } from "../../store";
import { addDays, dayInZone } from "../../../lib/domain/dates";
import {
  planAcceptance,
  planAssignRectification,
  planFiveInPlace,
  planSubmitRectification,
  planSupervise,
  type HazardFacts,
  type HazardPlan,
  type HazardRefusal,
} from "../../../lib/domain/hazards";
import type { Actor } from "../../mutations/events";
import { changeHazard, insertHazard } from "../../mutations/hazards";
import { completeInspection, insertInspection } from "../../mutations/inspections";
import { createRng } from "../generate";
import type { PlannedRisk } from "./register";
import { must, type Timeline } from "./timeline";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What inspectors find, per kind of place: a title and where. Samples, clearly generic. */
const FINDINGS: Array<[string, string]> = [
  ["消防通道堆放杂物", "仓库东侧通道"],
  ["可燃气体报警器未定期检定", "储罐区"],
  ["配电箱未上锁、线路私拉乱接", "厂区配电室"],
  ["安全出口指示灯损坏", "一层大厅"],
  ["特种作业人员证书过期", "作业现场"],
  ["应急预案未按期演练", "办公楼"],
  ["防护栏杆缺失", "高处作业平台"],
  ["危化品未分类存放", "化学品库房"],
  ["灭火器压力不足", "车间"],
  ["井下通风设施损坏", "采区回风巷"],
  ["车辆超载运输", "运输线路"],
  ["燃气管道腐蚀", "老旧小区管网"],
];
/** A major finding, named after the risk it belongs to (so the demo's risk and hazard agree). */
const majorOf = (risk: PlannedRisk): [string, string] => [
  `${risk.title.replace(/风险$/, "")}：关键安全设施失效`,
  "现场重点部位",
];
const UNITS = ["张伟", "李娜", "王强", "刘洋", "陈静", "杨帆"];

/**
 * The demo's hazard loop (issue 22): a city-wide campaign (安全生产大排查大起底) of inspections in
 * the last ninety days, each ending with its findings or with nothing found, and the findings
 * driven through the loop as a real office would — most closed after acceptance, one failed
 * acceptance before passing, some still rectifying (a few overdue), some waiting for acceptance, and
 * two major hazards with their 五落实, one under the city's supervision. Found by the demo inspector,
 * rectified by the units' duty officers, accepted by the demo officer or a leader.
 */
export function planHazards(
  db: Db,
  timeline: Timeline,
  p: {
    now: Date;
    risks: PlannedRisk[];
    inspector: Actor & { id: number };
    rectifiers: Array<Actor & { id: number }>;
    acceptor: Actor & { id: number };
    leader: Actor & { id: number };
    unitIds: number[];
    /** The inspection's unit (the emergency bureau) and the supervising unit. */
    leadUnitId: number;
    /** Where the inspector may record (their scope): hazards are found only there. */
    inScope: (risk: PlannedRisk) => boolean;
  },
): { inspections: number; hazards: number } {
  const rng = createRng(20261206);
  const nowMs = p.now.getTime();
  const candidates = p.risks.filter((r) => p.inScope(r) && r.createdAt < nowMs - 120 * DAY);
  if (candidates.length === 0) return { inspections: 0, hazards: 0 };
  let found = 0;
  const INSPECTIONS = 8;
  for (let i = 0; i < INSPECTIONS; i++) {
    const startMs = nowMs - (85 - i * 10) * DAY + 9 * HOUR;
    const risk = rng.pick(candidates);
    const nothing = i % 4 === 3;
    const findings = nothing ? 0 : 2 + Math.floor(rng.next() * 4);
    const inspection = { id: 0, version: 1 };
    timeline.add(startMs, async (now) => {
      const day = dayInZone(now);
      const made = await insertInspection(db, {
        input: {
          title: `${risk.title.replace(/风险$/, "")}专项排查`,
          campaign: "安全生产大排查大起底",
          unitId: p.leadUnitId,
          areaId: risk.areaId,
          regionId: risk.regionId,
          plannedFrom: day,
          plannedTo: addDays(day, 2),
          inspectors: "演示·排查员",
        },
        actor: p.inspector,
        now,
        year: Number(day.slice(0, 4)),
      });
      inspection.id = made.id;
    });
    for (let k = 0; k < findings; k++) {
      found += 1;
      const major = found === 3 || found === 11;
      const [title, place] = major ? majorOf(risk) : rng.pick(FINDINGS);
      const foundMs = startMs + (k + 1) * 2 * HOUR;
      const ageDays = (nowMs - foundMs) / DAY;
      // The older the finding, the further along its loop.
      const roll = rng.next();
      const fate =
        major && found === 3
          ? "supervised"
          : ageDays > 40
            ? roll < 0.85
              ? "closed"
              : "overdue"
            : roll < 0.35
              ? "closed"
              : roll < 0.6
                ? "accepting"
                : roll < 0.85
                  ? "rectifying"
                  : "overdue";
      planOne(foundMs, { title, place, major, fate, risk, inspection, failOnce: found === 5 });
    }
    timeline.add(startMs + 3 * DAY - 2 * HOUR, async (now) => {
      const day = dayInZone(now);
      must(
        await completeInspection(db, {
          inspectionId: inspection.id,
          expectedVersion: inspection.version,
          nothingFound: nothing,
          doneOn: day,
          today: day,
          actor: p.inspector,
          now,
        }),
        "the end of an inspection",
      );
    });
  }
  return { inspections: INSPECTIONS, hazards: found };

  function planOne(
    foundMs: number,
    h: {
      title: string;
      place: string;
      major: boolean;
      fate: "closed" | "accepting" | "rectifying" | "overdue" | "supervised";
      risk: PlannedRisk;
      inspection: { id: number };
      failOnce: boolean;
    },
  ) {
    const state = { id: 0, version: 1 };
    const rectifier = rng.pick(p.rectifiers);
    const unitId = rng.pick(p.unitIds);
    const person = rng.pick(UNITS);
    const step = (at: number, plan: (f: HazardFacts, day: string) => HazardPlan | HazardRefusal, who: Actor) =>
      timeline.add(Math.min(at, nowMs - HOUR), async (now) => {
        const day = dayInZone(now);
        const r = must(
          await changeHazard(db, { hazardId: state.id, expectedVersion: state.version, actor: who, now }, (f) =>
            plan(f, day),
          ),
          `a step of ${h.title}`,
        );
        state.version = r.version;
      });
    timeline.add(foundMs, async (now) => {
      const day = dayInZone(now);
      const made = await insertHazard(db, {
        input: {
          title: h.title,
          description: "",
          areaId: h.risk.areaId,
          regionId: h.risk.regionId,
          place: h.place,
          grade: h.major ? "major" : "general",
          riskId: h.risk.id || null,
          inspectionId: h.inspection.id,
          foundOn: day,
        },
        actor: p.inspector,
        now,
        year: Number(day.slice(0, 4)),
      });
      state.id = made.id;
    });
    let at = foundMs + 6 * HOUR;
    if (h.major) {
      const fiveInPlace = {
        targets: "恢复失效的安全设施，消除隐患",
        funds: "专项资金 45 万元已落实",
        people: "企业主要负责人牵头，安全科 3 人",
        timing: "30 日内完成",
        safety: "停用相关设施，24 小时值守，应急预案已备案",
      };
      step(at, (f) => planFiveInPlace(f, { fiveInPlace }), rectifier);
      at += 2 * HOUR;
    }
    // Overdue ones were given a deadline that has passed; the others one still ahead (or met).
    const deadlineOf = (day: string) =>
      h.fate === "overdue"
        ? addDays(dayInZone(p.now), -1 - Math.floor(rng.next() * 10))
        : addDays(day, h.fate === "closed" ? 14 : 30);
    const deadline = deadlineOf(dayInZone(new Date(at)));
    step(
      at,
      (f, day) => planAssignRectification(f, { unitId, person, deadline: deadline < day ? day : deadline, today: day }),
      rectifier,
    );
    if (h.fate === "supervised") {
      step(
        at + 4 * HOUR,
        (f, day) => planSupervise(f, { level: "city", unitId: p.leadUnitId, deadline: addDays(day, 45), today: day }),
        p.leader,
      );
      return;
    }
    if (h.fate === "rectifying" || h.fate === "overdue") return;
    const doneMs = Math.min(at + (3 + Math.floor(rng.next() * 8)) * DAY, nowMs - 3 * HOUR);
    const submit = (ms: number) =>
      step(
        ms,
        (f) =>
          planSubmitRectification(f, {
            measuresTaken: "已按要求整改完毕，附整改前后照片。",
            userId: rectifier.id,
            now: new Date(ms),
          }),
        rectifier,
      );
    submit(doneMs);
    if (h.fate === "accepting") return;
    let acceptMs = Math.min(doneMs + 2 * DAY, nowMs - 2 * HOUR);
    if (h.failOnce) {
      step(
        acceptMs,
        (f) => planAcceptance(f, { passed: false, reason: "整改不彻底，仍有杂物占用通道。", userId: p.acceptor.id }),
        p.acceptor,
      );
      submit(acceptMs + DAY);
      acceptMs += 2 * DAY;
    }
    step(
      Math.min(acceptMs, nowMs - HOUR),
      (f, day) =>
        planAcceptance(f, {
          passed: true,
          userId: p.acceptor.id,
          now: new Date(acceptMs),
          acceptance: { type: h.major ? "expert" : "self", completedOn: day, costWan: h.major ? 45 : 0.3, opinion: "" },
        }),
      p.acceptor,
    );
  }
}
