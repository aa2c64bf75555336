import { z } from "zod";
import { COLOURS, type Colour } from "@/lib/domain/colours";
import { DEFAULT_REVIEW_DAYS } from "@/lib/domain/review";
import type { Role } from "@/lib/auth/permissions";
import { CUTOFF_PATTERN, DEFAULT_REPORT_CUTOFF } from "@/lib/domain/reporting";
import { DEFAULT_THRESHOLDS, thresholdsAreOrdered, type Thresholds } from "@/lib/domain/grading";

/** Settings an admin manages. Stored as JSON rows; anything missing or unreadable falls back to these. */
export type Settings = {
  reviewDays: Record<Colour, number>;
  /** Roles whose members must have two-factor sign-in before they may do anything else. */
  totpRequiredRoles: Role[];
  /** Score → colour thresholds for LEC and the risk matrix (docs/domain.md defaults). */
  thresholds: Thresholds;
  /** Daily reports are due by this time (HH:MM, city zone) on the day they cover. */
  reportCutoff: string;
  /** The office named on documents handed out ("编制单位"); empty means the city's own name. */
  organisation: string;
};

export const DEFAULT_SETTINGS: Settings = {
  reviewDays: { ...DEFAULT_REVIEW_DAYS },
  totpRequiredRoles: [],
  thresholds: DEFAULT_THRESHOLDS,
  reportCutoff: DEFAULT_REPORT_CUTOFF,
  organisation: "",
};

export const ORGANISATION_MAX = 60;
// One line of printable text: it is printed at the top of every document.
const NO_CONTROL = /^[^\p{Cc}\p{Cf}]*$/u;
const score = z.coerce
  .number({ error: "invalidNumber" })
  .positive({ error: "thresholdRange" })
  .max(10_000, { error: "thresholdRange" });
const days = z.coerce
  .number({ error: "invalidNumber" })
  .int({ error: "invalidNumber" })
  .min(1, { error: "reviewDaysRange" })
  .max(366, { error: "reviewDaysRange" });

export const settingsSchema = z
  .object({
    reviewRed: days,
    reviewOrange: days,
    reviewYellow: days,
    reviewBlue: days,
    totpAdmins: z.boolean(),
    totpLeaders: z.boolean(),
    lecRedAbove: score,
    lecOrange: score,
    lecYellow: score,
    matrixRed: score.max(25, { error: "thresholdRange" }),
    matrixOrange: score.max(25, { error: "thresholdRange" }),
    matrixYellow: score.max(25, { error: "thresholdRange" }),
    reportCutoff: z.string({ error: "required" }).regex(CUTOFF_PATTERN, { error: "cutoffFormat" }),
    organisation: z
      .string()
      .transform((v) => v.trim())
      .pipe(z.string().max(ORGANISATION_MAX, { error: "tooLong" }).regex(NO_CONTROL, { error: "invalidCharacters" })),
  })
  // A more severe colour is never reviewed less often than a milder one.
  .refine((s) => s.reviewRed <= s.reviewOrange && s.reviewOrange <= s.reviewYellow && s.reviewYellow <= s.reviewBlue, {
    error: "reviewDaysOrder",
    path: ["reviewRed"],
  })
  // Thresholds rise with severity, or some colour could never be reached.
  .refine((s) => s.lecYellow < s.lecOrange && s.lecOrange < s.lecRedAbove, {
    error: "thresholdOrder",
    path: ["lecRedAbove"],
  })
  .refine((s) => s.matrixYellow < s.matrixOrange && s.matrixOrange < s.matrixRed, {
    error: "thresholdOrder",
    path: ["matrixRed"],
  });
export type SettingsField = keyof z.infer<typeof settingsSchema>;

export function parseSettingsForm(formData: FormData) {
  const raw = {
    reviewRed: formData.get("reviewRed"),
    reviewOrange: formData.get("reviewOrange"),
    reviewYellow: formData.get("reviewYellow"),
    reviewBlue: formData.get("reviewBlue"),
    totpAdmins: formData.get("totpAdmins") === "on",
    totpLeaders: formData.get("totpLeaders") === "on",
    lecRedAbove: formData.get("lecRedAbove"),
    lecOrange: formData.get("lecOrange"),
    lecYellow: formData.get("lecYellow"),
    matrixRed: formData.get("matrixRed"),
    matrixOrange: formData.get("matrixOrange"),
    matrixYellow: formData.get("matrixYellow"),
    reportCutoff: formData.get("reportCutoff"),
    organisation: formData.get("organisation") ?? "",
  };
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false as const,
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Partial<Record<SettingsField, string[]>>,
    };
  const s = parsed.data;
  const settings: Settings = {
    reviewDays: { red: s.reviewRed, orange: s.reviewOrange, yellow: s.reviewYellow, blue: s.reviewBlue },
    totpRequiredRoles: [...(s.totpAdmins ? (["admin"] as const) : []), ...(s.totpLeaders ? (["leader"] as const) : [])],
    thresholds: {
      lec: { redAbove: s.lecRedAbove, orange: s.lecOrange, yellow: s.lecYellow },
      matrix: { red: s.matrixRed, orange: s.matrixOrange, yellow: s.matrixYellow },
    },
    reportCutoff: s.reportCutoff,
    organisation: s.organisation,
  };
  return { ok: true as const, settings };
}

/** Reads stored JSON defensively: a damaged value falls back to the default, never crashes a page. */
export function settingsFromStored(stored: Record<string, unknown>): Settings {
  const rd = stored.reviewDays as Partial<Record<Colour, unknown>> | undefined;
  const reviewDays = Object.fromEntries(
    COLOURS.map((c) => {
      const v = rd?.[c];
      return [
        c,
        typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 366 ? v : DEFAULT_SETTINGS.reviewDays[c],
      ];
    }),
  ) as Record<Colour, number>;
  const roles = Array.isArray(stored.totpRequiredRoles)
    ? stored.totpRequiredRoles.filter((r): r is Role => r === "admin" || r === "leader")
    : [];
  const t = stored.thresholds as Thresholds | undefined;
  const thresholds =
    t && typeof t === "object" && t.lec && t.matrix && thresholdsAreOrdered(t)
      ? { lec: { ...t.lec }, matrix: { ...t.matrix } }
      : DEFAULT_THRESHOLDS;
  const reportCutoff =
    typeof stored.reportCutoff === "string" && CUTOFF_PATTERN.test(stored.reportCutoff)
      ? stored.reportCutoff
      : DEFAULT_REPORT_CUTOFF;
  const organisation =
    typeof stored.organisation === "string" &&
    stored.organisation.length <= ORGANISATION_MAX &&
    NO_CONTROL.test(stored.organisation)
      ? stored.organisation
      : "";
  return { reviewDays, totpRequiredRoles: roles, thresholds, reportCutoff, organisation };
}
