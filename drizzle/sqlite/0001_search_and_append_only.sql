-- Custom migration (drizzle-kit generate --custom): things drizzle's schema DSL cannot express.

-- Substring search over title and description. The trigram tokenizer makes FTS5 answer any
-- substring of three or more characters, which is what Chinese text needs (no word spaces).
-- External-content table: the text lives once, in risks; triggers keep the index in step.
CREATE VIRTUAL TABLE `risk_search` USING fts5(
	title, description,
	content='risks', content_rowid='id',
	tokenize='trigram'
);
--> statement-breakpoint
INSERT INTO `risk_search`(rowid, title, description) SELECT id, title, description FROM `risks`;
--> statement-breakpoint
CREATE TRIGGER `risks_search_ai` AFTER INSERT ON `risks` BEGIN
	INSERT INTO `risk_search`(rowid, title, description) VALUES (new.id, new.title, new.description);
END;
--> statement-breakpoint
CREATE TRIGGER `risks_search_ad` AFTER DELETE ON `risks` BEGIN
	INSERT INTO `risk_search`(`risk_search`, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
END;
--> statement-breakpoint
CREATE TRIGGER `risks_search_au` AFTER UPDATE OF title, description ON `risks` BEGIN
	INSERT INTO `risk_search`(`risk_search`, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
	INSERT INTO `risk_search`(rowid, title, description) VALUES (new.id, new.title, new.description);
END;
--> statement-breakpoint
-- The history is append-only: no code path may change or remove an event, and neither may raw SQL.
CREATE TRIGGER `risk_events_no_update` BEFORE UPDATE ON `risk_events` BEGIN
	SELECT RAISE(ABORT, 'risk_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `risk_events_no_delete` BEFORE DELETE ON `risk_events` BEGIN
	SELECT RAISE(ABORT, 'risk_events is append-only');
END;
