import { getFormatter, getTranslations } from "next-intl/server";
import type { RiskEvent } from "@/db/schema";

type Names = { areas: Map<number, string>; regions: Map<number, string>; units: Map<number, string> };

const FIELD_LABEL: Record<string, string> = {
  title: "title", description: "description", areaId: "area", regionId: "region", colour: "colour", status: "status",
  responsibleUnitId: "responsibleUnit", responsiblePerson: "responsiblePerson", controlMeasures: "controlMeasures",
  nextReviewDate: "nextReviewDate",
};

/** The risk's history in words, newest first: "2026-05-03 14:20 张伟 changed colour: 橙 → 红 — reason". */
export async function RiskTimeline({ events, names }: { events: RiskEvent[]; names: Names }) {
  const [t, format] = [await getTranslations(), await getFormatter()];
  const actor = (e: RiskEvent) =>
    e.actorName === "system:seed" ? t("app.seedActor") : e.actorName === "system:setup" ? t("app.setupActor") : e.actorName === "system:local" ? t("app.localActor") : e.actorName;
  const show = (field: string | null, v: unknown): string => {
    if (v === null || v === undefined || v === "") return "—";
    if (field === "colour") return t(`colours.${v as "red"}`);
    if (field === "status") return t(`statuses.${v as "closed"}`);
    if (field === "areaId") return names.areas.get(Number(v)) ?? String(v);
    if (field === "regionId") return names.regions.get(Number(v)) ?? String(v);
    if (field === "responsibleUnitId") return names.units.get(Number(v)) ?? String(v);
    const s = String(v);
    return s.length > 80 ? `${s.slice(0, 80)}…` : s;
  };
  if (events.length === 0) return <p className="text-neutral-600">{t("risk.noHistory")}</p>;
  return (
    <ol className="flex flex-col gap-3 border-l-2 border-neutral-300 pl-4">
      {events.map((e) => {
        const field = e.field ? t(`risk.fields.${FIELD_LABEL[e.field] ?? "title"}`) : "";
        const words =
          e.action === "create"
            ? t("risk.event.create", { actor: actor(e) })
            : e.action === "review"
              ? t("risk.event.review", { actor: actor(e), field })
              : t("risk.event.update", { actor: actor(e), field, from: show(e.field, e.oldValue), to: show(e.field, e.newValue) });
        return (
          <li key={e.seq} className="text-sm">
            <time dateTime={e.at.toISOString()} className="mr-2 font-mono text-xs text-neutral-600">
              {format.dateTime(e.at, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })}
            </time>
            {words}
            {e.reason ? <span className="block text-neutral-700">{t("risk.event.reasonLabel", { reason: e.reason })}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
