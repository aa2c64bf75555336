"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction } from "@/app/login/actions/sign-in";
import { FormMessage, SubmitButton, TextField } from "@/components/forms/form-kit";
import { INITIAL_FORM_STATE } from "@/lib/validation/form-state";

export function SignInForm({ next }: { next: string }) {
  const [state, action] = useActionState(signInAction, INITIAL_FORM_STATE);
  const t = useTranslations("auth");
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField
        state={state}
        name="username"
        label={t("username")}
        autoComplete="username"
        required
        defaultValue={state.values?.username}
        autoFocus
      />
      <TextField
        state={state}
        name="password"
        label={t("password")}
        type="password"
        autoComplete="current-password"
        required
      />
      <SubmitButton>{t("signIn")}</SubmitButton>
    </form>
  );
}
