CREATE INDEX "hazards_found_idx" ON "hazards" USING btree ("found_on","id");--> statement-breakpoint
CREATE INDEX "hazards_closed_idx" ON "hazards" USING btree ("closed_at");