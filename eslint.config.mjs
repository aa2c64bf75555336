import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // next.config.js is CommonJS (the package is not "type": "module"), so require() is how it imports.
  { files: ["next.config.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  // Form actions receive (previousState, formData); a leading underscore marks a parameter React passes but the action ignores.
  { rules: { "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_" }] } },
  // Every call into the data layer answers with a promise (decision 024): one that is neither awaited
  // nor handed on is a write that may not have happened, or a read whose error nobody sees.
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  // The data layer (docs/architecture.md): nothing outside db/ touches drizzle, the driver or SQL.
  // Row types may be imported from the schema; the tables, the query builder and the handle may not.
  {
    files: ["app/**", "components/**", "lib/**", "i18n/**", "proxy.ts", "instrumentation.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "better-sqlite3", message: "Database access lives in db/ (docs/architecture.md)." },
            {
              name: "@/db/schema",
              allowTypeImports: true,
              message: "Only row types may leave db/: query through a db/ function.",
            },
          ],
          patterns: [
            {
              group: ["drizzle-orm", "drizzle-orm/*"],
              message: "Database access lives in db/ (docs/architecture.md).",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[property.name='$client']", message: "The driver's handle stays inside db/." },
      ],
    },
  },
  // Components only render: what a page shows is loaded in lib/views (docs/architecture.md).
  {
    files: ["components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [{ name: "better-sqlite3", message: "Database access lives in db/ (docs/architecture.md)." }],
          patterns: [
            {
              group: ["drizzle-orm", "drizzle-orm/*"],
              message: "Database access lives in db/ (docs/architecture.md).",
            },
            {
              group: ["@/db/*"],
              allowTypeImports: true,
              message: "Components only render: load what they show in lib/views (docs/architecture.md).",
            },
          ],
        },
      ],
    },
  },
  // Pure rules: no framework, no database, no request — so they are tested without any of them.
  {
    files: ["lib/domain/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "next",
                "next/*",
                "next-intl",
                "next-intl/*",
                "react",
                "react-dom",
                "@/db/*",
                "../../db/*",
                "drizzle-orm",
                "drizzle-orm/*",
                "better-sqlite3",
                "server-only",
              ],
              message: "lib/domain holds pure rules only (docs/architecture.md).",
            },
          ],
        },
      ],
    },
  },
  // Layout is Prettier's (npm run lint checks it): stylistic lint rules that would disagree are off.
  prettier,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "bench/**",
    "data/**",
    ".look/**",
  ]),
]);
