import type { MeetingWrite } from "@/db/mutations/meetings";
import type { FormState } from "@/lib/validation/form-state";

/** A refused meeting write in words; nothing was written. */
export function refusal(result: Extract<MeetingWrite, { ok: false }>): FormState {
  return { ok: false, message: { key: `meetings.refused.${result.error}` } };
}
