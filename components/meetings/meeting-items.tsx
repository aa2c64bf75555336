import Link from "next/link";
import { HazardTable } from "@/components/hazards/hazard-table";
import { getFormatter, getTranslations } from "next-intl/server";
import { ColourBadge } from "@/components/ui/colour-badge";
import { addDays } from "@/lib/domain/dates";
import { actorNamer } from "@/lib/history/describe";
import type { MeetingView } from "@/lib/views/meeting";
import { CloseMeetingForm, CorrectionForm, DecisionForm, DiscussedForm, TaskForm } from "./item-forms";
import { TaskTable } from "./task-table";

type Action = Parameters<typeof DiscussedForm>[0]["action"];
export type MeetingActions = {
  discussed: Action;
  decision: Action;
  task: Action;
  close: Action;
};

const h2 = "text-xl font-semibold";

/** The tasks carried over from earlier meetings that are still open: the agenda of an open meeting. */
export async function MeetingAgenda({ v }: { v: MeetingView }) {
  const t = await getTranslations("meetings");
  return (
    <section aria-labelledby="agenda-heading" className="flex flex-col gap-2">
      <h2 id="agenda-heading" className={h2}>
        {t("agenda", { n: v.carried.length })}
      </h2>
      <p className="text-sm text-neutral-700">{t("agendaHint")}</p>
      <TaskTable
        tasks={v.carried}
        today={v.today}
        canComplete={(task) => v.completableUnits.includes(task.unitId)}
        caption={t("agenda", { n: v.carried.length })}
      />
      {v.overdueHazards ? (
        <>
          <h3 className="mt-2 text-lg font-semibold">
            <Link href="/hazards?overdue=1&sort=deadline" className="underline-offset-4 hover:underline">
              {t("overdueHazards", { n: v.overdueHazards.total })}
            </Link>
          </h3>
          <HazardTable rows={v.overdueHazards.rows} caption={t("overdueHazards", { n: v.overdueHazards.total })} />
        </>
      ) : null}
    </section>
  );
}

/** What the meeting recorded — risks discussed, 批示, new tasks — each with its form while the record is open. */
export async function MeetingItems({ v, actions }: { v: MeetingView; actions: MeetingActions }) {
  const [t, tc] = [await getTranslations("meetings"), await getTranslations("colours")];
  const m = v.meeting;
  return (
    <>
      <section aria-labelledby="discussed-heading" className="flex flex-col gap-2">
        <h2 id="discussed-heading" className={h2}>
          {t("discussed", { n: m.discussed.length })}
        </h2>
        {m.discussed.length ? (
          <ul className="flex flex-col gap-1">
            {m.discussed.map((r) => (
              <li key={r.riskId} className="flex flex-wrap items-center gap-2">
                <ColourBadge colour={r.colour} label={tc(r.colour)} />
                <Link href={`/risks/${r.code}`} className="font-mono text-blue-800 underline">
                  {r.code}
                </Link>
                <span>{r.title}</span>
                {r.note ? <span className="text-neutral-700">— {r.note}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-neutral-700">{t("noneYet")}</p>
        )}
        {v.record ? <DiscussedForm action={actions.discussed} /> : null}
      </section>

      <section aria-labelledby="decisions-heading" className="flex flex-col gap-2">
        <h2 id="decisions-heading" className={h2}>
          {t("decisions", { n: m.decisions.length })}
        </h2>
        {m.decisions.length ? (
          <ol className="flex list-decimal flex-col gap-1 pl-6">
            {m.decisions.map((d) => (
              <li key={d.id}>
                <strong>{d.leader}</strong>:{d.text}
                {d.code ? (
                  <>
                    {" "}
                    ·{" "}
                    <Link href={`/risks/${d.code}`} className="font-mono text-blue-800 underline">
                      {d.code}
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-neutral-700">{t("noneYet")}</p>
        )}
        {v.record ? <DecisionForm action={actions.decision} chair={m.chair} /> : null}
      </section>

      <section aria-labelledby="tasks-heading" className="flex flex-col gap-2">
        <h2 id="tasks-heading" className={h2}>
          {t("newTasks", { n: m.tasks.length })}
        </h2>
        <TaskTable
          tasks={m.tasks}
          today={v.today}
          canComplete={(task) => v.completableUnits.includes(task.unitId)}
          showMeeting={false}
          caption={t("newTasks", { n: m.tasks.length })}
        />
        {v.record ? <TaskForm action={actions.task} units={v.units} defaultDue={addDays(v.today, 7)} /> : null}
      </section>

      {v.record ? (
        <section className="rounded-lg border-2 border-red-200 bg-white p-4">
          {v.held ? (
            <CloseMeetingForm action={actions.close} version={m.version} />
          ) : (
            <p className="text-sm">{t("closeAfterHeld")}</p>
          )}
        </section>
      ) : null}
    </>
  );
}

/** A closed record's corrections: linked entries (each a history event), never edits. */
export async function MeetingCorrections({ v, action }: { v: MeetingView; action: Action }) {
  const [t, format, actor] = [await getTranslations("meetings"), await getFormatter(), await actorNamer()];
  const corrections = v.meeting.corrections;
  return (
    <section aria-labelledby="corrections-heading" className="flex flex-col gap-2">
      <h2 id="corrections-heading" className={h2}>
        {t("corrections", { n: corrections.length })}
      </h2>
      <p className="text-sm text-neutral-700">{t("correctionsHint")}</p>
      {corrections.length ? (
        <ol className="flex flex-col gap-2">
          {corrections.map((c) => (
            <li key={c.id} className="rounded border-l-4 border-amber-500 bg-amber-50 px-3 py-2">
              <p className="text-sm text-neutral-700">
                {t("correctionBy", {
                  who: actor(c.createdByName),
                  time: format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                  seq: c.eventSeq,
                })}
              </p>
              <p>{c.text}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {v.mayCorrect ? <CorrectionForm action={action} /> : null}
    </section>
  );
}
