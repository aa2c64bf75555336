import { Secret, TOTP } from "otpauth";

/** RFC 6238 defaults that every authenticator app understands: SHA-1, 6 digits, 30 s steps. */
const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, { issuer, label }: { issuer: string; label: string }): string {
  return new TOTP({ issuer, label, secret: Secret.fromBase32(secret), period: PERIOD }).toString();
}

/**
 * Returns the time step the code belongs to (±1 step for clock drift), or null. The caller refuses
 * a step at or before the last accepted one, so an observed code cannot be replayed.
 */
export function matchTotp(secret: string, code: string, now: number): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const totp = new TOTP({ secret: Secret.fromBase32(secret), period: PERIOD });
  const delta = totp.validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/** For tests and the demo: the code an authenticator would show at `now`. */
export function totpCodeAt(secret: string, now: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), period: PERIOD }).generate({ timestamp: now });
}
