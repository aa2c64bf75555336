import "server-only";

// The territory's reads live in db/territory.ts, which the export's own thread imports too.
export { loadTerritory, regionsWithin, type DivisionRow } from "../territory";
