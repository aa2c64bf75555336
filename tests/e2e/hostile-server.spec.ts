import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, freePort, TEMPLATE_DB, test } from "./fixtures";
import { strToU8, zipSync } from "fflate";
import { backupDatabase } from "../../db/backup";
import { openDb } from "../../db/open";
import { openDatabase } from "../../db/sqlite/connection";
import { startSiseServer, waitForServer } from "../../scripts/bench-server";
import { benchSessionCookie } from "../../scripts/bench-session";

/**
 * Hostile and heavy input against a production server of its own (the build under test, on a copy
 * of the e2e database), whose memory the test can read: upload bombs and floods are refused in
 * words, quickly, without the server growing and without stalling anyone else; a forged
 * X-Forwarded-For neither spreads an attacker over many addresses nor locks anyone else out.
 */
let PORT: number;
let BASE: string;
let server: ChildProcess;
let dir: string;
let file: string;
let officer: string;
let auditor: string;

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(join(tmpdir(), "sise-hostile-"));
  file = join(dir, "sise.db");
  PORT = await freePort();
  BASE = `http://127.0.0.1:${PORT}`;
  const live = openDb(TEMPLATE_DB, { readonly: true });
  await backupDatabase(live, file);
  await live.close();
  const setup = openDb(file);
  officer = await benchSessionCookie(setup, { role: "officer" });
  auditor = await benchSessionCookie(setup, { role: "auditor" });
  await setup.close();
  server = startSiseServer({
    port: PORT,
    db: file,
    env: { SISE_CHECKPOINT_MINUTES: "0" },
    quiet: process.env.E2E_SERVER_LOG !== "1",
  });
  await waitForServer(PORT);
  // Warm: every route below answers once first, so a first request's module loading is not measured.
  for (let i = 0; i < 20; i++) await (await fetch(`${BASE}/ping`, { headers: { cookie: auditor } })).arrayBuffer();
  await importUpload("warm.csv", "code,title\r\n,x\r\n");
  await (
    await fetch(`${BASE}/api/exports/verify`, {
      method: "POST",
      body: "a,b\r\n",
      headers: { cookie: auditor, "sec-fetch-site": "same-origin" },
    })
  ).arrayBuffer();
});
test.afterAll(() => {
  if (server?.pid)
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      /* gone */
    }
  rmSync(dir, { recursive: true, force: true });
});

/** The server's resident memory now and at its peak so far, in MB (the Node server is the largest process in its group). */
function memory(): { rss: number; peak: number } {
  const read = (pid: number, field: string) => {
    try {
      return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
    } catch {
      return 0;
    }
  };
  const pids = [server.pid!, ...childrenOf(server.pid!)];
  return { rss: Math.max(...pids.map((p) => read(p, "VmRSS"))), peak: Math.max(...pids.map((p) => read(p, "VmHWM"))) };
}
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
      .flatMap((c) => [c, ...childrenOf(c)]);
  } catch {
    return [];
  }
}

/** Runs `work` while another user asks for /ping every 40 ms; returns the work's result, its time and the other user's slowest answers. */
async function whileOthersWork<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; otherP99: number }> {
  const latencies: number[] = [];
  let done = false;
  const other = (async () => {
    while (!done) {
      const t0 = performance.now();
      await (await fetch(`${BASE}/ping`, { headers: { cookie: auditor } })).arrayBuffer();
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 40));
    }
  })();
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  done = true;
  await other;
  latencies.sort((a, b) => a - b);
  return { result, ms, otherP99: latencies[Math.max(0, Math.ceil(latencies.length * 0.99) - 1)] ?? 0 };
}

async function importUpload(name: string, body: Uint8Array | Buffer | string) {
  const bytes = typeof body === "string" ? body : new Uint8Array(body);
  const res = await fetch(`${BASE}/api/imports/register?name=${encodeURIComponent(name)}&intent=preview`, {
    method: "POST",
    body: bytes as BodyInit,
    headers: { cookie: officer, "sec-fetch-site": "same-origin" },
  });
  return { status: res.status, body: (await res.json()) as { status: string; message?: string } };
}

/** An XLSX as small as you like with a sheet as large as you like: the parts a reader needs, the sheet given. */
function xlsx(sheetXml: string): Uint8Array {
  return zipSync(
    {
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
      "_rels/.rels": strToU8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
      "xl/workbook.xml": strToU8(
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      "xl/worksheets/sheet1.xml": strToU8(sheetXml),
    },
    { level: 6 },
  );
}
const sheet = (rows: string) =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const header = '<row r="1"><c t="inlineStr"><is><t>code</t></is></c><c t="inlineStr"><is><t>title</t></is></c></row>';

test("upload bombs and floods are refused in words, within 2 s, the server not growing by 100 MB and others still served", async () => {
  test.setTimeout(240_000);
  const row = '<row><c t="inlineStr"><is><t></t></is></c><c t="inlineStr"><is><t>榆林市风险</t></is></c></row>';
  const cases: Array<[string, string, Uint8Array | Buffer | string, RegExp]> = [
    // ~98 MB of sheet XML in a few hundred KB: refused by its size before it is inflated.
    ["a zip bomb", "bomb.xlsx", xlsx(sheet(header + row.repeat(1_300_000))), /解压后超过 48 MB/],
    // One cell of 40 MB (under the inflated limit): refused at the cell, while reading.
    [
      "one enormous cell",
      "cell.xlsx",
      xlsx(sheet(`${header}<row><c t="inlineStr"><is><t>${"险".repeat(13_000_000)}</t></is></c></row>`)),
      /超过 10,000 个字符/,
    ],
    // 200,000 small rows: refused at the 20,001st, not after all of them.
    ["200,000 rows of XLSX", "rows.xlsx", xlsx(sheet(header + row.repeat(200_000))), /行数超过 20,000/],
    ["200,000 rows of CSV", "rows.csv", "code,title\r\n" + ",榆林市风险\r\n".repeat(200_000), /行数超过 20,000/],
    ["an upload over 10 MB", "big.csv", Buffer.alloc(11 * 1024 * 1024, "a"), /文件超过 10 MB/],
  ];
  const before = memory();
  for (const [what, name, body, refusal] of cases) {
    const { result, ms, otherP99 } = await whileOthersWork(() => importUpload(name, body));
    expect(result.status, `${what}: ${JSON.stringify(result.body)}`).toBeGreaterThanOrEqual(400);
    expect(result.status, what).toBeLessThan(500);
    expect(result.body.message, what).toMatch(refusal);
    expect(ms, `${what} took ${Math.round(ms)} ms`).toBeLessThan(2_000);
    expect(otherP99, `${what}: another user's p99 was ${Math.round(otherP99)} ms`).toBeLessThan(250);
  }
  const after = memory();
  expect(
    after.peak - before.peak,
    `peak memory grew from ${Math.round(before.peak)} to ${Math.round(after.peak)} MB`,
  ).toBeLessThan(100);
});

test("the export check refuses a file over its limit in words, whether or not the size is declared", async () => {
  const limitMb = 64;
  const declared = await fetch(`${BASE}/api/exports/verify`, {
    method: "POST",
    body: Buffer.alloc(limitMb * 1024 * 1024 + 1, "a"),
    headers: { cookie: auditor, "sec-fetch-site": "same-origin" },
  });
  expect(declared.status).toBe(413);
  expect(((await declared.json()) as { message: string }).message).toContain(`超过 ${limitMb} MB`);
  // Sent as a stream with no Content-Length, and looking like an XLSX (a zip, which is kept whole
  // while it is checked): refused the moment it passes the limit.
  const chunk = Buffer.alloc(1024 * 1024, "a");
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent++ > limitMb + 20) return c.close();
      c.enqueue(sent === 1 ? Buffer.concat([Buffer.from("PK\u0003\u0004"), chunk]) : chunk);
    },
  });
  const before = memory();
  const { result, ms } = await whileOthersWork(async () => {
    const res = await fetch(`${BASE}/api/exports/verify`, {
      method: "POST",
      body: stream,
      duplex: "half",
      headers: { cookie: auditor, "sec-fetch-site": "same-origin" },
    } as RequestInit);
    return { status: res.status, body: (await res.json()) as { message: string } };
  });
  expect(result.status).toBe(413);
  expect(result.body.message).toContain(`超过 ${limitMb} MB`);
  expect(ms).toBeLessThan(5_000);
  expect(memory().peak - before.peak).toBeLessThan(100);
});

/** A form posted as a browser without script posts it: the page's hidden fields and the values, from a chosen local address. */
async function postForm(
  path: string,
  fields: Record<string, string>,
  p: { localAddress: string; headers?: Record<string, string> },
) {
  const page = await fetch(`${BASE}${path}`);
  const html = await page.text();
  // The page's form that has these fields (the header's language switch is a form too).
  const forms = html
    .split("<form")
    .slice(1)
    .map((f) => f.slice(0, f.indexOf("</form>")));
  const form = forms.find((f) => Object.keys(fields).every((k) => f.includes(`name="${k}"`)));
  if (!form) throw new Error(`no form on ${path} with ${Object.keys(fields).join(", ")}`);
  const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(
    (m) => [m[1], (m[2] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&")] as const,
  );
  const boundary = "----SiseHostileBoundary";
  const body =
    [...hidden, ...Object.entries(fields)]
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join("") + `--${boundary}--\r\n`;
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      `${BASE}${path}`,
      {
        method: "POST",
        localAddress: p.localAddress,
        headers: {
          "content-type": `multipart/form-data; boundary=${boundary}`,
          origin: BASE,
          "sec-fetch-site": "same-origin",
          ...p.headers,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

test("a forged X-Forwarded-For neither spreads the attacker over many addresses nor locks anyone else out", async () => {
  test.setTimeout(120_000);
  // 20 wrong passwords on 20 names, each naming another address, from 127.0.0.2.
  for (let i = 0; i < 20; i++) {
    await postForm(
      "/login",
      { username: `nobody-${i}`, password: "wrong password" },
      { localAddress: "127.0.0.2", headers: { "x-forwarded-for": `198.51.100.${i}` } },
    );
  }
  const db = openDatabase(file, { readonly: true });
  const recorded = db
    .prepare(
      "SELECT DISTINCT json_extract(data, '$.ip') AS ip FROM risk_events WHERE action = 'auth.sign_in_failed' AND actor_name LIKE 'nobody-%'",
    )
    .all() as Array<{ ip: string }>;
  const lockedAddress = db.prepare("SELECT locked_until FROM login_throttle WHERE key = 'ip:127.0.0.2'").get() as
    { locked_until: number | null } | undefined;
  const forgedKeys = (
    db.prepare("SELECT count(*) AS n FROM login_throttle WHERE key LIKE 'ip:198.51.100.%'").get() as { n: number }
  ).n;
  db.close();
  // What was recorded and throttled is the socket's address, not the ones written in the header…
  expect(recorded).toEqual([{ ip: "127.0.0.2" }]);
  expect(forgedKeys).toBe(0);
  expect(lockedAddress?.locked_until ?? 0).toBeGreaterThan(Date.now());
  // …so the attacker is locked out, and someone at the address the attacker named is not.
  await postForm("/login", { username: "leader", password: "sise-demo-2026" }, { localAddress: "127.0.0.3" });
  const after = openDatabase(file, { readonly: true });
  const signIns = after
    .prepare(
      "SELECT json_extract(data, '$.ip') AS ip FROM risk_events WHERE action = 'auth.sign_in' ORDER BY seq DESC LIMIT 1",
    )
    .get() as { ip: string };
  after.close();
  expect(signIns.ip).toBe("127.0.0.3");
});
