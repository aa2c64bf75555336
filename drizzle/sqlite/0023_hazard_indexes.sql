CREATE INDEX `hazards_found_idx` ON `hazards` (`found_on`,`id`);--> statement-breakpoint
CREATE INDEX `hazards_closed_idx` ON `hazards` (`closed_at`);