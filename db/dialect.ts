/**
 * Which store this process runs on, fixed when it starts: PostgreSQL when DATABASE_URL names one
 * (postgres:// or postgresql://), otherwise the embedded SQLite file (decision 025). One process,
 * one store: the schema's tables (db/schema/index.ts) are that store's.
 */
export type Dialect = "sqlite" | "pg";

export const isPostgresUrl = (url: string | undefined): url is string => /^postgres(ql)?:\/\//.test(url ?? "");

export const DIALECT: Dialect = isPostgresUrl(process.env.DATABASE_URL) ? "pg" : "sqlite";
