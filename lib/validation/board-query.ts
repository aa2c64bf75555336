import { isIsoDay } from "@/lib/domain/dates";

/**
 * The board's time parameters: `asOf` (a day, meaning its end, or a day and time, in the city's
 * zone) shows the board as it stood then; `since` (a day) marks what changed from then on. Bad or
 * future values are dropped and named, like the register's filters.
 */
export type BoardTime = { asOf?: { day: string; time?: string }; since?: string };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function parseBoardTime(params: { asOf?: string; since?: string }, today: string): { time: BoardTime; ignored: string[] } {
  const time: BoardTime = {};
  const ignored: string[] = [];
  if (params.asOf) {
    const [day, clock] = params.asOf.split("T");
    if (isIsoDay(day) && day <= today && (clock === undefined || TIME.test(clock))) time.asOf = { day, time: clock };
    else ignored.push("asOf");
  }
  if (params.since) {
    if (isIsoDay(params.since) && params.since <= today) time.since = params.since;
    else ignored.push("since");
  }
  return { time, ignored };
}
