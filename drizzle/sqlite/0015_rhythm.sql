CREATE TABLE `daily_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`day` text NOT NULL,
	`kind` text NOT NULL,
	`items` text DEFAULT '[]' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`filed_at` integer NOT NULL,
	`deadline_at` integer NOT NULL,
	`filed_by` integer,
	`filed_by_name` text NOT NULL,
	`event_seq` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`filed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "daily_reports_kind_check" CHECK("daily_reports"."kind" IN ('zero', 'items'))
);
--> statement-breakpoint
CREATE INDEX `daily_reports_day_unit_idx` ON `daily_reports` (`day`,`unit_id`,`id`);--> statement-breakpoint
CREATE INDEX `daily_reports_unit_day_idx` ON `daily_reports` (`unit_id`,`day`);--> statement-breakpoint
CREATE TABLE `meeting_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by_name` text NOT NULL,
	`event_seq` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_corrections_meeting_idx` ON `meeting_corrections` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meeting_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`risk_id` integer,
	`leader` text NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_decisions_meeting_idx` ON `meeting_decisions` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meeting_risks` (
	`meeting_id` integer NOT NULL,
	`risk_id` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`meeting_id`, `risk_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meeting_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`risk_id` integer,
	`title` text NOT NULL,
	`due_date` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`done_at` integer,
	`done_by` text,
	`done_note` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meeting_tasks_status_check" CHECK("meeting_tasks"."status" IN ('open', 'done'))
);
--> statement-breakpoint
CREATE INDEX `meeting_tasks_unit_status_idx` ON `meeting_tasks` (`unit_id`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `meeting_tasks_status_idx` ON `meeting_tasks` (`status`,`meeting_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`held_at` integer NOT NULL,
	`chair` text NOT NULL,
	`attendees` text DEFAULT '[]' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`snapshot` text,
	`closed_at` integer,
	`closed_by` text,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meetings_type_check" CHECK("meetings"."type" IN ('monthly_review', 'dispatch', 'ad_hoc')),
	CONSTRAINT "meetings_status_check" CHECK("meetings"."status" IN ('open', 'closed'))
);
--> statement-breakpoint
CREATE INDEX `meetings_type_held_idx` ON `meetings` (`type`,`held_at`);--> statement-breakpoint
CREATE TABLE `user_units` (
	`user_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `unit_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `user_units_unit_idx` ON `user_units` (`unit_id`);--> statement-breakpoint
CREATE TABLE `weekly_analyses` (
	`week_start` text PRIMARY KEY NOT NULL,
	`conclusions` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` integer NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
