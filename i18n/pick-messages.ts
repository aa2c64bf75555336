/**
 * The part of the catalogue a client island needs. Each path is a namespace ("grading") or a
 * subtree ("errors.serverErrorTitle"); the result keeps the catalogue's nesting, so the island's
 * `useTranslations("grading")` and `t("errors.x")` read it as they read the whole catalogue.
 * A path the catalogue lacks is an error at render time, not a silently missing string later.
 */
export type Messages = { [key: string]: string | Messages };

export function pickMessages(all: Messages, paths: readonly string[]): Messages {
  const out: Messages = {};
  for (const path of paths) {
    const parts = path.split(".");
    let from: string | Messages = all;
    let into = out;
    parts.forEach((part, i) => {
      if (typeof from === "string" || !(part in from)) throw new Error(`message path not in the catalogue: ${path}`);
      from = from[part];
      if (i === parts.length - 1) into[part] = from;
      else into = (into[part] ??= {}) as Messages;
    });
  }
  return out;
}
