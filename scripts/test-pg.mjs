// npm run test:pg: the PostgreSQL half of `npm test` (issue 20). With SISE_TEST_PG_URL=postgres://…
// (a server where that role may create databases; scripts/pg-cluster.sh starts a throw-away one),
// it runs the integration suite and the PostgreSQL e2e specs (two instances behind nginx) there.
// Without it, it says so and passes: the README's quick start needs no PostgreSQL. CI sets it.
import { spawnSync } from "node:child_process";

const url = process.env.SISE_TEST_PG_URL;
if (!url) {
  console.log("[test:pg] SISE_TEST_PG_URL is not set: the PostgreSQL runs are skipped (see README, Tests).");
  process.exit(0);
}
const reuseBuild = process.argv.includes("--reuse-build");
const run = (command, args, env) => {
  console.log(`[test:pg] ${command} ${args.join(" ")}`);
  const r = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: url, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run("npx", ["vitest", "run", "tests/integration"]);
run("npx", ["playwright", "test", "-c", "playwright.pg.config.ts"], {
  NODE_OPTIONS: "--conditions=react-server",
  ...(reuseBuild ? { E2E_REUSE_BUILD: "1" } : {}),
});
