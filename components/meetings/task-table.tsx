import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TaskRow } from "@/db/queries/meetings";
import { localName } from "@/i18n/locales";
import { isTaskOverdue } from "@/lib/domain/meetings";
import { actorNamer } from "@/lib/history/describe";
import { TaskDoneForm } from "./task-done-form";

/**
 * Follow-up tasks as a table: what, which unit, due (overdue marked in words), from which meeting,
 * and either how it was done or — for the unit's own reporters — the form to report it done.
 */
export async function TaskTable({
  tasks,
  today,
  canComplete,
  showMeeting = true,
  caption,
}: {
  tasks: TaskRow[];
  today: string;
  canComplete: (t: TaskRow) => boolean;
  showMeeting?: boolean;
  caption: string;
}) {
  const [t, format, locale, actor] = [
    await getTranslations("tasks"),
    await getFormatter(),
    await getLocale(),
    await actorNamer(),
  ];
  return (
    <div className="overflow-x-auto">
      <table className="register-table w-full bg-white text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("task")}</th>
            <th scope="col">{t("unit")}</th>
            <th scope="col">{t("due")}</th>
            {showMeeting ? <th scope="col">{t("meeting")}</th> : null}
            <th scope="col">{t("state")}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.length === 0 ? (
            <tr>
              <td colSpan={showMeeting ? 5 : 4}>{t("none")}</td>
            </tr>
          ) : null}
          {tasks.map((task) => {
            const overdue = isTaskOverdue(task, today);
            return (
              <tr key={task.id} data-testid={`task-${task.id}`}>
                <th scope="row" className="wrap text-left font-medium">
                  {task.title}
                  {task.riskCode ? (
                    <>
                      {" "}
                      ·{" "}
                      <Link href={`/risks/${task.riskCode}`} className="font-mono text-blue-800 underline">
                        {task.riskCode}
                      </Link>
                    </>
                  ) : null}
                </th>
                <td>{localName({ nameZh: task.unitZh, nameEn: task.unitEn }, locale)}</td>
                <td className={`tabular-nums ${overdue ? "font-semibold text-red-900" : ""}`}>
                  {task.dueDate}
                  {overdue ? ` · ${t("overdue")}` : ""}
                </td>
                {showMeeting ? (
                  <td>
                    <Link href={`/meetings/${task.meetingId}`} className="text-blue-800 underline">
                      {task.meetingTitle}
                    </Link>{" "}
                    <span className="text-neutral-600">
                      {format.dateTime(task.meetingHeldAt, { dateStyle: "short" })}
                    </span>
                  </td>
                ) : null}
                <td className="wrap">
                  {task.status === "done" ? (
                    <span>
                      <strong className="text-emerald-900">{t("statusDone")}</strong> · {task.doneNote}{" "}
                      <span className="text-neutral-600">
                        ({actor(task.doneBy ?? "")},{" "}
                        {task.doneAt ? format.dateTime(task.doneAt, { dateStyle: "short", timeStyle: "short" }) : ""})
                      </span>
                    </span>
                  ) : canComplete(task) ? (
                    <TaskDoneForm taskId={task.id} />
                  ) : (
                    <strong>{t("statusOpen")}</strong>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
