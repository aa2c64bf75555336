import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 256 random bits, URL-safe: the session cookie and the one-time setup token. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this digest is stored; a leaked database cannot be turned back into working cookies. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
