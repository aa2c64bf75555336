-- Board checkpoints are a cache of the history, rebuilt on demand: the JSON ones are dropped, not converted.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_board_checkpoints` (
	`at` integer PRIMARY KEY NOT NULL,
	`states` blob NOT NULL
);
--> statement-breakpoint
DROP TABLE `board_checkpoints`;--> statement-breakpoint
ALTER TABLE `__new_board_checkpoints` RENAME TO `board_checkpoints`;--> statement-breakpoint
PRAGMA foreign_keys=ON;