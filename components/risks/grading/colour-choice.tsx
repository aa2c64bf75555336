"use client";

import { useTranslations } from "next-intl";
import { FieldError, inputClass } from "@/components/forms/form-kit";
import { ColourBadge } from "@/components/ui/colour-badge";
import { COLOURS, type Colour } from "@/lib/domain/colours";
import type { Method } from "@/lib/domain/grading";
import type { FormState } from "@/lib/validation/form-state";

/**
 * The colour set: the method's own (unless direct) or another one, which asks for the override
 * reason; a red says what follows from it.
 */
export function ColourChoice({
  state,
  method,
  chosen,
  computed,
  overrideReason,
  onChoose,
}: {
  state: FormState;
  method: Method;
  chosen: string;
  computed: Colour | null;
  overrideReason: string;
  onChoose: (c: string) => void;
}) {
  const t = useTranslations();
  const err = (f: string) => !!state.fieldErrors?.[f]?.length;
  const overridden = computed !== null && chosen !== "" && chosen !== computed;
  const effective = chosen || computed || "";
  return (
    <>
      <fieldset aria-describedby={err("colour") ? "colour-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">
          {t(method === "direct" ? "grading.colourDirect" : "grading.colourSet")}
        </legend>
        <div className="flex flex-wrap gap-3">
          {method !== "direct" ? (
            <label className="flex items-center gap-2 rounded border border-neutral-300 bg-white px-3 py-2 text-sm">
              <input type="radio" name="colour" value="" checked={chosen === ""} onChange={() => onChoose("")} />
              {t("grading.useComputed")}
            </label>
          ) : null}
          {COLOURS.map((c) => (
            <label key={c} className="flex items-center gap-2 rounded border border-neutral-300 bg-white px-3 py-2">
              <input type="radio" name="colour" value={c} checked={chosen === c} onChange={() => onChoose(c)} />
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
            defaultValue={overrideReason}
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
    </>
  );
}
