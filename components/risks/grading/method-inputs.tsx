"use client";

import { useTranslations } from "next-intl";
import { FieldError, inputClass } from "@/components/forms/form-kit";
import { LEC_C, LEC_E, LEC_L, MATRIX_LEVELS, METHODS, type Method } from "@/lib/domain/grading";
import type { FormState } from "@/lib/validation/form-state";

export const TABLES = {
  lecL: LEC_L,
  lecE: LEC_E,
  lecC: LEC_C,
  matrixL: MATRIX_LEVELS,
  matrixS: MATRIX_LEVELS,
} as const;
export type InputField = keyof typeof TABLES;
export type Inputs = Record<InputField, string>;

const LABELS: Record<InputField, string> = {
  lecL: "lecLLabels",
  lecE: "lecELabels",
  lecC: "lecCLabels",
  matrixL: "matrixLLabels",
  matrixS: "matrixSLabels",
};

/** The method radios and the chosen method's values; the other methods' values ride along hidden. */
export function MethodInputs({
  state,
  method,
  inputs,
  onMethod,
  onInputs,
}: {
  state: FormState;
  method: Method;
  inputs: Inputs;
  onMethod: (m: Method) => void;
  onInputs: (i: Inputs) => void;
}) {
  const t = useTranslations();
  const err = (f: string) => !!state.fieldErrors?.[f]?.length;
  const select = (f: InputField) => (
    <div key={f}>
      <label htmlFor={f} className="mb-1 block text-sm font-medium">
        {t(`grading.inputs.${f}`)}
      </label>
      <select
        id={f}
        name={f}
        value={inputs[f]}
        onChange={(e) => onInputs({ ...inputs, [f]: e.target.value })}
        className={inputClass}
        aria-invalid={err(f)}
        aria-describedby={err(f) ? `${f}-error` : undefined}
      >
        <option value="">{t("grading.choose")}</option>
        {TABLES[f].map((x, i) => (
          <option key={x} value={x}>{`${x} · ${t(`grading.${LABELS[f]}.${i}`)}`}</option>
        ))}
      </select>
      <FieldError state={state} name={f} />
    </div>
  );
  return (
    <>
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
              <input type="radio" name="method" value={m} checked={method === m} onChange={() => onMethod(m)} />
              {t(`grading.methods.${m}`)}
            </label>
          ))}
        </div>
        <FieldError state={state} name="method" />
      </fieldset>

      {method === "lec" ? (
        <div className="grid gap-4 md:grid-cols-3">{[select("lecL"), select("lecE"), select("lecC")]}</div>
      ) : method === "matrix" ? (
        <div className="grid gap-4 md:grid-cols-2">{[select("matrixL"), select("matrixS")]}</div>
      ) : (
        <p className="text-sm text-neutral-700">{t("grading.directHint")}</p>
      )}
      {/* Inputs of the other methods are still posted (hidden) so switching back keeps them. */}
      {(Object.keys(TABLES) as InputField[])
        .filter((f) => !(method === "lec" ? f.startsWith("lec") : method === "matrix" ? f.startsWith("matrix") : false))
        .map((f) => (
          <input key={f} type="hidden" name={f} value={inputs[f]} />
        ))}
    </>
  );
}
