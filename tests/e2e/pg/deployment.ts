import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { freePort, Instance } from "../instance";
import { databaseFromTemplate, dropDatabase, PG_TEMPLATE_DATA } from "./databases";
import { startNginx } from "./nginx";

export type Deployment = Awaited<ReturnType<typeof startDeployment>>;

/**
 * Sise as docs/deployment.md runs it on PostgreSQL: `count` instances of the production build on one
 * database (a fresh copy of the seeded template), sharing one SISE_DATA_DIR (the template's
 * checkpoint key and receipts), behind nginx. `stop` ends it all and drops the database.
 */
export async function startDeployment(p: { name: string; env?: Record<string, string>; count?: number }) {
  const db = await databaseFromTemplate(p.name);
  const dir = resolve("test-results/e2e-pg/deployments", p.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const sub of ["keys", "receipts"]) {
    const from = join(PG_TEMPLATE_DATA, sub);
    if (existsSync(from)) cpSync(from, join(dir, sub), { recursive: true });
  }
  const env = { NEXT_TELEMETRY_DISABLED: "1", ...p.env, SISE_DATA_DIR: dir, SISE_TRUSTED_PROXIES: "1" };
  const instances: Instance[] = [];
  for (let i = 0; i < (p.count ?? 2); i++) instances.push(new Instance(await freePort(), db, env));
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  const stop = async () => {
    await nginx?.stop();
    await Promise.all(instances.map((i) => i.stop()));
    await dropDatabase(p.name);
  };
  try {
    await Promise.all(instances.map((i) => i.start()));
    nginx = await startNginx({
      dir: join(dir, "nginx"),
      port: await freePort(),
      upstreams: instances.map((i) => i.port),
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return { url: nginx.url, db, dataDir: dir, instances, stop };
}
