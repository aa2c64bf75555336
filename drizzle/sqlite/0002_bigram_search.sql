-- Custom migration: two-character search terms ("燃气", "煤矿") are the commonest Chinese queries,
-- and the trigram index cannot answer them. This contentless FTS5 table holds each risk's
-- overlapping character pairs as tokens, computed by sise_bigrams() — a deterministic SQL function
-- that db/connection.ts registers on every connection (lib/domain/search.ts: bigramText).
CREATE VIRTUAL TABLE `risk_bigrams` USING fts5(
	grams,
	content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 0'
);
--> statement-breakpoint
INSERT INTO `risk_bigrams`(rowid, grams) SELECT id, sise_bigrams(title || ' ' || description) FROM `risks`;
--> statement-breakpoint
CREATE TRIGGER `risks_bigrams_ai` AFTER INSERT ON `risks` BEGIN
	INSERT INTO `risk_bigrams`(rowid, grams) VALUES (new.id, sise_bigrams(new.title || ' ' || new.description));
END;
--> statement-breakpoint
CREATE TRIGGER `risks_bigrams_ad` AFTER DELETE ON `risks` BEGIN
	DELETE FROM `risk_bigrams` WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `risks_bigrams_au` AFTER UPDATE OF title, description ON `risks` BEGIN
	DELETE FROM `risk_bigrams` WHERE rowid = old.id;
	INSERT INTO `risk_bigrams`(rowid, grams) VALUES (new.id, sise_bigrams(new.title || ' ' || new.description));
END;
