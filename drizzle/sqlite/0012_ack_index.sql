DROP INDEX `risks_ack_pending_idx`;--> statement-breakpoint
CREATE INDEX `risks_ack_pending_idx` ON `risks` (`ack_pending`,`status`);