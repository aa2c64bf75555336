"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton } from "@/components/forms/form-kit";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/validation/form-state";

/** One admin control (reset password, (de)activate, reset two-factor): a button with a confirm step and its answer. */
export function AccountControl({
  action,
  label,
  confirm,
  tone = "plain",
}: {
  action: (s: FormState) => Promise<FormState>;
  label: string;
  confirm: string;
  tone?: "plain" | "danger";
}) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  const t = useTranslations("admin");
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm(confirm)) e.preventDefault();
      }}
      className="flex flex-col gap-2"
    >
      <div>
        <SubmitButton tone={tone}>{label}</SubmitButton>
      </div>
      <FormMessage state={state} />
      {state.ok && state.message?.values?.password ? (
        <p className="text-xs text-neutral-600">{t("shownOnce")}</p>
      ) : null}
    </form>
  );
}
