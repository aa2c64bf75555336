import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { startSiseServer, waitForServer } from "../../scripts/bench-server";

/** A port nobody is listening on, from the OS. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, "close");
  return port;
}

/** One production server process of a spec on a store (a SQLite file or a postgres:// URL), in its own process group. */
export class Instance {
  process: ChildProcess | undefined;
  constructor(
    readonly port: number,
    private readonly db: string,
    private readonly env: Record<string, string>,
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start() {
    this.process = startSiseServer({ port: this.port, db: this.db, env: this.env });
    await waitForServer(this.port);
  }

  /** SIGKILL, as a crash or the OOM killer would end it; resolves once it is gone. */
  async kill() {
    const p = this.process;
    if (!p?.pid || p.exitCode !== null) return;
    const exited = once(p, "exit");
    process.kill(-p.pid, "SIGKILL");
    await exited;
  }

  async stop() {
    const p = this.process;
    this.process = undefined;
    if (!p?.pid || p.exitCode !== null) return;
    const exited = once(p, "exit");
    process.kill(-p.pid, "SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (p.exitCode === null) process.kill(-p.pid, "SIGKILL");
  }
}
