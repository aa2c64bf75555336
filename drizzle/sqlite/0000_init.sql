CREATE TABLE `areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`lead_unit_id` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`lead_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "areas_kind_check" CHECK("areas"."kind" IN ('category', 'domain'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `areas_code_unique` ON `areas` (`code`);--> statement-breakpoint
CREATE INDEX `areas_kind_sort_idx` ON `areas` (`kind`,`sort_order`);--> statement-breakpoint
CREATE TABLE `regions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`parent_id` integer,
	`level` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `regions_code_unique` ON `regions` (`code`);--> statement-breakpoint
CREATE INDEX `regions_parent_idx` ON `regions` (`parent_id`);--> statement-breakpoint
CREATE TABLE `risk_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`risk_id` integer,
	`actor_id` integer,
	`actor_name` text NOT NULL,
	`action` text NOT NULL,
	`field` text,
	`old_value` text,
	`new_value` text,
	`reason` text,
	`data` text,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `risk_events_risk_idx` ON `risk_events` (`risk_id`,`seq`);--> statement-breakpoint
CREATE INDEX `risk_events_at_idx` ON `risk_events` (`at`);--> statement-breakpoint
CREATE TABLE `risks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`area_id` integer NOT NULL,
	`region_id` integer NOT NULL,
	`colour` text NOT NULL,
	`severity` integer GENERATED ALWAYS AS ((CASE colour WHEN 'red' THEN 4 WHEN 'orange' THEN 3 WHEN 'yellow' THEN 2 ELSE 1 END)) VIRTUAL,
	`status` text DEFAULT 'identified' NOT NULL,
	`responsible_unit_id` integer NOT NULL,
	`responsible_person` text NOT NULL,
	`control_measures` text DEFAULT '' NOT NULL,
	`assessment` text,
	`next_review_date` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "risks_colour_check" CHECK("risks"."colour" IN ('red', 'orange', 'yellow', 'blue')),
	CONSTRAINT "risks_status_check" CHECK("risks"."status" IN ('identified', 'controlling', 'resolved', 'closed')),
	CONSTRAINT "risks_version_check" CHECK("risks"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `risks_code_idx` ON `risks` (`code`);--> statement-breakpoint
CREATE INDEX `risks_severity_updated_idx` ON `risks` (`severity`,`updated_at`);--> statement-breakpoint
CREATE INDEX `risks_updated_idx` ON `risks` (`updated_at`);--> statement-breakpoint
CREATE INDEX `risks_next_review_idx` ON `risks` (`status`,`next_review_date`);--> statement-breakpoint
CREATE INDEX `risks_area_severity_idx` ON `risks` (`area_id`,`severity`,`updated_at`);--> statement-breakpoint
CREATE INDEX `risks_region_severity_idx` ON `risks` (`region_id`,`severity`,`updated_at`);--> statement-breakpoint
CREATE INDEX `risks_unit_severity_idx` ON `risks` (`responsible_unit_id`,`severity`,`updated_at`);--> statement-breakpoint
CREATE INDEX `risks_colour_updated_idx` ON `risks` (`colour`,`updated_at`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_code_unique` ON `units` (`code`);