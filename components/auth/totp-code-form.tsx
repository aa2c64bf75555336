"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton, TextField } from "@/components/forms/form-kit";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/validation/form-state";

/** A six-digit code form, used for the sign-in step and for confirming enrolment. */
export function TotpCodeForm({
  action,
  next,
  submitLabel,
}: {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  next?: string;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  const t = useTranslations("auth");
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        state={state}
        name="code"
        label={t("totpCode")}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]*"
        maxLength={7}
        required
        autoFocus
      />
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
