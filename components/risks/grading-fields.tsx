"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { FieldError, inputClass } from "@/components/forms/form-kit";
import type { Colour } from "@/lib/domain/colours";
import { addDays } from "@/lib/domain/dates";
import { compute, methodInputsOf, METHODS, type Method, type Thresholds } from "@/lib/domain/grading";
import type { FormState } from "@/lib/validation/form-state";
import type { GradingField } from "@/lib/validation/grading";
import { ColourChoice } from "./grading/colour-choice";
import { ComputedGrade } from "./grading/computed-grade";
import { MethodInputs, type Inputs } from "./grading/method-inputs";

type Props = {
  state: FormState;
  initial: Record<GradingField, string>;
  thresholds: Thresholds;
  cadence: Record<Colour, number>;
  today: string;
  reasonRequired: boolean;
};

/**
 * The grading inputs: choose a method, pick its values, and see the colour the method gives at
 * once, with the thresholds that decide it (the same `compute` and thresholds the server uses).
 * The officer may set another colour, which asks for an override reason. The next review day
 * follows the colour's cadence until the officer picks one.
 */
export function GradingFields({ state, initial, thresholds, cadence, today, reasonRequired }: Props) {
  const t = useTranslations();
  const v = state.values ? { ...initial, ...state.values } : initial;
  const [method, setMethod] = useState<Method>(
    (METHODS as readonly string[]).includes(v.method) ? (v.method as Method) : "matrix",
  );
  const [inputs, setInputs] = useState<Inputs>({
    lecL: v.lecL,
    lecE: v.lecE,
    lecC: v.lecC,
    matrixL: v.matrixL,
    matrixS: v.matrixS,
  });
  const [chosen, setChosen] = useState<string>(v.colour);
  const [review, setReview] = useState<string>(v.nextReviewDate);
  const [reviewTouched, setReviewTouched] = useState(v.nextReviewDate !== "");
  // A new grade suggests a new review day: any change of method, inputs or colour re-derives it.
  const regrade =
    <T,>(set: (x: T) => void) =>
    (x: T) => {
      set(x);
      setReviewTouched(false);
    };

  const methodInputs = methodInputsOf(method, inputs);
  const { score, computed } = methodInputs ? compute(methodInputs, thresholds) : { score: null, computed: null };
  const effective = (chosen || computed || "") as Colour | "";
  const nextReview = reviewTouched || !effective ? review : addDays(today, cadence[effective]);
  const err = (f: string) => !!state.fieldErrors?.[f]?.length;
  const required = (
    <span aria-hidden className="text-red-800">
      {" "}
      *
    </span>
  );

  return (
    <div className="grid gap-5">
      <MethodInputs
        state={state}
        method={method}
        inputs={inputs}
        onMethod={regrade(setMethod)}
        onInputs={regrade(setInputs)}
      />
      <ComputedGrade method={method} score={score} computed={computed} thresholds={thresholds} />
      <ColourChoice
        state={state}
        method={method}
        chosen={chosen}
        computed={computed}
        overrideReason={v.overrideReason}
        onChoose={regrade(setChosen)}
      />
      <div className="grid gap-5 md:grid-cols-2">
        <div>
          <label htmlFor="reason" className="mb-1 block text-sm font-medium">
            {t("grading.reason")}
            {reasonRequired ? required : null}
          </label>
          <textarea
            id="reason"
            name="reason"
            rows={2}
            defaultValue={v.reason}
            className={inputClass}
            aria-invalid={err("reason")}
            aria-describedby={err("reason") ? "reason-error" : undefined}
          />
          <FieldError state={state} name="reason" />
        </div>
        <div>
          <label htmlFor="nextReviewDate" className="mb-1 block text-sm font-medium">
            {t("risk.fields.nextReviewDate")}
            {required}
          </label>
          <input
            id="nextReviewDate"
            name="nextReviewDate"
            type="date"
            value={nextReview}
            min={today}
            onChange={(e) => {
              setReview(e.target.value);
              setReviewTouched(true);
            }}
            className={inputClass}
            aria-invalid={err("nextReviewDate")}
            aria-describedby="nextReviewDate-hint"
          />
          <p id="nextReviewDate-hint" className="mt-1 text-xs text-neutral-600">
            {t("grading.reviewHint", {
              red: cadence.red,
              orange: cadence.orange,
              yellow: cadence.yellow,
              blue: cadence.blue,
            })}
          </p>
          <FieldError state={state} name="nextReviewDate" />
        </div>
      </div>
    </div>
  );
}
