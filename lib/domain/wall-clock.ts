/**
 * "2026-11-25 14:30:00": an instant as the wall clock of a time zone shows it, to the second —
 * how every export writes a time (issue 18).
 *
 * `Intl.DateTimeFormat#format` gives exactly this but costs about 1 µs a call; at a million
 * history rows that was a tenth of the export's time. A zone's offset from UTC changes only at its
 * transitions, which tz rules place weeks apart, never twice within a day. So the offset is asked
 * of Intl once per UTC day, at both ends of the day: when they agree it holds for the whole day;
 * on a day with a transition, the same is done per quarter hour of that day, and a quarter hour
 * holding the transition (or an instant outside years 1000–9999) goes to Intl itself.
 */
const DAY = 86_400_000;
const QUARTER_HOUR = 900_000;
const MIN_MS = Date.UTC(1000, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 31);
const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const KEEP = 100_000; // spans kept (days, or quarter hours of transition days); then the cache starts afresh

export function wallClockFormatter(timeZone: string): (ms: number) => string {
  const f = new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  const offsetAt = (ms: number): number => {
    const p: Record<string, string> = {};
    for (const { type, value } of f.formatToParts(ms)) p[type] = value;
    return (
      Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) -
      Math.floor(ms / 1000) * 1000
    );
  };
  /** The offset over [start, start + span), or null when it changes inside. */
  const constantOver = (start: number, span: number): number | null => {
    const first = offsetAt(start);
    return first === offsetAt(start + span - 1) ? first : null;
  };
  const days = new Map<number, number | null>();
  const dates = new Map<number, string>();
  const quarters = new Map<number, number | null>();
  const cached = (map: Map<number, number | null>, key: number, span: number) => {
    let offset = map.get(key);
    if (offset === undefined) {
      offset = constantOver(key * span, span);
      if (map.size >= KEEP) map.clear();
      map.set(key, offset);
    }
    return offset;
  };
  return (ms) => {
    if (!(ms >= MIN_MS && ms <= MAX_MS)) return f.format(ms);
    let offset = cached(days, Math.floor(ms / DAY), DAY);
    if (offset === null) offset = cached(quarters, Math.floor(ms / QUARTER_HOUR), QUARTER_HOUR);
    if (offset === null) return f.format(ms);
    const local = Math.floor(ms / 1000) * 1000 + offset;
    const day = Math.floor(local / DAY);
    let date = dates.get(day);
    if (date === undefined) {
      date = `${new Date(day * DAY).toISOString().slice(0, 10)} `;
      if (dates.size >= KEEP) dates.clear();
      dates.set(day, date);
    }
    const second = (local - day * DAY) / 1000;
    return date + TWO[Math.floor(second / 3600)] + ":" + TWO[Math.floor(second / 60) % 60] + ":" + TWO[second % 60];
  };
}
