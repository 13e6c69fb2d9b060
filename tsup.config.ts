import { defineConfig } from "tsup";

export default defineConfig([
  {
    // `llm-pricebook` (engine + built-in tables + parsing), `llm-pricebook/engine` (no tables,
    // no zod) and `llm-pricebook/calculator` (the custom element, on the engine). The engine's
    // modules are reached from all three entries (src/calculator.ts takes compileTable from
    // src/engine.ts for this), so they form ONE shared chunk: every entry shares one PricebookError class, and
    // importing `llm-pricebook/engine` loads two files, dist/engine.js and that chunk (issue
    // #15: each extra module file costs about a millisecond; `npm run bench:import`).
    entry: {
      index: "src/index.ts",
      engine: "src/engine.ts",
      calculator: "src/calculator.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    splitting: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    treeshake: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    esbuildOptions(options) {
      options.pure = ["Object.freeze", "Object.values", "Array.from", "Uint32Array.from"];
    },
    // @noble/hashes (SHA-256 of table digests) is bundled into the engine's chunk rather than
    // imported as its own four modules (issue #15). Its MIT notice travels with it.
    noExternal: ["@noble/hashes"],
    banner: {
      js: "/*! Includes @noble/hashes: MIT License, Copyright (c) 2022 Paul Miller (https://paulmillr.com) */",
    },
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    clean: false,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
  {
    // One classic script for docs sites without a bundler (<script src=…/calculator.global.js>):
    // the hash bundled in. A classic script also loads from a file:// page.
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
