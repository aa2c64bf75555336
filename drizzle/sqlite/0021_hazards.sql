CREATE TABLE `hazards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`inspection_id` integer,
	`risk_id` integer,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`area_id` integer NOT NULL,
	`region_id` integer NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`grade` text NOT NULL,
	`status` text DEFAULT 'found' NOT NULL,
	`found_on` text NOT NULL,
	`found_by_id` integer,
	`found_by_name` text NOT NULL,
	`five_in_place` text,
	`rectify_unit_id` integer,
	`rectify_person` text,
	`deadline` text,
	`measures_taken` text,
	`rectified_by_id` integer,
	`rectified_at` integer,
	`failed_acceptances` integer DEFAULT 0 NOT NULL,
	`acceptance` text,
	`closed_at` integer,
	`supervision_level` text,
	`supervision_unit_id` integer,
	`supervision_deadline` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`found_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rectify_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rectified_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supervision_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "hazards_status_check" CHECK("hazards"."status" IN ('found', 'rectifying', 'accepting', 'closed')),
	CONSTRAINT "hazards_grade_check" CHECK("hazards"."grade" IN ('general', 'major'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hazards_code_idx` ON `hazards` (`code`);--> statement-breakpoint
CREATE INDEX `hazards_status_deadline_idx` ON `hazards` (`status`,`deadline`);--> statement-breakpoint
CREATE INDEX `hazards_region_found_idx` ON `hazards` (`region_id`,`found_on`);--> statement-breakpoint
CREATE INDEX `hazards_area_found_idx` ON `hazards` (`area_id`,`found_on`);--> statement-breakpoint
CREATE INDEX `hazards_risk_idx` ON `hazards` (`risk_id`);--> statement-breakpoint
CREATE INDEX `hazards_inspection_idx` ON `hazards` (`inspection_id`);--> statement-breakpoint
CREATE TABLE `inspections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`campaign` text DEFAULT '' NOT NULL,
	`unit_id` integer NOT NULL,
	`area_id` integer,
	`region_id` integer NOT NULL,
	`planned_from` text NOT NULL,
	`planned_to` text NOT NULL,
	`inspectors` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`done_on` text,
	`nothing_found` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "inspections_status_check" CHECK("inspections"."status" IN ('planned', 'done'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspections_code_idx` ON `inspections` (`code`);--> statement-breakpoint
CREATE INDEX `inspections_region_idx` ON `inspections` (`region_id`,`planned_from`);--> statement-breakpoint
-- A hazard's history: its events carry its id in their data (the chain's columns stay as they are).
CREATE INDEX `risk_events_hazard_idx` ON `risk_events` (json_extract(data, '$.hazardId'), seq) WHERE action LIKE 'hazard.%';
