/**
 * The advisory locks Sise takes on PostgreSQL, numbered once so no two uses collide.
 * WRITE_LOCK: every write, first thing in its transaction (serialises writes across instances).
 * MIGRATE_LOCK: applying migrations (instances starting together migrate one at a time).
 * PREPARE_LOCK: preparing the database at start (migrations, reference lists, the first admin or
 *   the demo), so instances started together prepare it once.
 */
export const WRITE_LOCK = 0x53495345; // "SISE"
export const MIGRATE_LOCK = 0x5349534d; // "SISM"
export const PREPARE_LOCK = 0x53495350; // "SISP"
