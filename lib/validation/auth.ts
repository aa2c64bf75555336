import { z } from "zod";
import { idNumber } from "./fields";
import { ROLES } from "@/lib/auth/permissions";

/**
 * Account forms. Passwords: at least 12 characters (NIST SP 800-63B asks for length, not symbol
 * rules), at most 128 so a huge body cannot make argon2 the bottleneck, and not the username.
 */
export const AUTH_LIMITS = { username: 32, displayName: 50, passwordMin: 12, passwordMax: 128 } as const;

const CONTROL_CHARS = /[\u0000-\u001F\u007F]/;

export const signInSchema = z.object({
  username: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(200, { error: "required" }),
  password: z.string({ error: "required" }).min(1, { error: "required" }).max(1000, { error: "required" }),
});

export const newPassword = z
  .string({ error: "required" })
  .min(AUTH_LIMITS.passwordMin, { error: "passwordTooShort" })
  .max(AUTH_LIMITS.passwordMax, { error: "tooLong" })
  .refine((s) => !CONTROL_CHARS.test(s), { error: "invalidCharacters" });

export const changePasswordSchema = z
  .object({
    current: z.string({ error: "required" }).min(1, { error: "required" }).max(1000),
    next: newPassword,
    confirm: z.string(),
  })
  .refine((v) => v.next === v.confirm, { error: "passwordMismatch", path: ["confirm"] })
  .refine((v) => v.next !== v.current, { error: "passwordUnchanged", path: ["next"] });

/** Lower-case letters, digits, dot, dash, underscore; checked after NFKC + lower-casing. */
export const usernameSchema = z
  .string({ error: "required" })
  .transform((s) => s.normalize("NFKC").trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(2, { error: "usernameFormat" })
      .max(AUTH_LIMITS.username, { error: "usernameFormat" })
      .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: "usernameFormat" }),
  );

const ids = z.array(idNumber(), { error: "invalidChoice" }).max(500);

export const userAccessSchema = z.object({
  displayName: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(AUTH_LIMITS.displayName, { error: "tooLong" })
    .refine((s) => !CONTROL_CHARS.test(s), { error: "invalidCharacters" }),
  roles: z.array(z.enum(ROLES, { error: "invalidChoice" })).max(ROLES.length),
  areaIds: ids,
  regionIds: ids,
  /** The units this person files daily reports and closes tasks for. */
  unitIds: ids,
});

export const newUserSchema = userAccessSchema.extend({ username: usernameSchema });

/** Multi-value form fields (checkbox groups) read as arrays; single fields as strings. */
export function userFormValues(formData: FormData) {
  const all = (k: string) => formData.getAll(k).filter((v): v is string => typeof v === "string");
  const one = (k: string) => {
    const v = formData.get(k);
    return typeof v === "string" ? v : "";
  };
  return {
    username: one("username"),
    displayName: one("displayName"),
    roles: all("roles"),
    areaIds: all("areaIds"),
    regionIds: all("regionIds"),
    unitIds: all("unitIds"),
  };
}

export function flatten(error: z.ZodError) {
  return z.flattenError(error).fieldErrors as Partial<Record<string, string[]>>;
}
