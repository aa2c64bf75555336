import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getRiskByCode } from "@/db/queries/risks";
import { codeFromParam } from "@/lib/domain/risk-code";

/**
 * The risk a /risks/[code] URL names, or undefined (also for malformed encoding). Cached per
 * request, so a page and its generateMetadata share one query.
 */
export const findRisk = cache(async (rawCode: string) => {
  const code = codeFromParam(rawCode);
  return code === null ? undefined : await getRiskByCode(getDb(), { code });
});
