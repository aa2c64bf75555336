import { getTranslations } from "next-intl/server";
import type { RiskMeasure } from "@/db/schema";
import { isMeasureOverdue } from "@/lib/domain/measures";
import type { FormState } from "@/lib/validation/form-state";
import { MeasureForm } from "./step-forms";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Control measures (管控措施): read-only for readers; editable rows and an add form for the officer in scope. */
export async function MeasureList({
  measures,
  today,
  edit,
}: {
  measures: RiskMeasure[];
  today: string;
  edit?: { version: number; add: Action; update: (id: number) => Action; defaultOwner: string };
}) {
  const t = await getTranslations("measures");
  return (
    <section id="measures" className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      {measures.length === 0 ? <p className="text-neutral-600">{t("none")}</p> : null}
      <ul className="flex flex-col gap-3">
        {measures.map((m) => (
          <li key={m.id} className="rounded border border-neutral-200 bg-white p-3">
            {edit ? (
              <MeasureForm
                action={edit.update(m.id)}
                version={edit.version}
                idPrefix={`m${m.id}`}
                submitLabel={t("save")}
                initial={{
                  measureDescription: m.description,
                  owner: m.owner,
                  dueDate: m.dueDate ?? "",
                  measureStatus: m.status,
                }}
              />
            ) : (
              <p className="text-sm">
                <span className="font-medium">{m.description}</span> · {m.owner} ·{" "}
                {m.dueDate ? t("dueOn", { date: m.dueDate }) : t("noDue")} · {t(`status.${m.status}`)}
              </p>
            )}
            {isMeasureOverdue(m, today) ? (
              <p className="mt-1 text-sm font-medium text-red-800">{t("overdue")}</p>
            ) : null}
          </li>
        ))}
      </ul>
      {edit ? (
        <div className="rounded border border-dashed border-neutral-400 p-3">
          <h3 className="mb-2 text-sm font-semibold">{t("add")}</h3>
          <MeasureForm
            action={edit.add}
            version={edit.version}
            idPrefix="new"
            submitLabel={t("addButton")}
            initial={{ measureDescription: "", owner: edit.defaultOwner, dueDate: "", measureStatus: "planned" }}
          />
        </div>
      ) : null}
    </section>
  );
}
