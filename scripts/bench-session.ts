import type Database from "better-sqlite3";
import { generateToken, hashToken } from "../lib/auth/tokens";

/**
 * The register needs a signed-in reader, so the benchmark gives itself one: a "bench" auditor whose
 * password hash is not a valid hash (no password can ever sign in as it) and a session valid for
 * an hour. Returns the Cookie header to send with every request.
 */
export function benchSessionCookie(sqlite: Database.Database): string {
  const now = Date.now();
  sqlite.prepare("INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES ('bench', 'bench', '!', ?, ?) ON CONFLICT(username) DO NOTHING").run(now, now);
  const { id } = sqlite.prepare("SELECT id FROM users WHERE username = 'bench'").get() as { id: number };
  sqlite.prepare("INSERT INTO user_roles (user_id, role) VALUES (?, 'auditor') ON CONFLICT DO NOTHING").run(id);
  const token = generateToken();
  sqlite
    .prepare("INSERT INTO sessions (id, user_id, pending_totp, created_at, last_seen_at, expires_at) VALUES (?, ?, 0, ?, ?, ?)")
    .run(hashToken(token), id, now, now, now + 60 * 60_000);
  return `sise_session=${token}`;
}
