/**
 * Runs once when a Sise server process starts (Next's instrumentation hook): starts the work that
 * happens on a schedule inside the process — signed checkpoints of the history.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startCheckpointSchedule } = await import("./lib/checkpoints/schedule");
  startCheckpointSchedule();
}
