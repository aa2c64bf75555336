-- Custom migration (drizzle-kit generate --custom): what the schema DSL cannot express — the same
-- guards and search as the SQLite migrations 0001, 0002, 0005, 0007 and 0016, in PL/pgSQL.

-- One function raises every refusal; each trigger passes its own message.
CREATE FUNCTION sise_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION '%', TG_ARGV[0];
END $$;
--> statement-breakpoint
-- The history is append-only. The one exception: an event written before the hash chain existed is
-- sealed once (hash and prev_hash from NULL to a value, every other column unchanged).
CREATE TRIGGER risk_events_no_update BEFORE UPDATE ON risk_events FOR EACH ROW
WHEN (NOT (
	OLD.hash IS NULL AND OLD.prev_hash IS NULL AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL
	AND NEW.seq IS NOT DISTINCT FROM OLD.seq AND NEW.at IS NOT DISTINCT FROM OLD.at
	AND NEW.risk_id IS NOT DISTINCT FROM OLD.risk_id AND NEW.risk_version IS NOT DISTINCT FROM OLD.risk_version
	AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id AND NEW.actor_name IS NOT DISTINCT FROM OLD.actor_name
	AND NEW.action IS NOT DISTINCT FROM OLD.action AND NEW.field IS NOT DISTINCT FROM OLD.field
	AND NEW.old_value IS NOT DISTINCT FROM OLD.old_value AND NEW.new_value IS NOT DISTINCT FROM OLD.new_value
	AND NEW.reason IS NOT DISTINCT FROM OLD.reason AND NEW.data IS NOT DISTINCT FROM OLD.data
))
EXECUTE FUNCTION sise_refuse('risk_events is append-only');
--> statement-breakpoint
CREATE TRIGGER risk_events_no_delete BEFORE DELETE ON risk_events FOR EACH ROW
EXECUTE FUNCTION sise_refuse('risk_events is append-only');
--> statement-breakpoint
-- TRUNCATE skips row triggers: it is refused as a whole.
CREATE TRIGGER risk_events_no_truncate BEFORE TRUNCATE ON risk_events FOR EACH STATEMENT
EXECUTE FUNCTION sise_refuse('risk_events is append-only');
--> statement-breakpoint
-- Every new event must arrive already linked into the chain.
CREATE TRIGGER risk_events_chained_insert BEFORE INSERT ON risk_events FOR EACH ROW
WHEN (NEW.hash IS NULL OR NEW.prev_hash IS NULL)
EXECUTE FUNCTION sise_refuse('risk_events rows must carry prev_hash and hash');
--> statement-breakpoint
-- Users are never deleted: the history names them. Deactivation clears `active` instead.
CREATE TRIGGER users_no_delete BEFORE DELETE ON users FOR EACH ROW
EXECUTE FUNCTION sise_refuse('users are never deleted; deactivate instead');
--> statement-breakpoint
CREATE TRIGGER users_no_truncate BEFORE TRUNCATE ON users FOR EACH STATEMENT
EXECUTE FUNCTION sise_refuse('users are never deleted; deactivate instead');
--> statement-breakpoint
-- Daily reports and meeting corrections are records of what was said: never edited, never deleted.
CREATE TRIGGER daily_reports_no_update BEFORE UPDATE ON daily_reports FOR EACH ROW
EXECUTE FUNCTION sise_refuse('daily_reports is append-only');
--> statement-breakpoint
CREATE TRIGGER daily_reports_no_delete BEFORE DELETE ON daily_reports FOR EACH ROW
EXECUTE FUNCTION sise_refuse('daily_reports is append-only');
--> statement-breakpoint
CREATE TRIGGER daily_reports_no_truncate BEFORE TRUNCATE ON daily_reports FOR EACH STATEMENT
EXECUTE FUNCTION sise_refuse('daily_reports is append-only');
--> statement-breakpoint
CREATE TRIGGER meeting_corrections_no_update BEFORE UPDATE ON meeting_corrections FOR EACH ROW
EXECUTE FUNCTION sise_refuse('meeting_corrections is append-only');
--> statement-breakpoint
CREATE TRIGGER meeting_corrections_no_delete BEFORE DELETE ON meeting_corrections FOR EACH ROW
EXECUTE FUNCTION sise_refuse('meeting_corrections is append-only');
--> statement-breakpoint
-- A closed meeting's record is locked: the database refuses edits even if a code path forgets.
CREATE TRIGGER meetings_closed_locked BEFORE UPDATE ON meetings FOR EACH ROW
WHEN (OLD.status = 'closed')
EXECUTE FUNCTION sise_refuse('meeting is closed');
--> statement-breakpoint
CREATE TRIGGER meetings_no_delete BEFORE DELETE ON meetings FOR EACH ROW
EXECUTE FUNCTION sise_refuse('meetings are never deleted');
--> statement-breakpoint
-- The items of a closed meeting (risks discussed, 批示, tasks) are locked with it. A trigger's WHEN
-- cannot look the meeting up, so the function does: the new row's meeting for an insert, the old
-- row's for an update or a delete.
CREATE FUNCTION sise_meeting_item_locked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	meeting integer := CASE WHEN TG_OP = 'INSERT' THEN NEW.meeting_id ELSE OLD.meeting_id END;
BEGIN
	IF (SELECT status FROM meetings WHERE id = meeting) = 'closed' THEN
		RAISE EXCEPTION 'meeting is closed';
	END IF;
	RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER meeting_risks_closed BEFORE INSERT OR UPDATE OR DELETE ON meeting_risks FOR EACH ROW
EXECUTE FUNCTION sise_meeting_item_locked();
--> statement-breakpoint
CREATE TRIGGER meeting_decisions_closed BEFORE INSERT OR UPDATE OR DELETE ON meeting_decisions FOR EACH ROW
EXECUTE FUNCTION sise_meeting_item_locked();
--> statement-breakpoint
CREATE TRIGGER meeting_tasks_closed_insert BEFORE INSERT ON meeting_tasks FOR EACH ROW
EXECUTE FUNCTION sise_meeting_item_locked();
--> statement-breakpoint
-- A closed meeting's tasks may still be done by their unit, but what was assigned stays as assigned.
CREATE TRIGGER meeting_tasks_closed_assignment BEFORE UPDATE OF meeting_id, unit_id, risk_id, title, due_date
ON meeting_tasks FOR EACH ROW
EXECUTE FUNCTION sise_meeting_item_locked();
--> statement-breakpoint
CREATE TRIGGER meeting_tasks_no_delete BEFORE DELETE ON meeting_tasks FOR EACH ROW
EXECUTE FUNCTION sise_meeting_item_locked();
--> statement-breakpoint
-- Search (the SQLite store's FTS5 tables, 0001 and 0002): a term of three or more characters is
-- found by trigram (pg_trgm) in title and description; a two-character term ("燃气") by the risk's
-- character pairs, computed by the same rule as lib/domain/search.ts `bigramText`: each run of
-- letters and digits, lower-cased, cut into overlapping pairs.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE FUNCTION sise_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT coalesce(array_agg(substr(run, i, 2) ORDER BY n, i), '{}')
	FROM (
		SELECT m[1] AS run, row_number() OVER () AS n FROM regexp_matches(lower(t), '([[:alnum:]]+)', 'g') AS m
	) runs, generate_series(1, char_length(run) - 1) AS i
$$;
--> statement-breakpoint
ALTER TABLE risks ADD COLUMN search_text text GENERATED ALWAYS AS (title || ' ' || description) STORED;
--> statement-breakpoint
ALTER TABLE risks ADD COLUMN search_bigrams text[] GENERATED ALWAYS AS (sise_bigrams(title || ' ' || description)) STORED;
--> statement-breakpoint
CREATE INDEX risks_search_trgm_idx ON risks USING gin (search_text gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX risks_search_bigrams_idx ON risks USING gin (search_bigrams);
