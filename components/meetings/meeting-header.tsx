import { getFormatter, getTranslations } from "next-intl/server";
import { actorNamer } from "@/lib/history/describe";
import type { MeetingView } from "@/lib/views/meeting";
import { MeetingForm } from "./meeting-form";

type FormAction = Parameters<typeof MeetingForm>[0]["action"];

/** The record's head: type, title, when and who, its state (open, or closed by whom), and — to a recorder — the edit form. */
export async function MeetingHeader({ v, update }: { v: MeetingView; update: FormAction }) {
  const [t, format, actor] = [await getTranslations("meetings"), await getFormatter(), await actorNamer()];
  const m = v.meeting;
  return (
    <header className="flex flex-col gap-2">
      <p className="text-sm font-medium text-neutral-700">{t(`types.${m.type}`)}</p>
      <h1 className="text-3xl font-bold">{m.title}</h1>
      <p>
        {format.dateTime(m.heldAt, { dateStyle: "full", timeStyle: "short" })} · {t("chairIs", { chair: m.chair })}
      </p>
      {m.attendees.length ? (
        <p className="text-sm text-neutral-800">{t("attendeesAre", { names: m.attendees.join("、") })}</p>
      ) : null}
      {m.notes ? <p className="text-sm whitespace-pre-line">{m.notes}</p> : null}
      <p
        role="status"
        data-testid="meeting-state"
        className={`w-fit rounded px-3 py-1 text-sm font-semibold ${v.open ? "bg-sky-100 text-sky-950" : "bg-neutral-800 text-white"}`}
      >
        {v.open
          ? t("openState")
          : t("closedState", {
              time: format.dateTime(m.closedAt!, { dateStyle: "medium", timeStyle: "short" }),
              who: actor(m.closedBy ?? ""),
            })}
      </p>
      {v.record ? (
        <details className="rounded border border-neutral-300 bg-white p-3">
          <summary className="cursor-pointer text-sm font-medium">{t("edit")}</summary>
          <div className="mt-3">
            <MeetingForm
              key={m.version}
              action={update}
              submit={t("save")}
              initial={{
                type: m.type,
                title: m.title,
                day: v.heldDay,
                time: v.heldTime,
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
  );
}
