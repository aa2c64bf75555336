import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AreaRegionBoard } from "@/components/board/area-region-board";
import { loadBoardFrame } from "@/components/board/board-frame";
import { FILLED } from "@/components/board/fills";
import {
  CloseMeetingForm,
  CorrectionForm,
  DecisionForm,
  DiscussedForm,
  TaskForm,
} from "@/components/meetings/item-forms";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { TaskTable } from "@/components/meetings/task-table";
import { ColourBadge } from "@/components/ui/colour-badge";
import { getDb } from "@/db/client";
import { boardAt } from "@/db/history/boards";
import { getMeeting, listTasks } from "@/db/queries/meetings";
import { listUnits } from "@/db/queries/reference";
import { localName } from "@/i18n/locales";
import { requirePageUser } from "@/lib/auth/guard";
import { actorNamer } from "@/lib/history/describe";
import { can } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { COLOURS } from "@/lib/domain/colours";
import { addDays, clockInZone, dayInZone } from "@/lib/domain/dates";
import { boardFromSummary, canEditMeeting } from "@/lib/domain/meetings";
import { addCorrectionAction, addDecisionAction, addDiscussedAction, addTaskAction } from "../actions/meeting-items";
import { closeMeetingAction, updateMeetingAction } from "../actions/meeting-record";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = Number((await params).id);
  const m = Number.isSafeInteger(id) ? await getMeeting(getDb(), id) : undefined;
  return { title: m?.title ?? (await getTranslations("meetings"))("title") };
}

/**
 * One meeting's record: the carried-over tasks (the agenda), the board at the meeting's time, the
 * risks discussed, 批示 and new tasks. Closing freezes the board and locks the record; a closed
 * record takes only corrections, shown as linked entries below it.
 */
export default async function MeetingPage({ params }: Props) {
  const id = Number((await params).id);
  const user = await requirePageUser("meeting.read", `/meetings/${id}`);
  const db = getDb();
  const m = Number.isSafeInteger(id) && id > 0 ? await getMeeting(db, id) : undefined;
  if (!m) notFound();
  const [t, tb, tc, format, locale] = [
    await getTranslations("meetings"),
    await getTranslations("board"),
    await getTranslations("colours"),
    await getFormatter(),
    await getLocale(),
  ];
  const actor = await actorNamer();
  const now = new Date();
  const today = dayInZone(now, CITY_TIME_ZONE);
  const open = canEditMeeting(m);
  const record = open && can(user, "meeting.record");
  const held = m.heldAt.getTime() <= now.getTime();
  // Closed: the frozen board. Open: the board at the meeting's time from the history (or now, before it).
  const board = m.snapshot
    ? boardFromSummary(m.snapshot)
    : await boardAt(db, Math.min(m.heldAt.getTime(), now.getTime()), now.getTime());
  const carried = open ? await listTasks(db, { status: "open", heldBefore: m.heldAt, excludeMeetingId: m.id }) : [];
  const { regions, rows, labels } = await loadBoardFrame(db);
  const units = (await listUnits(db, { activeOnly: true })).map((u) => ({ id: u.id, label: localName(u, locale) }));
  const canComplete = (task: { unitId: number }) => can(user, "task.complete") && user.unitIds.includes(task.unitId);
  const when = format.dateTime(m.heldAt, { dateStyle: "full", timeStyle: "short" });
  const heldDay = dayInZone(m.heldAt, CITY_TIME_ZONE);
  const heldTime = clockInZone(m.heldAt, CITY_TIME_ZONE);
  const h2 = "text-xl font-semibold";
  return (
    <ClientMessages paths={ISLAND_MESSAGES.meetings}>
      <article className="flex flex-col gap-6">
        <Link href="/meetings" className="text-sm text-blue-800 underline">
          {t("backToList")}
        </Link>
        <header className="flex flex-col gap-2">
          <p className="text-sm font-medium text-neutral-700">{t(`types.${m.type}`)}</p>
          <h1 className="text-3xl font-bold">{m.title}</h1>
          <p>
            {when} · {t("chairIs", { chair: m.chair })}
          </p>
          {m.attendees.length ? (
            <p className="text-sm text-neutral-800">{t("attendeesAre", { names: m.attendees.join("、") })}</p>
          ) : null}
          {m.notes ? <p className="text-sm whitespace-pre-line">{m.notes}</p> : null}
          <p
            role="status"
            data-testid="meeting-state"
            className={`w-fit rounded px-3 py-1 text-sm font-semibold ${open ? "bg-sky-100 text-sky-950" : "bg-neutral-800 text-white"}`}
          >
            {open
              ? t("openState")
              : t("closedState", {
                  time: format.dateTime(m.closedAt!, { dateStyle: "medium", timeStyle: "short" }),
                  who: actor(m.closedBy ?? ""),
                })}
          </p>
          {record ? (
            <details className="rounded border border-neutral-300 bg-white p-3">
              <summary className="cursor-pointer text-sm font-medium">{t("edit")}</summary>
              <div className="mt-3">
                <MeetingForm
                  key={m.version}
                  action={updateMeetingAction.bind(null, m.id)}
                  submit={t("save")}
                  initial={{
                    type: m.type,
                    title: m.title,
                    day: heldDay,
                    time: heldTime,
                    chair: m.chair,
                    attendees: m.attendees.join("\n"),
                    notes: m.notes,
                    version: m.version,
                  }}
                />
              </div>
            </details>
          ) : null}
        </header>

        {open ? (
          <section aria-labelledby="agenda-heading" className="flex flex-col gap-2">
            <h2 id="agenda-heading" className={h2}>
              {t("agenda", { n: carried.length })}
            </h2>
            <p className="text-sm text-neutral-700">{t("agendaHint")}</p>
            <TaskTable
              tasks={carried}
              today={today}
              canComplete={canComplete}
              caption={t("agenda", { n: carried.length })}
            />
          </section>
        ) : null}

        <section aria-labelledby="snapshot-heading" className="flex flex-col gap-3">
          <h2 id="snapshot-heading" className={h2}>
            {m.snapshot
              ? t("snapshotFrozen", { time: when })
              : held
                ? t("snapshotLive", { time: when })
                : t("snapshotNotYet")}
          </h2>
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label={tb("totals")}>
            {COLOURS.map((c) => (
              <li key={c} data-testid={`snapshot-${c}`} className={`flex flex-col rounded-lg p-3 ${FILLED[c]}`}>
                <span>
                  {tc(c)} · {tc(`level.${c}`)}
                </span>
                <span className="text-4xl font-bold tabular-nums">{board.totals[c]}</span>
              </li>
            ))}
          </ul>
          <details>
            <summary className="cursor-pointer text-sm font-medium">{t("snapshotCells")}</summary>
            <div className="mt-3 flex flex-col gap-4">
              <AreaRegionBoard
                caption={tb("categories")}
                areas={rows("category")}
                regions={regions}
                board={board}
                labels={labels}
              />
              <AreaRegionBoard
                caption={tb("domains")}
                areas={rows("domain")}
                regions={regions}
                board={board}
                labels={labels}
              />
            </div>
          </details>
          {held ? (
            <Link href={`/board?since=${heldDay}T${heldTime}`} className="w-fit text-sm text-blue-800 underline">
              {t("changesSinceLink")}
            </Link>
          ) : null}
        </section>

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
          {record ? <DiscussedForm action={addDiscussedAction.bind(null, m.id)} /> : null}
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
          {record ? <DecisionForm action={addDecisionAction.bind(null, m.id)} chair={m.chair} /> : null}
        </section>

        <section aria-labelledby="tasks-heading" className="flex flex-col gap-2">
          <h2 id="tasks-heading" className={h2}>
            {t("newTasks", { n: m.tasks.length })}
          </h2>
          <TaskTable
            tasks={m.tasks}
            today={today}
            canComplete={canComplete}
            showMeeting={false}
            caption={t("newTasks", { n: m.tasks.length })}
          />
          {record ? (
            <TaskForm action={addTaskAction.bind(null, m.id)} units={units} defaultDue={addDays(today, 7)} />
          ) : null}
        </section>

        {record ? (
          <section className="rounded-lg border-2 border-red-200 bg-white p-4">
            {held ? (
              <CloseMeetingForm action={closeMeetingAction.bind(null, m.id)} version={m.version} />
            ) : (
              <p className="text-sm">{t("closeAfterHeld")}</p>
            )}
          </section>
        ) : null}

        {!open ? (
          <section aria-labelledby="corrections-heading" className="flex flex-col gap-2">
            <h2 id="corrections-heading" className={h2}>
              {t("corrections", { n: m.corrections.length })}
            </h2>
            <p className="text-sm text-neutral-700">{t("correctionsHint")}</p>
            {m.corrections.length ? (
              <ol className="flex flex-col gap-2">
                {m.corrections.map((c) => (
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
            {can(user, "meeting.record") ? <CorrectionForm action={addCorrectionAction.bind(null, m.id)} /> : null}
          </section>
        ) : null}
      </article>
    </ClientMessages>
  );
}
