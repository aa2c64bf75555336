import { customType } from "drizzle-orm/pg-core";

/**
 * An instant as epoch milliseconds in a bigint, read as a Date — what SQLite's
 * `integer({ mode: "timestamp_ms" })` stores, so a copied row and its history hash are the same.
 */
export const epochMs = customType<{ data: Date; driverData: string | number }>({
  dataType: () => "bigint",
  toDriver: (value) => value.getTime(),
  fromDriver: (value) => new Date(Number(value)),
});

/**
 * JSON kept as the text it was written as (not jsonb, which reorders keys and drops duplicates),
 * read and written like SQLite's `text({ mode: "json" })`.
 */
export const jsonText = customType<{ data: unknown; driverData: string }>({
  dataType: () => "text",
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => JSON.parse(value) as unknown,
});

/** Bytes (a board checkpoint's packed states), what SQLite's `blob({ mode: "buffer" })` holds. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => "bytea",
});
