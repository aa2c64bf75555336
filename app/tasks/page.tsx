import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TaskTable } from "@/components/meetings/task-table";
import { getDb } from "@/db/client";
import { listTasks } from "@/db/queries/meetings";
import { requirePageUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { CITY_TIME_ZONE } from "@/lib/config";
import { dayInZone } from "@/lib/domain/dates";
import { singleValues, type SearchParams } from "@/lib/validation/params";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ISLAND_MESSAGES } from "@/components/i18n/island-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tasks"))("title") };
}

/**
 * Follow-up tasks from meetings: first the ones assigned to the person's own units (where they
 * report them done), then every task in the city, open ones by default.
 */
export default async function TasksPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("meeting.read", "/tasks");
  const t = await getTranslations("tasks");
  const status = singleValues(await searchParams).status;
  const which = status === "done" ? "done" : status === "all" ? undefined : "open";
  const db = getDb();
  const today = dayInZone(new Date(), CITY_TIME_ZONE);
  const canComplete = (task: { unitId: number }) => can(user, "task.complete") && user.unitIds.includes(task.unitId);
  const mine = user.unitIds.length ? await listTasks(db, { unitIds: user.unitIds }) : [];
  const all = await listTasks(db, { status: which, limit: 500 });
  const tab = (key: string, label: string) => (
    <Link
      key={key}
      href={`/tasks?status=${key}`}
      aria-current={(status ?? "open") === key ? "page" : undefined}
      className={`rounded border px-3 py-1 ${(status ?? "open") === key ? "border-neutral-900 bg-neutral-900 text-white" : "border-neutral-300 bg-white hover:bg-neutral-100"}`}
    >
      {label}
    </Link>
  );
  return (
    <ClientMessages paths={ISLAND_MESSAGES.tasks}>
      <section className="flex flex-col gap-6">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {user.unitIds.length ? (
          <section aria-labelledby="mine-heading" className="flex flex-col gap-2">
            <h2 id="mine-heading" className="text-xl font-semibold">
              {t("mine", { open: mine.filter((x) => x.status === "open").length })}
            </h2>
            <TaskTable
              tasks={mine}
              today={today}
              canComplete={canComplete}
              caption={t("mine", { open: mine.filter((x) => x.status === "open").length })}
            />
          </section>
        ) : null}
        <section aria-labelledby="all-heading" className="flex flex-col gap-2">
          <h2 id="all-heading" className="text-xl font-semibold">
            {t("all")}
          </h2>
          <nav aria-label={t("filter")} className="flex gap-2 text-sm">
            {[tab("open", t("open")), tab("done", t("done")), tab("all", t("everything"))]}
          </nav>
          {/* One completion form per task on the page: the person's own tasks are completed in the first table. */}
          <TaskTable tasks={all} today={today} canComplete={() => false} caption={t("all")} />
        </section>
      </section>
    </ClientMessages>
  );
}
