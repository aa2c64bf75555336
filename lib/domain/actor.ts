/** Who did it: a signed-in user, or a named system actor (seed, setup, "system:test") with no id. */
export type Actor = { id: number | null; name: string };
