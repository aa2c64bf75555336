"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { insertFirstAdmin } from "@/db/mutations/setup";
import { getLockRemaining, recordThrottleFailure } from "@/db/mutations/sessions";
import { getSetupTokenDigest } from "@/db/queries/settings";
import { countUsers } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { requestFacts } from "@/lib/auth/session";
import { hashToken, sameDigest } from "@/lib/auth/tokens";
import { THROTTLE } from "@/lib/domain/throttle";
import { keysToRuleErrors, type FormState } from "@/lib/validation/form-state";
import { AUTH_LIMITS, flatten, newPassword, usernameSchema } from "@/lib/validation/auth";
import { throttledState } from "@/app/login/actions/throttled-state";

const schema = z.object({
  token: z.string().trim().min(1, { error: "required" }).max(200, { error: "required" }),
  username: usernameSchema,
  displayName: z.string().trim().min(1, { error: "required" }).max(AUTH_LIMITS.displayName, { error: "tooLong" }),
  password: newPassword,
});

/**
 * First start without SISE_ADMIN_* env vars: the server printed a one-time token; whoever can read
 * the server's log proves it here and becomes the first admin. Once any user exists, this refuses.
 */
export async function createFirstAdminAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const db = getDb();
  const digest = await getSetupTokenDigest(db);
  if ((await countUsers(db)) > 0 || !digest) return { ok: false, message: { key: "setup.closed" } };
  const now = new Date();
  const key = `setup:${(await requestFacts()).ip ?? "any"}`;
  const wait = await getLockRemaining(db, { keys: [key], now });
  if (wait > 0) return throttledState(wait, "");
  const str = (k: string) => (typeof formData.get(k) === "string" ? (formData.get(k) as string) : "");
  const values = { username: str("username"), displayName: str("displayName") };
  const parsed = schema.safeParse({ ...values, token: str("token"), password: str("password") });
  if (!parsed.success)
    return {
      ok: false,
      message: { key: "form.invalid" },
      fieldErrors: keysToRuleErrors(flatten(parsed.error), {
        displayName: AUTH_LIMITS.displayName,
        password: AUTH_LIMITS.passwordMax,
      }),
      values,
    };
  if (!sameDigest(hashToken(parsed.data.token), digest)) {
    await recordThrottleFailure(db, { key, threshold: THROTTLE.userThreshold, now });
    return {
      ok: false,
      message: { key: "form.invalid" },
      fieldErrors: { token: [{ key: "setupTokenWrong" }] },
      values,
    };
  }
  const ok = await insertFirstAdmin(db, {
    ...parsed.data,
    passwordHash: await hashPassword(parsed.data.password),
    now,
  });
  if (!ok) return { ok: false, message: { key: "setup.closed" } };
  redirect("/login?setup=1");
}
