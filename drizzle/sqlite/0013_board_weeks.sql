CREATE TABLE `board_weeks` (
	`at` integer PRIMARY KEY NOT NULL,
	`cells` text NOT NULL
);
