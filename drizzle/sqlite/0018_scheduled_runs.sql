CREATE TABLE `scheduled_runs` (
	`name` text PRIMARY KEY NOT NULL,
	`started_at` integer NOT NULL,
	`instance` text NOT NULL
);
