"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createFirstAdminAction } from "@/app/setup/actions/create-first-admin";
import { FormMessage, SubmitButton, TextField } from "@/components/forms/form-kit";
import { AUTH_LIMITS } from "@/lib/validation/auth";
import { INITIAL_FORM_STATE } from "@/lib/validation/form-state";

export function SetupForm() {
  const [state, action] = useActionState(createFirstAdminAction, INITIAL_FORM_STATE);
  const t = useTranslations("setup");
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <TextField state={state} name="token" label={t("token")} autoComplete="off" required hint={t("tokenHint")} />
      <TextField
        state={state}
        name="username"
        label={t("username")}
        autoComplete="username"
        defaultValue={state.values?.username}
        required
      />
      <TextField
        state={state}
        name="displayName"
        label={t("displayName")}
        defaultValue={state.values?.displayName}
        required
      />
      <TextField
        state={state}
        name="password"
        label={t("password")}
        type="password"
        autoComplete="new-password"
        required
        hint={t("passwordRule", { min: AUTH_LIMITS.passwordMin })}
      />
      <SubmitButton>{t("create")}</SubmitButton>
    </form>
  );
}
