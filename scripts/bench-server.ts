import { spawn, type ChildProcess } from "node:child_process";
import { isPostgresUrl } from "../db/dialect";

/**
 * Starts Sise's production server (server.mjs, the same `npm run serve` starts) on a port and a
 * database (a SQLite file, or a postgres:// URL), in its own process group so a test or benchmark can stop or kill the whole of it.
 * `wrap` runs it under another command first (e.g. ["--cpu-prof"] for a profile).
 */
export function startSiseServer(p: {
  port: number;
  db: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
  quiet?: boolean;
}): ChildProcess {
  return spawn(process.execPath, [...(p.nodeArgs ?? []), "server.mjs"], {
    // NODE_OPTIONS is not passed on: a test runner started with react-server conditions (to import
    // db/ modules) must not start Next's server with them.
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      ...p.env,
      // The store the server opens is this one, whatever the caller's own environment says.
      ...(isPostgresUrl(p.db) ? { DATABASE_URL: p.db } : { DATABASE_URL: "", SISE_DB_PATH: p.db }),
      PORT: String(p.port),
      HOSTNAME: "127.0.0.1",
    },
    stdio: p.quiet === false ? ["ignore", "inherit", "inherit"] : "ignore",
    detached: true,
  });
}

/** Waits until a benchmark's server answers /ping (up to a minute). */
export async function waitForServer(port: number): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ping`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

import { readdirSync, readFileSync } from "node:fs";

/** The processes under `root` (npx → next → next-server), read from /proc. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    try {
      const ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${name}/status`, "utf8"))![1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      /* gone meanwhile */
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => (children.get(pid) ?? []).forEach((c) => (out.push(c), walk(c)));
  walk(root);
  return out;
}

/**
 * The server's peak resident memory so far (VmHWM, the kernel's high-water mark) in MB: the
 * largest of the processes started for it, which is the Next server itself.
 */
export function peakServerMemoryMb(root: number): number {
  const peaks = [root, ...descendants(root)].map((pid) => {
    try {
      return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
    } catch {
      return 0;
    }
  });
  return Math.round(Math.max(...peaks));
}
