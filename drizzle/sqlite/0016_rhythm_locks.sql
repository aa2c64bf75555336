-- Daily reports and meeting corrections are records of what was said: never edited, never deleted.
CREATE TRIGGER daily_reports_no_update BEFORE UPDATE ON daily_reports
BEGIN SELECT RAISE(ABORT, 'daily_reports is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER daily_reports_no_delete BEFORE DELETE ON daily_reports
BEGIN SELECT RAISE(ABORT, 'daily_reports is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER meeting_corrections_no_update BEFORE UPDATE ON meeting_corrections
BEGIN SELECT RAISE(ABORT, 'meeting_corrections is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER meeting_corrections_no_delete BEFORE DELETE ON meeting_corrections
BEGIN SELECT RAISE(ABORT, 'meeting_corrections is append-only'); END;
--> statement-breakpoint
-- A closed meeting's record is locked: the database refuses edits even if a code path forgets.
CREATE TRIGGER meetings_closed_locked BEFORE UPDATE ON meetings WHEN OLD.status = 'closed'
BEGIN SELECT RAISE(ABORT, 'meeting is closed'); END;
--> statement-breakpoint
CREATE TRIGGER meetings_no_delete BEFORE DELETE ON meetings
BEGIN SELECT RAISE(ABORT, 'meetings are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER meeting_risks_closed_insert BEFORE INSERT ON meeting_risks
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'closed'
BEGIN SELECT RAISE(ABORT, 'meeting is closed'); END;
--> statement-breakpoint
CREATE TRIGGER meeting_risks_closed_change BEFORE UPDATE ON meeting_risks
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'closed'
BEGIN SELECT RAISE(ABORT, 'meeting is closed'); END;
--> statement-breakpoint
CREATE TRIGGER meeting_risks_closed_delete BEFORE DELETE ON meeting_risks
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'closed'
BEGIN SELECT RAISE(ABORT, 'meeting is closed'); END;
--> statement-breakpoint
CREATE TRIGGER meeting_decisions_closed_insert BEFORE INSERT ON meeting_decisions
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'closed'
BEGIN SELECT RAISE(ABORT, 'meeting is closed'); END;
--> statement-breakpoint
CREATE TRIGGER meeting_decisions_no_change BEFORE UPDATE ON meeting_decisions
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'closed'
BEGIN SELECT RAISE(ABORT, 'meeting is closed'); END;
--> statement-breakpoint
CREATE TRIGGER meeting_decisions_closed_delete BEFORE DELETE ON meeting_decisions
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'closed'
BEGIN SELECT RAISE(ABORT, 'meeting is closed'); END;
--> statement-breakpoint
CREATE TRIGGER meeting_tasks_closed_insert BEFORE INSERT ON meeting_tasks
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'closed'
BEGIN SELECT RAISE(ABORT, 'meeting is closed'); END;
--> statement-breakpoint
-- A closed meeting's tasks may still be done by their unit, but what was assigned stays as assigned.
CREATE TRIGGER meeting_tasks_closed_assignment BEFORE UPDATE OF meeting_id, unit_id, risk_id, title, due_date ON meeting_tasks
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'closed'
BEGIN SELECT RAISE(ABORT, 'meeting is closed'); END;
--> statement-breakpoint
CREATE TRIGGER meeting_tasks_no_delete BEFORE DELETE ON meeting_tasks
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'closed'
BEGIN SELECT RAISE(ABORT, 'meeting is closed'); END;
