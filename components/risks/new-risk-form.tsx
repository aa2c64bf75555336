"use client";

import type { Colour } from "@/lib/domain/colours";
import type { Thresholds } from "@/lib/domain/grading";
import { GRADING_FIELDS, type GradingField } from "@/lib/validation/grading";
import { RISK_FIELDS, type RiskField } from "@/lib/validation/risk";
import { createRiskAction } from "@/app/risks/actions/create-risk";
import { GradingFields } from "./grading-fields";
import { RiskForm, type RiskFormOptions } from "./risk-form";

const EMPTY = {
  ...(Object.fromEntries([...RISK_FIELDS, ...GRADING_FIELDS].map((f) => [f, ""])) as Record<
    RiskField | GradingField,
    string
  >),
  method: "matrix",
};

/** A new risk: its details and its first assessment, saved together. */
export function NewRiskForm(p: {
  options: RiskFormOptions;
  thresholds: Thresholds;
  cadence: Record<Colour, number>;
  today: string;
}) {
  return (
    <RiskForm action={createRiskAction} initial={EMPTY} options={p.options} cancelHref="/risks">
      {(state) => (
        <GradingFields
          state={state}
          initial={EMPTY}
          thresholds={p.thresholds}
          cadence={p.cadence}
          today={p.today}
          reasonRequired={false}
        />
      )}
    </RiskForm>
  );
}
