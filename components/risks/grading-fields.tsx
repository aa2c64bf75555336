"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ColourBadge } from "@/components/ui/colour-badge";
import { FieldError, inputClass } from "@/components/forms/form-kit";
import { COLOURS, type Colour } from "@/lib/domain/colours";
import { addDays } from "@/lib/domain/dates";
import {
  compute,
  LEC_C,
  LEC_E,
  LEC_L,
  MATRIX_LEVELS,
  METHODS,
  type Method,
  type MethodInputs,
  type Thresholds,
} from "@/lib/domain/grading";
import type { FormState } from "@/lib/validation/form-state";
import type { GradingField } from "@/lib/validation/grading";

type Props = {
  state: FormState;
  initial: Record<GradingField, string>;
  thresholds: Thresholds;
  cadence: Record<Colour, number>;
  today: string;
  reasonRequired: boolean;
};

const TABLES = { lecL: LEC_L, lecE: LEC_E, lecC: LEC_C, matrixL: MATRIX_LEVELS, matrixS: MATRIX_LEVELS } as const;

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
  const [inputs, setInputs] = useState({
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

  const methodInputs: MethodInputs | null =
    method === "lec" && inputs.lecL && inputs.lecE && inputs.lecC
      ? { method, l: Number(inputs.lecL), e: Number(inputs.lecE), c: Number(inputs.lecC) }
      : method === "matrix" && inputs.matrixL && inputs.matrixS
        ? { method, likelihood: Number(inputs.matrixL), severity: Number(inputs.matrixS) }
        : method === "direct"
          ? { method }
          : null;
  const { score, computed } = methodInputs ? compute(methodInputs, thresholds) : { score: null, computed: null };
  const effective = (chosen || computed || "") as Colour | "";
  const overridden = computed !== null && chosen !== "" && chosen !== computed;
  const nextReview = reviewTouched || !effective ? review : addDays(today, cadence[effective]);
  const err = (f: string) => !!state.fieldErrors?.[f]?.length;

  const select = (f: keyof typeof TABLES, labelKey: string) => (
    <div key={f}>
      <label htmlFor={f} className="mb-1 block text-sm font-medium">
        {t(`grading.inputs.${f}`)}
      </label>
      <select
        id={f}
        name={f}
        value={inputs[f]}
        onChange={(e) => regrade(setInputs)({ ...inputs, [f]: e.target.value })}
        className={inputClass}
        aria-invalid={err(f)}
        aria-describedby={err(f) ? `${f}-error` : undefined}
      >
        <option value="">{t("grading.choose")}</option>
        {TABLES[f].map((x, i) => (
          <option key={x} value={x}>{`${x} · ${t(`grading.${labelKey}.${i}`)}`}</option>
        ))}
      </select>
      <FieldError state={state} name={f} />
    </div>
  );

  return (
    <div className="grid gap-5">
      <fieldset>
        <legend className="mb-1 text-sm font-medium">
          {t("grading.method")}
          <span aria-hidden className="text-red-800">
            {" "}
            *
          </span>
        </legend>
        <div className="flex flex-wrap gap-3">
          {METHODS.map((m) => (
            <label
              key={m}
              className="flex items-center gap-2 rounded border border-neutral-300 bg-white px-3 py-2 text-sm"
            >
              <input
                type="radio"
                name="method"
                value={m}
                checked={method === m}
                onChange={() => regrade(setMethod)(m)}
              />
              {t(`grading.methods.${m}`)}
            </label>
          ))}
        </div>
        <FieldError state={state} name="method" />
      </fieldset>

      {method === "lec" ? (
        <div className="grid gap-4 md:grid-cols-3">
          {[select("lecL", "lecLLabels"), select("lecE", "lecELabels"), select("lecC", "lecCLabels")]}
        </div>
      ) : method === "matrix" ? (
        <div className="grid gap-4 md:grid-cols-2">
          {[select("matrixL", "matrixLLabels"), select("matrixS", "matrixSLabels")]}
        </div>
      ) : (
        <p className="text-sm text-neutral-700">{t("grading.directHint")}</p>
      )}
      {/* Inputs of the other methods are still posted (hidden) so switching back keeps them. */}
      {(Object.keys(TABLES) as Array<keyof typeof TABLES>)
        .filter((f) => !(method === "lec" ? f.startsWith("lec") : method === "matrix" ? f.startsWith("matrix") : false))
        .map((f) => (
          <input key={f} type="hidden" name={f} value={inputs[f]} />
        ))}

      <div
        aria-live="polite"
        className="rounded border border-neutral-300 bg-neutral-50 p-3 text-sm"
        data-testid="computed-grade"
      >
        {method === "direct" ? (
          <p>{t("grading.directComputed")}</p>
        ) : computed ? (
          <p className="flex flex-wrap items-center gap-2">
            <span>{t(method === "lec" ? "grading.lecScore" : "grading.matrixScore", { score: score ?? 0 })}</span>
            <span aria-hidden>→</span>
            <ColourBadge colour={computed} label={t(`colours.${computed}`)} level={t(`colours.level.${computed}`)} />
          </p>
        ) : (
          <p>{t("grading.pickInputs")}</p>
        )}
        {method !== "direct" ? (
          <p className="mt-1 text-xs text-neutral-700">
            {method === "lec"
              ? t("grading.lecRule", {
                  red: thresholds.lec.redAbove,
                  orange: thresholds.lec.orange,
                  yellow: thresholds.lec.yellow,
                })
              : t("grading.matrixRule", {
                  red: thresholds.matrix.red,
                  orange: thresholds.matrix.orange,
                  yellow: thresholds.matrix.yellow,
                })}
          </p>
        ) : null}
      </div>

      <fieldset aria-describedby={err("colour") ? "colour-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">
          {t(method === "direct" ? "grading.colourDirect" : "grading.colourSet")}
        </legend>
        <div className="flex flex-wrap gap-3">
          {method !== "direct" ? (
            <label className="flex items-center gap-2 rounded border border-neutral-300 bg-white px-3 py-2 text-sm">
              <input
                type="radio"
                name="colour"
                value=""
                checked={chosen === ""}
                onChange={() => regrade(setChosen)("")}
              />
              {t("grading.useComputed")}
            </label>
          ) : null}
          {COLOURS.map((c) => (
            <label key={c} className="flex items-center gap-2 rounded border border-neutral-300 bg-white px-3 py-2">
              <input
                type="radio"
                name="colour"
                value={c}
                checked={chosen === c}
                onChange={() => regrade(setChosen)(c)}
              />
              <ColourBadge colour={c} label={t(`colours.${c}`)} level={t(`colours.level.${c}`)} />
            </label>
          ))}
        </div>
        <FieldError state={state} name="colour" />
      </fieldset>

      {overridden || err("overrideReason") ? (
        <div>
          <label htmlFor="overrideReason" className="mb-1 block text-sm font-medium">
            {t("grading.overrideReason")}
            <span aria-hidden className="text-red-800">
              {" "}
              *
            </span>
          </label>
          <textarea
            id="overrideReason"
            name="overrideReason"
            rows={2}
            defaultValue={v.overrideReason}
            className={inputClass}
            aria-invalid={err("overrideReason")}
            aria-describedby="overrideReason-hint"
          />
          <p id="overrideReason-hint" className="mt-1 text-xs text-neutral-600">
            {t("grading.overrideHint", { computed: computed ? t(`colours.${computed}`) : "—" })}
          </p>
          <FieldError state={state} name="overrideReason" />
        </div>
      ) : (
        <input type="hidden" name="overrideReason" value="" />
      )}

      {effective === "red" ? (
        <p role="note" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {t("grading.redNotice")}
        </p>
      ) : null}

      <div className="grid gap-5 md:grid-cols-2">
        <div>
          <label htmlFor="reason" className="mb-1 block text-sm font-medium">
            {t("grading.reason")}
            {reasonRequired ? (
              <span aria-hidden className="text-red-800">
                {" "}
                *
              </span>
            ) : null}
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
            <span aria-hidden className="text-red-800">
              {" "}
              *
            </span>
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
