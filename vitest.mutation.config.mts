import { defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

// The tests Stryker runs against each mutant (stryker.config.mjs): the unit tests of the pure rules and
// of the auth helpers. The whole suite takes ~50 s a run, which over ~1,500 mutants would take hours.
// (Spread, not mergeConfig: mergeConfig would append to the base's include list.)
export default defineConfig({ ...base, test: { ...base.test, include: ["tests/unit/**/*.test.ts"] } });
