/**
 * Lighthouse performance of the register and the board (issue 18): `npm run bench:lighthouse`.
 * Lighthouse 12 (Google's own audit, the one Chrome DevTools runs) drives Debian's Chromium
 * headless against `next start` on the bench database, signed in, with its default mobile
 * profile (simulated slow 4G and a 4× slower CPU), three runs per page; the median score counts.
 * Prints a table with the score and its metrics; exits 1 if a median is under 95.
 */
import { spawnSync } from "node:child_process";
import { chromiumLaunchOptions } from "../tests/e2e/chromium";
import { openDb } from "../db/open";
import { startSiseServer, waitForServer } from "./bench-server";
import { benchSessionCookie } from "./bench-session";

const DB = process.env.BENCH_DB ?? "bench/sise-50k.db";
const PORT = Number(process.env.BENCH_PORT ?? 3206);
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const PAGES = (process.env.LIGHTHOUSE_PAGES ?? "/risks,/board").split(",");
const MIN = 95;

async function main() {
  const db = openDb(DB);
  const cookie = await benchSessionCookie(db);
  await db.close();
  const server = startSiseServer({ port: PORT, db: DB, env: { SISE_CHECKPOINT_MINUTES: "0" } });
  const options = chromiumLaunchOptions();
  // Lighthouse's own CLI, in its own node: it sends functions into the page as source text, which
  // a TypeScript loader in this process would have rewritten.
  const audit = (
    url: string,
    attempt = 1,
  ): { categories: { performance: { score: number | null } }; audits: Record<string, { numericValue?: number }> } => {
    const r = spawnSync(
      process.execPath,
      [
        "node_modules/lighthouse/cli/index.js",
        url,
        "--quiet",
        "--only-categories=performance",
        "--output=json",
        "--output-path=stdout",
        `--chrome-path=${options.executablePath ?? ""}`,
        `--chrome-flags=--headless --disable-gpu${process.getuid?.() === 0 ? " --no-sandbox" : ""}`,
        `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
      ],
      { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
    );
    // Lighthouse asks to be run again when Chromium's trace missed the navigation's start.
    if (r.status !== 0 && /NO_NAVSTART/.test(r.stderr) && attempt < 3) return audit(url, attempt + 1);
    if (r.status !== 0) throw new Error(`lighthouse failed: ${r.stderr.slice(-2000)}`);
    return JSON.parse(r.stdout) as {
      categories: { performance: { score: number | null } };
      audits: Record<string, { numericValue?: number }>;
    };
  };
  let failed = 0;
  try {
    await waitForServer(PORT);
    console.log(
      `\n### Lighthouse ${RUNS}× per page (mobile profile, simulated throttling) — ${new Date().toISOString()}\n`,
    );
    console.log("| page | score (median) | runs | FCP ms | LCP ms | TBT ms | CLS | Speed Index ms |");
    console.log("|---|---|---|---|---|---|---|---|");
    for (const path of PAGES) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const lhr = audit(`http://127.0.0.1:${PORT}${path}`);
        const a = lhr.audits;
        runs.push({
          score: Math.round((lhr.categories.performance.score ?? 0) * 100),
          fcp: a["first-contentful-paint"].numericValue,
          lcp: a["largest-contentful-paint"].numericValue,
          tbt: a["total-blocking-time"].numericValue,
          cls: a["cumulative-layout-shift"].numericValue,
          si: a["speed-index"].numericValue,
        });
      }
      runs.sort((x, y) => x.score - y.score);
      const m = runs[Math.floor(runs.length / 2)];
      if (m.score < MIN) failed += 1;
      const ms = (v?: number) => (v === undefined ? "–" : Math.round(v));
      console.log(
        `| ${path} | ${m.score} | ${runs.map((r) => r.score).join(", ")} | ${ms(m.fcp)} | ${ms(m.lcp)} | ${ms(m.tbt)} | ${(m.cls ?? 0).toFixed(3)} | ${ms(m.si)} |`,
      );
    }
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
