import { readFileSync } from "node:fs";

/**
 * A grade change as the browser posts it to the server action, for load tests (the benchmark and
 * the load smoke test in the e2e suite): the action's id from the build's manifest, and the
 * multipart body React sends for the grading form.
 */
export type Target = { id: number; code: string; version: number };

export function gradeActionId(): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === "gradeRiskAction")?.[0];
  if (!id) throw new Error("gradeRiskAction not in the build manifest: rebuild");
  return id;
}

/** The grading form as the browser posts it to the server action (see the request in docs/benchmarks.md). */
export function formBody(boundary: string, actionId: string, t: Target, day: string) {
  const parts: Array<[string, string]> = [
    ["_1_$ACTION_REF_1", ""],
    ["_1_$ACTION_1:0", JSON.stringify({ id: actionId, bound: "$@1" })],
    ["_1_$ACTION_1:1", JSON.stringify([t.code, { ok: false }])],
    ["_1_$ACTION_KEY", "k0"],
    ["_1_version", String(t.version)],
    ["_1_method", "matrix"],
    ["_1_matrixL", "4"],
    ["_1_matrixS", "5"],
    ["_1_lecL", ""],
    ["_1_lecE", ""],
    ["_1_lecC", ""],
    ["_1_colour", ""],
    ["_1_overrideReason", ""],
    ["_1_reason", "基准测试:升级"],
    ["_1_nextReviewDate", day],
    ["0", JSON.stringify([t.code, { ok: false }, "$K1"])],
  ];
  return (
    parts.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") +
    `--${boundary}--\r\n`
  );
}

const BOUNDARY = "----SiseGradeBoundary7MA4YWxkTrZu0gW";

/** A POST grading risk `t` (at its version) through the server action, as request options for fetch or autocannon. */
export function gradeRequest(t: Target, p: { actionId: string; day: string; headers: Record<string, string> }) {
  return {
    method: "POST" as const,
    path: `/risks/${t.code}/grade`,
    body: formBody(BOUNDARY, p.actionId, t, p.day),
    headers: {
      ...p.headers,
      accept: "text/x-component",
      "next-action": p.actionId,
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
    },
  };
}

/**
 * Whether the server confirmed a grading posted by `gradeRequest`: the action answers the page's
 * script with the risk's address in its result (lib/actions/after-write.ts), in the RSC body.
 */
export function gradingConfirmed(body: string, code: string): boolean {
  return body.includes(`"redirectTo":"/risks/${code}?graded=1"`);
}
