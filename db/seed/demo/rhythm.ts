import { and, asc, eq, inArray } from "drizzle-orm";
import { COLOURS, type Colour } from "../../../lib/domain/colours";
import { addDays, dayInZone, mondayOf, startOfDayInZone } from "../../../lib/domain/dates";
import { DEFAULT_REPORT_CUTOFF, reportDeadline } from "../../../lib/domain/reporting";
import { DEFAULT_REVIEW_DAYS } from "../../../lib/domain/review";
import { cellsOfBoard } from "../../../lib/domain/trend";
import type { Db } from "../../store";
import { boardAsOf } from "../../history/as-of";
import type { Actor } from "../../mutations/events";
import { changeStatus, gradeRisk } from "../../mutations/grading";
import { addDecision, addDiscussedRisk, addTask } from "../../mutations/meeting-items";
import { closeMeeting, completeTask, createMeeting } from "../../mutations/meetings";
import { fileDailyReport } from "../../mutations/reports";
import { meetingTasks, risks } from "../../schema";
import { createRng } from "../generate";
import type { PlannedRisk } from "./register";
import { must, type Timeline } from "./timeline";

const TZ = "Asia/Shanghai";
const HOUR = 3_600_000;
const at = (day: string, h: number, m = 0) => startOfDayInZone(day, TZ) + h * HOUR + m * 60_000;

const SITUATIONS: Array<["incident" | "other", string]> = [
  ["incident", "辖区内发生一起轻微道路交通事故,无人员伤亡,已处置完毕。"],
  ["incident", "接群众反映一处燃气管道异味,已组织排查并处置。"],
  ["incident", "巡查发现一处边坡裂缝,已设置警示标志并安排监测。"],
  ["other", "对重点企业开展夜间检查 3 家次,发现一般隐患 2 处,已督促整改。"],
  ["other", "召开专题会议部署近期安全防范工作。"],
];
const UP_REASONS = [
  "近期降雨增多,隐患点位增加,经评估上调等级。",
  "企业停产整改未按期完成,风险上升。",
  "夜间施工增多,现场监管力量不足。",
];
const DOWN_REASONS = ["整改完成,经复核风险降低。", "管控措施落实到位,经评估下调等级。"];

type Person = Actor & { id: number };
export type RhythmPeople = {
  /** Who files each unit's daily reports (the unit's duty officer, or the demo officer). */
  reporters: Map<number, Person>;
  units: Array<{ id: number; code: string; name: string }>;
  leader: Person;
  /** Who makes last week's changes: risks anywhere in the city, so the seeding actor, not a scoped officer. */
  grader: Actor;
};

/**
 * The working rhythm of the demo city: the last four weeks of daily reports (most on time, some zero
 * reports, a few late or missing), a last week with named escalations, de-escalations and a risk
 * resolved, and two closed meetings with 批示 and tasks — one done, one overdue, one open.
 */
export function planRhythm(db: Db, timeline: Timeline, p: { now: Date; risks: PlannedRisk[]; people: RhythmPeople }) {
  const rng = createRng(20261125);
  const today = dayInZone(p.now, TZ);
  const thisMonday = mondayOf(today);
  planLastWeek(db, timeline, { monday: addDays(thisMonday, -7), risks: p.risks, actor: p.people.grader, rng });
  let reports = 0;
  for (let d = 27; d >= 1; d--) {
    const day = addDays(today, -d);
    const deadline = reportDeadline(day, DEFAULT_REPORT_CUTOFF, TZ);
    for (const u of p.people.units) {
      const x = rng.next();
      if (x < 0.06) continue; // missing
      const filedAt =
        x < 0.14
          ? deadline + Math.floor((0.5 + rng.next() * 5) * HOUR)
          : deadline - Math.floor((0.3 + rng.next() * 7) * HOUR);
      const zero = rng.next() < 0.65;
      const items = zero ? [] : [rng.pick(SITUATIONS)].map(([kind, text]) => ({ kind, text }));
      const actor = p.people.reporters.get(u.id)!;
      timeline.add(filedAt, async (now) => {
        must(
          await fileDailyReport(db, {
            unitId: u.id,
            day,
            kind: zero ? "zero" : "items",
            items,
            note: "",
            deadlineAt: deadline,
            actor,
            now,
          }),
          `report of ${u.name}`,
        );
      });
      reports += 1;
    }
  }
  const meetings = planMeetings(db, timeline, { thisMonday, today, nowMs: p.now.getTime(), people: p.people });
  return { reports, meetings };
}

/** Last week: three escalations, two de-escalations and one risk resolved, on risks quiet since before it. */
function planLastWeek(
  db: Db,
  timeline: Timeline,
  p: { monday: string; risks: PlannedRisk[]; actor: Actor; rng: ReturnType<typeof createRng> },
) {
  const start = startOfDayInZone(p.monday, TZ);
  const quiet = p.risks.filter((r) => (r.status === "identified" || r.status === "controlling") && r.lastAt < start);
  const used = new Set<PlannedRisk>();
  const take = (ok: (c: Colour) => boolean) => {
    const pool = quiet.filter((r) => ok(r.colour) && !used.has(r));
    const r = pool.length ? p.rng.pick(pool) : undefined;
    if (r) used.add(r);
    return r;
  };
  const grade = (r: PlannedRisk, to: Colour, when: number, reason: string) => {
    r.lastAt = when;
    timeline.add(when, async (now) => {
      const assessment = { method: "direct", score: null, computed: null, colour: to } as const;
      const next = addDays(dayInZone(now, TZ), DEFAULT_REVIEW_DAYS[to]);
      r.version = must(
        await gradeRisk(db, {
          riskId: r.id,
          expectedVersion: r.version,
          actor: p.actor,
          now,
          assessment,
          reason,
          nextReviewDate: next,
        }),
        "last week's grading",
      ).version;
    });
  };
  const up = (c: Colour) => COLOURS[COLOURS.indexOf(c) - 1];
  const down = (c: Colour) => COLOURS[COLOURS.indexOf(c) + 1];
  [take((c) => c === "orange"), take((c) => c === "yellow"), take((c) => c === "blue")].forEach((r, i) => {
    if (r) grade(r, up(r.colour), at(addDays(p.monday, 1 + i), 10 + i, 12), UP_REASONS[i]);
  });
  [take((c) => c === "orange"), take((c) => c === "yellow")].forEach((r, i) => {
    if (r) grade(r, down(r.colour), at(addDays(p.monday, 3), 15 + i, 30), DOWN_REASONS[i]);
  });
  const done = take((c) => c === "yellow" || c === "blue");
  if (done) {
    const when = at(addDays(p.monday, 4), 17, 45);
    done.lastAt = when;
    timeline.add(when, async (now) => {
      done.version = must(
        await changeStatus(db, {
          riskId: done.id,
          expectedVersion: done.version,
          actor: p.actor,
          now,
          status: "resolved",
          reason: "隐患整改完成并通过验收。",
        }),
        "last week's resolution",
      ).version;
    });
  }
}

/** A closed monthly review two weeks ago and a closed dispatch meeting three days ago, with 批示 and tasks. */
function planMeetings(
  db: Db,
  timeline: Timeline,
  p: { thisMonday: string; today: string; nowMs: number; people: RhythmPeople },
): number {
  const unit = (code: string) => p.people.units.find((u) => u.code === code);
  const plans = [
    {
      type: "monthly_review",
      title: `${Number(addDays(p.thisMonday, -14).slice(5, 7))}月风险形势月研判会`,
      day: addDays(p.thisMonday, -14),
      h: 9,
      chair: "市委常委、常务副市长",
      attendees: ["市应急管理局", "市公安局", "市住房和城乡建设局", "市交通运输局", "各县市区分管负责同志"],
      decisions: ["对红色风险逐项落实包抓领导,每周报告进展。", "汛后地质灾害隐患点开展一次全面复查。"],
      tasks: [
        {
          unit: "U-YJJ",
          title: "牵头开展危险化学品企业专项检查,形成报告。",
          due: 7,
          done: "已完成检查 42 家,报告已报送。",
        },
        { unit: "U-ZJJ", title: "完成城镇燃气老旧管网排查台账。", due: 10, done: null },
      ],
    },
    {
      type: "dispatch",
      title: "安全生产调度会",
      day: addDays(p.today, -3),
      h: 15,
      chair: "市应急管理局局长",
      attendees: ["市应急管理局", "市交通运输局", "市消防救援支队"],
      decisions: ["冬季道路结冰路段加强巡查和警示。"],
      tasks: [{ unit: "U-JTJ", title: "对 5 处结冰易发路段设置警示标志并报告。", due: 4, done: null }],
    },
  ] as const;
  let planned = 0;
  const actor = p.people.leader;
  for (const m of plans) {
    const heldAt = at(m.day, m.h, 30);
    if (heldAt > p.nowMs - 3 * HOUR) continue;
    planned += 1;
    const meeting = { id: 0, version: 1 };
    timeline.add(heldAt - HOUR, async (now) => {
      meeting.id = (
        await createMeeting(db, {
          type: m.type,
          title: m.title,
          heldAt: new Date(heldAt),
          chair: m.chair,
          attendees: [...m.attendees],
          notes: "",
          actor,
          now,
        })
      ).id;
    });
    timeline.add(heldAt + HOUR, async (now) => {
      // The reds open at the meeting, as the office would bring them.
      const reds = await db
        .select({ id: risks.id })
        .from(risks)
        .where(and(eq(risks.colour, "red"), inArray(risks.status, ["identified", "controlling"])))
        .orderBy(asc(risks.id))
        .limit(2);
      const bump = (r: { ok: boolean }) => {
        must(r, "meeting item");
        meeting.version += 1;
      };
      for (const r of reds)
        bump(
          await addDiscussedRisk(db, {
            meetingId: meeting.id,
            riskId: r.id,
            note: "听取包抓单位汇报,管控措施基本到位。",
            actor,
            now,
          }),
        );
      for (const text of m.decisions)
        bump(await addDecision(db, { meetingId: meeting.id, riskId: null, leader: m.chair, text, actor, now }));
      for (const t of m.tasks) {
        const u = unit(t.unit);
        if (u)
          bump(
            await addTask(db, {
              meetingId: meeting.id,
              unitId: u.id,
              riskId: null,
              title: t.title,
              dueDate: addDays(m.day, t.due),
              actor,
              now,
            }),
          );
      }
    });
    // Closed two hours after it was held, with the board as it stood when it was held.
    timeline.add(heldAt + 2 * HOUR, async (now) => {
      const snapshot = cellsOfBoard(await boardAsOf(db, heldAt, now.getTime()));
      must(
        await closeMeeting(db, { id: meeting.id, expectedVersion: meeting.version, snapshot, actor, now }),
        "closing the meeting",
      );
    });
    m.tasks.forEach((t, i) => {
      const u = unit(t.unit);
      if (!u || !t.done) return;
      const reporter = p.people.reporters.get(u.id)!;
      timeline.add(Math.min(p.nowMs - HOUR, heldAt + 5 * 24 * HOUR), async (now) => {
        const tasks = await db
          .select({ id: meetingTasks.id })
          .from(meetingTasks)
          .where(eq(meetingTasks.meetingId, meeting.id))
          .orderBy(asc(meetingTasks.id));
        const taskId = tasks[i].id;
        must(
          await completeTask(db, { taskId, note: t.done!, unitIds: [u.id], actor: reporter, now }),
          "completing a task",
        );
      });
    });
  }
  return planned;
}
