import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join, resolve } from "node:path";

const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

/**
 * nginx in front of several Sise instances, configured as docs/deployment.md tells an operator to:
 * round robin, passive health checks, a failed request retried on another instance (not a POST that
 * reached one: nginx never resends a non-idempotent request), exports streamed. It runs in the
 * foreground from a folder of its own (config, pid, temp files), so a test can start and stop it.
 */
export async function startNginx(p: { dir: string; port: number; upstreams: number[] }) {
  const dir = resolve(p.dir);
  mkdirSync(dir, { recursive: true });
  // Run as root, nginx's workers drop to `nobody`, who must be able to write its temp folders.
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const conf = `
${asRoot ? "user root;" : ""}
worker_processes 1;
pid ${join(dir, "nginx.pid")};
error_log ${join(dir, "error.log")} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${join(dir, "body")};
  proxy_temp_path ${join(dir, "proxy")};
  fastcgi_temp_path ${join(dir, "fastcgi")};
  uwsgi_temp_path ${join(dir, "uwsgi")};
  scgi_temp_path ${join(dir, "scgi")};
  upstream sise {
${p.upstreams.map((u) => `    server 127.0.0.1:${u} max_fails=2 fail_timeout=10s;`).join("\n")}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${p.port};
    client_max_body_size 25m;
    location / {
      proxy_pass http://sise;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_502;
      proxy_read_timeout 300s;
      proxy_buffering off;
    }
  }
}
`;
  const file = join(dir, "nginx.conf");
  writeFileSync(file, conf);
  const child: ChildProcess = spawn(NGINX, ["-p", dir, "-c", file, "-e", join(dir, "error.log"), "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += String(d)));
  await waitForPort(p.port, () => child.exitCode !== null && `nginx exited: ${stderr}`);
  return {
    url: `http://127.0.0.1:${p.port}`,
    async stop() {
      if (child.exitCode !== null || !child.pid) return;
      const exited = once(child, "exit");
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    },
  };
}

async function waitForPort(port: number, failed: () => string | false) {
  for (let i = 0; i < 100; i++) {
    const problem = failed();
    if (problem) throw new Error(problem);
    const open = await new Promise<boolean>((ok) => {
      const s = connect(port, "127.0.0.1", () => (s.end(), ok(true)));
      s.on("error", () => ok(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on ${port}`);
}
