import "server-only";
import { createHash } from "node:crypto";
import { getTranslations } from "next-intl/server";
import type { ImportState } from "./import-state";

type Action = "create" | "update" | "unchanged" | "outsideScope" | "error";
type Preview = Extract<ImportState, { status: "preview" }>;
type Refusal = { ok: false; error: string; line?: number } | { ok: false; error: "missingColumns"; columns: string[] };

/**
 * The one protocol of every import (the register, the division list, a hazard list): the file
 * refused in words (422), or its plan shown row by row — the dry run, nothing written. With
 * `intent=commit` the same file's plan is written only if it has no errors and is exactly the plan
 * the user was shown (its digest; else 409) — all or nothing, by `commit`, which answers the done
 * message (or a refusal state, e.g. a row changed meanwhile).
 */
export async function answerImport<Row extends { action: Action }>(p: {
  name: string;
  params: URLSearchParams;
  planned: { ok: true; plan: Row[] } | Refusal;
  /** The headings' words, to name missing columns. */
  heading: (column: string) => string;
  describe: (plan: Row[]) => Promise<Preview["rows"]>;
  nothingToDo: string;
  commit: (plan: Row[], preview: Preview) => Promise<string | { state: ImportState; status: number }>;
}): Promise<Response> {
  const t = await getTranslations("imports");
  const answer = (state: ImportState, status = 200) => Response.json(state, { status });
  if (!p.planned.ok) {
    const r = p.planned;
    const message =
      "columns" in r
        ? t("missingColumns", { columns: r.columns.map((c) => `${p.heading(c)}(${c})`).join("、") })
        : t(`read.${r.error as "empty"}`, { line: r.line ?? "—" });
    return answer({ status: "error", ok: false, message }, 422);
  }
  const { plan } = p.planned;
  const digest = createHash("sha256").update(JSON.stringify(plan)).digest("hex");
  const counts = { create: 0, update: 0, unchanged: 0, outsideScope: 0, error: 0 };
  for (const r of plan) counts[r.action] += 1;
  const preview: Preview = {
    status: "preview",
    ok: false,
    fileName: p.name,
    digest,
    counts,
    rows: await p.describe(plan),
  };
  if (p.params.get("intent") !== "commit") return answer(preview);
  if (counts.error > 0) return answer({ ...preview, message: t("hasErrors") }, 422);
  if (p.params.get("digest") !== digest) return answer({ ...preview, message: t("changedSincePreview") }, 409);
  if (counts.create + counts.update === 0) return answer({ ...preview, message: p.nothingToDo });
  const done = await p.commit(plan, preview);
  return typeof done === "string"
    ? answer({ status: "done", ok: true, message: done })
    : answer(done.state, done.status);
}
