"use client";

import { useTranslations } from "next-intl";
import {
  FieldError,
  FormMessage,
  inputClass,
  SubmitButton,
  TextField,
  useFormAction,
  Note,
} from "@/components/forms/form-kit";
import type { RiskStatus } from "@/lib/domain/colours";
import { MEASURE_STATUSES } from "@/lib/domain/measures";
import type { FormState } from "@/lib/validation/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** "Reviewed, no change": a note and the next review day (within the colour's cadence). */
export function ReviewForm({
  action,
  version,
  defaultNext,
  today,
}: {
  action: Action;
  version: number;
  defaultNext: string;
  today: string;
}) {
  const [state, formAction] = useFormAction(action);
  const t = useTranslations("workflow");
  return (
    <form
      action={formAction}
      noValidate
      className="grid max-w-3xl gap-3 rounded-lg border border-neutral-200 bg-white p-4"
    >
      <h2 className="text-lg font-semibold">{t("reviewTitle")}</h2>
      <p className="text-sm text-neutral-700">{t("reviewHint")}</p>
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <Note state={state} name="note" label={t("reviewNote")} required />
      <TextField
        state={state}
        name="nextReviewDate"
        label={t("nextReview")}
        type="date"
        min={today}
        defaultValue={state.values?.nextReviewDate ?? defaultNext}
        required
      />
      <div>
        <SubmitButton>{t("confirmReview")}</SubmitButton>
      </div>
    </form>
  );
}

/** The next lifecycle steps allowed from the current status, each with a mandatory reason. */
export function StatusForm({
  action,
  version,
  next,
}: {
  action: Action;
  version: number;
  next: readonly RiskStatus[];
}) {
  const [state, formAction] = useFormAction(action);
  const t = useTranslations();
  return (
    <form action={formAction} noValidate className="grid gap-3 rounded-lg border border-neutral-200 bg-white p-4">
      <h2 className="text-lg font-semibold">{t("workflow.statusTitle")}</h2>
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <div>
        <label htmlFor="status" className="mb-1 block text-sm font-medium">
          {t("workflow.newStatus")}
        </label>
        <select id="status" name="status" defaultValue={state.values?.status ?? next[0]} className={inputClass}>
          {next.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
        <FieldError state={state} name="status" />
      </div>
      <Note state={state} name="reason" label={t("workflow.statusReason")} required />
      <div>
        <SubmitButton>{t("workflow.changeStatus")}</SubmitButton>
      </div>
    </form>
  );
}

/** A leader acknowledges a red, with an optional instruction (批示). */
export function AcknowledgeForm({ action, version }: { action: Action; version: number }) {
  const [state, formAction] = useFormAction(action);
  const t = useTranslations("workflow");
  return (
    <form action={formAction} noValidate className="grid gap-3">
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <Note state={state} name="instruction" label={t("instruction")} />
      <div>
        <SubmitButton tone="danger">{t("acknowledge")}</SubmitButton>
      </div>
    </form>
  );
}

export type MeasureValues = { measureDescription: string; owner: string; dueDate: string; measureStatus: string };

/** Add or change one control measure. */
export function MeasureForm({
  action,
  version,
  initial,
  submitLabel,
  idPrefix,
}: {
  action: Action;
  version: number;
  initial: MeasureValues;
  submitLabel: string;
  idPrefix: string;
}) {
  const [state, formAction] = useFormAction(action);
  const t = useTranslations("measures");
  const v = { ...initial, ...state.values };
  const id = (f: string) => `${idPrefix}-${f}`;
  const errorOf = (f: string) => (state.fieldErrors?.[f]?.length ? <FieldError state={state} name={f} /> : null);
  return (
    <form action={formAction} noValidate className="grid gap-2 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end">
      <div className="sm:col-span-4">
        <FormMessage state={state} />
      </div>
      <input type="hidden" name="version" value={version} />
      <div className="sm:col-span-4">
        <label htmlFor={id("d")} className="mb-1 block text-xs font-medium">
          {t("description")}
        </label>
        <input
          id={id("d")}
          name="measureDescription"
          defaultValue={v.measureDescription}
          maxLength={500}
          className={inputClass}
          aria-invalid={!!state.fieldErrors?.measureDescription}
        />
        {errorOf("measureDescription")}
      </div>
      <div>
        <label htmlFor={id("o")} className="mb-1 block text-xs font-medium">
          {t("owner")}
        </label>
        <input
          id={id("o")}
          name="owner"
          defaultValue={v.owner}
          maxLength={50}
          className={inputClass}
          aria-invalid={!!state.fieldErrors?.owner}
        />
        {errorOf("owner")}
      </div>
      <div>
        <label htmlFor={id("due")} className="mb-1 block text-xs font-medium">
          {t("due")}
        </label>
        <input
          id={id("due")}
          name="dueDate"
          type="date"
          defaultValue={v.dueDate}
          className={inputClass}
          aria-invalid={!!state.fieldErrors?.dueDate}
        />
        {errorOf("dueDate")}
      </div>
      <div>
        <label htmlFor={id("s")} className="mb-1 block text-xs font-medium">
          {t("statusLabel")}
        </label>
        <select id={id("s")} name="measureStatus" defaultValue={v.measureStatus} className={inputClass}>
          {MEASURE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <SubmitButton tone="plain">{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
