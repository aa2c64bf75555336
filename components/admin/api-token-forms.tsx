"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { issueApiTokenAction, revokeApiTokenAction } from "@/app/admin/api-tokens/actions/api-tokens";
import { FormMessage, SubmitButton, TextField } from "@/components/forms/form-kit";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/validation/form-state";

type Option = { id: number; label: string };

/** Issue a token for the governance platform: a name and, optionally, the areas and regions it may read. */
export function IssueTokenForm({ areas, regions }: { areas: Option[]; regions: Option[] }) {
  const t = useTranslations("apiTokens");
  const [state, action] = useActionState(issueApiTokenAction, INITIAL_FORM_STATE as FormState & { token?: string });
  const control = "rounded border border-neutral-400 bg-white px-2 py-1";
  return (
    <form action={action} className="flex flex-col gap-3 rounded-lg border border-neutral-200 bg-white p-4 text-sm">
      <h2 className="text-lg font-semibold">{t("issueTitle")}</h2>
      <div className="flex flex-wrap gap-3">
        <TextField state={state} name="name" label={t("name")} defaultValue={state.values?.name} maxLength={60} />
        {(
          [
            ["area", areas],
            ["region", regions],
          ] as const
        ).map(([name, options]) => (
          <label key={name} className="flex flex-col gap-1">
            {t(name)}
            <select name={name} multiple size={5} className={`${control} min-w-44`}>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <p className="text-neutral-700">{t("scopeHint")}</p>
      <div>
        <SubmitButton>{t("issue")}</SubmitButton>
      </div>
      <FormMessage state={state} />
      {state.token ? (
        <p data-testid="new-token" className="rounded border-2 border-amber-500 bg-amber-50 p-3">
          {t("showOnce")} <code className="font-mono font-semibold break-all">{state.token}</code>
        </p>
      ) : null}
    </form>
  );
}

export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("apiTokens");
  const [state, action] = useActionState(revokeApiTokenAction.bind(null, id), INITIAL_FORM_STATE);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(t("confirmRevoke", { name }))) e.preventDefault();
      }}
    >
      <SubmitButton tone="danger">{t("revoke")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
