import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/validation/form-state";

/**
 * Where a successful write sends the user next (issue 18).
 *
 * A `redirect()` inside a server action that the browser's script called makes Next render the
 * target page by fetching it from itself over HTTP, inside the action's own response: a second
 * full request on the write path (a grade change ran at 35% of /ping). So a script's call is
 * answered with the address only (`FormState.redirectTo`), and the form's `useFormAction` then
 * navigates there as any link does. A form posted without JavaScript carries no `Next-Action`
 * header; it still gets the plain 303 redirect, which costs nothing extra.
 *
 * No `revalidatePath` either: every page is rendered per request (nothing is cached on the
 * server), and revalidating would make Next render the form's own page into the answer too.
 */
export async function afterWrite(
  href: string,
  state: Omit<FormState, "redirectTo"> = { ok: true },
): Promise<FormState> {
  if ((await headers()).has("next-action")) return { ...state, redirectTo: href };
  redirect(href);
}
