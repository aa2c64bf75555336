"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/app/account/actions/change-password";
import { FormMessage, SubmitButton, TextField } from "@/components/forms/form-kit";
import { AUTH_LIMITS } from "@/lib/validation/auth";
import { INITIAL_FORM_STATE } from "@/lib/validation/form-state";

export function PasswordForm() {
  const [state, action] = useActionState(changePasswordAction, INITIAL_FORM_STATE);
  const t = useTranslations("account");
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <TextField
        state={state}
        name="current"
        label={t("currentPassword")}
        type="password"
        autoComplete="current-password"
        required
      />
      <TextField
        state={state}
        name="next"
        label={t("newPassword")}
        type="password"
        autoComplete="new-password"
        required
        hint={t("passwordRule", { min: AUTH_LIMITS.passwordMin })}
      />
      <TextField
        state={state}
        name="confirm"
        label={t("confirmPassword")}
        type="password"
        autoComplete="new-password"
        required
      />
      <SubmitButton>{t("changePassword")}</SubmitButton>
    </form>
  );
}
