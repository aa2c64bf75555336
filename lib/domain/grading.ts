import { COLOURS, type Colour } from "./colours";

/**
 * The three grading methods of docs/domain.md and the one mapping from scores to colours. Every place
 * that shows or stores a computed colour — the form's live preview, the server, the board, exports
 * and the API — calls `assess` with the thresholds from settings, so they can never disagree.
 */
export const METHODS = ["lec", "matrix", "direct"] as const;
export type Method = (typeof METHODS)[number];

/** LEC value tables (作业条件危险性评价法), highest first; labels live in the message catalogue. */
export const LEC_L = [10, 6, 3, 1, 0.5, 0.2, 0.1] as const;
export const LEC_E = [10, 6, 3, 2, 1, 0.5] as const;
export const LEC_C = [100, 40, 15, 7, 3, 1] as const;
/** Risk matrix (风险矩阵法): likelihood and severity are each 1–5. */
export const MATRIX_LEVELS = [5, 4, 3, 2, 1] as const;

/**
 * Colour thresholds, each the lowest score of that colour. Defaults are docs/domain.md's:
 * LEC: D > 320 red · 160 ≤ D ≤ 320 orange · 70 ≤ D < 160 yellow · D < 70 blue (so red starts above 320);
 * matrix: R 20–25 red · 10–16 orange · 4–9 yellow · 1–3 blue.
 */
export type Thresholds = {
  lec: { redAbove: number; orange: number; yellow: number };
  matrix: { red: number; orange: number; yellow: number };
};
export const DEFAULT_THRESHOLDS: Thresholds = {
  lec: { redAbove: 320, orange: 160, yellow: 70 },
  matrix: { red: 20, orange: 10, yellow: 4 },
};

/** Thresholds must rise with severity, or some colour could never be reached. */
export function thresholdsAreOrdered(t: Thresholds): boolean {
  const ok = (xs: number[]) =>
    xs.every((x) => Number.isFinite(x) && x > 0) && xs.every((x, i) => i === 0 || xs[i - 1] < x);
  return (
    ok([t.lec.yellow, t.lec.orange, t.lec.redAbove]) &&
    ok([t.matrix.yellow, t.matrix.orange, t.matrix.red]) &&
    t.matrix.red <= 25
  );
}

/** LEC: D = L × E × C, rounded to 3 decimals so 0.1 × 0.5 × 1 is 0.05, not 0.05000000000000001. */
export function lecScore(l: number, e: number, c: number): number {
  return Math.round(l * e * c * 1000) / 1000;
}

/** LEC colour: D > redAbove is red; D ≥ orange is orange; D ≥ yellow is yellow; else blue. */
export function colourForLec(d: number, t: Thresholds = DEFAULT_THRESHOLDS): Colour {
  if (d > t.lec.redAbove) return "red";
  if (d >= t.lec.orange) return "orange";
  if (d >= t.lec.yellow) return "yellow";
  return "blue";
}

/** Matrix colour: R = L × S; R ≥ red is red; R ≥ orange is orange; R ≥ yellow is yellow; else blue. */
export function colourForMatrix(r: number, t: Thresholds = DEFAULT_THRESHOLDS): Colour {
  if (r >= t.matrix.red) return "red";
  if (r >= t.matrix.orange) return "orange";
  if (r >= t.matrix.yellow) return "yellow";
  return "blue";
}

export type MethodInputs =
  | { method: "lec"; l: number; e: number; c: number }
  | { method: "matrix"; likelihood: number; severity: number }
  | { method: "direct" };

/** What an assessment stored on the risk and in its history event says. */
export type Assessment = MethodInputs & {
  /** The computed score (D or R); null for direct judgement. */
  score: number | null;
  /** The colour the method gives; null for direct judgement. */
  computed: Colour | null;
  /** The colour the officer set. */
  colour: Colour;
  /** Why the officer set a colour other than the computed one. */
  overrideReason?: string;
};

export function isValidInputs(i: MethodInputs): boolean {
  if (i.method === "lec")
    return (
      (LEC_L as readonly number[]).includes(i.l) &&
      (LEC_E as readonly number[]).includes(i.e) &&
      (LEC_C as readonly number[]).includes(i.c)
    );
  if (i.method === "matrix")
    return (
      (MATRIX_LEVELS as readonly number[]).includes(i.likelihood) &&
      (MATRIX_LEVELS as readonly number[]).includes(i.severity)
    );
  return i.method === "direct";
}

/** The score and colour a method gives for its inputs (direct judgement computes nothing). */
export function compute(
  i: MethodInputs,
  t: Thresholds = DEFAULT_THRESHOLDS,
): { score: number | null; computed: Colour | null } {
  if (i.method === "lec") {
    const score = lecScore(i.l, i.e, i.c);
    return { score, computed: colourForLec(score, t) };
  }
  if (i.method === "matrix") {
    const score = i.likelihood * i.severity;
    return { score, computed: colourForMatrix(score, t) };
  }
  return { score: null, computed: null };
}

export type AssessError = "overrideReasonRequired" | "invalidInputs" | "chooseColour";

/**
 * Builds an assessment from the method inputs and the colour the officer chose. The chosen colour
 * may differ from the computed one only with a written override reason; for direct judgement the
 * chosen colour is the grade.
 */
export function assess(
  inputs: MethodInputs,
  chosen: Colour | null,
  overrideReason: string,
  t: Thresholds = DEFAULT_THRESHOLDS,
): { ok: true; assessment: Assessment } | { ok: false; error: AssessError } {
  if (!isValidInputs(inputs)) return { ok: false, error: "invalidInputs" };
  const { score, computed } = compute(inputs, t);
  const colour = chosen ?? computed;
  if (!colour || !(COLOURS as readonly string[]).includes(colour)) return { ok: false, error: "chooseColour" };
  const overridden = computed !== null && colour !== computed;
  if (overridden && !overrideReason.trim()) return { ok: false, error: "overrideReasonRequired" };
  return {
    ok: true,
    assessment: {
      ...inputs,
      score,
      computed,
      colour,
      ...(overridden ? { overrideReason: overrideReason.trim() } : {}),
    },
  };
}

/**
 * The inputs a form's values give for `method`, or null while the method still lacks one (the
 * form shows "pick the values" rather than a colour).
 */
export function methodInputsOf(
  method: Method,
  v: { lecL: string; lecE: string; lecC: string; matrixL: string; matrixS: string },
): MethodInputs | null {
  if (method === "lec")
    return v.lecL && v.lecE && v.lecC ? { method, l: Number(v.lecL), e: Number(v.lecE), c: Number(v.lecC) } : null;
  if (method === "matrix")
    return v.matrixL && v.matrixS ? { method, likelihood: Number(v.matrixL), severity: Number(v.matrixS) } : null;
  return { method };
}
