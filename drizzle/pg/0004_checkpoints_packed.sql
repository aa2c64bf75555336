-- Board checkpoints are a cache of the history, rebuilt on demand: the JSON ones are dropped, not converted.
TRUNCATE "board_checkpoints";--> statement-breakpoint
ALTER TABLE "board_checkpoints" ALTER COLUMN "states" SET DATA TYPE bytea USING convert_to("states", 'UTF8');
