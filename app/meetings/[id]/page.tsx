import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";
import { MeetingBoard } from "@/components/meetings/meeting-board";
import { MeetingHeader } from "@/components/meetings/meeting-header";
import { MeetingAgenda, MeetingCorrections, MeetingItems } from "@/components/meetings/meeting-items";
import { getDb } from "@/db/client";
import { getMeeting } from "@/db/queries/meetings";
import { requirePageUser } from "@/lib/auth/guard";
import { loadMeetingView } from "@/lib/views/meeting";
import { addCorrectionAction, addDecisionAction, addDiscussedAction, addTaskAction } from "../actions/meeting-items";
import { closeMeetingAction, updateMeetingAction } from "../actions/meeting-record";
import { isId } from "@/lib/validation/fields";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = Number((await params).id);
  const m = isId(id) ? await getMeeting(getDb(), id) : undefined;
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
  const v = await loadMeetingView(getDb(), { id, user, now: new Date(), locale: await getLocale() });
  if (!v) notFound();
  const t = await getTranslations("meetings");
  const bound = <A extends unknown[], R>(action: (id: number, ...a: A) => R) => action.bind(null, v.meeting.id);
  return (
    <ClientMessages paths={ISLAND_MESSAGES.meetings}>
      <article className="flex flex-col gap-6">
        <Link href="/meetings" className="text-sm text-blue-800 underline">
          {t("backToList")}
        </Link>
        <MeetingHeader v={v} update={bound(updateMeetingAction)} />
        {v.open ? <MeetingAgenda v={v} /> : null}
        <MeetingBoard v={v} />
        <MeetingItems
          v={v}
          actions={{
            discussed: bound(addDiscussedAction),
            decision: bound(addDecisionAction),
            task: bound(addTaskAction),
            close: bound(closeMeetingAction),
          }}
        />
        {!v.open ? <MeetingCorrections v={v} action={bound(addCorrectionAction)} /> : null}
      </article>
    </ClientMessages>
  );
}
