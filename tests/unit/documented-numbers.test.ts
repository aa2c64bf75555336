import { afterEach, describe, expect, it, vi } from "vitest";
import { sessionLimits } from "@/lib/auth/config";
import { afterFailure, lockRemainingMs, THROTTLE } from "@/lib/domain/throttle";
import { VERIFY_LIMITS } from "@/lib/files/limits";
import { IMPORT_LIMITS, IMPORT_UPLOAD_BYTES } from "@/lib/files/register-file";
import { DEFAULT_REPORT_CUTOFF, fileableDays, reportDeadline } from "@/lib/domain/reporting";
import { defaultNextReview, DEFAULT_REVIEW_DAYS } from "@/lib/domain/review";

/**
 * The numbers the README and the decision records promise, written here as the literal values
 * they state — not read back from the code's constants — so that changing one means changing
 * this test and the docs with it (issue 17).
 */
const MINUTE = 60_000;
const MB = 1024 * 1024;

describe("sessions (README: 60 idle minutes or 12 hours)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("end after 60 minutes without activity and 12 hours after sign-in", () => {
    vi.stubEnv("SISE_SESSION_IDLE_MINUTES", "");
    vi.stubEnv("SISE_SESSION_MAX_MINUTES", "");
    expect(sessionLimits()).toEqual({ idleMs: 60 * MINUTE, absoluteMs: 12 * 60 * MINUTE });
  });

  it("follow SISE_SESSION_IDLE_MINUTES and SISE_SESSION_MAX_MINUTES, and ignore nonsense there", () => {
    vi.stubEnv("SISE_SESSION_IDLE_MINUTES", "15");
    vi.stubEnv("SISE_SESSION_MAX_MINUTES", "480");
    expect(sessionLimits()).toEqual({ idleMs: 15 * MINUTE, absoluteMs: 480 * MINUTE });
    vi.stubEnv("SISE_SESSION_IDLE_MINUTES", "-5");
    vi.stubEnv("SISE_SESSION_MAX_MINUTES", "lots");
    expect(sessionLimits()).toEqual({ idleMs: 60 * MINUTE, absoluteMs: 12 * 60 * MINUTE });
  });
});

describe("sign-in backoff (README: five wrong passwords lock for 30 s, doubling up to 15 min; twenty per address)", () => {
  it("locks an account at the 5th failure for 30 s, then 1, 2, 4, 8 minutes, and never longer than 15", () => {
    let state = undefined as ReturnType<typeof afterFailure> | undefined;
    const locks: number[] = [];
    for (let i = 1; i <= 10; i++) {
      const now = i * 1000;
      state = afterFailure(state, now, 5);
      locks.push(lockRemainingMs(state, now));
    }
    expect(locks).toEqual([0, 0, 0, 0, 30_000, 60_000, 120_000, 240_000, 480_000, 15 * MINUTE]);
  });

  it("uses 5 per account and 20 per address, and forgets a count after a quiet quarter of an hour", () => {
    expect(THROTTLE.userThreshold).toBe(5);
    expect(THROTTLE.ipThreshold).toBe(20);
    const four = { failures: 4, lastFailureAt: 0, lockedUntil: null };
    expect(afterFailure(four, 15 * MINUTE, 5).lockedUntil).not.toBeNull(); // still inside the window
    expect(afterFailure(four, 15 * MINUTE + 1, 5)).toEqual({
      failures: 1,
      lastFailureAt: 15 * MINUTE + 1,
      lockedUntil: null,
    });
  });
});

describe("upload limits (README, decision 020)", () => {
  it("are 10 MB sent, 48 MB inflated, 10,000 characters a cell and 20,000 rows for the import; 64 MB for the export check", () => {
    expect(IMPORT_UPLOAD_BYTES).toBe(10 * MB);
    expect(IMPORT_LIMITS).toEqual({ maxInflatedBytes: 48 * MB, maxCellChars: 10_000, maxRows: 20_000 });
    expect(VERIFY_LIMITS.maxUploadBytes).toBe(64 * MB);
  });
});

describe("reviews and daily reports (README and docs/domain.md)", () => {
  it("review red every 7 days, orange 15, yellow 30, blue 90 by default", () => {
    expect(DEFAULT_REVIEW_DAYS).toEqual({ red: 7, orange: 15, yellow: 30, blue: 90 });
    expect(["red", "orange", "yellow", "blue"].map((c) => defaultNextReview(c as "red", "2026-11-25"))).toEqual([
      "2026-12-02",
      "2026-12-10",
      "2026-12-25",
      "2027-02-23",
    ]);
  });

  it("are due at 17:00 Beijing time and may be filed up to six days late", () => {
    expect(DEFAULT_REPORT_CUTOFF).toBe("17:00");
    expect(new Date(reportDeadline("2026-11-25", DEFAULT_REPORT_CUTOFF, "Asia/Shanghai")).toISOString()).toBe(
      "2026-11-25T09:00:00.000Z",
    );
    const days = fileableDays("2026-11-25");
    expect(days[0]).toBe("2026-11-25");
    expect(days.at(-1)).toBe("2026-11-19"); // six days before today, and no earlier
    expect(days).toHaveLength(7);
  });
});
