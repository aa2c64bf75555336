/**
 * Imported first by the command-line tools that take `--db`: the store they are pointed at decides
 * this process's dialect (db/dialect.ts reads DATABASE_URL once, when it is first imported), so
 * `--db postgres://…` works without DATABASE_URL set, and `--db file.db` with it set.
 */
const at = process.argv.findIndex((a) => a === "--db" || a.startsWith("--db="));
const given =
  at < 0 ? undefined : process.argv[at].startsWith("--db=") ? process.argv[at].slice(5) : process.argv[at + 1];
if (given) {
  if (/^postgres(ql)?:\/\//.test(given)) process.env.DATABASE_URL = given;
  else delete process.env.DATABASE_URL;
}
export {};
