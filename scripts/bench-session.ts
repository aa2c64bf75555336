import type Database from "better-sqlite3";
import { generateToken, hashToken } from "../lib/auth/tokens";

/**
 * Benchmarks need a signed-in user, so they give themselves one: "bench" (an auditor, for reads) or
 * "bench-officer" (an officer whose scope is every area in every region, for grade changes). The
 * password hash is not a valid hash, so no password can ever sign in as them; the session lasts
 * an hour. Returns the Cookie header to send with every request.
 */
export function benchSessionCookie(
  sqlite: Database.Database,
  { role = "auditor" }: { role?: "auditor" | "officer" } = {},
): string {
  const now = Date.now();
  const username = role === "officer" ? "bench-officer" : "bench";
  sqlite
    .prepare(
      "INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES (?, ?, '!', ?, ?) ON CONFLICT(username) DO NOTHING",
    )
    .run(username, username, now, now);
  const { id } = sqlite.prepare("SELECT id FROM users WHERE username = ?").get(username) as { id: number };
  sqlite.prepare("INSERT INTO user_roles (user_id, role) VALUES (?, ?) ON CONFLICT DO NOTHING").run(id, role);
  if (role === "officer") {
    sqlite
      .prepare(
        "INSERT INTO user_scope_areas (user_id, area_id) SELECT ?, id FROM areas WHERE true ON CONFLICT DO NOTHING",
      )
      .run(id);
    sqlite
      .prepare(
        "INSERT INTO user_scope_regions (user_id, region_id) SELECT ?, id FROM regions WHERE true ON CONFLICT DO NOTHING",
      )
      .run(id);
  }
  const token = generateToken();
  sqlite
    .prepare(
      "INSERT INTO sessions (id, user_id, pending_totp, created_at, last_seen_at, expires_at) VALUES (?, ?, 0, ?, ?, ?)",
    )
    .run(hashToken(token), id, now, now, now + 60 * 60_000);
  return `sise_session=${token}`;
}
