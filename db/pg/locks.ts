/**
 * The advisory locks Sise takes on PostgreSQL, numbered once so no two uses collide.
 * WRITE_LOCK: every write, first thing in its transaction (serialises writes across instances).
 * MIGRATE_LOCK: applying migrations (instances starting together migrate one at a time).
 */
export const WRITE_LOCK = 0x53495345; // "SISE"
export const MIGRATE_LOCK = 0x5349534d; // "SISM"
