CREATE TABLE `risk_measures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`risk_id` integer NOT NULL,
	`description` text NOT NULL,
	`owner` text NOT NULL,
	`due_date` text,
	`status` text DEFAULT 'planned' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "risk_measures_status_check" CHECK("risk_measures"."status" IN ('planned', 'in_progress', 'done'))
);
--> statement-breakpoint
CREATE INDEX `risk_measures_risk_idx` ON `risk_measures` (`risk_id`);--> statement-breakpoint
ALTER TABLE `risk_events` ADD `risk_version` integer;--> statement-breakpoint
ALTER TABLE `risk_events` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `risk_events` ADD `hash` text;--> statement-breakpoint
ALTER TABLE `risks` ADD `co_unit_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `risks` ADD `ack_pending` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `risks` ADD `last_reviewed_at` integer;--> statement-breakpoint
CREATE INDEX `risks_ack_pending_idx` ON `risks` (`ack_pending`);