import type { Db } from "../../store";
import type { Colour, RiskStatus } from "../../../lib/domain/colours";
import { addDays, dayInZone, startOfDayInZone } from "../../../lib/domain/dates";
import type { Assessment } from "../../../lib/domain/grading";
import { DEFAULT_REVIEW_DAYS } from "../../../lib/domain/review";
import type { Actor } from "../../mutations/events";
import { acknowledgeRed, changeStatus, gradeRisk, reviewRisk } from "../../mutations/grading";
import { addMeasure, updateMeasure } from "../../mutations/measures";
import { insertRisk } from "../../mutations/risks";
import { listMeasures } from "../../queries/risks";
import { createRng, pickColour, pickStatus, sampleAssessment, shortName, type Reference } from "../generate";
import { MEASURE_SNIPPETS, PERSON_GIVEN, PERSON_SURNAMES, RISK_TEMPLATES } from "../risk-templates";
import { must, type Timeline } from "./timeline";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OPEN: ReadonlySet<RiskStatus> = new Set(["identified", "controlling"]);

/** One planned risk as the rest of the demo sees it: filled in (id, version) as its steps run. */
export type PlannedRisk = {
  id: number;
  version: number;
  areaId: number;
  regionId: number;
  title: string;
  createdAt: number;
  /** The time of its last planned step, and what it is then. */
  lastAt: number;
  colour: Colour;
  status: RiskStatus;
  assessment: Assessment;
  nextReviewDate: string;
};

/**
 * Plans `count` risks created over the `spanDays` before `now`: each is created (identified), has
 * one or two control measures, usually moves to 管控中 within days, is re-graded or reviewed a
 * few times, has each rise to red acknowledged by a leader within two days (a recent one may
 * still wait), is resolved or closed in the end for about one in five, and an open one has a last
 * review that set its next review day — one in eight of those is now overdue, as in a real register.
 */
export function planRegister(
  db: Db,
  timeline: Timeline,
  p: {
    ref: Reference;
    count: number;
    seed: number;
    now: Date;
    spanDays: number;
    extraEventsPerRisk: number;
    actor: Actor;
    leader: Actor;
    /** Divisions below a county where some of its risks are registered instead (the demo's sample territory). */
    below?: ReadonlyMap<number, number[]>;
  },
): PlannedRisk[] {
  const rng = createRng(p.seed);
  // A second stream for the acknowledgements, as before, so the other seeded values are unchanged.
  const ackRng = createRng(p.seed + 7);
  // A third for where below its county a risk is registered (the sample territory), likewise.
  const placeRng = createRng(p.seed + 13);
  const nowMs = p.now.getTime();
  const today = dayInZone(p.now);
  const createdTimes = Array.from({ length: p.count }, () => nowMs - Math.floor(rng.next() * p.spanDays * DAY)).sort(
    (a, b) => a - b,
  );
  return createdTimes.map((createdMs) => {
    const area = rng.pick(p.ref.areas);
    const region = rng.pick(p.ref.regions);
    const under = p.below?.get(region.id);
    const regionId = under && placeRng.next() < 0.5 ? placeRng.pick(under) : region.id;
    const [titleT, description] = rng.pick(RISK_TEMPLATES[area.code] ?? [["{r}风险", ""]]);
    const status = pickStatus(rng);
    const unitId = rng.next() < 0.7 && area.leadUnitId ? area.leadUnitId : rng.pick(p.ref.unitIds);
    const person = rng.pick(PERSON_SURNAMES) + rng.pick(PERSON_GIVEN);
    const measures = [...new Set([rng.pick(MEASURE_SNIPPETS), rng.pick(MEASURE_SNIPPETS)])];
    const nExtra = Math.round(p.extraEventsPerRisk * 2 * rng.next());
    // Later gradings and reviews, a while after creation (so its first steps come first) and before now.
    const gap = Math.min(DAY, (nowMs - createdMs) / 4);
    const eventTimes = Array.from(
      { length: nExtra },
      () => createdMs + gap + Math.floor(rng.next() * (nowMs - createdMs - 2 * gap)),
    ).sort((a, b) => a - b);
    const grades: Colour[] = [pickColour(rng)];
    for (let i = 0; i < nExtra; i++) grades.push(pickColour(rng));
    const colour = grades[grades.length - 1];
    const assessments = grades.map((g) => sampleAssessment(rng, g));
    const lastGradeAt = eventTimes.at(-1) ?? createdMs;
    const ackPending = colour === "red" && grades.at(-2) !== "red" && nowMs - lastGradeAt < 10 * DAY;
    const overdue = rng.next() < 0.12;
    const nextReview = overdue
      ? addDays(today, -1 - Math.floor(rng.next() * 20))
      : addDays(today, Math.floor(rng.next() * DEFAULT_REVIEW_DAYS[colour]));
    const title = titleT.replace("{r}", shortName(region.nameZh));
    const acks = [createdMs, ...eventTimes].map((at, i) => {
      const raised = grades[i] === "red" && (i === 0 || grades[i - 1] !== "red");
      const pending = ackPending && i === eventTimes.length;
      const next = eventTimes[i] ?? nowMs;
      return raised && !pending
        ? Math.min(at + Math.floor((2 + ackRng.next() * 46) * HOUR), at + Math.floor((next - at) / 2))
        : null;
    });
    // Under control within a few days (before any later change).
    const controllingAt = Math.min(
      createdMs + Math.floor((0.5 + rng.next() * 2) * DAY),
      (eventTimes[0] ?? nowMs) - HOUR,
    );
    const controls = status !== "identified" && controllingAt > createdMs + HOUR;
    const latest = Math.max(lastGradeAt, controls ? controllingAt : 0, ...acks.map((a) => a ?? 0));
    // The register's next review day is explained by the history: the last review set it (a cadence
    // before it, or just after the latest change), so past weeks' overdue lists add up.
    const planned = startOfDayInZone(addDays(nextReview, -DEFAULT_REVIEW_DAYS[colour])) + 10 * HOUR;
    const reviewAt = OPEN.has(status) ? Math.max(planned, latest + HOUR) : Infinity;
    const finalReview = reviewAt < nowMs - HOUR ? reviewAt : null;
    const risk: PlannedRisk = {
      id: 0,
      version: 0,
      areaId: area.id,
      regionId,
      title,
      createdAt: createdMs,
      lastAt: createdMs,
      colour,
      status,
      assessment: assessments.at(-1)!,
      nextReviewDate: finalReview ? nextReview : addDays(dayInZone(new Date(lastGradeAt)), DEFAULT_REVIEW_DAYS[colour]),
    };
    // Read when the step runs: the risk's id and version as they are at that moment.
    const current = (actor: Actor) => ({ riskId: risk.id, expectedVersion: risk.version, actor });
    const step = (at: number, run: (now: Date) => Promise<{ ok: boolean; version?: number }>, what: string) => {
      risk.lastAt = Math.max(risk.lastAt, at);
      timeline.add(at, async (now) => {
        const r = must(await run(now), `${what} of ${title}`) as { version: number };
        risk.version = r.version;
      });
    };

    timeline.add(createdMs, async (now) => {
      const day = dayInZone(now);
      const row = await insertRisk(db, {
        input: {
          title,
          description,
          areaId: area.id,
          regionId,
          responsibleUnitId: unitId,
          responsiblePerson: person,
          coUnitIds: [],
          reason: "",
        },
        assessment: assessments[0],
        nextReviewDate: addDays(day, DEFAULT_REVIEW_DAYS[grades[0]]),
        actor: p.actor,
        now,
        year: Number(day.slice(0, 4)),
      });
      [risk.id, risk.version] = [row.id, 1];
    });
    measures.forEach((m, i) => {
      const at = createdMs + (i + 1) * 10 * 60_000;
      const measure = {
        description: m,
        owner: person,
        dueDate: addDays(dayInZone(new Date(createdMs)), 30 * (i + 1)),
        status: i === 0 ? "in_progress" : "planned",
      } as const;
      step(at, (now) => addMeasure(db, { ...current(p.actor), measure, now }), "measure");
    });
    if (controls) {
      step(
        controllingAt,
        (now) =>
          changeStatus(db, { ...current(p.actor), status: "controlling", reason: "管控措施已落实,进入管控。", now }),
        "control",
      );
    }
    const ack = (i: number) => {
      const at = acks[i];
      if (at !== null)
        step(
          at,
          (now) => acknowledgeRed(db, { ...current(p.leader), instruction: "已阅,请按规定管控。", now }),
          "acknowledgement",
        );
    };
    ack(0);
    eventTimes.forEach((at, i) => {
      const [from, to] = [grades[i], grades[i + 1]];
      const next = addDays(dayInZone(new Date(at)), DEFAULT_REVIEW_DAYS[to]);
      if (from === to)
        step(
          at,
          (now) => reviewRisk(db, { ...current(p.actor), note: "复核无变化", nextReviewDate: next, now }),
          "review",
        );
      else
        step(
          at,
          (now) =>
            gradeRisk(db, {
              ...current(p.actor),
              assessment: assessments[i + 1],
              reason: "动态评估调整",
              nextReviewDate: next,
              now,
            }),
          "grading",
        );
      ack(i + 1);
    });
    if (finalReview)
      step(
        finalReview,
        (now) => reviewRisk(db, { ...current(p.actor), note: "定期复核", nextReviewDate: nextReview, now }),
        "final review",
      );
    if (!OPEN.has(status)) {
      // Resolved (and perhaps closed) after everything else, with its measures done.
      const resolvedAt = latest + Math.floor((nowMs - latest) * (0.3 + 0.4 * rng.next()));
      measures.forEach((m, i) => {
        const measure = {
          description: m,
          owner: person,
          dueDate: addDays(dayInZone(new Date(createdMs)), 30 * (i + 1)),
          status: "done",
        } as const;
        step(
          resolvedAt - (measures.length - i) * 10 * 60_000,
          async (now) => {
            const measureId = (await listMeasures(db, { riskId: risk.id }))[i].id;
            return updateMeasure(db, { ...current(p.actor), measureId, measure, now });
          },
          "measure done",
        );
      });
      step(
        resolvedAt,
        (now) => changeStatus(db, { ...current(p.actor), status: "resolved", reason: "隐患整改完成并通过验收。", now }),
        "resolution",
      );
      if (status === "closed") {
        const closedAt = resolvedAt + Math.floor((nowMs - resolvedAt) * 0.5);
        step(
          closedAt,
          (now) => changeStatus(db, { ...current(p.actor), status: "closed", reason: "经复核销号。", now }),
          "close",
        );
      }
    }
    return risk;
  });
}
