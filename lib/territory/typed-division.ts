import "server-only";
import type { Db } from "@/db/client";
import { loadTerritory } from "@/db/queries/territory";
import { resolveDivision } from "@/lib/domain/territory";

/**
 * A division field as a form sent it. The picker (components/territory/division-picker.tsx) sends
 * the chosen division's id under `name`; without its script — or when the user typed and did not
 * pick — only the typed text arrives, under `${name}Text`, and names the division if it names
 * exactly one (lib/domain/territory.ts `resolveDivision`). Returns the id as the form's other
 * values are (a string, empty when none), and the reason when the text named none or several.
 */
export async function divisionFromForm(
  db: Db,
  form: { get(name: string): unknown },
  name: string,
  p: { activeOnly?: boolean } = {},
): Promise<{ value: string; error?: "divisionNotFound" | "divisionAmbiguous" }> {
  const id = String(form.get(name) ?? "").trim();
  if (id) return { value: id };
  return typedDivision(db, form.get(`${name}Text`), p);
}

/** The division a picker's typed text names (empty when nothing was typed), or why it names none or several. */
export async function typedDivision(
  db: Db,
  typed: unknown,
  p: { activeOnly?: boolean } = {},
): Promise<{ value: string; error?: "divisionNotFound" | "divisionAmbiguous" }> {
  const text = String(typed ?? "").slice(0, 300);
  if (!text.trim()) return { value: "" };
  const found = resolveDivision(await loadTerritory(db), text, p);
  return found.ok ? { value: String(found.id) } : { value: "", error: found.error };
}
