import type Database from "better-sqlite3";
import { COLOURS, type Colour } from "../../lib/domain/colours";
import { addDays, dayInZone, mondayOf, startOfDayInZone } from "../../lib/domain/dates";
import { storedJson } from "../../lib/domain/history-chain";
import { DEFAULT_REPORT_CUTOFF, reportDeadline } from "../../lib/domain/reporting";
import { DEFAULT_REVIEW_DAYS } from "../../lib/domain/review";
import { summariseCells } from "../../lib/domain/trend";
import { appendStoredEvent } from "../history/append";
import { statesAsOf } from "../history/as-of";
import { createRng } from "./generate";

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
const UP_REASONS = ["近期降雨增多,隐患点位增加,经评估上调等级。", "企业停产整改未按期完成,风险上升。", "夜间施工增多,现场监管力量不足。"];
const DOWN_REASONS = ["整改完成,经复核风险降低。", "管控措施落实到位,经评估下调等级。"];

type Event = { at: number; risk_id: number | null; risk_version: number | null; actor_name: string; action: string; field?: string | null; old_value?: unknown; new_value?: unknown; reason?: string | null; data?: unknown };

/**
 * The working rhythm of a demo city: the last four weeks of daily reports (most on time, some
 * zero reports, a few late or missing), a last week with named escalations, de-escalations and a
 * resolved risk, and two closed meetings with 批示 and tasks. Only into a database with none yet.
 */
export function seedDemoRhythm(sqlite: Database.Database, opts: { now?: Date; actorName: string }): { reports: number; meetings: number } {
  const has = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n > 0;
  if (has("daily_reports") || has("meetings")) return { reports: 0, meetings: 0 };
  const now = opts.now ?? new Date();
  const rng = createRng(20261125);
  const today = dayInZone(now, TZ);
  const thisMonday = mondayOf(today);
  const event = (e: Event) => appendStoredEvent(sqlite, {
    at: e.at, risk_id: e.risk_id, risk_version: e.risk_version, actor_id: null, actor_name: e.actor_name, action: e.action, field: e.field ?? null,
    old_value: storedJson(e.old_value), new_value: storedJson(e.new_value), reason: e.reason ?? null, data: storedJson(e.data),
  });
  let reports = 0;
  sqlite.transaction(() => {
    lastWeek(sqlite, addDays(thisMonday, -7), opts.actorName, rng, event);
    const units = sqlite.prepare("SELECT id, name_zh AS name FROM units WHERE active = 1 ORDER BY sort_order, id").all() as Array<{ id: number; name: string }>;
    const insert = sqlite.prepare(`INSERT INTO daily_reports (unit_id, day, kind, items, note, filed_at, deadline_at, filed_by, filed_by_name, event_seq)
      VALUES (?, ?, ?, ?, '', ?, ?, NULL, ?, ?)`);
    for (let d = 27; d >= 1; d--) {
      const day = addDays(today, -d);
      const deadline = reportDeadline(day, DEFAULT_REPORT_CUTOFF, TZ);
      for (const u of units) {
        const x = rng.next();
        if (x < 0.06) continue; // missing
        const filedAt = x < 0.14 ? deadline + Math.floor((0.5 + rng.next() * 5) * HOUR) : deadline - Math.floor((0.3 + rng.next() * 7) * HOUR);
        const zero = rng.next() < 0.65;
        const items = zero ? [] : [rng.pick(SITUATIONS)].map(([kind, text]) => ({ kind, text }));
        const who = `${u.name}·值班员`;
        const { seq } = event({ at: filedAt, risk_id: null, risk_version: null, actor_name: who, action: "report.file",
          new_value: { unitId: u.id, day, kind: zero ? "zero" : "items", items, note: "" }, data: { late: filedAt > deadline, deadlineAt: deadline } });
        insert.run(u.id, day, zero ? "zero" : "items", JSON.stringify(items), filedAt, deadline, who, seq);
        reports += 1;
      }
    }
    meetingsOf(sqlite, { thisMonday, today, nowMs: now.getTime(), actorName: opts.actorName, event });
    // Events dated in the past: the board's derived summaries are rebuilt on demand.
    sqlite.prepare("DELETE FROM board_checkpoints").run();
    sqlite.prepare("DELETE FROM board_weeks").run();
  })();
  return { reports, meetings: 2 };
}

type Append = (e: Event) => { seq: number };

/** Last week: three escalations, two de-escalations and one risk resolved, on risks quiet since before it. */
function lastWeek(sqlite: Database.Database, monday: string, actor: string, rng: ReturnType<typeof createRng>, event: Append) {
  const quiet = sqlite.prepare(`SELECT r.id, r.colour, r.version, r.next_review_date AS next, r.assessment FROM risks r
    WHERE r.status IN ('identified', 'controlling') AND NOT EXISTS (SELECT 1 FROM risk_events e WHERE e.risk_id = r.id AND e.at >= ?)
    ORDER BY r.id`).all(startOfDayInZone(monday, TZ)) as Array<{ id: number; colour: Colour; version: number; next: string; assessment: string }>;
  const used = new Set<number>();
  const take = (ok: (c: Colour) => boolean) => {
    const pool = quiet.filter((r) => ok(r.colour) && !used.has(r.id));
    const r = pool.length ? rng.pick(pool) : undefined;
    if (r) used.add(r.id);
    return r;
  };
  const grade = (r: (typeof quiet)[number], to: Colour, when: number, reason: string) => {
    const day = dayInZone(new Date(when), TZ);
    const next = addDays(day, DEFAULT_REVIEW_DAYS[to]);
    const assessment = { method: "direct", score: null, computed: null, colour: to };
    sqlite.prepare(`UPDATE risks SET colour = ?, assessment = ?, ack_pending = ?, last_reviewed_at = ?, next_review_date = ?, version = version + 1, updated_at = ? WHERE id = ?`)
      .run(to, JSON.stringify(assessment), to === "red" ? 1 : 0, when, next, when, r.id);
    event({ at: when, risk_id: r.id, risk_version: r.version + 1, actor_name: actor, action: "grade", field: "colour", old_value: r.colour, new_value: to, reason,
      data: { assessment, previous: JSON.parse(r.assessment), nextReviewDate: { from: r.next, to: next }, escalatedToRed: to === "red" } });
  };
  const up = (c: Colour) => COLOURS[COLOURS.indexOf(c) - 1];
  const down = (c: Colour) => COLOURS[COLOURS.indexOf(c) + 1];
  [take((c) => c === "orange"), take((c) => c === "yellow"), take((c) => c === "blue")].forEach((r, i) => {
    if (r) grade(r, up(r.colour), at(addDays(monday, 1 + i), 10 + i, 12), UP_REASONS[i]);
  });
  [take((c) => c === "orange"), take((c) => c === "yellow")].forEach((r, i) => {
    if (r) grade(r, down(r.colour), at(addDays(monday, 3), 15 + i, 30), DOWN_REASONS[i]);
  });
  const done = take((c) => c === "yellow" || c === "blue");
  if (done) {
    const when = at(addDays(monday, 4), 17, 45);
    sqlite.prepare("UPDATE risks SET status = 'resolved', version = version + 1, updated_at = ? WHERE id = ?").run(when, done.id);
    event({ at: when, risk_id: done.id, risk_version: done.version + 1, actor_name: actor, action: "status", field: "status", old_value: "controlling", new_value: "resolved", reason: "隐患整改完成并通过验收。" });
  }
}

/** A closed monthly review two weeks ago and a closed dispatch meeting three days ago, with 批示 and tasks. */
function meetingsOf(sqlite: Database.Database, p: { thisMonday: string; today: string; nowMs: number; actorName: string; event: Append }) {
  const creator = (sqlite.prepare("SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'leader' ORDER BY u.id LIMIT 1").get() as { id: number } | undefined)?.id
    ?? (sqlite.prepare("SELECT id FROM users ORDER BY id LIMIT 1").get() as { id: number } | undefined)?.id;
  if (creator === undefined) return;
  const unitRow = (code: string) => sqlite.prepare("SELECT id, name_zh AS name FROM units WHERE code = ?").get(code) as { id: number; name: string } | undefined;
  const reds = sqlite.prepare("SELECT id FROM risks WHERE colour = 'red' AND status IN ('identified', 'controlling') ORDER BY id LIMIT 2").all() as Array<{ id: number }>;
  const plans = [
    { type: "monthly_review", title: `${Number(addDays(p.thisMonday, -14).slice(5, 7))}月风险形势月研判会`, day: addDays(p.thisMonday, -14), h: 9, chair: "市委常委、常务副市长", attendees: ["市应急管理局", "市公安局", "市住房和城乡建设局", "市交通运输局", "各县市区分管负责同志"],
      decisions: ["对红色风险逐项落实包抓领导,每周报告进展。", "汛后地质灾害隐患点开展一次全面复查。"],
      tasks: [{ unit: "U-YJJ", title: "牵头开展危险化学品企业专项检查,形成报告。", due: 7, done: "已完成检查 42 家,报告已报送。" }, { unit: "U-ZJJ", title: "完成城镇燃气老旧管网排查台账。", due: 10, done: null }] },
    { type: "dispatch", title: "安全生产调度会", day: addDays(p.today, -3), h: 15, chair: "市应急管理局局长", attendees: ["市应急管理局", "市交通运输局", "市消防救援支队"],
      decisions: ["冬季道路结冰路段加强巡查和警示。"],
      tasks: [{ unit: "U-JTJ", title: "对 5 处结冰易发路段设置警示标志并报告。", due: 4, done: null }] },
  ] as const;
  for (const m of plans) {
    const heldAt = at(m.day, m.h, 30);
    if (heldAt > p.nowMs - HOUR) continue;
    const closedAt = heldAt + 2 * HOUR;
    const snapshot = JSON.stringify(summariseCells(statesAsOf(sqlite, heldAt, p.nowMs).values()));
    const { id } = sqlite.prepare(`INSERT INTO meetings (type, title, held_at, chair, attendees, notes, status, snapshot, closed_at, closed_by, created_by, created_at, version)
      VALUES (?, ?, ?, ?, ?, '', 'open', NULL, NULL, NULL, ?, ?, 1) RETURNING id`).get(m.type, m.title, heldAt, m.chair, JSON.stringify(m.attendees), creator, heldAt - HOUR) as { id: number };
    p.event({ at: heldAt - HOUR, risk_id: null, risk_version: null, actor_name: p.actorName, action: "meeting.create", new_value: { id, type: m.type, title: m.title, heldAt, chair: m.chair, attendees: m.attendees }, data: { meetingId: id } });
    for (const r of reds) {
      sqlite.prepare("INSERT INTO meeting_risks (meeting_id, risk_id, note) VALUES (?, ?, ?)").run(id, r.id, "听取包抓单位汇报,管控措施基本到位。");
      p.event({ at: heldAt + HOUR, risk_id: r.id, risk_version: null, actor_name: p.actorName, action: "meeting.risk", new_value: { meetingId: id, note: "听取包抓单位汇报,管控措施基本到位。" }, data: { meetingId: id } });
    }
    for (const text of m.decisions) {
      const d = sqlite.prepare("INSERT INTO meeting_decisions (meeting_id, risk_id, leader, text) VALUES (?, NULL, ?, ?) RETURNING id").get(id, m.chair, text) as { id: number };
      p.event({ at: heldAt + HOUR, risk_id: null, risk_version: null, actor_name: p.actorName, action: "meeting.decision", new_value: { meetingId: id, leader: m.chair, text }, data: { meetingId: id, decisionId: d.id } });
    }
    for (const t of m.tasks) {
      const u = unitRow(t.unit);
      if (!u) continue;
      const unitId = u.id;
      const due = addDays(m.day, t.due);
      const row = sqlite.prepare("INSERT INTO meeting_tasks (meeting_id, unit_id, title, due_date) VALUES (?, ?, ?, ?) RETURNING id").get(id, unitId, t.title, due) as { id: number };
      p.event({ at: heldAt + HOUR, risk_id: null, risk_version: null, actor_name: p.actorName, action: "meeting.task", new_value: { meetingId: id, unitId, title: t.title, dueDate: due }, data: { meetingId: id, taskId: row.id } });
      if (t.done) {
        const doneAt = Math.min(p.nowMs - HOUR, heldAt + 5 * 24 * HOUR);
        sqlite.prepare("UPDATE meeting_tasks SET status = 'done', done_at = ?, done_by = ?, done_note = ? WHERE id = ?").run(doneAt, `${u.name}·值班员`, t.done, row.id);
        p.event({ at: doneAt, risk_id: null, risk_version: null, actor_name: `${u.name}·值班员`, action: "task.done", field: "status", old_value: "open", new_value: "done", reason: t.done, data: { meetingId: id, taskId: row.id, unitId } });
      }
    }
    sqlite.prepare("UPDATE meetings SET status = 'closed', snapshot = ?, closed_at = ?, closed_by = ?, version = 2 WHERE id = ?").run(snapshot, closedAt, p.actorName, id);
    p.event({ at: closedAt, risk_id: null, risk_version: null, actor_name: p.actorName, action: "meeting.close", data: { meetingId: id, snapshotCells: JSON.parse(snapshot).length } });
  }
}
