"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton } from "@/components/forms/form-kit";
import { verifyHistoryAction } from "@/app/audit/actions/verify-history";
import { INITIAL_FORM_STATE } from "@/lib/validation/form-state";

/** One button: recompute the chain on the server and show the verdict (count and head, or the first broken link). */
export function VerifyForm() {
  const [state, action] = useActionState(verifyHistoryAction, INITIAL_FORM_STATE);
  const t = useTranslations("audit");
  return (
    <form action={action} className="flex flex-col gap-3 rounded-lg border border-neutral-200 bg-white p-4">
      <p className="text-sm text-neutral-700">{t("verifyHint")}</p>
      <div>
        <SubmitButton>{t("verify")}</SubmitButton>
      </div>
      <div className="font-mono text-sm break-all">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
