import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";

// The CLI reads zod through src/cli/lazyZod.ts, which requires it on first use: `price` and
// `charge` with the built-in tables never need it, and importing it was ~40% of start-up.
const lazyZod = {
  name: "lazy-zod",
  setup(build: {
    onResolve: (options: { filter: RegExp }, callback: () => { path: string }) => void;
  }) {
    build.onResolve({ filter: /^zod$/ }, () => ({
      path: fileURLToPath(new URL("./src/cli/lazyZod.ts", import.meta.url)),
    }));
  },
};

export default defineConfig([
  {
    // `llm-pricebook` (engine + built-in tables + parsing), `llm-pricebook/engine` (no tables,
    // no zod) and `llm-pricebook/calculator` (the custom element, on the engine). Shared code is
    // split into chunks, so every entry shares one PricebookError class.
    // `digest` is internal (not in package.json's exports): as an entry of its own it makes the
    // bundled @noble/hashes a chunk of its own (see noExternal below), which a consumer's
    // bundler drops when nothing computes a digest.
    entry: {
      index: "src/index.ts",
      engine: "src/engine.ts",
      calculator: "src/calculator.ts",
      digest: "src/catalog/sha256.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    splitting: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    treeshake: true,
    minify: true,
    // @noble/hashes (SHA-256 of table digests) is bundled in: importing its four modules
    // separately made importing the engine ~1.5× slower than decimal.js alone (issue #15;
    // `npm run bench:import`). Its MIT notice travels with it.
    noExternal: ["@noble/hashes"],
    banner: {
      js: "/*! Includes @noble/hashes: MIT License, Copyright (c) 2022 Paul Miller (https://paulmillr.com) */",
    },
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    minify: true,
    dts: false,
    sourcemap: true,
    clean: false,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    noExternal: ["zod"],
    esbuildPlugins: [lazyZod],
  },
  {
    // One classic script for docs sites without a bundler (<script src=…/calculator.global.js>):
    // decimal.js and the hash bundled in. A classic script also loads from a file:// page.
    entry: { calculator: "src/calculator.ts" },
    format: ["iife"],
    dts: false,
    sourcemap: false,
    clean: false,
    platform: "browser",
    target: "es2022",
    minify: true,
    noExternal: [/.*/],
  },
]);
