/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // Jest's default is one worker less than the cores: on a 2-core machine, one, so every suite ran in
  // series. The heavy suites wait mostly on child processes (webpack, chromium, soffice, HiGHS), so
  // one worker per core finishes sooner.
  maxWorkers: "100%",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    // tsconfig.json has isolatedModules, so ts-jest transpiles each file (type checking is `npm run typecheck`).
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
};
