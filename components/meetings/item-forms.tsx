"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton, TextField, FieldError, inputClass } from "@/components/forms/form-kit";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/validation/form-state";

type Action = (s: FormState, f: FormData) => Promise<FormState>;
const box = "flex flex-col gap-3 rounded border border-neutral-200 bg-neutral-50 p-4";

/** Adds a risk to those discussed, by its code, with what was said. */
export function DiscussedForm({ action }: { action: Action }) {
  const t = useTranslations("meetings");
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form action={formAction} className={box} noValidate>
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <TextField
          state={state}
          name="riskCode"
          id="discussed-riskCode"
          label={t("riskCode")}
          defaultValue={state.ok ? "" : state.values?.riskCode}
          className={`${inputClass} font-mono`}
          required
        />
        <TextField
          state={state}
          name="note"
          id="discussed-note"
          label={t("discussedNote")}
          defaultValue={state.ok ? "" : state.values?.note}
          maxLength={500}
        />
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton tone="plain">{t("addDiscussed")}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** Records a leader's 批示, optionally on one risk. */
export function DecisionForm({ action, chair }: { action: Action; chair: string }) {
  const t = useTranslations("meetings");
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form action={formAction} className={box} noValidate>
      <div className="grid gap-3 sm:grid-cols-[12rem_12rem_1fr]">
        <TextField
          state={state}
          name="leader"
          id="decision-leader"
          label={t("leader")}
          defaultValue={state.values?.leader ?? chair}
          maxLength={60}
          required
        />
        <TextField
          state={state}
          name="riskCode"
          id="decision-riskCode"
          label={t("riskCodeOptional")}
          defaultValue={state.ok ? "" : state.values?.riskCode}
          className={`${inputClass} font-mono`}
        />
        <div>
          <label htmlFor="decision-text" className="mb-1 block text-sm font-medium">
            {t("decisionText")}
          </label>
          <textarea
            id="decision-text"
            name="text"
            rows={2}
            maxLength={1000}
            defaultValue={state.ok ? "" : state.values?.text}
            className={inputClass}
            aria-invalid={!!state.fieldErrors?.text?.length}
            aria-describedby={state.fieldErrors?.text?.length ? "decision-text-error" : undefined}
          />
          <FieldError state={state} name="text" id="decision-text" />
        </div>
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton tone="plain">{t("addDecision")}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** Assigns a follow-up task to a unit with a due day. */
export function TaskForm({
  action,
  units,
  defaultDue,
}: {
  action: Action;
  units: Array<{ id: number; label: string }>;
  defaultDue: string;
}) {
  const t = useTranslations("meetings");
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form action={formAction} className={box} noValidate>
      <div className="grid gap-3 sm:grid-cols-[1fr_14rem_10rem_12rem]">
        <TextField
          state={state}
          name="task"
          id="task-text"
          label={t("taskText")}
          defaultValue={state.ok ? "" : state.values?.task}
          maxLength={1000}
          required
        />
        <div>
          <label htmlFor="task-unitId" className="mb-1 block text-sm font-medium">
            {t("taskUnit")}
          </label>
          <select
            id="task-unitId"
            name="unitId"
            defaultValue={state.ok ? "" : (state.values?.unitId ?? "")}
            className={inputClass}
            aria-invalid={!!state.fieldErrors?.unitId?.length}
            aria-describedby={state.fieldErrors?.unitId?.length ? "task-unitId-error" : undefined}
          >
            <option value="">{t("chooseUnit")}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
          <FieldError state={state} name="unitId" id="task-unitId" />
        </div>
        <TextField
          state={state}
          name="dueDate"
          id="task-dueDate"
          label={t("dueDate")}
          type="date"
          defaultValue={state.ok ? defaultDue : (state.values?.dueDate ?? defaultDue)}
          required
        />
        <TextField
          state={state}
          name="riskCode"
          id="task-riskCode"
          label={t("riskCodeOptional")}
          defaultValue={state.ok ? "" : state.values?.riskCode}
          className={`${inputClass} font-mono`}
        />
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton tone="plain">{t("addTask")}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** A correction to a closed record: appended and linked, the record itself unchanged. */
export function CorrectionForm({ action }: { action: Action }) {
  const t = useTranslations("meetings");
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form action={formAction} className={box} noValidate>
      <label htmlFor="correction-text" className="text-sm font-medium">
        {t("correctionText")}
      </label>
      <textarea
        id="correction-text"
        name="text"
        rows={2}
        maxLength={1000}
        defaultValue={state.ok ? "" : state.values?.text}
        className={inputClass}
        aria-invalid={!!state.fieldErrors?.text?.length}
        aria-describedby={state.fieldErrors?.text?.length ? "correction-text-error" : undefined}
      />
      <FieldError state={state} name="text" id="correction-text" />
      <div className="flex items-center gap-3">
        <SubmitButton tone="plain">{t("addCorrection")}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** Closes and locks the record, after a confirmation that names what closing means. */
export function CloseMeetingForm({ action, version }: { action: Action; version: number }) {
  const t = useTranslations("meetings");
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm(t("confirmClose"))) e.preventDefault();
      }}
      className="flex flex-wrap items-center gap-3"
    >
      <input type="hidden" name="version" value={version} />
      <SubmitButton tone="danger">{t("close")}</SubmitButton>
      <span className="text-sm text-neutral-700">{t("closeHint")}</span>
      <FormMessage state={state} />
    </form>
  );
}
