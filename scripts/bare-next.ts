import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * The framework's floor for the benchmarks (issue 18): a bare Next app with one dynamic page (no
 * layout content, no session, no catalogue), built with the same Next and served by a copy of
 * Sise's own server.mjs, so `/ping` can be reported as a share of what Next itself can do here.
 * Written to bench/bare-next and built once per Next version.
 */
export const BARE_DIR = "bench/bare-next";

const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "bare-next", private: true, type: "module" }),
  "next.config.mjs": `export default { poweredByHeader: false, turbopack: { root: ${JSON.stringify(resolve("."))} } };\n`,
  "app/layout.jsx": `export default function Layout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n`,
  "app/page.jsx": `import { connection } from "next/server";\n\nexport default async function Page() {\n  await connection();\n  return <p>ok</p>;\n}\n`,
};

export function ensureBareNext(): string {
  const nextVersion = (JSON.parse(readFileSync("node_modules/next/package.json", "utf8")) as { version: string })
    .version;
  const stamp = join(BARE_DIR, ".built-with");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === nextVersion) return BARE_DIR;
  mkdirSync(join(BARE_DIR, "app"), { recursive: true });
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(BARE_DIR, name), text);
  if (!existsSync(join(BARE_DIR, "node_modules"))) symlinkSync(resolve("node_modules"), join(BARE_DIR, "node_modules"));
  cpSync("server.mjs", join(BARE_DIR, "server.mjs"));
  const r = spawnSync(process.execPath, [resolve("node_modules/next/dist/bin/next"), "build"], {
    cwd: BARE_DIR,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("building the bare Next app failed");
  writeFileSync(stamp, nextVersion);
  return BARE_DIR;
}
