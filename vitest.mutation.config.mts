import { defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

// The tests Stryker runs against each mutant (stryker.config.mjs): the unit tests of the pure rules and
// auth helpers, the integration tests that exercise the auth code the unit tests cannot reach
// (sessions, guards, the API's tokens, proxy.ts), and those of the write mutations and forms. Left
// out: the slow proofs (crashes, concurrency, hostile-input properties, documents, the demo seed). The whole suite takes ~50 s a run, which over
// ~1,900 mutants would take hours; with per-test coverage these take minutes.
// (Spread, not mergeConfig: mergeConfig would append to the base's include list.)
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      "tests/unit/**/*.test.ts",
      "tests/integration/auth.test.ts",
      "tests/integration/auth-guards.test.ts",
      "tests/integration/proxy.test.ts",
      "tests/integration/api.test.ts",
      "tests/integration/authorization-matrix.test.ts",
      // The write mutations and the forms' validation, through the actions and the import.
      "tests/integration/risks.test.ts",
      "tests/integration/grading-actions.test.ts",
      "tests/integration/register.test.ts",
      "tests/integration/rhythm.test.ts",
      "tests/integration/imports.test.ts",
      "tests/integration/import-route.test.ts",
      "tests/integration/reference-admin.test.ts",
      "tests/integration/store.test.ts",
      "tests/integration/export-scope.test.ts",
    ],
  },
});
