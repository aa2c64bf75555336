import { z } from "zod";
import { idNumber } from "./fields";
import { AREA_KINDS } from "@/lib/domain/areas";

/** Reference lists an admin maintains: risk areas (categories/domains), regions, units. */
export const REFERENCE_TABLES = ["areas", "regions", "units"] as const;
export type ReferenceTable = (typeof REFERENCE_TABLES)[number];

export const REFERENCE_LIMITS = { code: 20, name: 100 } as const;
const CONTROL_CHARS = /[\u0000-\u001F\u007F]/;

const name = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(REFERENCE_LIMITS.name, { error: "tooLong" })
  .refine((s) => !CONTROL_CHARS.test(s), { error: "invalidCharacters" });
const optionalId = z.union([z.literal("").transform(() => null), idNumber()], { error: "invalidChoice" });

export const namesSchema = z.object({ nameZh: name, nameEn: name });

/** Codes are stable identifiers (exports and imports match on them), so they are set once, at creation. */
export const newReferenceSchema = namesSchema.extend({
  code: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(REFERENCE_LIMITS.code, { error: "tooLong" })
    .regex(/^[A-Za-z0-9_-]+$/, { error: "codeFormat" }),
  kind: z.enum(AREA_KINDS, { error: "invalidChoice" }).optional(),
  parentId: optionalId.optional(),
});

export function referenceFormValues(formData: FormData) {
  const one = (k: string) => (typeof formData.get(k) === "string" ? (formData.get(k) as string) : undefined);
  return {
    code: one("code"),
    nameZh: one("nameZh"),
    nameEn: one("nameEn"),
    kind: one("kind"),
    parentId: one("parentId"),
  };
}
