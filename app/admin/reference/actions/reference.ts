"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { insertReference, renameReference, setReferenceActive } from "@/db/mutations/reference";
import { authorize, deniedState } from "@/lib/auth/guard";
import { flatten } from "@/lib/validation/auth";
import { keysToRuleErrors, type FormState } from "@/lib/validation/form-state";
import {
  namesSchema,
  newReferenceSchema,
  REFERENCE_LIMITS,
  REFERENCE_TABLES,
  referenceFormValues,
} from "@/lib/validation/reference";
import { MAX_ID } from "@/lib/validation/fields";

const tableSchema = z.enum(REFERENCE_TABLES);
const idSchema = z.number().int().positive().max(MAX_ID);
const LIMITS = { code: REFERENCE_LIMITS.code, nameZh: REFERENCE_LIMITS.name, nameEn: REFERENCE_LIMITS.name };
const ERROR_FIELD = { codeTaken: "code", badParent: "parentId", kindRequired: "kind" } as const;

/** Admin adds an area, region or unit. */
export async function createReferenceAction(table: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize("reference.manage");
  if (!auth.ok) return deniedState(auth);
  const t = tableSchema.safeParse(table);
  if (!t.success) return { ok: false, message: { key: "form.failed" } };
  const raw = referenceFormValues(formData);
  const values = { code: raw.code ?? "", nameZh: raw.nameZh ?? "", nameEn: raw.nameEn ?? "" };
  const parsed = newReferenceSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      message: { key: "form.invalid" },
      fieldErrors: keysToRuleErrors(flatten(parsed.error), LIMITS),
      values,
    };
  const result = await insertReference(getDb(), {
    table: t.data,
    values: parsed.data,
    actor: auth.actor,
    now: new Date(),
  });
  if (!result.ok) {
    if (result.error === "notFound") return { ok: false, message: { key: "form.failed" }, values };
    return {
      ok: false,
      message: { key: "form.invalid" },
      fieldErrors: { [ERROR_FIELD[result.error]]: [{ key: result.error }] },
      values,
    };
  }
  revalidatePath("/admin/reference");
  return { ok: true, message: { key: "reference.created", values: { code: parsed.data.code } } };
}

/** Admin renames a row (its code stays). */
export async function renameReferenceAction(
  table: string,
  id: number,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const auth = await authorize("reference.manage");
  if (!auth.ok) return deniedState(auth);
  const t = tableSchema.safeParse(table);
  const i = idSchema.safeParse(id);
  if (!t.success || !i.success) return { ok: false, message: { key: "form.failed" } };
  const parsed = namesSchema.safeParse(referenceFormValues(formData));
  if (!parsed.success)
    return {
      ok: false,
      message: { key: "form.invalid" },
      fieldErrors: keysToRuleErrors(flatten(parsed.error), LIMITS),
    };
  const result = await renameReference(getDb(), {
    table: t.data,
    id: i.data,
    ...parsed.data,
    actor: auth.actor,
    now: new Date(),
  });
  if (!result.ok) return { ok: false, message: { key: "reference.notFound" } };
  revalidatePath("/admin/reference");
  return { ok: true, message: { key: "reference.saved" } };
}

/** Admin retires or restores a row. */
export async function setReferenceActiveAction(
  table: string,
  id: number,
  active: boolean,
  _prev: FormState,
): Promise<FormState> {
  const auth = await authorize("reference.manage");
  if (!auth.ok) return deniedState(auth);
  const t = tableSchema.safeParse(table);
  const i = idSchema.safeParse(id);
  if (!t.success || !i.success || typeof active !== "boolean") return { ok: false, message: { key: "form.failed" } };
  const result = await setReferenceActive(getDb(), {
    table: t.data,
    id: i.data,
    active,
    actor: auth.actor,
    now: new Date(),
  });
  if (!result.ok) return { ok: false, message: { key: "reference.notFound" } };
  revalidatePath("/admin/reference");
  return { ok: true, message: { key: active ? "reference.reactivated" : "reference.deactivated" } };
}
