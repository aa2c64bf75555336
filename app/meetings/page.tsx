import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { getDb } from "@/db/client";
import { listMeetings } from "@/db/queries/meetings";
import { requirePageUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { createMeetingAction } from "./actions/meeting-record";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings"))("title") };
}

/** Meetings, newest first, with their open follow-up tasks; a new record starts here. */
export default async function MeetingsPage() {
  const user = await requirePageUser("meeting.read", "/meetings");
  const [t, format] = [await getTranslations("meetings"), await getFormatter()];
  const list = await listMeetings(getDb());
  const today = dayInZone(new Date(), CITY_TIME_ZONE);
  return (
    <ClientMessages paths={ISLAND_MESSAGES.meetings}>
      <section className="flex flex-col gap-5">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-neutral-700">{t("intro")}</p>
        {can(user, "meeting.record") ? (
          <details className="rounded-lg border border-neutral-300 bg-white p-4">
            <summary className="cursor-pointer font-semibold">{t("new")}</summary>
            <div className="mt-3">
              <MeetingForm
                action={createMeetingAction}
                submit={t("create")}
                initial={{
                  type: "monthly_review",
                  title: "",
                  day: today,
                  time: "09:00",
                  chair: "",
                  attendees: "",
                  notes: "",
                }}
              />
            </div>
          </details>
        ) : null}
        <div className="overflow-x-auto">
          <table className="register-table w-full bg-white text-sm">
            <thead>
              <tr>
                <th scope="col">{t("heldAt")}</th>
                <th scope="col">{t("type")}</th>
                <th scope="col">{t("titleField")}</th>
                <th scope="col">{t("chair")}</th>
                <th scope="col">{t("state")}</th>
                <th scope="col">{t("tasks")}</th>
              </tr>
            </thead>
            <tbody>
              {list.length === 0 ? (
                <tr>
                  <td colSpan={6}>{t("none")}</td>
                </tr>
              ) : null}
              {list.map((m) => (
                <tr key={m.id}>
                  <td className="tabular-nums">
                    {format.dateTime(m.heldAt, { dateStyle: "medium", timeStyle: "short" })}
                  </td>
                  <td>{t(`types.${m.type}`)}</td>
                  <th scope="row" className="text-left font-medium">
                    <Link href={`/meetings/${m.id}`} className="text-blue-800 underline">
                      {m.title}
                    </Link>
                  </th>
                  <td>{m.chair}</td>
                  <td>{t(`status.${m.status}`)}</td>
                  <td className="tabular-nums">{t("taskCounts", { open: m.openTasks, all: m.allTasks })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </ClientMessages>
  );
}
