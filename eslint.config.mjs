import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // next.config.js is CommonJS (the package is not "type": "module"), so require() is how it imports.
  { files: ["next.config.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  // Form actions receive (previousState, formData); a leading underscore marks a parameter React passes but the action ignores.
  { rules: { "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_" }] } },
  globalIgnores([".next/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench/**", "data/**", ".look/**"]),
]);
