import { assess, type Assessment, type MethodInputs } from "@/lib/domain/grading";
import type { Colour } from "@/lib/domain/colours";

/** A valid assessment for fixtures: direct judgement of `colour`, or the given method's inputs. */
export function assessment(
  colour: Colour,
  inputs: MethodInputs = { method: "direct" },
  overrideReason = "",
): Assessment {
  const r = assess(inputs, colour, overrideReason);
  if (!r.ok) throw new Error(`fixture assessment: ${r.error}`);
  return r.assessment;
}
