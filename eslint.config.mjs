import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: [".next/**", ".next-*/**", "data/**", "coverage/**", "node_modules/**", "test-results/**", "bench-results/**", "next-env.d.ts"] },
  {
    // Browser code must never pull in server modules (DB, secrets, Node APIs).
    files: ["components/**", "stores/**", "lib/client/**", "lib/protocol/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/lib/server/**", "@/lib/server/**"], message: "server-only code" }] },
      ],
    },
  },
  {
    // The contract is shared by server and browser: it may import zod and nothing from Node, React or Next.
    files: ["lib/protocol/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["node:*", "react", "react-*", "next", "next/*", "**/lib/server/**", "**/lib/client/**"], message: "protocol imports zod only" }] },
      ],
    },
  },
];

export default config;
