"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton, useFormAction } from "@/components/forms/form-kit";
import type { Colour } from "@/lib/domain/colours";
import type { Thresholds } from "@/lib/domain/grading";
import type { FormState } from "@/lib/validation/form-state";
import type { GradingField } from "@/lib/validation/grading";
import { GradingFields } from "./grading-fields";

/** Re-grade a risk: the grading fields, the version the officer saw, and the server's answer. */
export function GradeForm(p: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  version: number;
  initial: Record<GradingField, string>;
  thresholds: Thresholds;
  cadence: Record<Colour, number>;
  today: string;
  cancelHref: string;
}) {
  const [state, formAction] = useFormAction(p.action);
  const t = useTranslations();
  return (
    <form
      key={JSON.stringify(state.values ?? null)}
      action={formAction}
      noValidate
      className="grid max-w-3xl gap-5 rounded-lg border border-neutral-200 bg-white p-4"
    >
      <h2 className="text-lg font-semibold">{t("grading.regrade")}</h2>
      <FormMessage state={state} />
      <input type="hidden" name="version" value={p.version} />
      <GradingFields
        state={state}
        initial={p.initial}
        thresholds={p.thresholds}
        cadence={p.cadence}
        today={p.today}
        reasonRequired
      />
      <div className="flex items-center gap-3">
        <SubmitButton>{t("grading.save")}</SubmitButton>
        <Link href={p.cancelHref} className="text-blue-800 underline">
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}
