"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldError, FormMessage, SubmitButton, TextField, inputClass } from "@/components/forms/form-kit";
import { MEETING_TYPES } from "@/lib/domain/meetings";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/validation/form-state";

export type MeetingInitial = {
  type: string;
  title: string;
  day: string;
  time: string;
  chair: string;
  attendees: string;
  notes: string;
  version?: number;
};

/** A meeting's header: type, title, when, chair, attendees (one per line) and notes. New or, while open, edited. */
export function MeetingForm({
  action,
  initial,
  submit,
}: {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  initial: MeetingInitial;
  submit: string;
}) {
  const t = useTranslations("meetings");
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  const v = (k: keyof MeetingInitial) => state.values?.[k] ?? String(initial[k] ?? "");
  const invalid = (k: string) => !!state.fieldErrors?.[k]?.length;
  return (
    <form
      action={formAction}
      className="flex flex-col gap-4 rounded-lg border border-neutral-200 bg-white p-6"
      noValidate
    >
      <FormMessage state={state} />
      {initial.version ? <input type="hidden" name="version" value={initial.version} /> : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor="type" className="mb-1 block text-sm font-medium">
            {t("type")}
          </label>
          <select id="type" name="type" defaultValue={v("type")} className={inputClass} aria-invalid={invalid("type")}>
            {MEETING_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`types.${k}`)}
              </option>
            ))}
          </select>
          <FieldError state={state} name="type" />
        </div>
        <div className="lg:col-span-3">
          <TextField
            state={state}
            name="title"
            label={t("titleField")}
            defaultValue={v("title")}
            maxLength={120}
            required
          />
        </div>
        <TextField state={state} name="day" label={t("day")} type="date" defaultValue={v("day")} required />
        <TextField state={state} name="time" label={t("time")} type="time" defaultValue={v("time")} required />
        <div className="lg:col-span-2">
          <TextField state={state} name="chair" label={t("chair")} defaultValue={v("chair")} maxLength={60} required />
        </div>
      </div>
      <div>
        <label htmlFor="attendees" className="mb-1 block text-sm font-medium">
          {t("attendees")}
        </label>
        <textarea
          id="attendees"
          name="attendees"
          rows={3}
          defaultValue={v("attendees")}
          className={inputClass}
          aria-invalid={invalid("attendees")}
          aria-describedby="attendees-hint"
        />
        <p id="attendees-hint" className="mt-1 text-xs text-neutral-600">
          {t("attendeesHint")}
        </p>
        <FieldError state={state} name="attendees" />
      </div>
      <div>
        <label htmlFor="notes" className="mb-1 block text-sm font-medium">
          {t("notes")}
        </label>
        <textarea
          id="notes"
          name="notes"
          rows={3}
          defaultValue={v("notes")}
          className={inputClass}
          aria-invalid={invalid("notes")}
        />
        <FieldError state={state} name="notes" />
      </div>
      <div>
        <SubmitButton>{submit}</SubmitButton>
      </div>
    </form>
  );
}
