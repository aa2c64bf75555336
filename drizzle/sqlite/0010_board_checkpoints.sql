CREATE TABLE `board_checkpoints` (
	`at` integer PRIMARY KEY NOT NULL,
	`states` text NOT NULL
);
