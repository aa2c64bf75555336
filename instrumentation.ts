/**
 * Runs once when a Sise server process starts (Next's instrumentation hook): starts the work that
 * happens on a schedule inside the process — signed checkpoints of the history, and the history
 * views' derived rows made ahead of need.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startCheckpointSchedule } = await import("./lib/checkpoints/schedule");
  const { startHistoryDerivation } = await import("./lib/history/derive-schedule");
  startCheckpointSchedule();
  startHistoryDerivation();
}
