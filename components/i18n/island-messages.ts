import { FORM_MESSAGES } from "./client-messages";

/**
 * The catalogue parts each page's client islands read (their own `useTranslations` namespaces
 * plus the keys their actions answer with). One list per page, so a new island's namespace is
 * added in one reviewed place; the e2e suite fails on any string missing on the client.
 */
const F = FORM_MESSAGES;
export const ISLAND_MESSAGES = {
  /** app/error.tsx, under the root layout on every page. */
  shell: ["errors.serverErrorTitle", "errors.serverErrorBody", "errors.retry"],
  login: [...F, "auth"],
  setup: [...F, "setup"],
  password: [...F, "account"],
  twoFactor: [...F, "account", "auth"],
  riskPage: [...F, "workflow", "measures", "statuses", "risk.notFound"],
  grade: [...F, "grading", "colours", "workflow", "risk.fields.nextReviewDate", "risk.notFound"],
  riskForm: [
    ...F,
    "risk",
    "grading",
    "kinds",
    "colours",
    "territory.searchHint",
    "territory.noMatch",
    "territory.searching",
  ],
  import: [...F, "imports"],
  report: [...F, "reports"],
  analysis: [...F, "analysis"],
  meetings: [...F, "meetings", "tasks"],
  tasks: [...F, "tasks"],
  audit: [...F, "audit", "exports", "colours"],
  users: [...F, "admin", "roles", "territory"],
  settings: [...F, "settings", "colours"],
  reference: [...F, "reference"],
  apiTokens: [...F, "apiTokens"],
  hazardForm: [...F, "hazards", "territory.searchHint", "territory.noMatch", "territory.searching"],
  hazardPage: [...F, "hazards"],
} as const satisfies Record<string, readonly string[]>;
