import { defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

// The tests Stryker runs against each mutant (stryker.config.mjs): the unit tests of the pure rules and
// auth helpers, and the integration tests that exercise the auth code the unit tests cannot reach
// (sessions, guards, the API's tokens, proxy.ts). The whole suite takes ~50 s a run, which over
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
    ],
  },
});
