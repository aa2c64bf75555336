"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { completeTaskAction } from "@/app/tasks/actions/complete-task";
import { FormMessage, SubmitButton, inputClass } from "@/components/forms/form-kit";
import { INITIAL_FORM_STATE } from "@/lib/validation/form-state";

/** The unit reports a task done, with a line on what was done. */
export function TaskDoneForm({ taskId }: { taskId: number }) {
  const t = useTranslations("tasks");
  const te = useTranslations("errors");
  const [state, action] = useActionState(completeTaskAction.bind(null, taskId), INITIAL_FORM_STATE);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" noValidate>
      <div className="min-w-56 flex-1">
        <label htmlFor={`note-${taskId}`} className="mb-1 block text-sm font-medium">
          {t("doneNote")}
        </label>
        <input
          id={`note-${taskId}`}
          name="note"
          defaultValue={state.values?.note}
          maxLength={500}
          required
          className={inputClass}
          aria-invalid={!!state.fieldErrors?.note?.length}
          aria-describedby={state.fieldErrors?.note?.length ? `note-${taskId}-error` : undefined}
        />
        {state.fieldErrors?.note?.length ? (
          <p id={`note-${taskId}-error`} className="mt-1 text-sm text-red-800">
            {state.fieldErrors.note.map((e) => te(e.key, e.values)).join(" ")}
          </p>
        ) : null}
      </div>
      <SubmitButton tone="plain">{t("markDone")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
