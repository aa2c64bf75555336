import { dropDatabase, PG_TEMPLATE } from "./databases";

/** The template goes with the run; the specs' own databases are dropped as each spec's servers stop. */
export default async function globalTeardown() {
  await dropDatabase(PG_TEMPLATE);
}
