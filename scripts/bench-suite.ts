/**
 * `npm run bench`: the whole benchmark suite, one after the other on the same machine, each against
 * its own `next start` on the 50,000-risk / 1,000,000-event database (generated on first use):
 * read pages (register, risk page, board, as-of, trend, meeting mode, weekly analysis), grade
 * changes and the 90/10 mixed workload, the full-history CSV export, the weekly analysis
 * in-process, the cost of synchronous=FULL, and — given a PostgreSQL server — the pages on both
 * stores side by side and on two PostgreSQL instances behind nginx. Each part prints its tables (ratios to /ping and to
 * the bare SQLite floor measured in the same run, p50/p95/p99, errors, peak server memory); the
 * suite saves them together in bench/report-<time>.md. Method and results: docs/benchmarks.md.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";

const node = ["--conditions=react-server", "--import", "tsx"];
const PARTS: Array<[string, string[]]> = [
  ["pages", [...node, "scripts/bench-register.ts"]],
  ["grade change and mixed workload", [...node, "scripts/bench-grade.ts"]],
  ["history export", [...node, "scripts/bench-export.ts"]],
  ["weekly analysis (in-process)", [...node, "scripts/analysis-times.ts"]],
  ["heavy views on a fresh history", [...node, "scripts/bench-heavy.ts"]],
  ["synchronous FULL vs NORMAL", [...node, "scripts/bench-sync.ts", "2000"]],
  // Issue 20: with a PostgreSQL server to copy the bench city to (BENCH_PG_URL or SISE_TEST_PG_URL).
  ...(process.env.BENCH_PG_URL || process.env.SISE_TEST_PG_URL
    ? ([["both stores side by side", [...node, "scripts/bench-stores.ts"]]] as Array<[string, string[]]>)
    : []),
];
const only = process.env.BENCH_PARTS?.split(",");
const sections: string[] = [`# Sise benchmark suite — ${new Date().toISOString()}\n`];
let failed = 0;
for (const [name, args] of PARTS.filter(([n]) => !only || only.some((o) => n.startsWith(o)))) {
  console.error(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, {
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = r.stdout ?? "";
  process.stdout.write(out);
  sections.push(
    `## ${name} (${Math.round((Date.now() - started) / 1000)} s${r.status === 0 ? "" : `, FAILED with exit ${r.status}`})\n\n${out.trim()}\n`,
  );
  if (r.status !== 0) failed += 1;
}
mkdirSync("bench", { recursive: true });
const file = `bench/report-${new Date().toISOString().replace(/[:.]/g, "-")}.md`;
writeFileSync(file, sections.join("\n"));
console.error(`\nreport saved: ${file}${failed ? ` — ${failed} part(s) failed` : ""}`);
process.exit(failed ? 1 : 0);
