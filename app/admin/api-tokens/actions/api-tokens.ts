"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { issueApiToken, revokeApiToken } from "@/db/mutations/api-tokens";
import { listAreas, listRegions } from "@/db/queries/reference";
import { authorize, deniedState } from "@/lib/auth/guard";
import type { FormState } from "@/lib/validation/form-state";
import { isId } from "@/lib/validation/fields";

const idList = z
  .array(
    z
      .string()
      .regex(/^\d{1,9}$/)
      .transform(Number),
  )
  .max(200);
const issueSchema = z.object({
  name: z.string().trim().min(1, "required").max(60, "tooLong"),
  area: idList,
  region: idList,
});

/** Admin issues a read-only API token; the answer carries the token, shown once and never again. */
export async function issueApiTokenAction(
  _prev: FormState & { token?: string },
  formData: FormData,
): Promise<FormState & { token?: string }> {
  const auth = await authorize("users.manage");
  if (!auth.ok) return deniedState(auth);
  const parsed = issueSchema.safeParse({
    name: String(formData.get("name") ?? ""),
    area: formData.getAll("area").map(String),
    region: formData.getAll("region").map(String),
  });
  const values = { name: String(formData.get("name") ?? "") };
  if (!parsed.success) {
    const key =
      parsed.error.issues[0]?.message === "tooLong" ? { key: "tooLong", values: { max: 60 } } : { key: "required" };
    return { ok: false, message: { key: "form.invalid" }, fieldErrors: { name: [key] }, values };
  }
  const db = getDb();
  const [areas, regions] = [
    new Set((await listAreas(db)).map((a) => a.id)),
    new Set((await listRegions(db)).map((r) => r.id)),
  ];
  if (!parsed.data.area.every((id) => areas.has(id)) || !parsed.data.region.every((id) => regions.has(id)))
    return { ok: false, message: { key: "form.failed" }, values };
  const { token } = await issueApiToken(db, {
    name: parsed.data.name,
    areaIds: parsed.data.area,
    regionIds: parsed.data.region,
    actor: auth.actor,
    now: new Date(),
  });
  revalidatePath("/admin/api-tokens");
  return { ok: true, message: { key: "apiTokens.issued" }, token };
}

/** Admin revokes a token: from the next request on, it is refused. */
export async function revokeApiTokenAction(id: number, _prev: FormState, _formData: FormData): Promise<FormState> {
  const auth = await authorize("users.manage");
  if (!auth.ok) return deniedState(auth);
  if (!isId(id)) return { ok: false, message: { key: "form.failed" } };
  const done = await revokeApiToken(getDb(), { id, actor: auth.actor, now: new Date() });
  revalidatePath("/admin/api-tokens");
  return done
    ? { ok: true, message: { key: "apiTokens.revoked" } }
    : { ok: false, message: { key: "apiTokens.notRevocable" } };
}
