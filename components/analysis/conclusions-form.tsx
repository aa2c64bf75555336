"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveConclusionsAction } from "@/app/analysis/actions/save-conclusions";
import { FieldError, FormMessage, SubmitButton, inputClass } from "@/components/forms/form-kit";
import { CONCLUSIONS_MAX } from "@/lib/validation/analysis";
import { INITIAL_FORM_STATE } from "@/lib/validation/form-state";

/** The risk office's conclusions on the week, saved from the version shown (a concurrent edit is refused, not overwritten). */
export function ConclusionsForm({ week, text, version }: { week: string; text: string; version: number }) {
  const t = useTranslations("analysis");
  const [state, action] = useActionState(saveConclusionsAction.bind(null, week), INITIAL_FORM_STATE);
  return (
    <form action={action} className="flex flex-col gap-2" noValidate>
      <input type="hidden" name="version" value={version} />
      <label htmlFor="conclusions" className="font-medium">
        {t("conclusionsLabel")}
      </label>
      <textarea
        id="conclusions"
        name="text"
        rows={8}
        maxLength={CONCLUSIONS_MAX}
        defaultValue={state.values?.text ?? text}
        className={inputClass}
        aria-invalid={!!state.fieldErrors?.text?.length}
        aria-describedby={state.fieldErrors?.text?.length ? "text-error" : undefined}
      />
      <FieldError state={state} name="text" />
      <div className="flex items-center gap-3">
        <SubmitButton>{t("saveConclusions")}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
