/**
 * The demo is written the way a real register comes about: every planned change is a step at its
 * moment, and the steps run in time order through the app's own mutations. So the history is in
 * time order (sequence and time rise together), every event has the shape the app gives it, and
 * whatever a step reads — the board at a meeting's time, a risk's current version — is the state
 * at that moment.
 */
export type Step = { at: number; order: number; run: (at: Date) => Promise<unknown> | void };

export function createTimeline(now: Date) {
  const steps: Step[] = [];
  return {
    /** Plans `run` at `at` (ms); steps at the same moment run in the order they were planned. */
    add(at: number, run: Step["run"]) {
      if (!(at <= now.getTime()))
        throw new Error(`demo seed: a step planned after now (${new Date(at).toISOString()})`);
      steps.push({ at, order: steps.length, run });
    },
    /** Runs every step in time order, each after the one before has finished; returns how many ran. */
    async run(): Promise<number> {
      steps.sort((a, b) => a.at - b.at || a.order - b.order);
      for (const s of steps) await s.run(new Date(s.at));
      return steps.length;
    },
  };
}
export type Timeline = ReturnType<typeof createTimeline>;

/** A seeded write that the app refused is a bug in the seed: stop rather than write a different demo. */
export function must<T extends { ok: boolean }>(result: T, what: string): T & { ok: true } {
  if (!result.ok) throw new Error(`demo seed: ${what} was refused: ${JSON.stringify(result)}`);
  return result as T & { ok: true };
}
