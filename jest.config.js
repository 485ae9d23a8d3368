/** Three rings of tests, each its own Jest project (see README "Tests"). */
const swc = [
  "@swc/jest",
  { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } } } },
];
const common = {
  transform: { "^.+\\.(t|j)sx?$": swc },
  // franc-min and its trigram helpers ship only as ES modules: compile them like our own code.
  transformIgnorePatterns: ["/node_modules/(?!(franc-min|trigram-utils|collapse-white-space|n-gram)/)"],
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1", "\\.css$": "<rootDir>/__tests__/helpers/style-stub.js" },
};

module.exports = {
  projects: [
    { ...common, displayName: "unit", testEnvironment: "node", testMatch: ["<rootDir>/__tests__/unit/**/*.test.ts"] },
    {
      ...common,
      displayName: "ui",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/__tests__/ui/**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/__tests__/helpers/jest-dom-setup.ts"],
    },
    {
      ...common,
      displayName: "integration",
      testEnvironment: "node",
      testMatch: ["<rootDir>/__tests__/integration/**/*.test.ts"],
    },
    { ...common, displayName: "e2e", testEnvironment: "node", testMatch: ["<rootDir>/__tests__/e2e/**/*.test.ts"] },
  ],
};
