import { z } from "zod";
import { RISK_STATUSES } from "@/lib/domain/colours";
import { MEASURE_STATUSES } from "@/lib/domain/measures";
import { isoDay, parseWith, readForm, text } from "./fields";
import { LIMITS } from "./risk";

/** The smaller steps of managing a risk: review without change, status, acknowledgement, measures. */

export const REVIEW_FIELDS = ["note", "nextReviewDate"] as const;
const reviewSchema = z.object({ note: text(LIMITS.reason, true), nextReviewDate: isoDay });
export const parseReview = (fd: FormData) => parseWith(reviewSchema, readForm(fd, REVIEW_FIELDS));

export const STATUS_FIELDS = ["status", "reason"] as const;
const statusSchema = z.object({
  status: z.enum(RISK_STATUSES, { error: "invalidChoice" }),
  reason: text(LIMITS.reason, true),
});
export const parseStatus = (fd: FormData) => parseWith(statusSchema, readForm(fd, STATUS_FIELDS));

export const ACK_FIELDS = ["instruction"] as const;
const ackSchema = z.object({ instruction: text(LIMITS.reason, false) });
export const parseAck = (fd: FormData) => parseWith(ackSchema, readForm(fd, ACK_FIELDS));

export const MEASURE_FIELDS = ["measureDescription", "owner", "dueDate", "measureStatus"] as const;
const measureSchema = z.object({
  measureDescription: text(500, true),
  owner: text(LIMITS.person, true),
  dueDate: z.union([z.literal(""), isoDay]),
  measureStatus: z.enum(MEASURE_STATUSES, { error: "invalidChoice" }),
});
export const parseMeasure = (fd: FormData) => parseWith(measureSchema, readForm(fd, MEASURE_FIELDS));
