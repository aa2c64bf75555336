import { z } from "zod";
import { isIsoDay } from "@/lib/domain/dates";
import { normaliseText } from "@/lib/domain/text";

/** Field builders shared by every schema. Messages are catalogue keys under `errors.*`. */
// C0 controls other than tab and newlines never belong in register text (and break exports).
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function text(max: number, required: boolean) {
  const base = z
    .string({ error: "required" })
    .overwrite(normaliseText)
    .max(max, { error: "tooLong" })
    .refine((s) => !CONTROL_CHARS.test(s), { error: "invalidCharacters" });
  return required ? base.refine((s) => s.length > 0, { error: "required" }) : base;
}

/**
 * The largest id, version or sequence number either store keeps: PostgreSQL's integer (SQLite's is
 * wider). A larger number names nothing, and is refused here rather than by the database.
 */
export const MAX_ID = 2_147_483_647;

/** Whether a bound argument (an id the page put into an action) names a row at all. */
export const isId = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n > 0 && n <= MAX_ID;

/** A positive whole number no larger than MAX_ID: an id or a version as a form or a URL sends it. */
export const idNumber = () => z.coerce.number().int().positive().max(MAX_ID);

export const id = (error: string) =>
  z.coerce.number({ error }).int({ error }).positive({ error }).max(MAX_ID, { error });

export const isoDay = z.string({ error: "invalidDate" }).refine(isIsoDay, { error: "invalidDate" });

export const version = z.coerce
  .number({ error: "staleForm" })
  .int({ error: "staleForm" })
  .min(1, { error: "staleForm" })
  .max(MAX_ID, { error: "staleForm" });

/** Reads exactly the named fields of a form as strings (a multi-valued field joined with commas); anything else posted is ignored. */
export function readForm<F extends string>(
  formData: FormData,
  fields: readonly F[],
  multi: readonly F[] = [],
): Record<F, string> {
  return Object.fromEntries(
    fields.map((f) => {
      if (multi.includes(f))
        return [
          f,
          formData
            .getAll(f)
            .filter((v): v is string => typeof v === "string")
            .join(","),
        ];
      const v = formData.get(f);
      return [f, typeof v === "string" ? v : ""];
    }),
  ) as Record<F, string>;
}

export type ParseResult<T, F extends string> =
  { ok: true; data: T } | { ok: false; fieldErrors: Partial<Record<F, string[]>> };

export function parseWith<S extends z.ZodType, F extends string>(
  schema: S,
  values: Record<F, string>,
): ParseResult<z.infer<S>, F> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    fieldErrors: z.flattenError(parsed.error).fieldErrors as unknown as Partial<Record<F, string[]>>,
  };
}
