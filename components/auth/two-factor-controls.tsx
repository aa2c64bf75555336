"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { confirmTotpAction, disableTotpAction, startTotpAction } from "@/app/account/actions/two-factor";
import { FormMessage, SubmitButton, TextField } from "@/components/forms/form-kit";
import { INITIAL_FORM_STATE } from "@/lib/validation/form-state";
import { TotpCodeForm } from "./totp-code-form";

export function StartTotp({ restart }: { restart: boolean }) {
  const [state, action] = useActionState(startTotpAction, INITIAL_FORM_STATE);
  const t = useTranslations("account");
  return (
    <form action={action} className="flex flex-col gap-2">
      <FormMessage state={state.ok ? { ok: false } : state} />
      <div>
        <SubmitButton tone={restart ? "plain" : "primary"}>{restart ? t("totpRestart") : t("totpStart")}</SubmitButton>
      </div>
    </form>
  );
}

export function ConfirmTotp() {
  const t = useTranslations("account");
  return <TotpCodeForm action={confirmTotpAction} submitLabel={t("totpConfirm")} />;
}

export function DisableTotp() {
  const [state, action] = useActionState(disableTotpAction, INITIAL_FORM_STATE);
  const t = useTranslations("account");
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <TextField
        state={state}
        name="password"
        label={t("currentPassword")}
        type="password"
        autoComplete="current-password"
        required
      />
      <div>
        <SubmitButton tone="danger">{t("totpDisable")}</SubmitButton>
      </div>
    </form>
  );
}
