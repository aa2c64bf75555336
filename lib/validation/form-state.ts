import type { RuleError } from "@/lib/domain/risk-rules";
import { FIELD_MAX } from "./risk";

/** The one result shape every form action returns. Messages are catalogue keys with their values. */
export type FormState = {
  ok: boolean;
  message?: RuleError;
  fieldErrors?: Partial<Record<string, RuleError[]>>;
  values?: Record<string, string>;
  /** After a refused stale edit: what others changed meanwhile, one sentence each. */
  conflict?: string[];
  /** After a successful write called from script: the page to go to next (lib/actions/after-write.ts). */
  redirectTo?: string;
};

export const INITIAL_FORM_STATE: FormState = { ok: false };

/** zod issues carry only a key; add the values their messages need (the limit in "tooLong"). */
export function toRuleErrors(fieldErrors: Partial<Record<string, string[]>>): Partial<Record<string, RuleError[]>> {
  return keysToRuleErrors(fieldErrors, FIELD_MAX);
}

/** The same for any form with its own limits. */
export function keysToRuleErrors(
  fieldErrors: Partial<Record<string, string[]>>,
  max: Record<string, number> = {},
): Partial<Record<string, RuleError[]>> {
  const out: Partial<Record<string, RuleError[]>> = {};
  for (const [field, keys] of Object.entries(fieldErrors)) {
    out[field] = [...new Set(keys ?? [])].map((key) =>
      key === "tooLong" ? { key, values: { max: max[field] ?? 0 } } : { key },
    );
  }
  return out;
}
