// ESLint 9 flat config: type-aware typescript-eslint rules, the Office add-in rules, and prettier last
// (formatting is checked by `prettier --check`, not by ESLint).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "build/", "lib/", "coverage/", "node_modules/", "data/", "tests/artifacts/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      "no-template-curly-in-string": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Code that runs inside Office: browser globals and the Office.js rules (load before read, sync...).
    files: ["src/functions/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    // The core has one door: the edges import src/core/index.ts only, never its modules.
    files: [
      "src/functions/**",
      "src/taskpane/**",
      "src/cli/**",
      "src/sheets/**",
      "src/scripts-office/**",
      "src/index.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)core/.+",
              message:
                "Import the core through its public module (src/core/index.ts); add what you need there.",
            },
          ],
        },
      ],
    },
  },
  {
    // Plain JavaScript config files are not part of the TypeScript project.
    files: ["**/*.{js,mjs,cjs}"],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
