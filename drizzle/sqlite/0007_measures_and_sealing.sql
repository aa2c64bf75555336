-- Custom migration (drizzle-kit generate --custom): data and triggers drizzle's DSL cannot express.

-- Control measures become a list (issue #4). Each risk's old free-text measures become its first
-- list entry, owned by the risk's responsible person, so nothing written before is lost.
INSERT INTO `risk_measures` (`risk_id`, `description`, `owner`, `status`, `created_at`, `updated_at`)
SELECT `id`, `control_measures`, `responsible_person`, 'in_progress', `created_at`, `updated_at`
FROM `risks` WHERE trim(`control_measures`) <> '';
--> statement-breakpoint
-- Still append-only, with one exception: an event written before the hash chain existed may be
-- sealed once (hash and prev_hash set from NULL, every other column unchanged). db/history/seal.ts
-- does that right after migrating; from then on no UPDATE passes.
DROP TRIGGER `risk_events_no_update`;
--> statement-breakpoint
CREATE TRIGGER `risk_events_no_update` BEFORE UPDATE ON `risk_events`
WHEN NOT (
	OLD.hash IS NULL AND OLD.prev_hash IS NULL AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL
	AND NEW.seq IS OLD.seq AND NEW.at IS OLD.at AND NEW.risk_id IS OLD.risk_id AND NEW.risk_version IS OLD.risk_version
	AND NEW.actor_id IS OLD.actor_id AND NEW.actor_name IS OLD.actor_name AND NEW.action IS OLD.action
	AND NEW.field IS OLD.field AND NEW.old_value IS OLD.old_value AND NEW.new_value IS OLD.new_value
	AND NEW.reason IS OLD.reason AND NEW.data IS OLD.data
)
BEGIN
	SELECT RAISE(ABORT, 'risk_events is append-only');
END;
--> statement-breakpoint
-- Every new event must arrive already linked into the chain.
CREATE TRIGGER `risk_events_chained_insert` BEFORE INSERT ON `risk_events`
WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL
BEGIN
	SELECT RAISE(ABORT, 'risk_events rows must carry prev_hash and hash');
END;
